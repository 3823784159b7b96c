import { Link, useLocation } from "wouter";
import { useMe, useSignOut } from "../app/session.ts";
import { MyUpdateSection } from "../messages/my-update-section.tsx";
import { Button } from "../ui/controls.tsx";
import { Page } from "../ui/page.tsx";
import { AccountSection } from "./account-section.tsx";
import { CalendarFeedSection } from "./calendar-feed-section.tsx";
import { EngineSection } from "./engine-section.tsx";
import { HolidaysSection } from "./holidays-section.tsx";
import { MembersSection } from "./members-section.tsx";
import { NotificationsSection } from "./notifications-section.tsx";
import { SessionsSection } from "./sessions-section.tsx";
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
        <AccountSection />
        <EngineSection />
        <MyUpdateSection />
        <HolidaysSection />
        <NotificationsSection />
        <SmtpSection />
        <SourcesSection />
        <CalendarFeedSection />
        <MembersSection />
        <SessionsSection />
        <TokensSection />
      </div>
    </Page>
  );
}
