import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLocation } from "wouter";
import { api, unwrap } from "../api/client.ts";
import { describeError } from "../api/problem.ts";
import { useAccount } from "../app/session.ts";
import { useEngineSettings, useSaveEngineSettings } from "../settings/engine-settings.ts";
import { browserLanguage, useCountryOptions } from "../settings/holiday-queries.ts";
import { Alert, Button, NativeSelect } from "../ui/controls.tsx";
import { Page, Section } from "../ui/page.tsx";
import { browserCountry, browserTimeZone, timeZoneOptions } from "../ui/regions.ts";

const GOALS = [1, 2, 3, 5, 7, 10].map((n) => ({ id: String(n), label: `${n} follow-up${n === 1 ? "" : "s"} a week` }));

/** First run: the three things the engine needs to be right on day one. */
export default function FirstRunPage() {
  const account = useAccount();
  const settings = useEngineSettings();
  const save = useSaveEngineSettings();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [country, setCountry] = useState(browserCountry());
  const [goal, setGoal] = useState("1");
  const countries = useCountryOptions(country);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (account.data?.country) setCountry(account.data.country);
  }, [account.data?.country]);
  useEffect(() => {
    if (settings.data?.weeklyGoal) setGoal(String(settings.data.weeklyGoal));
  }, [settings.data?.weeklyGoal]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.PATCH("/api/account", { body: { timeZone, country } }));
      // Holidays are named in the account's language: the browser's, until someone changes it.
      if (settings.data) {
        await save.mutateAsync({ weeklyGoal: Number(goal), language: settings.data.language ?? browserLanguage() });
      }
      await client.invalidateQueries({ queryKey: ["account"] });
      navigate("/");
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title="Welcome to Kith" lead="Three questions, then your first today list.">
      <Section title="Where you are">
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {error !== null && <Alert>{describeError(error)}</Alert>}
          <NativeSelect
            label="Time zone"
            name="timeZone"
            description="Your day starts and ends here: “today” and weeks follow it."
            options={timeZoneOptions(timeZone)}
            value={timeZone}
            onChange={setTimeZone}
          />
          <NativeSelect
            label="Country"
            name="country"
            description="For public holidays worth a message (Thanksgiving, New Year…)."
            options={countries}
            value={country}
            onChange={setCountry}
          />
          {settings.data && (
            <NativeSelect
              label="Weekly goal"
              name="weeklyGoal"
              description="Even one follow-up a week puts you far ahead. Kith counts your streak."
              options={GOALS}
              value={goal}
              onChange={setGoal}
            />
          )}
          <div className="row">
            <Button type="submit" tone="primary" isDisabled={busy}>
              {busy ? "Saving…" : "Start"}
            </Button>
            <Button tone="quiet" onPress={() => navigate("/")}>
              Skip for now
            </Button>
          </div>
        </form>
      </Section>
    </Page>
  );
}
