import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula } from "@/lib/csv/formula";
import { readCsvRecords, TooManyLinesError, type CsvRecord } from "@/lib/csv/records";
import { decodeUtf8, InvalidUtf8Error } from "@/lib/csv/utf8";
import { csvLine } from "@/lib/csv/write";

/** Splits bytes into chunks of `size`, as a network stream might deliver them. */
async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function decode(bytes: Uint8Array, size: number): Promise<string> {
  let text = "";
  for await (const part of decodeUtf8(chunked(bytes, size), 1)) text += part;
  return text;
}

async function records(text: string, size: number, maxLines?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const source = decodeUtf8(chunked(Buffer.from(text), size), 1);
  await readCsvRecords(source, (batch) => out.push(...batch), maxLines);
  return out;
}

describe("decodeUtf8", () => {
  const text = "héllo, wörld\n€ and 𝄞\nlast line ✓";

  it.each([1, 2, 3, 5, 64])(
    "decodes multi-byte characters split across chunks of %i bytes",
    async (size) => {
      expect(await decode(Buffer.from(text), size)).toBe(text);
    },
  );

  it("drops a leading BOM", async () => {
    expect(await decode(Buffer.from("\uFEFFa,b"), 2)).toBe("a,b");
  });

  it.each([1, 4, 1000])("names the line of the first invalid byte (chunks of %i)", async (size) => {
    const bytes = Buffer.concat([
      Buffer.from("ok\nstill ok é\n"),
      Buffer.from([0x63, 0xe9, 0x0a]),
      Buffer.from("more\n"),
    ]);
    const failure = await decode(bytes, size).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InvalidUtf8Error);
    expect((failure as InvalidUtf8Error).line).toBe(3);
  });

  it.each([1, 2, 1000])(
    "counts CR-only and CRLF line ends when naming the line (chunks of %i)",
    async (size) => {
      const mac = Buffer.concat([Buffer.from("header\rOk,,,TODO\r"), Buffer.from([0x63, 0xe9])]);
      const macFailure = await decode(mac, size).catch((e: unknown) => e);
      expect((macFailure as InvalidUtf8Error).line).toBe(3);
      const windows = Buffer.concat([Buffer.from("h\r\nok\r\n\r\n"), Buffer.from([0xe9])]);
      const windowsFailure = await decode(windows, size).catch((e: unknown) => e);
      expect((windowsFailure as InvalidUtf8Error).line).toBe(4);
    },
  );

  it("rejects a file cut in the middle of a character, on its last line", async () => {
    const bytes = Buffer.concat([Buffer.from("a\nb\n"), Buffer.from([0xe2, 0x82])]);
    const failure = await decode(bytes, 2).catch((e: unknown) => e);
    expect((failure as InvalidUtf8Error).line).toBe(3);
  });
});

