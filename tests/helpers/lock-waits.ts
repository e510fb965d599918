import type { RowDataPacket } from "mysql2";
import { pool } from "@/db/client";

/**
 * Resolves once some transaction waits for a row lock, by InnoDB's own report:
 * information_schema.INNODB_TRX can miss a locking read's wait.
 */
export async function someTransactionWaitsForALock(): Promise<void> {
  for (;;) {
    const [status] = await pool().query<RowDataPacket[]>("SHOW ENGINE INNODB STATUS");
    if (String(status[0]!.Status).includes("TRX HAS BEEN WAITING")) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
