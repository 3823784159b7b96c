import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Export files in real shapes (LinkedIn, Google, Outlook, vCard 2.1/3.0/4.0, iCalendar), made-up people. They live in
 * the repository beside this file so a clone with nothing beside it runs every test; `samples/README.md` says what each
 * one exercises.
 */
export type SampleName =
  | "calendar.ics"
  | "calendar-attendees.ics"
  | "calendar-meetings.ics"
  | "calendar-meetings-later.ics"
  | "contacts-photos-dates.vcf"
  | "contacts-v21.vcf"
  | "contacts-v3.vcf"
  | "contacts-v4.vcf"
  | "excel-unicode-text.txt"
  | "google-contacts.csv"
  | "google-contacts-legacy.csv"
  | "linkedin-Connections.csv"
  | "latin1-contacts.csv"
  | "outlook-contacts.csv"
  | "outlook-contacts-full.csv"
  | "utf16be-contacts.vcf"
  | "windows-1252-contacts.vcf";

export const samplePath = (name: SampleName): string => fileURLToPath(new URL(`./samples/${name}`, import.meta.url));

export const readSample = (name: SampleName): string => readFileSync(samplePath(name), "utf8");

/** A sample's bytes as they are (the files in encodings other than UTF-8). */
export const readSampleBytes = (name: SampleName): Uint8Array => new Uint8Array(readFileSync(samplePath(name)));
