import type { FormFieldError } from "@/lib/actions/result";

export function errorFor(errors: FormFieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/**
 * A field's error, tied to its input by id (aria-describedby), and announced as it appears: a
 * screen-reader user who pressed Submit hears why nothing happened.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}
