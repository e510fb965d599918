"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { buttonPrimary } from "@/components/ui/button-styles";
import {
  chosenColumns,
  columnsField,
  guessMapping,
  isIdentity,
  missingRequired,
  previewCsv,
  type ColumnMapping,
  type CsvPreview,
} from "./csv-mapping";
import { DropZone } from "./drop-zone";
import { ImportAssignees } from "./import-assignees";
import { ImportSummary } from "./import-summary";
import { SameFileWarning } from "./same-file-warning";
import { callAction } from "@/lib/client/call-action";
import { importedTasksAction } from "@/lib/actions/task-import";
import type { ImportedTask } from "@/lib/services/imported-tasks";
import { MappingForm } from "./mapping-form";
import { PreviewTable } from "./preview-table";
import { ProblemReport, type Outcome } from "./problem-report";
import { BINARY_FILE_MESSAGE, looksBinary } from "@/lib/csv/binary";
import { startsWithUtf16Bom, UTF16_FILE_MESSAGE } from "@/lib/csv/utf16";
import { newImportKey, uploadCsv, type UploadAnswer } from "./upload";
import { checkHeader, separatorHint } from "@/lib/validation/bulk-csv";
import { PendingButton } from "@/components/ui/pending-button";

/** `importKey`: one per file and mapping, so a retried import is recognised as the same one. */
type Loaded = {
  file: File;
  preview: CsvPreview;
  mapping: ColumnMapping;
  importKey: string;
  /** The server refuses such a file; the preview shows its letters garbled. */
  notUtf8: boolean;
};

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
type Summary = { created: number; tasks: ImportedTask[] };

const numberIn = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === "number" ? body[key] : 0;

async function summaryOf(body: Record<string, unknown>): Promise<Summary> {
  const created = numberIn(body, "created");
  const importId = numberIn(body, "import_id");
  const imported =
    created > 0 && importId > 0 ? await callAction(() => importedTasksAction(importId)) : null;
  return { created, tasks: imported?.ok ? imported.data : [] };
}

