import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { actingAccount } from "../app/acting-account.ts";
import { useMe } from "../app/session.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { AuthCard } from "./auth-card.tsx";
import { pendingInvitation } from "./pending-invitation.ts";

/** Opening an invitation link: sign in (or up) with the invited address, see the offer, accept it. */
export default function InvitationPage() {
  const [token] = useState(() => pendingInvitation.get());
  const me = useMe();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const preview = useQuery({
    queryKey: ["invitation", token],
    enabled: Boolean(token && me.data),
    retry: false,
    queryFn: () => unwrap(api.POST("/api/invitations/preview", { body: { token: token ?? "" } })),
  });
  const accept = useMutation({
    mutationFn: () => unwrap(api.POST("/api/invitations/accept", { body: { token: token ?? "" } })),
    onSuccess: async (membership) => {
      pendingInvitation.clear();
      // Shared with a viewer or coach: act in that account from now on (Settings has the way back).
      if (membership.role === "viewer" || membership.role === "coach") actingAccount.set(membership.accountId);
      await client.invalidateQueries();
      navigate("/");
    },
  });

  if (!token) {
    return (
      <AuthCard title="Invitation" lead="This link has no invitation in it." onSubmit={() => navigate("/")}>
        <p className="muted">Ask whoever invited you for a new link.</p>
      </AuthCard>
    );
  }
  if (!me.data) return null;
  const offer = preview.data;
  return (
    <AuthCard
      title="You are invited"
      lead={
        offer
          ? `${offer.invitedBy || "An owner"} invites you to “${offer.accountName}” as ${offer.role === "owner" ? "an" : "a"} ${offer.role}.`
          : "Checking the invitation…"
      }
      onSubmit={() => accept.mutate()}
    >
      {preview.error && <Alert>{describeError(preview.error)}</Alert>}
      {accept.error && <Alert>{describeError(accept.error)}</Alert>}
      {offer && (
        <>
          <p className="muted small">
            For {offer.email}, until {formatDate(offer.expiresAt)}. Signed in as {me.data.user.email}.
          </p>
          <Button type="submit" tone="primary" isDisabled={accept.isPending}>
            Accept the invitation
          </Button>
        </>
      )}
      <Button
        tone="quiet"
        onPress={() => {
          pendingInvitation.clear();
          navigate("/");
        }}
      >
        Not now
      </Button>
    </AuthCard>
  );
}
