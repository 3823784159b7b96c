import type { ReactNode } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { CompanyPicker } from "../companies/company-picker.tsx";
import { Checkbox, Field } from "../ui/controls.tsx";
import type { Opportunity, OpportunityPatch } from "./opportunity-types.ts";

/** The form's state: what the person typed, as text, until it is sent. */
export interface OpportunityDraft {
  title: string;
  companyId: string;
  link: string;
  source: string;
  location: string;
  remote: boolean;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  notes: string;
}

export function draftOf(o?: Opportunity): OpportunityDraft {
  return {
    title: o?.title ?? "",
    companyId: o?.companyId ?? "",
    link: o?.link ?? "",
    source: o?.source ?? "",
    location: o?.location ?? "",
    remote: o?.remote ?? false,
    salaryMin: o?.salaryMin === null || o?.salaryMin === undefined ? "" : String(o.salaryMin),
    salaryMax: o?.salaryMax === null || o?.salaryMax === undefined ? "" : String(o.salaryMax),
    salaryCurrency: o?.salaryCurrency ?? "",
    notes: o?.notes ?? "",
  };
}

/** The fields as the API takes them: an empty box clears its field (null); whole numbers for the salary. */
export function inputOf(d: OpportunityDraft): Required<Omit<OpportunityPatch, "companyId">> & { companyId?: string } {
  const text = (s: string) => s.trim() || null;
  // The boxes are number inputs (the browser refuses anything else): empty is no figure.
  const whole = (s: string) => (s.trim() === "" ? null : Number(s));
  return {
    title: d.title.trim(),
    ...(d.companyId ? { companyId: d.companyId } : {}),
    link: text(d.link),
    source: text(d.source),
    location: text(d.location),
    remote: d.remote,
    salaryMin: whole(d.salaryMin),
    salaryMax: whole(d.salaryMax),
    salaryCurrency: text(d.salaryCurrency)?.toUpperCase() ?? null,
    notes: d.notes,
  };
}

/** The server's word on a field, shown beside it. */
export function fieldErrorOf(error: unknown) {
  return (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
}

/** The fields whose errors show beside them. */
const FIELDS = [
  "title",
  "companyId",
  "companyName",
  "link",
  "source",
  "location",
  "salaryMin",
  "salaryMax",
  "notes",
].concat("salaryCurrency", "stage");

/** An error no field shows (a lost connection, a 404), for under the form; undefined when a field shows it. */
export function formError(error: unknown): string | undefined {
  if (!error) return undefined;
  const fieldError = fieldErrorOf(error);
  return FIELDS.some((f) => fieldError(f)) ? undefined : describeError(error);
}

/** The opportunity's fields, shared by "Add an opportunity" and "Edit". */
export function OpportunityFields(props: {
  draft: OpportunityDraft;
  set: (part: Partial<OpportunityDraft>) => void;
  error: unknown;
  /** Shown right under the title and company (the add dialog: who you know there, and the stage). */
  afterCompany?: ReactNode;
}) {
  const { draft, set } = props;
  const fieldError = fieldErrorOf(props.error);
  return (
    <>
      <div className="grid-2">
        <Field
          label="Job title"
          name="title"
          value={draft.title}
          onChange={(title) => set({ title })}
          isRequired
          autoFocus
          error={fieldError("title")}
        />
        <CompanyPicker
          companyId={draft.companyId}
          onChange={(companyId) => set({ companyId })}
          error={fieldError("companyId") ?? fieldError("companyName")}
        />
      </div>
      {props.afterCompany}
      <div className="grid-2">
        <Field
          label="Link to the posting"
          name="link"
          type="url"
          value={draft.link}
          onChange={(link) => set({ link })}
          error={fieldError("link")}
        />
        <Field
          label="Source"
          name="source"
          value={draft.source}
          onChange={(source) => set({ source })}
          placeholder="LinkedIn, a referral…"
          error={fieldError("source")}
        />
      </div>
      <div className="grid-2">
        <Field
          label="Location"
          name="location"
          value={draft.location}
          onChange={(location) => set({ location })}
          error={fieldError("location")}
        />
        <div className="field field-checkbox">
          <Checkbox isSelected={draft.remote} onChange={(remote) => set({ remote })}>
            Remote
          </Checkbox>
        </div>
      </div>
      <div className="grid-3">
        <Field
          label="Salary from"
          name="salaryMin"
          type="number"
          min={0}
          value={draft.salaryMin}
          onChange={(salaryMin) => set({ salaryMin })}
          description="A year, whole units"
          error={fieldError("salaryMin")}
        />
        <Field
          label="Salary to"
          name="salaryMax"
          type="number"
          min={0}
          value={draft.salaryMax}
          onChange={(salaryMax) => set({ salaryMax })}
          error={fieldError("salaryMax")}
        />
        <Field
          label="Currency"
          name="salaryCurrency"
          value={draft.salaryCurrency}
          onChange={(salaryCurrency) => set({ salaryCurrency })}
          placeholder="EUR"
          error={fieldError("salaryCurrency")}
        />
      </div>
      <Field
        label="Notes"
        name="notes"
        value={draft.notes}
        onChange={(notes) => set({ notes })}
        multiline
        rows={3}
        error={fieldError("notes")}
      />
    </>
  );
}
