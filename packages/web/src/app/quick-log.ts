import { useSyncExternalStore } from "react";

/** Open state of the global quick-log dialog, reachable from any page (button or the L key). */
export interface QuickLogState {
  open: boolean;
  contactId?: string | undefined;
  contactName?: string | undefined;
}

let state: QuickLogState = { open: false };
const listeners = new Set<() => void>();

function set(next: QuickLogState) {
  state = next;
  for (const listener of listeners) listener();
}

export function openQuickLog(contact?: { id: string; displayName: string }) {
  set({ open: true, contactId: contact?.id, contactName: contact?.displayName });
}

export function closeQuickLog() {
  set({ open: false });
}

export function useQuickLog(): QuickLogState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** True when a key press belongs to a text field, so a shortcut must not steal it. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}