describe("readCsvRecords", () => {
  const csv = 'h1,h2\r\n"a\r\nb",c\r\n\r\nplain,"x ""q"" y"\r\n"three\nline\ncell",z\r\nend,1';

  it.each([1, 3, 7, 1000])(
    "numbers records by the line they start on (chunks of %i)",
    async (size) => {
      const got = await records(csv, size);
      expect(got.map((r) => [r.line, r.cells])).toEqual([
        [1, ["h1", "h2"]],
        [2, ["a\r\nb", "c"]],
        [5, ["plain", 'x "q" y']],
        [6, ["three\nline\ncell", "z"]],
        [9, ["end", "1"]],
      ]);
    },
  );

  it.each([1, 7, 1000])(
    "stops at a line limit, blank lines and quoted line breaks counted (chunks of %i)",
    async (size) => {
      expect(await records("h\n1\n2\n", size, 3)).toHaveLength(3);
      for (const text of ["h\n1\n2\n3\n\n\n", "h\n\n\n\n\n\n\n", 'h\n"a\nb\nc\nd",x\n']) {
        const refused = await records(text, size, 3).catch((error: unknown) => error);
        expect(refused, JSON.stringify(text)).toBeInstanceOf(TooManyLinesError);
        expect((refused as Error).message).toBe("The file has more than 3 lines.");
      }
    },
  );

  it.each([1, 5, 1000])(
    "keeps a CR out of the last cell when LF lines are followed by CRLF ones (chunks of %i)",
    async (size) => {
      const got = await records("a,b\n1,x\r\n2,y\r\n3,z\n", size);
      expect(got.map((r) => [r.line, r.cells])).toEqual([
        [1, ["a", "b"]],
        [2, ["1", "x"]],
        [3, ["2", "y"]],
        [4, ["3", "z"]],
      ]);
    },
  );

  it.each([1, 2, 5, 1000])(
    "reads LF lines appended to a CRLF file as rows of their own (chunks of %i)",
    async (size) => {
      const got = await records('a,b\r\n1,"x\r\ny"\r\n2,z\n3,w\n\r4,v\r', size);
      expect(got.map((r) => [r.line, r.cells])).toEqual([
        [1, ["a", "b"]],
        [2, ["1", "x\r\ny"]],
        [4, ["2", "z"]],
        [5, ["3", "w"]],
        [7, ["4", "v"]],
      ]);
    },
  );

  it.each([1, 2, 3, 1000])(
    "keeps a CR that is written inside a quoted last cell (chunks of %i)",
    async (size) => {
      const got = await records('a,b\n1,"x\r"\n2,"say ""hi""\r"\n', size);
      expect(got.map((r) => r.cells)).toEqual([
        ["a", "b"],
        ["1", "x\r"],
        ["2", 'say "hi"\r'],
      ]);
    },
  );

  it.each([1, 4, 1000])(
    "treats a quote inside an unquoted cell as a character (chunks of %i)",
    async (size) => {
      const got = await records('a,b\r\n5" tall,"q"\r\nnext,1\r\n', size);
      expect(got.map((r) => [r.line, r.cells])).toEqual([
        [1, ["a", "b"]],
        [2, ['5" tall', "q"]],
        [3, ["next", "1"]],
      ]);
    },
  );

  it.each([1, 2, 3, 7, 1000])(
    "stays inside quotes where papaparse does: a quote followed by text does not close (chunks of %i)",
    async (size) => {
      const got = await records('a,b\r\n"5"x,"\r\nok,1\r\n"q" \t,2\r\nend,"z" \r\n', size);
      expect(got.map((r) => [r.line, r.cells])).toEqual([
        [1, ["a", "b"]],
        [2, ['5"x,']],
        [3, ["ok", "1"]],
        [4, ["q", "2"]],
        [5, ["end", "z"]],
      ]);
      expect(got[1]!.problem).toBe("A quoted cell has text after its closing quote.");
    },
  );

  it("names text after a closing quote as the row's problem", async () => {
    const got = await records('a,b\nQ,"a"b\n', 4);
    expect(got[1]).toMatchObject({
      line: 2,
      problem: "A quoted cell has text after its closing quote.",
    });
  });

  it("marks a quoted cell that never closes", async () => {
    const got = await records('a,b\n1,"open\n2,3\n', 4);
    expect(got[1]).toMatchObject({ line: 2, problem: "A quoted cell is never closed." });
  });
});

describe("formula neutralising", () => {
  it.each(["=1+1", "+x", "-5", "@a", "\tx", "\rx", "'=x", "''+y", "plain", "a=b", "'quoted", ""])(
    "%j survives neutralise → restore",
    (cell) => {
      expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
    },
  );

  it("prefixes risky cells and quotes what CSV needs quoted", () => {
    expect(csvLine(['=HYPERLINK("x")', "ok", "a,b", "line\nbreak"])).toBe(
      '"\'=HYPERLINK(""x"")",ok,"a,b","line\nbreak"\r\n',
    );
  });
});
