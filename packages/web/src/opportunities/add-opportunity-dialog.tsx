import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { useCompanyNames } from "../companies/company-queries.ts";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Modal } from "../ui/modal.tsx";
import { Section } from "../ui/page.tsx";
import {
  draftOf,
  fieldErrorOf,
  formError,
  inputOf,
  type OpportunityDraft,
  OpportunityFields,
} from "./opportunity-form.tsx";
import { useCreateOpportunity } from "./opportunity-queries.ts";
import type { Stage } from "./opportunity-types.ts";
import { PeopleThere } from "./people-there.tsx";
import { OPEN_STAGES, STAGE_LABELS } from "./stages.ts";

const STAGE_OPTIONS = OPEN_STAGES.map((s) => ({ id: s, label: STAGE_LABELS[s] }));

/**
 * "Add an opportunity": the job, its company (picked or created inline), and the stage it is at. Once the company
 * is chosen the dialog shows who you know there, and suggests asking one of them for a referral before applying.
 */
export function AddOpportunityDialog(props: { onClose: () => void }) {
  const [draft, setDraft] = useState<OpportunityDraft>(draftOf());
  const [stage, setStage] = useState<Stage>("interested");
  const create = useCreateOpportunity();
  const [, navigate] = useLocation();
  // A field shown invalid blocks the form's submit (react-aria sets its validity): a change clears the old word.
  const set = (part: Partial<OpportunityDraft>) => {
    setDraft((d) => ({ ...d, ...part }));
    if (create.isError) create.reset();
  };
  const fieldError = fieldErrorOf(create.error);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { companyId, ...fields } = inputOf(draft);
    create.mutate(
      { ...fields, ...(companyId ? { companyId } : {}), stage },
      { onSuccess: (made) => navigate(`/jobs/${encodeURIComponent(made.id)}`) },
    );
  };
  const otherError = formError(create.error);

  return (
    <Modal title="Add an opportunity" isOpen onOpenChange={(open) => !open && props.onClose()}>
      <form className="stack" onSubmit={onSubmit} aria-label="New opportunity">
        <OpportunityFields
          draft={draft}
          set={set}
          error={create.error}
          afterCompany={
            <>
              {draft.companyId && <KnownAtCompany companyId={draft.companyId} stage={stage} />}
              <NativeSelect
                label="Stage"
                name="stage"
                options={STAGE_OPTIONS}
                value={stage}
                onChange={(s) => setStage(s as Stage)}
                error={fieldError("stage")}
              />
            </>
          }
        />
        {otherError && <Alert>{otherError}</Alert>}
        <div className="row end">
          <Button tone="quiet" onPress={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" tone="primary" isDisabled={create.isPending || !draft.title.trim() || !draft.companyId}>
            {create.isPending ? "Adding…" : "Add opportunity"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** The people at the chosen company (the contacts whose company it is), before the opportunity exists. */
function KnownAtCompany(props: { companyId: string; stage: Stage }) {
  const name = useCompanyNames().get(props.companyId) ?? "this company";
  const people = useQuery({
    queryKey: ["contacts", "list", "company", props.companyId],
    queryFn: () => unwrap(api.GET("/api/contacts", { params: { query: { companyId: props.companyId, limit: 200 } } })),
  });
  return (
    <Section title={`Who you know at ${name}`} id="known-at-company">
      {people.isError && <Alert>{describeError(people.error)}</Alert>}
      {people.data && (
        <PeopleThere
          companyName={name}
          suggestReferral={props.stage === "interested"}
          people={people.data.items.map((p) => ({
            contactId: p.id,
            displayName: p.displayName,
            title: p.title,
            lastTouchAt: p.lastTouchAt,
          }))}
        />
      )}
    </Section>
  );
}
