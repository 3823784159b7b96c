import { useQueryClient } from "@tanstack/react-query";
import { Link, useLocation } from "wouter";
import { actingAccount } from "../app/acting-account.ts";
import { useAccount, useMe, useMyAccess, useSignOut } from "../app/session.ts";
import { MyUpdateSection } from "../messages/my-update-section.tsx";
import { Button } from "../ui/controls.tsx";
import { Page, Section } from "../ui/page.tsx";
import { AccountSection } from "./account-section.tsx";
import { CalendarFeedSection } from "./calendar-feed-section.tsx";
import { EngineSection } from "./engine-section.tsx";
import { HolidaysSection } from "./holidays-section.tsx";
import { MembersSection } from "./members-section.tsx";
import { NotificationsSection } from "./notifications-section.tsx";
import { SessionsSection } from "./sessions-section.tsx";
import { SharesSection } from "./shares-section.tsx";
import { SmtpSection } from "./smtp-section.tsx";
import { SourcesSection } from "./sources-section.tsx";
import { TokensSection } from "./tokens-section.tsx";

export default function SettingsPage() {
  const me = useMe().data;
  const signOut = useSignOut();
  const [, navigate] = useLocation();
  return (
    <Page
      title="Settings"
      lead={me ? `Signed in as ${me.user.email} (${me.role})` : undefined}
      actions={
        <>
          <Link href="/exports">Export &amp; backup</Link>
          <Button
            onPress={async () => {
              await signOut();
              navigate("/sign-in");
            }}
          >
            Sign out
          </Button>
        </>
      }
    >
      <div className="stack-lg">
        <SharedWithYou />
        {me?.role === "coach" ? null : <AccountSection />}
      </div>
      {me?.role !== "coach" && <OwnSettings isOwner={me?.role === "owner"} />}
    </Page>
  );
}

/** An account shared with the member (they act in it after accepting): what they see, and the way back. */
function SharedWithYou() {
  const me = useMe().data;
  const account = useAccount().data;
  const scope = useMyAccess().data?.scope;
  const client = useQueryClient();
  const [, navigate] = useLocation();
  if (!actingAccount.get() || !me || me.role === "owner" || me.role === "editor") return null;
  const sees = scope
    ? [
        scope.tags.length > 0 ? `contacts tagged ${scope.tags.map((t) => `“${t}”`).join(", ")}` : null,
        scope.jobSearch ? "the job search (you may comment on opportunities)" : null,
      ]
        .filter(Boolean)
        .join(" and ")
    : "everything, read-only";
  return (
    <Section title="Shared with you">
      <p>
        You are looking at “{account?.name ?? "…"}”, shared with you as a {me.role}. You see {sees}.
      </p>
      <div>
        <Button
          onPress={async () => {
            actingAccount.clear();
            await client.invalidateQueries();
            navigate("/");
          }}
        >
          Back to my own account
        </Button>
      </div>
    </Section>
  );
}

function OwnSettings({ isOwner }: { isOwner: boolean }) {
  return (
    <div className="stack-lg">
      <EngineSection />
      <MyUpdateSection />
      <HolidaysSection />
      <NotificationsSection />
      <SmtpSection />
      <SourcesSection />
      <CalendarFeedSection />
      <MembersSection />
      {isOwner && <SharesSection />}
      <SessionsSection />
      <TokensSection />
    </div>
  );
}
