import { type Actor, requireRole } from "../../accounts/roles.ts";
import type { Deps, Repositories } from "../../ports/index.ts";
import { notFound } from "../../shared/errors.ts";
import { yieldToLoop } from "../../shared/yield-to-loop.ts";
import { openImportFile } from "../read/import-file.ts";
import { readUpload } from "../read/read-upload.ts";
import type { ImportPreview, ImportUpload, PreviewRow } from "../schemas.ts";
import { DuplicateIndex } from "./duplicate-index.ts";
import { classifyRow } from "./plan-rows.ts";

const PREVIEW_ROWS = 20;
/** A preview is read by a person: past these, the counts say how many more there are. */
const PREVIEW_DUPLICATES = 200;
const PREVIEW_ERRORS = 1000;

export async function countryOf(tx: Repositories, accountId: string): Promise<string | null> {
  const account = await tx.accounts.findById(accountId);
  if (!account) throw notFound("account", accountId);
  return account.country;
}

export async function indexOf(tx: Repositories, accountId: string, country: string | null): Promise<DuplicateIndex> {
  const index = new DuplicateIndex(country);
  let n = 0;
  for (const identity of await tx.duplicates.identities(accountId)) {
    index.add(identity);
    // Every job and preview starts here: for 50k contacts, most of a second of work that should not hold the
    // event loop (other users' requests) in one piece.
    if (++n % 5000 === 0) await yieldToLoop();
  }
  return index;
}

/**
 * What an import would do, row by row, without writing anything: mapping, duplicates (certain, and suggested by
 * a similar name at the same company) and per-row errors. Rows are streamed; only what is shown is kept.
 */
export async function previewImport(deps: Deps, actor: Actor, upload: ImportUpload): Promise<ImportPreview> {
  requireRole(actor, "editor");
  const { input, encoding, detectedEncoding } = readUpload(upload);
  const country = await countryOf(deps.store, actor.accountId);
  const file = openImportFile(input, country);
  const index = await indexOf(deps.store, actor.accountId, country);
  const counts = { create: 0, merge: 0, skip: 0, error: 0 };
  const rows: PreviewRow[] = [];
  const duplicates: PreviewRow[] = [];
  const errors: PreviewRow["issues"] = [];
  let n = 0;
  for (const row of file.rows()) {
    if (n % 1000 === 999) await yieldToLoop();
    const planned = classifyRow(row, index, () => `new-${++n}`);
    counts[planned.action] += 1;
    if (rows.length < PREVIEW_ROWS) rows.push(planned);
    if (planned.match !== null && duplicates.length < PREVIEW_DUPLICATES) duplicates.push(planned);
    if (errors.length < PREVIEW_ERRORS) errors.push(...planned.issues.slice(0, PREVIEW_ERRORS - errors.length));
  }
  return {
    format: file.format,
    encoding,
    detectedEncoding,
    headers: file.headers,
    mapping: file.mapping,
    totalRows: counts.create + counts.merge + counts.skip + counts.error,
    counts,
    rows,
    duplicates,
    errors,
  };
}
