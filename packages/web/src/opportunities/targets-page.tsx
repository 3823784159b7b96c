import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { Alert } from "../ui/controls.tsx";
import { formatDate, plural, relativeDays } from "../ui/format.ts";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { useTargets } from "./opportunity-queries.ts";
import type { TargetCompany } from "./opportunity-types.ts";
import { STAGE_LABELS } from "./stages.ts";

/** The companies you want in: who you know at each, the open opportunities there, and when you last spoke to anyone. */
export default function TargetsPage() {
  const targets = useTargets();
  return (
    <Page
      title="Target companies"
      lead={
        <>
          The companies you want in. Mark a company as a target on the <Link href="/companies">Companies</Link> page.
        </>
      }
      actions={
        <Link href="/jobs" className="btn btn-plain">
          Back to the board
        </Link>
      }
    >
      {targets.isPending && <Loading />}
      {targets.isError && <Alert>{describeError(targets.error)}</Alert>}
      {targets.data?.length === 0 && (
        <Empty>
          <p className="strong">No target companies yet.</p>
          <p className="muted">
            Mark the companies you want to work at as targets: Kith then shows who you know there.
          </p>
        </Empty>
      )}
      {targets.data && targets.data.length > 0 && (
        <ul className="card-list target-list" aria-label="Target companies">
          {targets.data.map((t) => (
            <TargetCard key={t.companyId} t={t} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function TargetCard({ t }: { t: TargetCompany }) {
  const lastWith = t.people.find((p) => p.contactId === t.lastTouchContactId);
  return (
    <li className="card stack-sm" aria-labelledby={`target-${t.companyId}`}>
      <div className="card-header">
        <h2 id={`target-${t.companyId}`}>
          <Link href={`/companies/${t.companyId}`}>{t.name}</Link>
        </h2>
        <span className="muted small" title={t.lastTouchAt ? formatDate(t.lastTouchAt) : undefined}>
          {t.lastTouchAt
            ? `last touch ${relativeDays(t.lastTouchAt)}${lastWith ? ` with ${lastWith.displayName}` : ""}`
            : "no touch yet"}
        </span>
      </div>
      <div>
        <div className="small strong">{plural(t.peopleCount, "person you know", "people you know")}</div>
        {t.people.length === 0 ? (
          <p className="muted small">No one yet: ask your network who knows someone there.</p>
        ) : (
          <p className="small">
            {t.people.map((p, i) => (
              <span key={p.contactId}>
                {i > 0 && ", "}
                <Link href={`/contacts/${p.contactId}`}>{p.displayName}</Link>
                {p.title && <span className="muted"> ({p.title})</span>}
              </span>
            ))}
            {t.peopleCount > t.people.length && (
              <span className="muted"> and {t.peopleCount - t.people.length} more</span>
            )}
          </p>
        )}
      </div>
      <div>
        <div className="small strong">
          {plural(t.openOpportunities.length, "open opportunity", "open opportunities")}
        </div>
        {t.openOpportunities.length > 0 && (
          <ul className="plain-list small">
            {t.openOpportunities.map((o) => (
              <li key={o.id}>
                <Link href={`/jobs/${encodeURIComponent(o.id)}`}>{o.title}</Link>{" "}
                <span className="badge">{STAGE_LABELS[o.stage]}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
