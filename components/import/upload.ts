import { SESSION_ENDED_EVENT } from "@/lib/client/call-action";

export type RowProblem = {
  line: number;
  column: string | null;
  value: string | null;
  message: string;
};

export type UploadAnswer =
  | { ok: true; status: number; body: Record<string, unknown> }
  | { ok: false; status: number; detail: string; problems: RowProblem[]; totalProblems: number };

const ENDPOINT = "/api/tasks/bulk-upload/";

/** A fresh Idempotency-Key (getRandomValues works on plain HTTP too, unlike randomUUID). */
export function newImportKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `import-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function problemsOf(body: Record<string, unknown>): RowProblem[] {
  const errors = Array.isArray(body.errors) ? body.errors : [];
  return errors.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const e = item as Record<string, unknown>;
    return [
      {
        line: typeof e.line === "number" ? e.line : 0,
        column:
          typeof e.column === "string" ? e.column : typeof e.field === "string" ? e.field : null,
        value: typeof e.value === "string" ? e.value : null,
        message: typeof e.message === "string" ? e.message : "Invalid row.",
      },
    ];
  });
}

/** In words for a person, where the API's own would say too little to them. */
function detailFor(status: number, body: Record<string, unknown>): string {
  if (status === 401) return "Your session has ended, so the file was not sent.";
  if (typeof body.detail === "string") return body.detail;
  // Not the API's JSON: an answer from a proxy in front of it, say.
  if (status === 413) return "The file is larger than the server accepts.";
  return `The server could not handle the file (error ${status}).`;
}

function answerOf(status: number, text: string): UploadAnswer {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (status >= 200 && status < 300) return { ok: true, status, body };
  // The page's notice offers a new sign-in, as for any action refused for an ended session.
  if (status === 401) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
  const detail = detailFor(status, body);
  const problems = problemsOf(body);
  // The server lists the first 1,000 problems and counts them all.
  const totalProblems = typeof body.total_errors === "number" ? body.total_errors : problems.length;
  return { ok: false, status, detail, problems, totalProblems };
}

/**
 * Sends the file to the bulk-upload endpoint with the session cookie (same origin), reporting
 * upload progress; `dryRun` asks for the validation report only, `columns` maps the file's
 * columns to ours (it must precede the file in the form). A real import carries `idempotencyKey`,
 * so that sending it again after a lost answer replays the first import instead of repeating it.
 */
export function uploadCsv(
  file: File,
  {
    dryRun,
    columns,
    idempotencyKey,
    onProgress,
  }: {
    dryRun: boolean;
    columns: string | null;
    idempotencyKey: string;
    onProgress?: (fraction: number) => void;
  },
): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const form = new FormData();
    if (columns) form.append("columns", columns);
    form.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", dryRun ? `${ENDPOINT}?dry_run=1` : ENDPOINT);
    if (!dryRun) request.setRequestHeader("Idempotency-Key", idempotencyKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => resolve(answerOf(request.status, request.responseText));
    request.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        detail: "The server could not be reached.",
        problems: [],
        totalProblems: 0,
      });
    request.send(form);
  });
}
