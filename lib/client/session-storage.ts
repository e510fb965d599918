/**
 * Runs a sessionStorage call, or nothing where the browser has storage switched off or full:
 * what it was for (keyboard focus kept across a page's remount) then simply does not happen.
 */
export function withSessionStorage<T>(call: (storage: Storage) => T): T | null {
  try {
    return call(sessionStorage);
  } catch {
    return null;
  }
}
