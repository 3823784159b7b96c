export type Cell = string | number | null | undefined;

const text = (cell: Cell): string => (cell === null || cell === undefined || cell === "" ? "-" : String(cell));

/** Left-aligned columns separated by two spaces; the last column is not padded (no trailing blanks). */
export function renderTable(headers: readonly string[], rows: readonly Cell[][]): string {
  const cells = [headers.map(String), ...rows.map((row) => row.map(text))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** "label  value" lines for one record, labels aligned. */
export function renderFields(fields: readonly [string, Cell][]): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${text(value)}`.trimEnd()).join("\n");
}
