import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import type { NewApiToken } from "../api/types.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";

export function TokensSection() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ["tokens"], queryFn: () => unwrap(api.GET("/api/tokens")) });
  const [name, setName] = useState("");
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST("/api/tokens", { body: { name: name.trim() } })),
    onSuccess: (token) => {
      setCreated(token);
      setName("");
      void client.invalidateQueries({ queryKey: ["tokens"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/tokens/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tokens"] }),
  });

  return (
    <Section title="API tokens">
      <p className="muted small">
        For the CLI (<code>kith --url … --token …</code>) and scripts. A token acts with your role in this account.
      </p>
      {(create.error || revoke.error) && <Alert>{describeError(create.error ?? revoke.error)}</Alert>}
      {created && (
        <Alert tone="info">
          <p>
            Copy the token “{created.name}” now; it is shown only once:
            <br />
            <code className="token">{created.token}</code>
          </p>
          <Button tone="quiet" onPress={() => void navigator.clipboard?.writeText(created.token)}>
            Copy
          </Button>
        </Alert>
      )}
      <ul className="plain-list">
        {tokens.data?.items.map((t) => (
          <li key={t.id} className="member-row">
            <div>
              <div className="strong">{t.name}</div>
              <div className="muted small">
                {t.prefix}… · made {formatDate(t.createdAt)} ·{" "}
                {t.lastUsedAt ? `last used ${formatDate(t.lastUsedAt)}` : "never used"}
              </div>
            </div>
            <Button tone="quiet" onPress={() => revoke.mutate(t.id)} aria-label={`Revoke ${t.name}`}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label="New token name" name="tokenName" value={name} onChange={setName} placeholder="laptop CLI" />
        <Button type="submit" isDisabled={create.isPending || !name.trim()}>
          Create token
        </Button>
      </form>
    </Section>
  );
}
