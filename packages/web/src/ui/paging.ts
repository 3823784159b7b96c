/** A long list read a page at a time (an import report, the possible duplicates). */
export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  first: number;
  last: number;
}

/** One page (0-based, clamped) of a long list; `first` and `last` are 1-based positions for "21–40 of 230". */
export function pageOf<T>(items: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const start = current * size;
  const slice = items.slice(start, start + size);
  return {
    items: slice,
    page: current,
    pages,
    first: slice.length ? start + 1 : 0,
    last: start + slice.length,
  };
}
