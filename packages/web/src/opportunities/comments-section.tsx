import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../api/client.ts";
import { ApiError, describeError } from "../api/problem.ts";
import { useMe } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Section } from "../ui/page.tsx";

/** The thread under an opportunity: the owner, members and a coach it is shared with each write in it. */
export function CommentsSection({ opportunityId }: { opportunityId: string }) {
  const me = useMe().data;
  const client = useQueryClient();
  const key = ["opportunity", opportunityId, "comments"];
  const path = { params: { path: { id: opportunityId } } };
  const thread = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET("/api/opportunities/{id}/comments", path)) });
  const [body, setBody] = useState("");
  const add = useMutation({
    mutationFn: () => unwrap(api.POST("/api/opportunities/{id}/comments", { ...path, body: { body } })),
    onSuccess: () => {
      setBody("");
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const err = add.error instanceof ApiError ? add.error : undefined;
  return (
    <Section title="Comments">
      {thread.error && <Alert>{describeError(thread.error)}</Alert>}
      {(thread.data?.items.length ?? 0) > 0 ? (
        <ul className="plain-list stack" aria-label="Comments">
          {thread.data?.items.map((c) => (
            <li key={c.id}>
              <div className="small">
                <span className="strong">{c.authorName || "Someone"}</span>
                {c.authorId === me?.user.id && <span className="muted"> (you)</span>}
                <span className="muted"> · {formatDate(c.createdAt)}</span>
              </div>
              <p className="pre-line" style={{ overflowWrap: "anywhere" }}>
                {c.body}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        thread.data && <p className="muted small">No comments yet.</p>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Field
          label="Add a comment"
          name="comment"
          multiline
          rows={3}
          value={body}
          onChange={(value) => {
            setBody(value);
            if (add.isError) add.reset();
          }}
          error={err?.fieldError("body") ?? (err ? describeError(err) : undefined)}
        />
        <div>
          <Button type="submit" isDisabled={add.isPending || !body.trim()}>
            Comment
          </Button>
        </div>
      </form>
    </Section>
  );
}
