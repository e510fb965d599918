import fs from "node:fs";
import path from "node:path";

/** Where `api()` appends each response when RECORD_API_CALLS is set (one JSON object a line). */
export const RECORDED_CALLS_FILE = path.resolve(
  import.meta.dirname,
  "../.artifacts/api-calls.jsonl",
);

export type RecordedCall = {
  method: string;
  template: string;
  status: number;
  contentType: string | null;
  body: unknown;
  test: string;
};

export function appendRecordedCall(call: RecordedCall): void {
  fs.mkdirSync(path.dirname(RECORDED_CALLS_FILE), { recursive: true });
  fs.appendFileSync(RECORDED_CALLS_FILE, JSON.stringify(call) + "\n");
}

export function readRecordedCalls(): RecordedCall[] {
  if (!fs.existsSync(RECORDED_CALLS_FILE)) return [];
  return fs
    .readFileSync(RECORDED_CALLS_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedCall);
}
