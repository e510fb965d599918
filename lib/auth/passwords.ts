import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords";
import { characterCount } from "@/lib/validation/character-count";

export const MIN_PASSWORD_LENGTH = 10;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. (2 is Algorithm.Argon2id, a const enum.)
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash so that an unknown email costs as much time as a known one. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
}

/** A reason the password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  const length = characterCount(password);
  if (length < MIN_PASSWORD_LENGTH) {
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters long.`;
  }
  if (length > 256) return "Password must be at most 256 characters long.";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "This password is too common.";
  if (/^(.)\1+$/u.test(password)) return "Password must not repeat a single character.";
  return null;
}
