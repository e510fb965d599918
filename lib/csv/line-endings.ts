const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;

/**
 * Rewrites every line ending outside quoted cells — CRLF, a lone CR (old Mac) or LF — as LF, fed
 * chunk by chunk, so that one file may mix them (LF lines appended to a CRLF export). Line breaks
 * inside quoted cells are kept as written. A quote opens a cell only at its start, as in
 * papaparse; each form of line ending still counts as one line.
 */
export class LineEndingNormalizer {
  private inQuotes = false;
  // Inside quotes, a chunk ended on a quote: the next character says whether it was `""`.
  private quoteAtEnd = false;
  // Outside quotes, a chunk ended on a CR, already written as LF: a leading LF completes it.
  private crAtEnd = false;
  private previous = LF;
  private readonly special = /["\r]/g;

  /** The chunk with its line endings rewritten. */
  push(chunk: string): string {
    if (chunk.length === 0) return chunk;
    let from = 0;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (chunk.charCodeAt(0) === QUOTE) from = 1;
      else this.inQuotes = false;
    }
    const parts: string[] = [];
    let copied = 0;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (chunk.charCodeAt(0) === LF) copied = from = 1;
    }
    const special = this.special;
    special.lastIndex = from;
    for (let match = special.exec(chunk); match; match = special.exec(chunk)) {
      const at = match.index;
      if (chunk.charCodeAt(at) === QUOTE) {
        const before = at > 0 ? chunk.charCodeAt(at - 1) : this.previous;
        if (this.inQuotes) {
          if (at + 1 === chunk.length) this.quoteAtEnd = true;
          else if (chunk.charCodeAt(at + 1) === QUOTE) special.lastIndex = at + 2;
          else this.inQuotes = false;
        } else if (before === COMMA || before === LF || before === CR) {
          this.inQuotes = true;
        }
        continue;
      }
      if (this.inQuotes) continue;
      parts.push(chunk.slice(copied, at));
      copied = at + 1;
      if (at + 1 === chunk.length) {
        parts.push("\n");
        this.crAtEnd = true;
      } else if (chunk.charCodeAt(at + 1) !== LF) {
        // A lone CR becomes LF; CRLF keeps its LF.
        parts.push("\n");
      }
    }
    this.previous = this.crAtEnd ? LF : chunk.charCodeAt(chunk.length - 1);
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
