import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState } from "./bulk-helpers";

type ErrorBody = { detail: string; errors: { field: string; message: string }[] };

const ONE_FILE = 'Only one file may be sent, in the field "file"; upload each file on its own.';
const COLUMNS_LATE = 'The "columns" field must come before "file" in the form; send it first.';

let manager: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
});

const csv = (title: string) =>
  new Blob([`title,description,assigned_to,status\n${title},,,TODO\n`], { type: "text/csv" });

/** POST a form built part by part, in the order given: the order is what these tests are about. */
function send(form: FormData, query = "") {
  return api<ErrorBody>("POST", `/api/tasks/bulk-upload/${query}`, {
    token: manager.token,
    rawBody: form,
  });
}

describe("bulk-upload reads a form of one file, its `columns` field first", () => {
  it("refuses a second `file` part, dry run or not, and writes nothing", async () => {
    const before = await databaseState();
    for (const query of ["", "?dry_run=1"]) {
      const form = new FormData();
      form.append("file", csv("From a.csv"), "a.csv");
      form.append("file", csv("From b.csv"), "b.csv");
      const res = await send(form, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toEqual({
        detail: ONE_FILE,
        errors: [{ field: "file", message: ONE_FILE }],
      });
    }
    expect(await databaseState()).toBe(before);
  });

  it("refuses a second `file` part that follows files of other names", async () => {
    // busboy stops reporting files past its `files` limit: the second `file` must not slip by.
    const before = await databaseState();
    const form = new FormData();
    form.append("file", csv("First"), "a.csv");
    for (let i = 0; i < 5; i += 1) form.append(`other${i}`, csv("Other"), `other${i}.csv`);
    form.append("file", csv("Second"), "b.csv");
    const res = await send(form);
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(ONE_FILE);
    // Without any `file` part, the form has too many files, not a second one.
    const others = new FormData();
    for (let i = 0; i < 6; i += 1) others.append(`other${i}`, csv("Other"), `other${i}.csv`);
    const crowded = await send(others);
    expect(crowded.status).toBe(400);
    expect(crowded.body.detail).toBe('Too many files in the form: send one, in the field "file".');
    expect(await databaseState()).toBe(before);
  });

  it("refuses a `columns` field sent after the file instead of ignoring it", async () => {
    const before = await databaseState();
    for (const query of ["", "?dry_run=1"]) {
      const form = new FormData();
      form.append("file", new Blob(["Name,State\nLate,TODO\n"], { type: "text/csv" }), "a.csv");
      form.append("columns", JSON.stringify({ title: "Name", status: "State" }));
      const res = await send(form, query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body).toEqual({
        detail: COLUMNS_LATE,
        errors: [{ field: "columns", message: COLUMNS_LATE }],
      });
    }
    expect(await databaseState()).toBe(before);
  });

  it("refuses a body cut off after the file, inside a later part", async () => {
    const before = await databaseState();
    const file = [
      "--cut",
      'Content-Disposition: form-data; name="file"; filename="tasks.csv"',
      "Content-Type: text/csv",
      "",
      "title,description,assigned_to,status\r\nWhole file,,,TODO",
      "",
    ].join("\r\n");
    const cutPart = ["--cut", 'Content-Disposition: form-data; name="other"', "", "never"];
    // The file arrives whole, and is read, well before the body breaks off.
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(Buffer.from(file));
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.enqueue(Buffer.from(cutPart.join("\r\n")));
        controller.close();
      },
    });
    const res = await api("POST", "/api/tasks/bulk-upload/", {
      token: manager.token,
      rawBody: body,
      headers: { "content-type": "multipart/form-data; boundary=cut" },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ detail: "Malformed multipart/form-data body." });
    expect(await databaseState()).toBe(before);
  });

  it("refuses a late part after a large file that arrives in small pieces", async () => {
    // By the time such a part is parsed the body may have ended, past the reach of destroy().
    const before = await databaseState();
    const rows = Array.from({ length: 20_000 }, (_, i) => `Large file row ${i},,,TODO`).join(
      "\r\n",
    );
    const late = [
      ["file", `--big\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\nx`],
      ["columns", `--big\r\nContent-Disposition: form-data; name="columns"\r\n\r\n{}`],
    ] as const;
    for (const [name, part] of late) {
      const whole = Buffer.from(
        [
          "--big",
          'Content-Disposition: form-data; name="file"; filename="a.csv"',
          "Content-Type: text/csv",
          "",
          `title,description,assigned_to,status\r\n${rows}`,
          `${part}\r\n--big--\r\n`,
        ].join("\r\n"),
      );
      let offset = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= whole.length) return controller.close();
          controller.enqueue(whole.subarray(offset, offset + 16 * 1024));
          offset += 16 * 1024;
        },
      });
      const res = await api<ErrorBody>("POST", "/api/tasks/bulk-upload/", {
        token: manager.token,
        rawBody: body,
        headers: { "content-type": "multipart/form-data; boundary=big" },
      });
      expect({ name, status: res.status }).toEqual({ name, status: 400 });
      expect(res.body.errors).toEqual([
        { field: name, message: name === "file" ? ONE_FILE : COLUMNS_LATE },
      ]);
    }
    expect(await databaseState()).toBe(before);
  });

  it("still takes the same form with `columns` first, and ignores other fields after the file", async () => {
    const form = new FormData();
    form.append("columns", JSON.stringify({ title: "Name", status: "State" }));
    form.append("file", new Blob(["Name,State\nOn time,TODO\n"], { type: "text/csv" }), "a.csv");
    form.append("submit", "Import");
    const res = await send(form, "?dry_run=1");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
