import type { VisibilityState } from "@tanstack/react-table";
import { HIDDEN_BY_DEFAULT } from "./task-columns";

// The task table's chosen columns, kept in this browser (localStorage) across reloads and
// filters, and read through useSyncExternalStore so that the server's first render (the
// defaults) and the browser's agree at hydration.
const KEY = "etums:task-table-columns";
const listeners = new Set<() => void>();
const last: { raw: string | null; value: VisibilityState } = {
  raw: null,
  value: HIDDEN_BY_DEFAULT,
};

function storedRaw(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    // Storage switched off: the defaults, every time.
    return null;
  }
}

function parsed(raw: string | null): VisibilityState {
  if (raw === null) return HIDDEN_BY_DEFAULT;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return HIDDEN_BY_DEFAULT;
    const entries = Object.entries(value).filter(([, shown]) => typeof shown === "boolean");
    return { ...HIDDEN_BY_DEFAULT, ...Object.fromEntries(entries) };
  } catch {
    return HIDDEN_BY_DEFAULT;
  }
}

/** The same object while the stored text is the same, as useSyncExternalStore requires. */
export function readColumnVisibility(): VisibilityState {
  const raw = storedRaw();
  if (raw !== last.raw) Object.assign(last, { raw, value: parsed(raw) });
  return last.value;
}

export function defaultColumnVisibility(): VisibilityState {
  return HIDDEN_BY_DEFAULT;
}

export function saveColumnVisibility(value: VisibilityState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Not kept, but still shown: the listeners read what they can.
    Object.assign(last, { raw: JSON.stringify(value), value });
  }
  for (const listener of listeners) listener();
}

export function subscribeColumnVisibility(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's choice shows here too.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
