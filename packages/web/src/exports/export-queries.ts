import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../api/client.ts";
import { refreshAfterImport } from "../imports/import-queries.ts";

/** The CSV columns the export offers: Kith's own, Google Contacts' or Outlook's. */
export const CSV_CHOICES = [
  { id: "kith", label: "Kith (reads back into Kith)" },
  { id: "google", label: "Google Contacts" },
  { id: "outlook", label: "Outlook" },
] as const;

/** Downloads are plain links: the server names the file (Content-Disposition) and the browser saves it. */
export const backupHref = "/api/backup";
export const contactsHref = (format: string) => `/api/exports/contacts?format=${encodeURIComponent(format)}`;

/** A backup file as the person chose it: read and parsed here, so a file that is not JSON is said at once. */
export class NotABackup extends Error {}

async function readBackup(file: File): Promise<unknown> {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new NotABackup(`${file.name} is not a Kith backup (it is not JSON). Choose the kith-backup.json file.`);
  }
}

/** A restore that the server ran and gave up: its reason, in the server's words. */
export class RestoreFailed extends Error {}

/** How long the page waits between two looks at a large restore's progress. */
export const RESTORE_POLL_MS = 1000;

/** The lists a restore names after the first five, when the backup had some (older servers answer without them). */
export const LATER_LISTS = [
  ["relationships", "relationship", "relationships"],
  ["asks", "ask", "asks"],
  ["templates", "template", "templates"],
  ["articles", "article", "articles"],
  ["campaigns", "campaign", "campaigns"],
  ["opportunities", "opportunity", "opportunities"],
  ["interviewQuestions", "interview question", "interview questions"],
  ["jobExpenses", "job-search expense", "job-search expenses"],
  ["mailboxMessages", "message from a mailbox", "messages from mailboxes"],
  ["calendars", "calendar", "calendars"],
  ["calendarEvents", "calendar meeting", "calendar meetings"],
] as const;

type Restored = { companies: number; contacts: number; interactions: number; followUps: number; webhooks: number } & {
  [K in (typeof LATER_LISTS)[number][0]]?: number;
};

/**
 * Waits for a restore the server answered with its job (202: a large backup runs in the background): polls the job
 * until it has committed (what it wrote) or failed (its reason).
 */
async function untilRestored(id: string, onStep: (step: string) => void): Promise<Restored> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, RESTORE_POLL_MS));
    const job = await unwrap(api.GET("/api/backup/restore/{id}", { params: { path: { id } } }));
    if (job.status === "failed") throw new RestoreFailed(job.error ?? "the restore failed");
    const c = job.counts;
    if (job.status === "committed" && c) return c;
    onStep(job.step);
  }
}

/** Restores a backup file into this (empty) account; everything the page lists is read again afterwards. */
export function useRestoreBackup(onStep: (step: string) => void = () => {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<Restored> => {
      const backup = await readBackup(file);
      // The body is the backup as it was read: the server checks every field and names the broken one.
      const answer = await unwrap(api.POST("/api/backup/restore", { body: backup as never }));
      return "id" in answer ? untilRestored(answer.id, onStep) : answer;
    },
    onSuccess: () => {
      refreshAfterImport(client);
      for (const key of ["account", "settings", "notify", "webhooks"])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
