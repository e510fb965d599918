import type { RowDataPacket } from "mysql2";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/db/client";
import { makeUser, type TestUser } from "../helpers/factories";
import { databaseState, fixture, taskCount, upload } from "./bulk-helpers";

let manager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

describe("POST /api/tasks/bulk-upload/", () => {
  it("imports the reference's sample file, its assignees given by user id", async () => {
    // The sample names users 2 and 3: give it the ids of two real assignees.
    const sample = fixture("seed-tasks.csv")
      .toString("utf8")
      .replace(/,([23]),/g, (_, id: string) => `,${id === "2" ? manager.id : employee.id},`);
    const before = await taskCount();
    const res = await upload(manager.token, sample, { fileName: "tasks.csv" });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ created: 3, message: "3 tasks uploaded successfully" });
    expect(await taskCount()).toBe(before + 3);
    const [rows] = await pool().query<RowDataPacket[]>(
      "SELECT title, description, assigned_to, status, created_by, import_id FROM tasks WHERE import_id = ? ORDER BY id",
      [res.body.import_id],
    );
    expect(rows.map((r) => [r.title, r.assigned_to, r.status])).toEqual([
      ["Prepare Monthly Report", employee.id, "TODO"],
      ["Review Code", manager.id, "IN_PROGRESS"],
      ["Client Follow-up", employee.id, "DONE"],
    ]);
  });

  it("refuses an employee with 403 and writes nothing", async () => {
    const before = await databaseState();
    const res = await upload(employee.token, "title,description,assigned_to,status\nA,B,,TODO\n");
    expect(res.status).toBe(403);
    expect(await databaseState()).toBe(before);
  });
});
