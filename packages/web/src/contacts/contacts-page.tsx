import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Button as AriaButton, Input, Label, SearchField } from "react-aria-components";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import { useCanEdit, useIsCoach } from "../app/session.ts";
import { useCompanies } from "../companies/company-queries.ts";
import { useCircleNames } from "../settings/engine-settings.ts";
import { Alert, Button, Select } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { ContactFormDialog } from "./contact-form-dialog.tsx";
import { ARCHIVED_OPTIONS, PROGRESS_OPTIONS, SORT_OPTIONS } from "./contact-labels.ts";
import { ContactList } from "./contact-list.tsx";
import { type ContactFilters, DEFAULT_CIRCLES, NO_FILTERS, useContactList } from "./contact-queries.ts";

export default function ContactsPage() {
  const [filters, setFilters] = useState<ContactFilters>(NO_FILTERS);
  const deferred = useDeferredValue(filters);
  const list = useContactList(deferred);
  const companies = useCompanies().data ?? [];
  const circles = useCircleNames(DEFAULT_CIRCLES);
  const canEdit = useCanEdit();
  const coach = useIsCoach();
  const [adding, setAdding] = useState(false);

  const contacts = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onNeedMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [isFetchingNextPage, fetchNextPage]);
  const set = (patch: Partial<ContactFilters>) => setFilters((f) => ({ ...f, ...patch }));
  // Sorting is not filtering: "match" only when something narrows the list.
  const filtered = JSON.stringify({ ...filters, sort: "name" }) !== JSON.stringify(NO_FILTERS);

  return (
    <Page
      title="Contacts"
      actions={
        <>
          {/* A coach sees the shared contacts only: these pages are not shared. */}
          {!coach && (
            <>
              <Link href="/duplicates" className="btn btn-plain">
                Possible duplicates
              </Link>
              <Link href="/campaigns" className="btn btn-plain">
                Campaigns
              </Link>
              <Link href="/network" className="btn btn-plain">
                Network
              </Link>
            </>
          )}
          {canEdit && (
            <>
              <Link href="/imports" className="btn btn-plain">
                Import
              </Link>
              <Button tone="primary" onPress={() => setAdding(true)}>
                Add contact
              </Button>
            </>
          )}
        </>
      }
    >
      <search className="filters">
        <SearchField className="field search" value={filters.q} onChange={(q) => set({ q })} autoFocus>
          <Label>Search</Label>
          <div className="search-box">
            <Input placeholder="Name, email, company, title or tag" />
            <AriaButton className="search-clear" aria-label="Clear search">
              ×
            </AriaButton>
          </div>
        </SearchField>
        <Select
          label="Circle"
          value={filters.circle || "all"}
          onChange={(v) => set({ circle: v === "all" ? "" : v })}
          options={[{ id: "all", label: "All circles" }, ...circles.map((c) => ({ id: c, label: c }))]}
        />
        <Select
          label="Company"
          value={filters.companyId || "all"}
          onChange={(v) => set({ companyId: v === "all" ? "" : v })}
          options={[{ id: "all", label: "Any company" }, ...companies.map((c) => ({ id: c.id, label: c.name }))]}
        />
        <SearchField className="field tag-filter" value={filters.tag} onChange={(tag) => set({ tag })}>
          <Label>Tag</Label>
          <Input placeholder="e.g. design" />
        </SearchField>
        <Select
          label="Progress"
          value={filters.progress || "all"}
          onChange={(v) => set({ progress: v === "all" ? "" : (v as ContactFilters["progress"]) })}
          options={[{ id: "all", label: "Any progress" }, ...PROGRESS_OPTIONS]}
        />
        <Select
          label="Sort by"
          value={filters.sort}
          onChange={(v) => set({ sort: v as ContactFilters["sort"] })}
          options={SORT_OPTIONS}
        />
        <Select
          label="Show"
          value={filters.archived}
          onChange={(v) => set({ archived: v as ContactFilters["archived"] })}
          options={ARCHIVED_OPTIONS}
        />
      </search>
      <p className="muted small" aria-live="polite">
        {list.isSuccess &&
          // The first page counts every match, so the number is exact however far the list has been scrolled.
          countText(list.data?.pages[0]?.total ?? contacts.length, filtered)}
      </p>
      {list.isError && <Alert>{describeError(list.error)}</Alert>}
      {list.isPending && <Loading />}
      {list.isSuccess && contacts.length === 0 && (
        <Empty>
          {filtered ? (
            <p>No one matches. Try fewer letters or clear a filter.</p>
          ) : (
            <>
              <p>No contacts yet. Add the people you want to keep in touch with, or import them.</p>
              {canEdit && (
                <div className="row">
                  <Button tone="primary" onPress={() => setAdding(true)}>
                    Add your first contact
                  </Button>
                  <Link href="/imports" className="btn btn-plain">
                    Import from LinkedIn, a phone or a CSV
                  </Link>
                </div>
              )}
            </>
          )}
        </Empty>
      )}
      {contacts.length > 0 && (
        <ContactList contacts={contacts} hasMore={Boolean(hasNextPage)} onNeedMore={onNeedMore} />
      )}
      {adding && <ContactFormDialog onClose={() => setAdding(false)} />}
    </Page>
  );
}

/** "1 contact", "1 contact matches", "3 contacts match". */
function countText(count: number, filtered: boolean): string {
  return `${plural(count, "contact")}${filtered ? (count === 1 ? " matches" : " match") : ""}`;
}
