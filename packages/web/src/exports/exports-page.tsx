import { useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { useMe } from "../app/session.ts";
import { Alert, NativeSelect } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { useOnline } from "../ui/online.ts";
import { Loading, Page, Section } from "../ui/page.tsx";
import {
  backupHref,
  CSV_CHOICES,
  contactsHref,
  LATER_LISTS,
  NotABackup,
  RestoreFailed,
  useRestoreBackup,
} from "./export-queries.ts";

/** What a large restore is doing, as the server's job says. */
const STEP_WORDS: Record<string, string> = {
  account: "settings",
  companies: "companies",
  contacts: "contacts",
  interactions: "interactions",
  followUps: "follow-ups",
  duplicateDismissals: "duplicates set aside",
  articles: "articles",
  campaigns: "campaigns",
  campaignRecipients: "campaign messages",
  refresh: "who is due",
  finish: "digest schedule, webhooks and templates",
};

/** Why a restore was refused, in words: a full account, a broken file (naming its field), or the server's reason. */
function explain(error: unknown): string {
  if (error instanceof NotABackup) return error.message;
  if (error instanceof RestoreFailed) return `The restore stopped: ${error.message}.`;
  if (error instanceof ApiError && error.status === 409 && !/empty account/.test(error.problem.detail ?? "")) {
    return `${describeError(error)}.`;
  }
  if (error instanceof ApiError && error.status === 409) {
    return (
      "This account already has contacts, companies, interactions or webhooks, and a backup is restored only into " +
      "an empty account, so nothing was changed. Sign up for a new account and restore the backup there."
    );
  }
  if (error instanceof ApiError && error.status === 400) {
    const first = error.problem.errors?.[0];
    return first
      ? `This backup cannot be restored: ${first.path} ${first.message}. Nothing was changed.`
      : `This backup cannot be restored: ${describeError(error)}. Nothing was changed.`;
  }
  if (error instanceof ApiError && error.status === 413) return "This backup is larger than this server accepts.";
  return describeError(error);
}

function RestoreSection() {
  const [step, setStep] = useState<string | null>(null);
  const restore = useRestoreBackup(setStep);
  const online = useOnline();
  const [chosen, setChosen] = useState<string | null>(null);
  const result = restore.data;
  return (
    <Section title="Restore a backup">
      <div className="stack">
        <p className="muted">
          Puts everything from a Kith backup into this account: settings, digest schedule, webhooks, companies,
          contacts, their history and follow-ups. Only an empty account can take a backup, so restore into a new
          account.
        </p>
        <div className="row">
          <label
            className={`btn btn-primary file-button${restore.isPending || !online ? " file-button-disabled" : ""}`}
          >
            Choose a backup file
            <input
              type="file"
              accept=".json,application/json"
              disabled={restore.isPending || !online}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (!file) return;
                setChosen(file.name);
                setStep(null);
                restore.mutate(file);
              }}
            />
          </label>
        </div>
        {restore.isPending && (
          <Loading label={`Restoring ${chosen ?? "the backup"}${step ? ` (now: ${STEP_WORDS[step] ?? step})` : ""}…`} />
        )}
        {restore.isError && <Alert>{explain(restore.error)}</Alert>}
        {result && <Alert tone="info">{restoredWords(result)}</Alert>}
      </div>
    </Section>
  );
}

/** "Restored 2 contacts, 1 company, … and 3 relationships.": the first five lists always, later ones when there. */
function restoredWords(result: NonNullable<ReturnType<typeof useRestoreBackup>["data"]>): string {
  const parts = [
    plural(result.contacts, "contact"),
    plural(result.companies, "company", "companies"),
    plural(result.interactions, "interaction"),
    plural(result.followUps, "follow-up"),
    plural(result.webhooks, "webhook"),
    ...LATER_LISTS.filter(([key]) => (result[key] ?? 0) > 0).map(([key, one, many]) =>
      plural(result[key] ?? 0, one, many),
    ),
  ];
  return `Restored ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}.`;
}

/** Export & backup: the whole account as a JSON backup, the contacts as CSV or vCard, and restoring a backup. */
export default function ExportsPage() {
  const me = useMe().data;
  const [csv, setCsv] = useState<string>("kith");
  const owner = me?.role === "owner";
  return (
    <Page title="Export & backup" lead="Your data is yours: take it with you, or keep a copy.">
      <div className="stack-lg">
        <Section title="Back up everything">
          <div className="stack">
            <p className="muted">
              One JSON file with the whole account: settings, digest schedule,{" "}
              {owner ? "webhooks (with their secrets — keep the file safe), " : ""}companies, contacts, notes,
              interactions and follow-ups. Restore it into a new account, here or on another Kith server.
            </p>
            <div className="row">
              <a className="btn btn-primary" href={backupHref} download>
                Download backup (JSON)
              </a>
            </div>
          </div>
        </Section>
        <Section title="Export contacts">
          <div className="stack">
            <p className="muted">
              Every contact, archived ones too, for a spreadsheet or another address book. Cells that a spreadsheet
              would run as a formula are made plain text; phone numbers stay numbers.
            </p>
            <NativeSelect
              label="CSV columns for"
              name="csv-format"
              value={csv}
              onChange={setCsv}
              options={CSV_CHOICES.map((c) => ({ id: c.id, label: c.label }))}
            />
            <div className="row">
              <a className="btn btn-primary" href={contactsHref(csv)} download>
                Download CSV
              </a>
              <a className="btn btn-plain" href={contactsHref("vcard")} download>
                Download vCard
              </a>
            </div>
          </div>
        </Section>
        {owner ? (
          <RestoreSection />
        ) : (
          me && <Alert tone="info">Only an owner of an account can restore a backup into it.</Alert>
        )}
      </div>
    </Page>
  );
}
