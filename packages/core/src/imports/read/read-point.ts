/**
 * Where a reading of an import file starts or goes on: a character offset into the file's text, at the start of a
 * row (or of blank lines before one), and the file's line there, so rows read from it name the file's own lines.
 */
export interface ReadPoint {
  offset: number;
  line: number;
}

/**
 * Where a stored file's reading goes on, with what the reader needs there: a CSV file's header (read once, when
 * the job was queued: LinkedIn's preamble and the header are not read again); none for vCard, split into cards.
 * A job records one with each committed chunk and resumes from it without reading the rows before.
 */
export interface ResumePoint extends ReadPoint {
  headers: string[];
  /** A CSV file's delimiter, found with its header; absent for a comma (and in points recorded before). */
  delimiter?: ";" | "\t";
}
