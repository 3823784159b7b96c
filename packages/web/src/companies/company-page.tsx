import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { WhoDoYouKnowSection } from "../network/who-do-you-know-section.tsx";
import { STAGE_LABELS } from "../opportunities/stages.ts";
import { Alert } from "../ui/controls.tsx";
import { relativeDays } from "../ui/format.ts";
import { Loading, Page, Section } from "../ui/page.tsx";

export default function CompanyPage() {
  const { id = "" } = useParams<{ id: string }>();
  const company = useQuery({
    queryKey: ["companies", "one", id],
    queryFn: () => unwrap(api.GET("/api/companies/{id}", { params: { path: { id } } })),
  });
  const opportunities = useQuery({
    queryKey: ["opportunities", "list", "company", id],
    queryFn: async () => (await unwrap(api.GET("/api/opportunities", { params: { query: { companyId: id } } }))).items,
  });
  const people = useQuery({
    queryKey: ["contacts", "list", "company", id],
    queryFn: () => unwrap(api.GET("/api/contacts", { params: { query: { companyId: id, limit: 200 } } })),
  });
  if (company.isPending) return <Loading />;
  if (company.isError)
    return (
      <Page title="Company">
        <Alert>{describeError(company.error)}</Alert>
      </Page>
    );
  const c = company.data;
  return (
    <Page
      title={c.name}
      lead={
        <>
          {c.domain && <span>{c.domain} · </span>}
          {c.target ? <span className="badge">target</span> : <span className="muted">not a target</span>}
        </>
      }
    >
      <Section title="People there">
        {people.isPending && <Loading />}
        {people.isSuccess && people.data.items.length === 0 && (
          <p className="muted">No contact of yours works here yet: see who you know who knows someone, below.</p>
        )}
        <ul className="plain-list">
          {people.data?.items.map((p) => (
            <li key={p.id} className="follow-up">
              <div>
                <Link href={`/contacts/${p.id}`} className="strong">
                  {p.displayName}
                </Link>
                {p.title && <div className="muted small">{p.title}</div>}
              </div>
              <span className="muted small">{p.lastTouchAt ? relativeDays(p.lastTouchAt) : "no touch yet"}</span>
            </li>
          ))}
        </ul>
      </Section>
      <WhoDoYouKnowSection company={c} peopleThere={people.data?.items.length ?? 0} />
      {opportunities.data && opportunities.data.length > 0 && (
        <Section title="Opportunities here">
          <ul className="plain-list">
            {opportunities.data.map((o) => (
              <li key={o.id} className="follow-up">
                <Link href={`/jobs/${encodeURIComponent(o.id)}`} className="strong">
                  {o.title}
                </Link>
                <span className="badge">{STAGE_LABELS[o.stage]}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}
