import { randomBytes } from "node:crypto";
import { passwordWeakness } from "@/lib/auth/passwords";

// No look-alike characters (0/O, 1/l/I), so an admin can read it out to a colleague.
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random 20-character password (~117 bits), in groups of five for reading aloud. */
export function generatePassword(): string {
  for (;;) {
    const bytes = randomBytes(40);
    const chars: string[] = [];
    // Rejection sampling keeps every character equally likely.
    for (const byte of bytes) {
      if (byte < 256 - (256 % ALPHABET.length)) chars.push(ALPHABET[byte % ALPHABET.length]!);
      if (chars.length === 20) break;
    }
    if (chars.length < 20) continue;
    const password = chars.join("").replace(/(.{5})(?!$)/g, "$1-");
    if (!passwordWeakness(password)) return password;
  }
}
