/**
 * Characters as zod's min()/max() and MySQL's VARCHAR count them: code points, so an emoji is one,
 * not the two UTF-16 units of String.length.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (let at = 0; at < value.length; at++) {
    const unit = value.charCodeAt(at);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(at + 1);
      if (next >= 0xdc00 && next <= 0xdfff) at++;
    }
    count++;
  }
  return count;
}

/** Whether `value` has more than `max` characters; String.length bounds the count from above. */
export function longerThan(value: string, max: number): boolean {
  return value.length > max && characterCount(value) > max;
}
