import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { useAccount } from "../app/session.ts";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { timeZoneOptions } from "../ui/regions.ts";
import { useCountryOptions } from "./holiday-queries.ts";

export function AccountSection() {
  const account = useAccount();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("UTC");
  const [country, setCountry] = useState("");
  const countries = useCountryOptions(country);
  useEffect(() => {
    if (!account.data) return;
    setName(account.data.name);
    setTimeZone(account.data.timeZone);
    setCountry(account.data.country ?? "");
  }, [account.data]);
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/account", { body: { name, timeZone, country: country || null } })),
    onSuccess: (saved) => {
      client.setQueryData(["account"], saved);
      void client.invalidateQueries({ queryKey: ["settings", "holidays"] });
      void client.invalidateQueries({ queryKey: ["today"] });
    },
  });
  const isOwner = account.data?.role === "owner";

  return (
    <Section title="Account">
      {account.isPending && <Loading />}
      {account.data && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          {save.isError && <Alert>{describeError(save.error)}</Alert>}
          {save.isSuccess && <Alert tone="info">Saved.</Alert>}
          <Field label="Account name" name="accountName" value={name} onChange={setName} isRequired />
          <div className="grid-2">
            <NativeSelect
              label="Time zone"
              name="timeZone"
              options={timeZoneOptions(timeZone)}
              value={timeZone}
              onChange={setTimeZone}
              description="“Today” and weeks are counted here."
            />
            <NativeSelect
              label="Country"
              name="country"
              options={[{ id: "", label: "None" }, ...countries]}
              value={country}
              onChange={setCountry}
              description="Public holidays come from it."
            />
          </div>
          {isOwner ? (
            <div className="row">
              <Button type="submit" tone="primary" isDisabled={save.isPending}>
                Save account
              </Button>
            </div>
          ) : (
            <p className="muted small">Only an owner can change the account.</p>
          )}
        </form>
      )}
    </Section>
  );
}
