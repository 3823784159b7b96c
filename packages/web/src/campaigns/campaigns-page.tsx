import { type FormEvent, useState } from "react";
import { Link, useLocation } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { useCompanies } from "../companies/company-queries.ts";
import { useCircleNames } from "../settings/engine-settings.ts";
import { useHolidayCalendar } from "../settings/holiday-queries.ts";
import { Alert, Button, Checkbox, Field, NativeSelect } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { Empty, Loading, Page, Section } from "../ui/page.tsx";
import {
  type CampaignInput,
  type Segment,
  useCampaigns,
  useCreateCampaign,
  useSegmentPreview,
} from "./campaign-queries.ts";

const OCCASIONS = [
  { id: "thanksgiving", label: "Thanksgiving" },
  { id: "new-year", label: "New Year" },
  { id: "custom", label: "Another occasion…" },
];
const SEGMENT_KINDS = [
  { id: "circle", label: "A circle" },
  { id: "tag", label: "A tag" },
  { id: "company", label: "A company" },
  { id: "search", label: "A search" },
];

/** The new-campaign form: occasion, segment (with its count), mode, update. */
function NewCampaign() {
  const circles = useCircleNames(["network"]);
  const calendar = useHolidayCalendar();
  // Your country's holidays (those you greet first), by the engine's ids, between the two named ones and your own.
  const holidays = [...(calendar.data?.holidays ?? [])]
    .sort((a, b) => Number(b.greeting) - Number(a.greeting) || a.on.localeCompare(b.on))
    .map((h) => ({ id: `holiday:${h.id}`, label: h.name }));
  const occasions = [...OCCASIONS.slice(0, 2), ...holidays, OCCASIONS[2]!];
  const [occasion, setOccasion] = useState("thanksgiving");
  const [customName, setCustomName] = useState("");
  const [kind, setKind] = useState("circle");
  const [circle, setCircle] = useState("network");
  const [tag, setTag] = useState("");
  const companies = useCompanies();
  const [picked, setCompanyId] = useState("");
  // The first company until one is picked (a select always shows one).
  const companyId = picked || companies.data?.[0]?.id || "";
  const [search, setSearch] = useState("");
  const [selfSend, setSelfSend] = useState(false);
  const [update, setUpdate] = useState("");
  const [, navigate] = useLocation();
  const create = useCreateCampaign();
  const segment: Segment = {
    includeArchived: false,
    includeMovedOn: false,
    ...(kind === "circle"
      ? { circle }
      : kind === "tag"
        ? tag.trim()
          ? { tag: tag.trim() }
          : {}
        : kind === "company"
          ? companyId
            ? { companyId }
            : {}
          : { q: search }),
  };
  // A tag or a company not given yet is no segment (an empty one would be everyone).
  const incomplete = (kind === "tag" && !tag.trim()) || (kind === "company" && !companyId);
  const preview = useSegmentPreview(segment);
  const count = incomplete ? 0 : preview.data ? (selfSend ? preview.data.count : preview.data.withEmail) : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: CampaignInput = {
      occasion:
        occasion === "custom"
          ? { kind: "custom", name: customName }
          : occasion.startsWith("holiday:")
            ? { kind: "holiday", holidayId: occasion.slice("holiday:".length) }
            : { kind: occasion as "thanksgiving" | "new-year" },
      segment,
      mode: selfSend ? "self" : "email",
      ...(update.trim() ? { myUpdate: update } : {}),
    };
    create.mutate(body, { onSuccess: (c) => navigate(`/campaigns/${encodeURIComponent(c.id)}`) });
  };

  return (
    <Section title="New campaign">
      <form className="stack" onSubmit={onSubmit} aria-label="New campaign">
        <NativeSelect label="Occasion" name="occasion" options={occasions} value={occasion} onChange={setOccasion} />
        {occasion === "custom" && (
          <Field label="Occasion name" name="occasionName" value={customName} onChange={setCustomName} isRequired />
        )}
        <NativeSelect label="Who" name="segmentKind" options={SEGMENT_KINDS} value={kind} onChange={setKind} />
        {kind === "circle" && (
          <NativeSelect
            label="Circle"
            name="circle"
            options={circles.map((c) => ({ id: c, label: c }))}
            value={circle}
            onChange={setCircle}
          />
        )}
        {kind === "tag" && <Field label="Tag" name="tag" value={tag} onChange={setTag} />}
        {kind === "company" &&
          (companies.data?.length === 0 ? (
            <p className="muted">
              No companies yet: add one on the Companies page, or pick a circle, a tag or a search.
            </p>
          ) : (
            <NativeSelect
              label="Company"
              name="companyId"
              options={(companies.data ?? []).map((c) => ({ id: c.id, label: c.name }))}
              value={companyId}
              onChange={setCompanyId}
            />
          ))}
        {kind === "search" && <Field label="Search" name="search" type="search" value={search} onChange={setSearch} />}
        <Checkbox isSelected={selfSend} onChange={setSelfSend}>
          I'll send each one myself and mark it sent (everyone, with or without an email address)
        </Checkbox>
        <p className="muted" aria-live="polite" data-testid="segment-count">
          {incomplete
            ? `Pick a ${kind} first`
            : count === null
              ? "Counting…"
              : `${plural(count, "person", "people")} will get this greeting`}
          {!incomplete && preview.data && !selfSend && preview.data.count > preview.data.withEmail
            ? ` (${preview.data.count - preview.data.withEmail} without an email address left out)`
            : ""}
        </p>
        <Field
          label="Your update"
          name="myUpdate"
          multiline
          rows={3}
          value={update}
          onChange={setUpdate}
          description="A line or two about you for the greeting; empty: the one in Settings"
        />
        {create.isError && <Alert>{describeError(create.error)}</Alert>}
        <Button type="submit" tone="primary" isDisabled={create.isPending || count === 0}>
          Review the messages
        </Button>
      </form>
    </Section>
  );
}

export default function CampaignsPage() {
  const campaigns = useCampaigns();
  const canEdit = useCanEdit();
  return (
    <Page
      title="Campaigns"
      lead="One greeting for an occasion, to everyone in a circle, a tag, a company or a search: each person once, each personal."
    >
      {canEdit && <NewCampaign />}
      <Section title="Your campaigns">
        {campaigns.isPending && <Loading />}
        {campaigns.isError && <Alert>{describeError(campaigns.error)}</Alert>}
        {campaigns.data?.length === 0 && <Empty>No campaigns yet.</Empty>}
        {campaigns.data && campaigns.data.length > 0 && (
          <ul className="stack-sm">
            {campaigns.data.map((c) => (
              <li key={c.id}>
                <Link href={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>{" "}
                <span className="muted">
                  {c.status} · {c.counts.sent + c.counts.markedSent} of {c.counts.total - c.counts.skipped} sent
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
