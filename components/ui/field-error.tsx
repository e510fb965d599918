import type { FormFieldError } from "@/lib/actions/result";

export function errorFor(errors: FormFieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** A field's error, tied to its input by id (aria-describedby). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}
