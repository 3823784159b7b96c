import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { Alert, Button } from "../ui/controls.tsx";

const VERIFICATION = ["email-verification"];

/**
 * Replying to a digest ("done", "snooze 2w", a note) is obeyed only from a verified address: this part says
 * whether mine is, and sends the verification mail again.
 */
export function EmailVerificationPart() {
  const client = useQueryClient();
  const state = useQuery({ queryKey: VERIFICATION, queryFn: () => unwrap(api.GET("/api/email-verification")) });
  const send = useMutation({
    mutationFn: () => unwrap(api.POST("/api/email-verification")),
    onSuccess: (data) => client.setQueryData(VERIFICATION, data),
  });
  if (!state.data) return state.isError ? <Alert>{describeError(state.error)}</Alert> : null;
  const { email, verified, canSend } = state.data;
  return (
    <section className="stack part break" aria-labelledby="verify-heading">
      <h3 id="verify-heading">Reply to act</h3>
      <p className="muted small">
        Answer a digest with “done”, “snooze 2w”, “skip” or a note, and Kith acts on that item. Only replies from your
        own verified address are obeyed.
      </p>
      {verified ? (
        <p>
          <span className="badge badge-good">verified</span> <strong>{email}</strong>
        </p>
      ) : (
        <>
          <p>
            <strong>{email}</strong> is not verified yet.
          </p>
          {send.isError && <Alert>{describeError(send.error)}</Alert>}
          {send.isSuccess && <Alert tone="info">Sent. Open the link in the mail to verify {email}.</Alert>}
          {canSend ? (
            <div>
              <Button onPress={() => send.mutate()} isDisabled={send.isPending}>
                Send the verification mail
              </Button>
            </div>
          ) : (
            <p className="muted small">Addresses can be verified once this server can send email.</p>
          )}
        </>
      )}
    </section>
  );
}
