import type { KithClient } from "../client/kith-client.ts";
import { renderTable } from "../output/table.ts";

type JobNetwork = Awaited<ReturnType<KithClient["opportunityNetwork"]>>;

/** The person to ask for a referral: of the people there, the one you were in touch with last. */
function referrerOf(net: JobNetwork) {
  return net.firstDegree
    .filter((p) => p.lastTouchAt)
    .sort((a, b) => ((a.lastTouchAt ?? "") < (b.lastTouchAt ?? "") ? 1 : -1))[0];
}

/**
 * `kith jobs add` and `kith jobs show`: who you know at the job's company (with the last touch and their role on
 * it), who you could reach through someone, and — while the job is only "interested" — the referral to ask first.
 */
export function jobNetworkText(net: JobNetwork): string {
  const company = net.companyName;
  if (!company) return "no company yet: give the job one to see who you know there";
  if (net.firstDegree.length === 0 && net.secondDegree.length === 0) {
    return `you know no one at ${company} yet: ask your network who does (kith who "${company}")`;
  }
  const parts: string[] = [];
  if (net.firstDegree.length > 0) {
    const rows = net.firstDegree.map((p) => [
      p.displayName,
      p.title ?? "",
      p.role ?? "",
      p.lastTouchAt ? p.lastTouchAt.slice(0, 10) : "no touch yet",
    ]);
    parts.push(`people at ${company}\n${renderTable(["NAME", "TITLE", "ROLE", "LAST TOUCH"], rows)}`);
  }
  if (net.secondDegree.length > 0) {
    const rows = net.secondDegree.map((p) => [p.displayName, p.via.join(" → ")]);
    parts.push(`at ${company} through someone you know\n${renderTable(["NAME", "THROUGH"], rows)}`);
  }
  if (!net.suggestReferral) return parts.join("\n\n");
  const referrer = referrerOf(net);
  const bridge = net.secondDegree.find((p) => p.via.length > 0);
  if (referrer) {
    parts.push(
      `ask ${referrer.displayName} for a referral before you apply: ` +
        `kith draft ${referrer.contactId} --template default:referral-ask`,
    );
  } else if (bridge) {
    // Nobody there has heard from you yet: a cold referral ask is no ask; go through the person who knows them.
    parts.push(
      `before you apply, ask ${bridge.via[0]} for an introduction to ${bridge.displayName}: ` +
        `kith ask "${bridge.via[0]}" --company "${company}"`,
    );
  }
  return parts.join("\n\n");
}
