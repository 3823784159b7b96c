import { useEffect, useState } from "react";
import { describeError } from "../api/problem.ts";
import type { CircleSetting, EngineSettings } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { Alert, Button, Field } from "../ui/controls.tsx";
import { Section } from "../ui/page.tsx";
import { useEngineSettings, useSaveEngineSettings } from "./engine-settings.ts";

type NumberKey = "weeklyGoal" | "dailyCap" | "moveOnAfter" | "connectionTarget";
const NUMBERS: [key: NumberKey, label: string, description: string][] = [
  ["weeklyGoal", "Weekly goal", "Follow-ups a week that keep your streak going."],
  ["dailyCap", "Daily cap", "At most this many people a day; the rest is spread over coming days."],
  ["moveOnAfter", "Unanswered attempts before moving on", "Then the contact becomes occasions-only."],
  [
    "connectionTarget",
    "Exchanges to a true connection",
    "Touches that went both ways (a reply, a call, a meeting); usually 7 to 10.",
  ],
];

export function EngineSection() {
  const settings = useEngineSettings();
  if (!settings.data) return null;
  return <EngineForm settings={settings.data} />;
}

function EngineForm({ settings }: { settings: EngineSettings }) {
  const save = useSaveEngineSettings();
  const canEdit = useCanEdit();
  const [values, setValues] = useState<Record<NumberKey, string>>(toValues(settings));
  const [nudges, setNudges] = useState(settings.nudgeScheduleDays.join(", "));
  const [circles, setCircles] = useState<Record<string, CircleSetting>>(settings.circles);
  useEffect(() => {
    setValues(toValues(settings));
    setNudges(settings.nudgeScheduleDays.join(", "));
    setCircles(settings.circles);
  }, [settings]);

  const submit = () =>
    save.mutate({
      weeklyGoal: Number(values.weeklyGoal),
      dailyCap: Number(values.dailyCap),
      moveOnAfter: Number(values.moveOnAfter),
      connectionTarget: Number(values.connectionTarget),
      nudgeScheduleDays: nudges
        .split(",")
        .map((n) => Number(n.trim()))
        .filter((n) => n > 0),
      circles,
    });
  const setCircleDays = (name: string, field: "idealDays" | "maxDays", value: string) =>
    setCircles((all) => ({ ...all, [name]: { ...all[name]!, [field]: Number(value) } }));

  return (
    <Section title="Follow-up rhythm">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {save.isError && <Alert>{describeError(save.error)}</Alert>}
        {save.isSuccess && <Alert tone="info">Saved. Your today list follows the new rhythm.</Alert>}
        <div className="grid-2">
          {NUMBERS.map(([key, label, description]) => (
            <Field
              key={key}
              label={label}
              name={key}
              type="number"
              description={description}
              value={values[key]}
              onChange={(v) => setValues((s) => ({ ...s, [key]: v }))}
            />
          ))}
          <Field
            label="Nudge after (days)"
            name="nudgeScheduleDays"
            value={nudges}
            onChange={setNudges}
            description="When an outreach is unanswered, e.g. 3, 7, 14."
          />
        </div>
        <table className="table">
          <caption className="left strong">Circles and cadences</caption>
          <thead>
            <tr>
              <th scope="col">Circle</th>
              <th scope="col">Due after (days)</th>
              <th scope="col">Overdue after (days)</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(circles).map(([name, circle]) => (
              <tr key={name}>
                <th scope="row">
                  {name}
                  <div className="muted small">
                    {buildingText(settings.circles[name]?.idealDays, settings.buildingCadences[name])}
                  </div>
                </th>
                {circle.mode === "cadence" ? (
                  (["idealDays", "maxDays"] as const).map((field) => (
                    <td key={field}>
                      <input
                        className="input-small"
                        type="number"
                        min={1}
                        aria-label={`${name}: ${field === "idealDays" ? "due" : "overdue"} after days`}
                        value={circle[field] ?? ""}
                        disabled={!canEdit}
                        onChange={(e) => setCircleDays(name, field, e.target.value)}
                      />
                    </td>
                  ))
                ) : (
                  <td colSpan={2} className="muted">
                    {circle.mode === "occasions-only" ? "occasions only" : "no reminders"}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {canEdit && (
          <div className="row">
            <Button type="submit" tone="primary" isDisabled={save.isPending}>
              Save rhythm
            </Button>
          </div>
        )}
      </form>
    </Section>
  );
}

/**
 * "every 90 days (45 while building)", under the circle's name: the denser interval the today list uses until a contact has had
 * the target number of exchanges — the figure Today's reasons give. From the saved settings (derived on the server).
 */
function buildingText(
  idealDays: number | undefined,
  building: { idealDays: number; maxDays: number } | undefined,
): string {
  if (!building || idealDays === undefined) return "";
  if (building.idealDays === idealDays) return `every ${idealDays} days (the same while building)`;
  return `every ${idealDays} days (${building.idealDays} while building)`;
}

function toValues(s: EngineSettings): Record<NumberKey, string> {
  return {
    weeklyGoal: String(s.weeklyGoal),
    dailyCap: String(s.dailyCap),
    moveOnAfter: String(s.moveOnAfter),
    connectionTarget: String(s.connectionTarget),
  };
}
