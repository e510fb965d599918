import { z } from "zod";

/** GET /api/health/: 200 when the database answers, 503 "degraded" when it does not. */
export const healthSchema = z
  .object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "down"]) })
  .meta({ id: "Health" });

/** GET /api/health/live/: the process answers requests; it reads nothing else. */
export const livenessSchema = z.object({ status: z.literal("ok") }).meta({ id: "Liveness" });
