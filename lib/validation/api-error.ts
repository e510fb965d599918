import { z } from "zod";

/** One problem in a request: a field (dotted path), a CSV line or a bulk item index. */
export const apiFieldErrorSchema = z
  .object({
    field: z.string().optional(),
    message: z.string(),
    line: z.number().int().optional(),
    index: z.number().int().optional(),
  })
  .meta({ id: "FieldError" });

/** Every error the API answers with, as DRF did: {"detail": "…"} plus per-field or per-row errors. */
export const apiErrorSchema = z
  .object({
    detail: z.string(),
    errors: z.array(apiFieldErrorSchema).optional(),
  })
  .meta({ id: "Error" });

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
