/** Numbers rows by an order built from their content, not their ids: refs survive a restore that renews ids. */
export function numbered<T, B extends object>(prefix: string, rows: readonly T[], body: (row: T) => B) {
  const keyed = rows.map((row) => ({ row, body: body(row), key: JSON.stringify(body(row)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const refs = new Map<T, string>();
  const out = keyed.map((k, i) => {
    refs.set(k.row, `${prefix}-${i + 1}`);
    return { ref: `${prefix}-${i + 1}`, ...k.body };
  });
  return { out, refOf: (row: T) => refs.get(row) ?? "" };
}
