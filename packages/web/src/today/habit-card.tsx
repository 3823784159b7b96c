import type { Habit } from "../api/types.ts";
import { plural } from "../ui/format.ts";

/** The week's goal as dots (calmer than a chart for 1–10 items) and the streak of weeks met. */
export function HabitCard({ habit }: { habit: Habit }) {
  const dots = Math.max(habit.weeklyGoal, habit.weekCount);
  // The server counts the week up to 100.
  const count = habit.weekCount >= 100 ? "100+" : String(habit.weekCount);
  return (
    <section className="card habit" aria-labelledby="habit-heading">
      <h2 id="habit-heading">This week</h2>
      <p className="habit-count">
        {habit.met ? (
          // "2 of 1 follow-up" read like a mistake: past the goal, say what was done and that the goal is met.
          <>
            <strong>{count}</strong> {habit.weekCount === 1 ? "follow-up" : "follow-ups"}{" "}
            <span className="badge badge-good">goal met</span>
          </>
        ) : (
          <>
            <strong>{count}</strong> of {plural(habit.weeklyGoal, "follow-up")}
          </>
        )}
      </p>
      <div className="dots" aria-hidden="true">
        {Array.from({ length: Math.min(dots, 14) }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: decorative dots with no identity
          <span key={i} className={i < habit.weekCount ? "dot on" : "dot"} />
        ))}
      </div>
      <p className="muted small">
        {habit.streakWeeks > 0
          ? `Streak: ${plural(habit.streakWeeks, "week")} in a row.`
          : "Meet the goal this week to start a streak."}
      </p>
    </section>
  );
}
