import { Link } from "wouter";
import { formatDate, relativeDays } from "../ui/format.ts";
import { useNextUp } from "./today-queries.ts";

/** Under an empty today list with people in Kith: the next few who come due, and when. */
export function NextUp() {
  const next = useNextUp(true);
  const people = next.data ?? [];
  if (people.length === 0) return null;
  return (
    <section className="card" aria-labelledby="next-up-heading">
      <h2 id="next-up-heading">Next up</h2>
      <p className="muted small">Nobody is due today. These come due first; reach out early if you like.</p>
      <ul className="plain-list">
        {people.map((c) => (
          <li key={c.id} className="coming-up">
            <div className="follow-up">
              <Link href={`/contacts/${c.id}`} className="strong">
                {c.displayName}
              </Link>
              {c.nextDueOn && (
                <span className="muted small" title={formatDate(c.nextDueOn)}>
                  {relativeDays(c.nextDueOn)}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
