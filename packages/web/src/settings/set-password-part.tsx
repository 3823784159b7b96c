import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";

/**
 * For a person who signs in only through single sign-on (no password): what changing a password or an address
 * would need is not there, so Settings says how they sign in and offers a first password instead
 * (`POST /api/password/set`), after which the usual forms come back.
 */
export function SetPasswordPart({ provider }: { provider: string | null }) {
  const client = useQueryClient();
  const [newPassword, setNew] = useState("");
  const set = useMutation({
    mutationFn: () => unwrap(api.POST("/api/password/set", { body: { newPassword } })),
    onSuccess: () => {
      setNew("");
      void client.invalidateQueries({ queryKey: ["sso-link"] });
    },
  });
  const err = set.error instanceof ApiError ? set.error : undefined;
  const inline = err?.fieldError("newPassword");
  return (
    <form
      className="stack"
      aria-labelledby="set-password-heading"
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate();
      }}
    >
      <h3 className="strong" id="set-password-heading">
        Password
      </h3>
      <p>
        You sign in through {provider ?? "single sign-on"}: you have no password here. Set one to sign in with your
        address and a password too, and to change your address here.
      </p>
      {set.isError && !inline && <Alert>{describeError(set.error)}</Alert>}
      <div className="grid-2">
        <Field
          label="New password"
          name="firstPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(value) => {
            setNew(value);
            if (set.isError) set.reset();
          }}
          description="At least 10 characters; a phrase of a few words is easy to remember. Not a common password."
          error={inline}
          isRequired
        />
      </div>
      <div className="row">
        <Button type="submit" isDisabled={set.isPending || !newPassword}>
          Set a password
        </Button>
      </div>
    </form>
  );
}
