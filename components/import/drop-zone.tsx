"use client";

import { useEffect, useRef, useState } from "react";

/** A file input inside a drop target: drag a file here, or choose one with the keyboard. */
export function DropZone({ onFile }: { onFile: (file: File) => void }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A file chosen while the page was still loading fired its change event before React listened.
  useEffect(() => {
    const early = input.current?.files?.[0];
    if (early) {
      onFile(early);
      input.current!.value = "";
    }
    // Only the file present at first render: later choices arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      className={`rounded-lg border-2 border-dashed p-8 text-center ${
        over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white"
      }`}
    >
      <p className="mb-3 text-slate-700">Drop a CSV file here, or</p>
      <label className="inline-block cursor-pointer rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600 hover:bg-brand-700">
        Choose a CSV file
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = "";
          }}
        />
      </label>
    </div>
  );
}
