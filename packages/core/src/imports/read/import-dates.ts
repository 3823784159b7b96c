import { linkedInDate } from "./linkedin.ts";

/** Dates as contact tools write them; every reader returns null for "no date" and throws nothing. */
export interface PartialDate {
  year: number | null;
  month: number;
  day: number;
}

export type DateRead = { ok: true; date: PartialDate | null } | { ok: false; message: string };

const valid = (date: PartialDate): DateRead => {
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1];
  if (!days || date.day < 1 || date.day > days) return { ok: false, message: "is not a calendar date" };
  if (date.year !== null && (date.year < 1900 || date.year > 2100)) return { ok: false, message: "year out of range" };
  return { ok: true, date };
};

/**
 * Reads ISO (`1975-04-15`, `19700101`), year-less (`--08-02`, `--0802`), LinkedIn (`12 Mar 2024`) and US
 * (`4/9/1980`; Outlook writes an empty date as `0/0/00`) dates.
 */
export function readDate(raw: string): DateRead {
  const s = raw.trim();
  if (s === "" || /^0{1,2}\/0{1,2}\/0{2,4}$/.test(s)) return { ok: true, date: null };
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(s);
  if (m) return valid({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  m = /^--(\d{2})-?(\d{2})$/.exec(s);
  if (m) return valid({ year: null, month: Number(m[1]), day: Number(m[2]) });
  const linkedIn = linkedInDate(s);
  if (linkedIn) return valid(linkedIn);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[3]);
    const year = m[3]!.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
    return valid({ year, month: Number(m[1]), day: Number(m[2]) });
  }
  return { ok: false, message: `"${s}" is not a date this importer reads (use YYYY-MM-DD)` };
}

export const isoOf = (d: PartialDate): string | null =>
  d.year === null
    ? null
    : `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
