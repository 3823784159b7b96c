import { type FormEvent, useEffect, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field, NativeSelect } from "../ui/controls.tsx";
import { Loading, Section } from "../ui/page.tsx";
import { useAddToQuestionBank, usePrep, useQuestionBank, useSavePrep } from "./opportunity-queries.ts";
import type { InterviewPrep, OpportunityDetail } from "./opportunity-types.ts";

type Prep = Omit<InterviewPrep, "updatedAt">;
type Question = Prep["questions"][number];
type Person = Prep["peopleToMeet"][number];
/** The form's rows carry a key for React (stable while rows are added and removed), never sent. */
type Keyed<T> = T & { key: number };
interface PrepDraft {
  researchNotes: string;
  questions: Keyed<Question>[];
  peopleToMeet: Keyed<Person>[];
}

let nextKey = 1;
const keyed = <T,>(row: T): Keyed<T> => ({ ...row, key: nextKey++ });
const unkeyed = <T,>({ key: _, ...row }: Keyed<T>): T => row as T;
const draftOf = (p: Prep): PrepDraft => ({
  researchNotes: p.researchNotes,
  questions: p.questions.map(keyed),
  peopleToMeet: p.peopleToMeet.map(keyed),
});
const prepOf = (d: PrepDraft): Prep => ({
  researchNotes: d.researchNotes,
  questions: d.questions.map(unkeyed),
  peopleToMeet: d.peopleToMeet.map(unkeyed),
});

/**
 * Interview prep for one opportunity: questions with your answers (picked from the question bank, which is shared by
 * every opportunity, or written here and kept in it), research notes and the people to meet. Saved as a whole.
 */
export function PrepSection({ opportunity: o }: { opportunity: OpportunityDetail }) {
  const prep = usePrep(o.id);
  const canEdit = useCanEdit();
  return (
    <Section title="Interview prep" id="interview-prep">
      {prep.isPending && <Loading />}
      {prep.isError && <Alert>{describeError(prep.error)}</Alert>}
      {prep.data && <PrepForm key={o.id} id={o.id} saved={prep.data} canEdit={canEdit} />}
    </Section>
  );
}

