import { useRef, useState } from "react";
import { Link } from "wouter";
import { describeError } from "../api/problem.ts";
import type { Contact, Duplicate } from "../api/types.ts";
import { useCanEdit } from "../app/session.ts";
import { useCompanyNames } from "../companies/company-queries.ts";
import { Alert, Button } from "../ui/controls.tsx";
import { plural } from "../ui/format.ts";
import { useOnline } from "../ui/online.ts";
import { Empty, Loading, Page } from "../ui/page.tsx";
import { Pager } from "../ui/pager.tsx";
import { pageOf } from "../ui/paging.ts";
import { DuplicatePair } from "./duplicate-pair.tsx";
import {
  type PairIds,
  useDismissDuplicate,
  useDuplicates,
  useMerge,
  useUndoDismissDuplicate,
  useUndoMerge,
} from "./duplicate-queries.ts";

const PAGE_SIZE = 20;

interface DoneMerge {
  mergeId: string;
  kept: { id: string; name: string };
  mergedName: string;
}

/** A pair kept apart as "not the same person", offered for undo. */
interface DoneDismissal {
  ids: PairIds;
  names: [string, string];
}

export default function DuplicatesPage() {
  const duplicates = useDuplicates();
  const companyNames = useCompanyNames();
  const canEdit = useCanEdit();
  const online = useOnline();
  const merge = useMerge();
  const undo = useUndoMerge();
  const dismiss = useDismissDuplicate();
  const undoDismiss = useUndoDismissDuplicate();
  const [done, setDone] = useState<DoneMerge[]>([]);
  const [apart, setApart] = useState<DoneDismissal[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const statusRef = useRef<HTMLDivElement>(null);
  // The pair just acted on leaves the list; the outcome takes the focus so keyboard users are not dropped.
  const focusStatus = () => requestAnimationFrame(() => statusRef.current?.focus());

  const onMerge = (keep: Contact, gone: Contact) => {
    setMessage(null);
    merge.mutate(
      { keepId: keep.id, mergeId: gone.id },
      {
        onSuccess: (result) => {
          setDone((all) => [
            {
              mergeId: result.mergeId,
              kept: { id: keep.id, name: result.contact.displayName },
              mergedName: gone.displayName,
            },
            ...all,
          ]);
          focusStatus();
        },
      },
    );
  };
  const onUndo = (item: DoneMerge) =>
    undo.mutate(item.mergeId, {
      onSuccess: () => {
        setDone((all) => all.filter((d) => d.mergeId !== item.mergeId));
        setMessage(`Undone: ${item.kept.name} and ${item.mergedName} are two contacts again.`);
        focusStatus();
      },
    });

  const onDismiss = (pair: Duplicate) => {
    setMessage(null);
    const item: DoneDismissal = {
      ids: [pair.duplicateOfId, pair.contactId],
      names: [pair.duplicateOfName, pair.displayName],
    };
    dismiss.mutate(item.ids, {
      onSuccess: () => {
        setApart((all) => [item, ...all]);
        focusStatus();
      },
    });
  };
  const onUndoDismiss = (item: DoneDismissal) =>
    undoDismiss.mutate(item.ids, {
      onSuccess: () => {
        setApart((all) => all.filter((d) => d !== item));
        setMessage(`Undone: ${item.names[0]} and ${item.names[1]} may be suggested as duplicates again.`);
        focusStatus();
      },
    });

  const pairs = duplicates.data ?? [];
  const shown = pageOf(pairs, page, PAGE_SIZE);
  const error = merge.error ?? undo.error ?? dismiss.error ?? undoDismiss.error;

  return (
    <Page
      title="Possible duplicates"
      lead="People who may be in Kith twice: the same email, LinkedIn profile or phone, or the same name at the same company."
      actions={<Link href="/contacts">Back to contacts</Link>}
    >
      {!online && (
        <Alert tone="info">
          You are offline. Merging and keeping people apart need a connection to your Kith server.
        </Alert>
      )}
      <div ref={statusRef} tabIndex={-1} className="stack-sm status-region">
        {error && <Alert>{describeError(error)}</Alert>}
        {message && <Alert tone="info">{message}</Alert>}
        {done.map((item) => (
          <Alert key={item.mergeId} tone="info">
            <span>
              Merged {item.mergedName} into{" "}
              <Link href={`/contacts/${encodeURIComponent(item.kept.id)}`}>{item.kept.name}</Link>.
            </span>
            <Button tone="quiet" isDisabled={undo.isPending || !online} onPress={() => onUndo(item)}>
              Undo
            </Button>
          </Alert>
        ))}
        {apart.map((item) => (
          <Alert key={item.ids.join("+")} tone="info">
            <span>
              {item.names[0]} and {item.names[1]} are not the same person: Kith will not suggest them again.
            </span>
            <Button tone="quiet" isDisabled={undoDismiss.isPending || !online} onPress={() => onUndoDismiss(item)}>
              Undo
            </Button>
          </Alert>
        ))}
      </div>
      {duplicates.isPending && <Loading />}
      {duplicates.isError && <Alert>{describeError(duplicates.error)}</Alert>}
      {duplicates.isSuccess && pairs.length === 0 && (
        <Empty>
          <p>No possible duplicates. Everyone is in Kith once.</p>
          <p className="muted small">Kith looks again each time you open this page, for example after an import.</p>
        </Empty>
      )}
      {pairs.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {plural(pairs.length, "possible duplicate")}
          </p>
          <ul className="plain-list pairs" aria-label="Possible duplicates">
            {shown.items.map((pair) => (
              <DuplicatePair
                key={`${pair.contactId}-${pair.duplicateOfId}`}
                pair={pair}
                companyNames={companyNames}
                canMerge={canEdit && online}
                isMerging={merge.isPending}
                onMerge={onMerge}
                isDismissing={dismiss.isPending}
                onDismiss={onDismiss}
              />
            ))}
          </ul>
          <Pager page={shown} total={pairs.length} label="Possible duplicates" onPage={setPage} />
        </>
      )}
    </Page>
  );
}
