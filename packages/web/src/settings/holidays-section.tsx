import { useEffect, useState } from "react";
import { describeError } from "../api/problem.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Checkbox } from "../ui/controls.tsx";
import { formatDate } from "../ui/format.ts";
import { Loading, Section } from "../ui/page.tsx";
import { useEngineSettings, useSaveEngineSettings } from "./engine-settings.ts";
import { browserLanguage, useHolidayCalendar } from "./holiday-queries.ts";

/** Which of the country's holidays bring a greeting to the inner circles, named in the account's language. */
export function HolidaysSection() {
  const calendar = useHolidayCalendar();
  const settings = useEngineSettings();
  const save = useSaveEngineSettings();
  const canEdit = useCanEdit();
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    if (calendar.data) setChosen(calendar.data.greetingHolidays);
  }, [calendar.data]);
  const submit = (greetingHolidays: string[] | null) =>
    save.mutate(
      { greetingHolidays, ...(settings.data?.language ? {} : { language: browserLanguage() }) },
      { onSuccess: () => void calendar.refetch() },
    );

  return (
    <Section title="Holidays to greet">
      {calendar.isPending && <Loading />}
      {calendar.isError && <Alert>{describeError(calendar.error)}</Alert>}
      {calendar.data && calendar.data.country === null && (
        <p className="muted">Choose your country under Account to greet people on its holidays.</p>
      )}
      {calendar.data && calendar.data.country !== null && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            submit(chosen);
          }}
        >
          {save.isError && <Alert>{describeError(save.error)}</Alert>}
          {save.isSuccess && <Alert tone="info">Saved. Greetings come a few days before each chosen holiday.</Alert>}
          <p className="muted small">
            {calendar.data.isDefault
              ? "Your country's usual greeting days are chosen. Pick others if you like."
              : "Your own choice of greeting days."}
          </p>
          <fieldset className="check-grid" disabled={!canEdit}>
            <legend className="strong">Holidays in {calendar.data.year}</legend>
            {calendar.data.holidays.map((h) => (
              <Checkbox
                key={`${h.id}-${h.on}`}
                isSelected={chosen.includes(h.id)}
                onChange={(on) => setChosen((all) => (on ? [...all, h.id] : all.filter((id) => id !== h.id)))}
              >
                {h.name} <span className="muted small">· {formatDate(h.on)}</span>
              </Checkbox>
            ))}
          </fieldset>
          {canEdit && (
            <div className="row">
              <Button type="submit" tone="primary" isDisabled={save.isPending}>
                Save holidays
              </Button>
              {!calendar.data.isDefault && (
                <Button tone="quiet" onPress={() => submit(null)} isDisabled={save.isPending}>
                  Use the usual ones
                </Button>
              )}
            </div>
          )}
        </form>
      )}
    </Section>
  );
}
