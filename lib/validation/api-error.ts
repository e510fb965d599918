import { z } from "zod";
import { bulkItemErrorSchema, csvRowErrorSchema } from "./bulk-create";

/** One invalid field of a request; nested paths joined by dots ("tasks.3.title"). */
export const apiFieldErrorSchema = z
  .object({ field: z.string(), message: z.string() })
  .meta({ id: "FieldError" });

/** Machine-readable reasons some errors carry (simplejwt's and DRF's names where they had one). */
export const API_ERROR_CODES = [
  "token_not_valid",
  "invalid_credentials",
  "account_locked",
  "throttled",
] as const;

/**
 * Every error the API answers with, as DRF did: {"detail": "…"}, plus the invalid fields, bulk
 * items or CSV rows (`errors`, capped; `total_errors` counts them all) and, for auth and throttling,
 * a `code`.
 */
export const apiErrorSchema = z
  .object({
    detail: z.string(),
    code: z.enum(API_ERROR_CODES).optional(),
    errors: z
      .array(z.union([apiFieldErrorSchema, bulkItemErrorSchema, csvRowErrorSchema]))
      .optional(),
    total_errors: z.number().int().optional(),
  })
  .meta({ id: "Error" });
