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

/** Restores a backup file into this (empty) account; everything the page lists is read again afterwards. */
export function useRestoreBackup() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const backup = await readBackup(file);
      // The body is the backup as it was read: the server checks every field and names the broken one.
      return unwrap(api.POST("/api/backup/restore", { body: backup as never }));
    },
    onSuccess: () => {
      refreshAfterImport(client);
      for (const key of ["account", "settings", "notify", "webhooks"])
        void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