/** Choose → preview → (map) → server dry run → import with progress → summary. */
export function ImportWizard() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [check, setCheck] = useState<UploadAnswer | null>(null);
  const [outcome, setOutcome] = useState<Outcome>("nothing-saved");
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [progress, setProgress] = useState(0);
  const [summary, setSummary] = useState<Summary | null>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  /** Set by a failed import, whose button goes with it: focus then follows the report. */
  const focusAfterFailure = useRef(false);
  /** Set by a file just chosen: focus goes to its preview, which is read out from there. */
  const focusPreview = useRef(false);

  async function choose(file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    setCheck(null);
    setSummary(null);
    // A spreadsheet, a picture or UTF-16 text would preview as noise and map junk columns: say
    // what it is, as the server would.
    const notCsv = startsWithUtf16Bom(bytes)
      ? UTF16_FILE_MESSAGE
      : looksBinary(bytes)
        ? BINARY_FILE_MESSAGE
        : null;
    if (notCsv) {
      setLoaded(null);
      toast.error(`${file.name}: ${notCsv}`);
      return;
    }
    const preview = previewCsv(new TextDecoder().decode(bytes));
    if (preview.fields.length === 0) {
      setLoaded(null);
      toast.error(`${file.name} is empty.`);
      return;
    }
    focusPreview.current = true;
    setLoaded({
      file,
      preview,
      mapping: guessMapping(preview.fields),
      importKey: newImportKey(),
      notUtf8: !isUtf8(bytes),
    });
  }

  async function send(dryRun: boolean) {
    if (!loaded) return;
    setBusy(dryRun ? "check" : "import");
    setProgress(0);
    // The file goes as it is (its bytes, its line numbers); a mapping travels beside it.
    const columns = isIdentity(loaded.preview.fields, loaded.mapping)
      ? null
      : columnsField(loaded.mapping);
    const answer = await uploadCsv(loaded.file, {
      dryRun,
      columns,
      idempotencyKey: loaded.importKey,
      onProgress: setProgress,
    });
    setBusy(null);
    if (dryRun || !answer.ok) {
      setCheck(answer);
      // No answer, or a server failure, after a real import: it may have been saved.
      const unknown = !dryRun && !answer.ok && (answer.status === 0 || answer.status >= 500);
      setOutcome(unknown ? "unknown" : "nothing-saved");
      focusAfterFailure.current = !dryRun;
      return;
    }
    setSummary(await summaryOf(answer.body));
    setLoaded(null);
    setCheck(null);
    toast.success("Import finished.");
  }

  // The import's buttons go with the file; keyboard focus goes to what it did, not to the page.
  useEffect(() => {
    if (summary) document.getElementById("summary-heading")?.focus();
  }, [summary]);
  useEffect(() => {
    if (!focusPreview.current || !loaded) return;
    focusPreview.current = false;
    document.getElementById("preview-heading")?.focus();
  }, [loaded]);
  // A refused import leaves the report to read; one whose answer was lost, its Retry button.
  useEffect(() => {
    if (!focusAfterFailure.current || !check || check.ok) return;
    focusAfterFailure.current = false;
    if (retryButton.current) retryButton.current.focus();
    else document.getElementById("problems-heading")?.focus();
  }, [check]);

  const missing = loaded ? missingRequired(loaded.mapping) : [];
  const ready = check?.ok ? numberIn(check.body, "rows") : 0;
  const needsMapping = loaded ? !isIdentity(loaded.preview.fields, loaded.mapping) : false;
  // The server's own header check, run here: a column named twice is said before the check.
  const header =
    loaded && missing.length === 0
      ? checkHeader(loaded.preview.fields, needsMapping ? chosenColumns(loaded.mapping) : null)
      : null;
  const headerProblem = header && !header.ok ? header.message : "";
  const wrongSeparator = loaded ? separatorHint(loaded.preview.fields).trim() : "";

  return (
    <div className="space-y-6">
      <DropZone onFile={(file) => void choose(file)} />
      {summary ? <ImportSummary {...summary} /> : null}
      {loaded ? (
        <>
          <PreviewTable preview={loaded.preview} fileName={loaded.file.name} />
          {loaded.notUtf8 ? (
            <p role="alert" className="text-sm text-red-700">
              This file is not saved as UTF-8, so letters such as é show as � above and the import
              will refuse it. Save it as “CSV UTF-8” and choose it again; “Check the file” names the
              first line concerned.
            </p>
          ) : null}
          {wrongSeparator ? (
            <p role="alert" className="text-sm text-red-700">
              {wrongSeparator} Then choose it again.
            </p>
          ) : needsMapping || missing.length > 0 ? (
            <MappingForm
              fields={loaded.preview.fields}
              mapping={loaded.mapping}
              onChange={(mapping) => {
                setLoaded({ ...loaded, mapping, importKey: newImportKey() });
                setCheck(null);
              }}
            />
          ) : headerProblem ? null : (
            <p className="text-sm text-slate-700">The columns match ours; no mapping is needed.</p>
          )}
          {headerProblem && !wrongSeparator ? (
            <p role="alert" className="text-sm text-red-700">
              {headerProblem} Fix the file&apos;s first line and choose it again.
            </p>
          ) : null}
          {missing.length > 0 && !wrongSeparator ? (
            <p className="text-sm text-red-700">Choose a column for: {missing.join(", ")}.</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <PendingButton
              type="button"
              className={buttonPrimary}
              pending={busy !== null}
              disabled={missing.length > 0 || headerProblem !== "" || wrongSeparator !== ""}
              onClick={() => void send(true)}
            >
              {busy === "check" ? "Checking…" : "Check the file"}
            </PendingButton>
            {check?.ok ? (
              <PendingButton
                type="button"
                className={buttonPrimary}
                pending={busy !== null}
                onClick={() => void send(false)}
              >
                {busy === "import" ? "Importing…" : `Import ${ready} task${ready === 1 ? "" : "s"}`}
              </PendingButton>
            ) : null}
            {check && !check.ok && outcome === "unknown" ? (
              <PendingButton
                ref={retryButton}
                type="button"
                className={buttonPrimary}
                pending={busy !== null}
                onClick={() => void send(false)}
              >
                {busy === "import" ? "Importing…" : "Retry the import"}
              </PendingButton>
            ) : null}
          </div>
          {busy ? (
            <div>
              <label htmlFor="upload-progress" className="text-sm">
                {busy === "check" ? "Checking" : "Importing"}: sending the file
              </label>
              <progress
                id="upload-progress"
                max={1}
                value={progress}
                className="block h-2 w-full max-w-md"
              />
            </div>
          ) : null}
          {check && !check.ok ? (
            <ProblemReport
              detail={check.detail}
              status={check.status}
              problems={check.problems}
              totalProblems={check.totalProblems}
              outcome={outcome}
            />
          ) : null}
          {check?.ok ? (
            <div role="status" className="space-y-2">
              <p className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm">
                The file is valid: {ready} task{ready === 1 ? "" : "s"} ready to import. Nothing has
                been saved yet.
              </p>
              <SameFileWarning body={check.body} />
            </div>
          ) : null}
          {/* Outside the status: a list of fifty people is not read out as one announcement. */}
          {check?.ok ? <ImportAssignees body={check.body} /> : null}
        </>
      ) : null}
    </div>
  );
}
