import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/errors";
import { retryOrBusy } from "@/lib/services/transaction";

const deadlock = () =>
  Object.assign(new Error("Deadlock found"), { code: "ER_LOCK_DEADLOCK", errno: 1213 });

describe("retryOrBusy", () => {
  it("runs again after a deadlock and returns the run that succeeds", async () => {
    let runs = 0;
    const result = await retryOrBusy(async () => {
      runs += 1;
      if (runs < 3) throw new Error("wrapped", { cause: deadlock() });
      return "saved";
    });
    expect([result, runs]).toEqual(["saved", 3]);
  });

  it("answers 503 with Retry-After after three deadlocks, and passes other errors on at once", async () => {
    let runs = 0;
    const busy = await retryOrBusy(async () => {
      runs += 1;
      throw deadlock();
    }).catch((e: unknown) => e);
    expect(runs).toBe(3);
    expect(busy).toBeInstanceOf(ApiError);
    expect(busy).toMatchObject({ status: 503, headers: { "Retry-After": "1" } });

    runs = 0;
    const other = await retryOrBusy(async () => {
      runs += 1;
      throw new Error("duplicate");
    }).catch((e: unknown) => e);
    expect([runs, (other as Error).message]).toEqual([1, "duplicate"]);
  });
});