function PrepForm(props: { id: string; saved: InterviewPrep; canEdit: boolean }) {
  const { updatedAt: _, ...saved } = props.saved;
  const [prep, setPrep] = useState<PrepDraft>(() => draftOf(saved));
  const [status, setStatus] = useState<string | null>(null);
  const save = useSavePrep(props.id);
  const bank = useQuestionBank();
  const keep = useAddToQuestionBank();
  const changed = JSON.stringify(prepOf(prep)) !== JSON.stringify(saved);
  useEffect(() => {
    if (changed) setStatus(null);
  }, [changed]);
  const error = save.error instanceof ApiError ? save.error : undefined;
  const set = (part: Partial<PrepDraft>) => setPrep((p) => ({ ...p, ...part }));
  const setQuestion = (i: number, part: Partial<Question>) =>
    set({ questions: prep.questions.map((q, j) => (j === i ? { ...q, ...part } : q)) });
  const setPerson = (i: number, part: Partial<Person>) =>
    set({ peopleToMeet: prep.peopleToMeet.map((p, j) => (j === i ? { ...p, ...part } : p)) });
  const unused = (bank.data ?? []).filter((q) => !prep.questions.some((p) => p.questionId === q.id));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(prepOf(prep), { onSuccess: () => setStatus("Prep saved.") });
  };
  if (!props.canEdit) return <PrepReadOnly prep={saved} />;
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Interview prep">
      <fieldset className="rows-field stack-sm">
        <legend>Questions and your answers</legend>
        {prep.questions.map((q, i) => (
          <div key={q.key} className="prep-question stack-sm">
            <Field
              label={`Question ${i + 1}`}
              name={`question-${i}`}
              value={q.question}
              onChange={(question) => setQuestion(i, { question })}
              error={error?.fieldError(`questions.${i}.question`)}
            />
            <Field
              label="Your answer"
              name={`answer-${i}`}
              value={q.answer}
              onChange={(answer) => setQuestion(i, { answer })}
              multiline
              rows={3}
            />
            <div className="row">
              {!q.questionId && q.question.trim() && (
                <Button
                  tone="quiet"
                  isDisabled={keep.isPending}
                  onPress={() =>
                    keep.mutate(
                      { question: q.question, answer: q.answer },
                      { onSuccess: (made) => setQuestion(i, { questionId: made.id }) },
                    )
                  }
                >
                  Keep in the question bank
                </Button>
              )}
              <Button
                tone="quiet"
                aria-label={`Remove question ${i + 1}`}
                onPress={() => set({ questions: prep.questions.filter((_, j) => j !== i) })}
              >
                Remove
              </Button>
            </div>
          </div>
        ))}
        <div className="row">
          <Button
            onPress={() =>
              set({ questions: [...prep.questions, keyed({ question: "", answer: "", questionId: null })] })
            }
          >
            Add a question
          </Button>
          {unused.length > 0 && (
            <NativeSelect
              className="inline-select"
              label="From your question bank"
              name="bank"
              value=""
              options={[{ id: "", label: "Pick a question…" }, ...unused.map((q) => ({ id: q.id, label: q.question }))]}
              onChange={(qid) => {
                const q = unused.find((x) => x.id === qid);
                if (q)
                  set({
                    questions: [...prep.questions, keyed({ question: q.question, answer: q.answer, questionId: q.id })],
                  });
              }}
            />
          )}
        </div>
        {keep.isError && <Alert>{describeError(keep.error)}</Alert>}
      </fieldset>
      <Field
        label="Research notes"
        name="researchNotes"
        value={prep.researchNotes}
        onChange={(researchNotes) => set({ researchNotes })}
        multiline
        rows={5}
        description="The company, the team, the product, recent news"
        error={error?.fieldError("researchNotes")}
      />
      <fieldset className="rows-field stack-sm">
        <legend>People to meet</legend>
        {prep.peopleToMeet.map((p, i) => (
          <div key={p.key} className="labelled-row prep-person">
            <Field
              label="Name"
              name={`person-${i}`}
              className="labelled-row-value"
              value={p.name}
              onChange={(name) => setPerson(i, { name })}
              error={error?.fieldError(`peopleToMeet.${i}.name`)}
            />
            <Field label="Why" name={`person-note-${i}`} value={p.note} onChange={(note) => setPerson(i, { note })} />
            <Button
              tone="quiet"
              aria-label={`Remove ${p.name || "this person"}`}
              onPress={() => set({ peopleToMeet: prep.peopleToMeet.filter((_, j) => j !== i) })}
            >
              Remove
            </Button>
          </div>
        ))}
        <div>
          <Button
            onPress={() =>
              set({ peopleToMeet: [...prep.peopleToMeet, keyed({ name: "", contactId: null, note: "" })] })
            }
          >
            Add someone to meet
          </Button>
        </div>
      </fieldset>
      <div className="row">
        <Button type="submit" tone="primary" isDisabled={save.isPending || !changed}>
          Save prep
        </Button>
        {status && !changed && (
          <span role="status" className="muted">
            {status}
          </span>
        )}
      </div>
      {save.isError && <Alert>{describeError(save.error)}</Alert>}
    </form>
  );
}

function PrepReadOnly({ prep }: { prep: Prep }) {
  if (!prep.researchNotes && prep.questions.length === 0 && prep.peopleToMeet.length === 0)
    return <p className="muted">No prep yet.</p>;
  return (
    <div className="stack">
      {prep.questions.length > 0 && (
        <dl className="facts">
          {prep.questions.map((q) => (
            <div key={q.question}>
              <dt>{q.question}</dt>
              <dd className="pre-line">{q.answer || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
      {prep.researchNotes && <p className="pre-line">{prep.researchNotes}</p>}
      {prep.peopleToMeet.length > 0 && (
        <ul className="plain-list">
          {prep.peopleToMeet.map((p) => (
            <li key={`${p.name}:${p.note}`}>
              <span className="strong">{p.name}</span> {p.note && <span className="muted">· {p.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
