import { useEffect, useState } from "react";
import { ApiError, describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { useEngineSettings, useSaveEngineSettings } from "../settings/engine-settings.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Section } from "../ui/page.tsx";

/** Settings → "Your update": a few lines about yourself that holiday greetings and campaigns share (`me.update`). */
export function MyUpdateSection() {
  const settings = useEngineSettings();
  const save = useSaveEngineSettings();
  const canEdit = useCanEdit();
  const stored = settings.data?.myUpdate ?? "";
  const [text, setText] = useState(stored);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(stored), [stored]);
  if (!settings.data) return null;
  const error = save.error instanceof ApiError ? save.error.fieldError("myUpdate") : undefined;
  return (
    <Section title="Your update">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate({ myUpdate: text }, { onSuccess: () => setSaved(true) });
        }}
      >
        <Field
          label="What's new with you"
          name="myUpdate"
          value={text}
          onChange={(v) => {
            setText(v);
            setSaved(false);
            // A refused value stays named until it changes; then the form may be sent again.
            save.reset();
          }}
          multiline
          rows={3}
          error={error}
          placeholder="We moved to Lyon in the spring, and I started teaching a design class."
          description="Holiday greetings and campaigns add it as “A little update from me: …” ({{ me.update }} in a template). Leave it empty and they say nothing about you."
        />
        {save.isError && !error && <Alert>{describeError(save.error)}</Alert>}
        {canEdit && (
          <div className="row">
            <Button tone="primary" type="submit" isDisabled={save.isPending || text === stored}>
              Save update
            </Button>
            {saved && (
              <span className="muted small" role="status">
                Saved.
              </span>
            )}
          </div>
        )}
      </form>
    </Section>
  );
}
