import { COMMA, CR, LF, QUOTE } from "@/lib/char-codes";

const OUTSIDE = 0;
const IN_QUOTES = 1;
/** Inside quotes, just after a quote: a second one makes it `""`, anything else may close. */
const QUOTE_SEEN = 2;
/** After a lone quote, skipping spaces: papaparse closes the cell only at `,`, a line end or EOF. */
const AFTER_QUOTE = 3;
type State = typeof OUTSIDE | typeof IN_QUOTES | typeof QUOTE_SEEN | typeof AFTER_QUOTE;

/** What String.prototype.trim() removes (papaparse's test for spaces after a quote), but line ends. */
function isSpace(code: number): boolean {
  if (code === 32 || code === 9) return true;
  if (code < 128) return code === 11 || code === 12;
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Rewrites every line ending outside quoted cells — CRLF, a lone CR (old Mac) or LF — as LF, fed
 * chunk by chunk, so that one file may mix them (LF lines appended to a CRLF export). Line breaks
 * inside quoted cells are kept as written. Quoted cells open and close exactly where papaparse
 * opens and closes them (a quote opens one only at a cell's start; a quote followed by other text
 * leaves it open), so both read the same cells; each form of line ending counts as one line.
 */
export class LineEndingNormalizer {
  private state: State = OUTSIDE;
  // Outside quotes, a chunk ended on a CR, already written as LF: a leading LF completes it.
  private crAtEnd = false;
  // The last character outside quotes: a quote opens a cell only after a comma or a line end.
  private previous = LF;

  /** The chunk with its line endings rewritten. */
  push(chunk: string): string {
    const parts: string[] = [];
    let copied = 0;
    let at = 0;
    if (this.crAtEnd && chunk.length > 0) {
      this.crAtEnd = false;
      if (chunk.charCodeAt(0) === LF) copied = at = 1;
    }
    for (; at < chunk.length; at++) {
      const code = chunk.charCodeAt(at);
      if (this.state === IN_QUOTES) {
        const quote = chunk.indexOf('"', at);
        if (quote === -1) break;
        at = quote;
        this.state = QUOTE_SEEN;
        continue;
      }
      if (this.state === QUOTE_SEEN) {
        if (code === QUOTE) {
          this.state = IN_QUOTES;
          continue;
        }
        this.state = AFTER_QUOTE;
      }
      if (this.state === AFTER_QUOTE) {
        if (isSpace(code)) continue;
        if (code !== COMMA && code !== CR && code !== LF) {
          // Text after the quote: papaparse reports it and reads on inside the quotes.
          this.state = code === QUOTE ? QUOTE_SEEN : IN_QUOTES;
          continue;
        }
        this.state = OUTSIDE;
      }
      if (code === QUOTE) {
        if (this.previous === COMMA || this.previous === LF) this.state = IN_QUOTES;
      } else if (code === CR) {
        parts.push(chunk.slice(copied, at));
        copied = at + 1;
        if (at + 1 === chunk.length) {
          parts.push("\n");
          this.crAtEnd = true;
        } else if (chunk.charCodeAt(at + 1) !== LF) {
          // A lone CR becomes LF; CRLF keeps its LF.
          parts.push("\n");
        }
        this.previous = LF;
        continue;
      }
      this.previous = code;
    }
    if (copied === 0) return chunk;
    parts.push(chunk.slice(copied));
    return parts.join("");
  }
}

/** A text stream with its line endings rewritten by one LineEndingNormalizer. */
export async function* normalizeLineEndings(source: AsyncIterable<string>): AsyncGenerator<string> {
  const normalizer = new LineEndingNormalizer();
  for await (const chunk of source) yield normalizer.push(chunk);
}
