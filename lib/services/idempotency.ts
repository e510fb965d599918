import { createHash } from "node:crypto";
import { and, eq, gt, lte } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { badRequest, conflict } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { databaseErrorCode } from "./database-errors";

/** How long a stored response is replayed for the same key. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

const IDEMPOTENCY_HEADER = "idempotency-key";

/** Which request a key belongs to: per user and endpoint, with a hash of the request body. */
export type IdempotencyScope = {
  userId: number;
  endpoint: string;
  key: string;
  requestHash: string;
};

export type StoredResponse = { status: number; body: unknown; replayed: boolean };

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's key, null when absent; 400 when it is not 1–255 visible ASCII characters. */
export function parseIdempotencyKey(headers: Headers): string | null {
  const value = headers.get(IDEMPOTENCY_HEADER);
  if (value === null) return null;
  if (!KEY_PATTERN.test(value)) {
    throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters.");
  }
  return value;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function keyMatches(scope: Omit<IdempotencyScope, "requestHash">) {
  return and(
    eq(idempotencyKeys.userId, scope.userId),
    eq(idempotencyKeys.endpoint, scope.endpoint),
    eq(idempotencyKeys.idempotencyKey, scope.key),
  );
}

export type StoredKey = { requestHash: string; status: number; body: unknown };

/** The response first given for this key, if it has not expired. */
export async function findStoredKey(
  executor: Executor,
  scope: Omit<IdempotencyScope, "requestHash">,
): Promise<StoredKey | null> {
  const [row] = await executor
    .select({
      requestHash: idempotencyKeys.requestHash,
      statusCode: idempotencyKeys.statusCode,
      responseBody: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(and(keyMatches(scope), gt(idempotencyKeys.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  return {
    requestHash: row.requestHash,
    status: row.statusCode,
    body: JSON.parse(row.responseBody),
  };
}

/** The stored response for a retry of the same request; 409 when the key came with another body. */
export function replayStored(stored: StoredKey, requestHash: string): StoredResponse {
  if (stored.requestHash !== requestHash) {
    throw conflict(
      "This Idempotency-Key was already used with a different request body; use a new key.",
    );
  }
  return { status: stored.status, body: stored.body, replayed: true };
}

/** After losing the race for a key to a concurrent request: replay what it stored. */
export async function replayAfterRace(
  executor: Executor,
  scope: IdempotencyScope,
): Promise<StoredResponse> {
  const stored = await findStoredKey(executor, scope);
  if (!stored) throw conflict("A request with this Idempotency-Key is still in progress; retry.");
  return replayStored(stored, scope.requestHash);
}

/**
 * A write under an Idempotency-Key whose request hash is known before it runs: the answer stored
 * for the key (a retry's), else `write`'s, which stores its own answer in its transaction
 * (storeResponse), or, when a concurrent request with the key committed first, that one's.
 */
export async function answerOnce(
  scope: IdempotencyScope,
  write: () => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const stored = await findStoredKey(db(), scope);
  if (stored) return replayStored(stored, scope.requestHash);
  try {
    return await write();
  } catch (error) {
    if (isDuplicateKey(error)) return replayAfterRace(db(), scope);
    throw error;
  }
}

/**
 * Stores the response inside the caller's transaction, so it exists exactly when the writes do.
 * A concurrent request with the same key waits on the unique index until this one commits,
 * then fails with a duplicate-key error: see isDuplicateKey.
 */
export async function storeResponse(
  executor: Executor,
  scope: IdempotencyScope,
  response: { status: number; body: unknown },
): Promise<void> {
  await executor
    .delete(idempotencyKeys)
    .where(and(keyMatches(scope), lte(idempotencyKeys.expiresAt, new Date())));
  await executor.insert(idempotencyKeys).values({
    userId: scope.userId,
    endpoint: scope.endpoint,
    idempotencyKey: scope.key,
    requestHash: scope.requestHash,
    statusCode: response.status,
    responseBody: JSON.stringify(response.body),
    expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS),
  });
}

/**
 * Removes expired keys a few at a time, so the table does not grow without bound. Housekeeping
 * after a request has succeeded: a failure here is logged, never turned into that request's error.
 */
export async function purgeExpiredKeys(executor: Executor): Promise<void> {
  try {
    await executor
      .delete(idempotencyKeys)
      .where(lte(idempotencyKeys.expiresAt, new Date()))
      .limit(500);
  } catch (error) {
    logger().warn({ err: error }, "purging expired idempotency keys failed");
  }
}

/** A transaction that writes many rows (BulkTransaction): its executor, and its commit. */
type KeyedTransaction = { orm(): Promise<Executor>; commit(): Promise<void> };

/**
 * Ends a bulk write: with a key, its response is stored in the same transaction (a retry then
 * replays it), the transaction commits, and expired keys are pruned afterwards.
 */
export async function commitWithResponse(
  tx: KeyedTransaction,
  scope: IdempotencyScope | null,
  response: { status: number; body: unknown },
): Promise<void> {
  if (scope) await storeResponse(await tx.orm(), scope, response);
  await tx.commit();
  if (scope) await purgeExpiredKeys(db());
}

export function isDuplicateKey(error: unknown): boolean {
  return databaseErrorCode(error) === "ER_DUP_ENTRY";
}
