/** Django's UserAttributeSimilarityValidator refuses at this ratio; the reference's users know it. */
const MAX_SIMILARITY = 0.7;

/** Whose password it is: what a guesser who knows them would try first. */
export type PasswordOwner = { email: string; fullName: string };

/**
 * 2 × the longest common subsequence over both lengths: 1 for equal strings, 0 for disjoint. Never
 * below Django's SequenceMatcher ratio (matching blocks), so a little stricter, and bounded at
 * length × length steps whatever the input, where the blocks' recursion is not.
 */
function similarity(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const charA of a) {
    const current = [0];
    for (let j = 0; j < b.length; j += 1) {
      current.push(charA === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, current[j]!));
    }
    previous = current;
  }
  return (2 * previous[b.length]!) / (a.length + b.length);
}

/** The value itself, an email's local part, and each word of three characters or more. */
function candidates(value: string): string[][] {
  const lower = value.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
  return [lower, lower.split("@")[0]!, ...words].map((text) => Array.from(text));
}

/**
 * Why the password is too like its owner's email address or name (Django's validator's candidates
 * and threshold, with a slightly stricter measure), or null. "emma.employee1" for
 * emma.employee@example.com is refused; a passphrase that merely contains one of the words is not.
 */
export function passwordLikeOwner(password: string, owner: PasswordOwner): string | null {
  const characters = Array.from(password.toLowerCase());
  const attributes = [
    ["email address", owner.email],
    ["name", owner.fullName],
  ] as const;
  for (const [what, value] of attributes) {
    if (candidates(value).some((text) => similarity(characters, text) >= MAX_SIMILARITY)) {
      return `The password is too similar to the ${what}.`;
    }
  }
  return null;
}
