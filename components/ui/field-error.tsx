import type { FormFieldError } from "@/lib/actions/result";

export function errorFor(errors: FormFieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/**
 * The errors left once the user edits `field`: the server judged the value that was there, so its
 * message would stand beside a new value (one the browser then refuses itself, say) as if about it.
 */
export function withoutErrorFor(errors: FormFieldError[], field: string): FormFieldError[] {
  return errors.some((e) => e.field === field) ? errors.filter((e) => e.field !== field) : errors;
}

/** The name of the control a form's input event came from. */
export function inputName(event: React.FormEvent<HTMLFormElement>): string {
  return (event.target as Partial<HTMLInputElement>).name ?? "";
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
