import { characterCount } from "@/lib/validation/character-count";

/** Shown from this share of the limit on: a counter on every keystroke from the first is noise. */
const SHOWN_FROM = 0.8;

/**
 * How much of a text field's limit is used, once it nears the limit, so a long description is
 * cut down while typing rather than refused on Save. Counted in code points, as the validation
 * counts.
 */
export function CharacterCount({ id, value, max }: { id: string; value: string; max: number }) {
  const used = characterCount(value);
  if (used < max * SHOWN_FROM) return null;
  const over = used > max;
  return (
    <p id={id} className={`mt-1 text-xs ${over ? "font-medium text-red-700" : "text-slate-700"}`}>
      {used.toLocaleString("en-US")} of {max.toLocaleString("en-US")} characters
      {over ? `: ${(used - max).toLocaleString("en-US")} too many` : ""}
    </p>
  );
}
