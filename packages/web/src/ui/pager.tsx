import { Button } from "./controls.tsx";
import type { Page } from "./paging.ts";

/** "21–40 of 230" with previous and next; hidden when everything fits on one page. */
export function Pager<T>(props: { page: Page<T>; total: number; label: string; onPage: (page: number) => void }) {
  const { page, total } = props;
  if (page.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`${props.label} pages`}>
      <Button tone="quiet" isDisabled={page.page === 0} onPress={() => props.onPage(page.page - 1)}>
        Previous
      </Button>
      <span className="muted small" aria-live="polite">
        {page.first}–{page.last} of {total.toLocaleString()}
      </span>
      <Button tone="quiet" isDisabled={page.page >= page.pages - 1} onPress={() => props.onPage(page.page + 1)}>
        Next
      </Button>
    </nav>
  );
}
