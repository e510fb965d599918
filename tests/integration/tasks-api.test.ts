import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { TaskDto } from "@/lib/validation/tasks";
import { halfCharacterMessage } from "@/lib/validation/visible-text";
import { api } from "../helpers/api";
import { makeTask, makeUser, type TestUser } from "../helpers/factories";
import { taskCount } from "./bulk-helpers";

type Detail = { detail: string; errors?: { field: string; message: string }[] };

let admin: TestUser;
let managerA: TestUser;
let managerB: TestUser;
let employee1: TestUser;
let employee2: TestUser;
let inactive: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  managerA = await makeUser("MANAGER");
  managerB = await makeUser("MANAGER");
  employee1 = await makeUser("EMPLOYEE");
  employee2 = await makeUser("EMPLOYEE");
  inactive = await makeUser("EMPLOYEE", { isActive: false });
});

/** A fresh set of tasks for each permission check, so one test's writes cannot mask another's. */
async function arrange() {
  return {
    // created by A, assigned to employee1
    ownA: await makeTask({ createdBy: managerA.id, assignedTo: employee1.id, title: "own A" }),
    // created by B, assigned to manager A
    assignedToA: await makeTask({ createdBy: managerB.id, assignedTo: managerA.id }),
    // created by B, assigned to employee2: outside A's and employee1's view
    foreign: await makeTask({ createdBy: managerB.id, assignedTo: employee2.id }),
    // created by the admin, unassigned
    adminOnly: await makeTask({ createdBy: admin.id }),
  };
}

describe("GET /api/tasks/{id}/: who may read what", () => {
  it("admins read every task; managers what they created or are assigned; employees what is assigned to them; others 404", async () => {
    const t = await arrange();
    const cases: [TestUser, number, number][] = [
      [admin, t.ownA, 200],
      [admin, t.foreign, 200],
      [admin, t.adminOnly, 200],
      [managerA, t.ownA, 200],
      [managerA, t.assignedToA, 200],
      [managerA, t.foreign, 404],
      [managerA, t.adminOnly, 404],
      [employee1, t.ownA, 200],
      [employee1, t.assignedToA, 404],
      [employee1, t.foreign, 404],
      [employee1, t.adminOnly, 404],
    ];
    for (const [user, id, status] of cases) {
      const res = await api<TaskDto | Detail>("GET", `/api/tasks/${id}/`, { token: user.token });
      expect({ user: user.role, id, status: res.status }).toEqual({ user: user.role, id, status });
      if (status === 404) expect(res.body).toEqual({ detail: "Not found." });
    }
  });

  it("returns the full task shape with assignee and creator, and the version as ETag, with or without the slash", async () => {
    const id = await makeTask({
      createdBy: managerA.id,
      assignedTo: employee1.id,
      title: "Shape",
      dueDate: "2000-01-01",
      priority: "HIGH",
    });
    for (const path of [`/api/tasks/${id}/`, `/api/tasks/${id}`]) {
      const res = await api<TaskDto>("GET", path, { token: managerA.token });
      expect(res.status).toBe(200);
      expect(res.headers.get("etag")).toBe('"1"');
      expect(res.body).toMatchObject({
        id,
        title: "Shape",
        description: "",
        status: "TODO",
        priority: "HIGH",
        assigned_to: employee1.id,
        created_by: managerA.id,
        due_date: "2000-01-01",
        is_overdue: true,
        version: 1,
        assignee: { id: employee1.id, email: employee1.email, full_name: employee1.fullName },
        creator: { id: managerA.id, email: managerA.email, full_name: managerA.fullName },
      });
      expect(Date.parse(res.body.created_at)).not.toBeNaN();
    }
  });

  it("answers 401 without a token and 404 for ids that are not numbers", async () => {
    expect((await api("GET", "/api/tasks/1/")).status).toBe(401);
    expect((await api("GET", "/api/tasks/abc/", { token: admin.token })).status).toBe(404);
  });
});

describe("PATCH /api/tasks/{id}/: the permission table", () => {
  it("lets the admin edit any task and a manager edit only what they created", async () => {
    const t = await arrange();
    const patch = (user: TestUser, id: number) =>
      api<Detail>("PATCH", `/api/tasks/${id}/`, { token: user.token, body: { title: "renamed" } });
    expect((await patch(admin, t.foreign)).status).toBe(200);
    expect((await patch(managerA, t.ownA)).status).toBe(200);
    const assigned = await patch(managerA, t.assignedToA);
    expect(assigned.status).toBe(403);
    expect((await patch(managerA, t.foreign)).status).toBe(404);
    expect((await patch(managerA, t.adminOnly)).status).toBe(404);
  });

  it("lets a manager change the status of tasks they created or are assigned", async () => {
    const t = await arrange();
    const status = (user: TestUser, id: number) =>
      api<TaskDto>("PATCH", `/api/tasks/${id}`, { token: user.token, body: { status: "DONE" } });
    expect((await status(managerA, t.ownA)).body.status).toBe("DONE");
    expect((await status(managerA, t.assignedToA)).body.status).toBe("DONE");
    expect((await status(managerA, t.foreign)).status).toBe(404);
  });

  it("lets an employee change only the status of their own tasks", async () => {
    const t = await arrange();
    const ok = await api<TaskDto>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: employee1.token,
      body: { status: "IN_PROGRESS" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect(ok.headers.get("etag")).toBe('"2"');

    for (const body of [
      { title: "mine now" },
      { status: "DONE", priority: "URGENT" },
      // Another field is refused for being sent, before its value is checked.
      { status: "DONE", due_date: "soon" },
      { color: "red" },
    ]) {
      const res = await api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
        token: employee1.token,
        body,
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: "You can only update task status." });
    }
    const put = await api<Detail>("PUT", `/api/tasks/${t.ownA}/`, {
      token: employee1.token,
      body: { title: "own A", status: "DONE" },
    });
    expect(put.status).toBe(403);
    expect(put.body.detail).toBe("You can only update task status.");
    // A task outside their view, or none, is 404 whatever the body: ids cannot be probed.
    for (const [method, id, body] of [
      ["PATCH", t.foreign, { status: "DONE" }],
      ["PATCH", t.foreign, { title: "mine now" }],
      ["PUT", t.foreign, { title: "mine now", status: "DONE" }],
      ["PATCH", 999_999_999, { title: "mine now" }],
    ] as const) {
      const res = await api<Detail>(method, `/api/tasks/${id}/`, { token: employee1.token, body });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Not found." });
    }
    const after = await api<TaskDto>("GET", `/api/tasks/${t.ownA}/`, { token: admin.token });
    expect(after.body).toMatchObject({ status: "IN_PROGRESS", title: "own A", version: 2 });
  });

  it("refuses unknown fields and invalid values with per-field errors", async () => {
    const t = await arrange();
    const res = await api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: managerA.token,
      body: { status: "FINISHED", due_date: "2026-02-30", color: "red" },
    });
    expect(res.status).toBe(400);
    const fields = res.body.errors!.map((e) => e.field).sort();
    expect(fields).toEqual(["color", "due_date", "status"]);
    expect(res.body.errors).toContainEqual({ field: "color", message: "Unknown field." });
    // Well formed but not a day: said so, not asked for the format it already has.
    expect(res.body.errors).toContainEqual({
      field: "due_date",
      message: "2026-02-30 is not a real date.",
    });
    // Year 0 is an ISO date, but not one the database's range or Python's date can hold.
    const yearZero = await api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: managerA.token,
      body: { due_date: "0000-01-01" },
    });
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.errors).toEqual([
      { field: "due_date", message: "Enter a due date from 1000-01-01 to 9999-12-30." },
    ]);
    // The last day there is: where undated tasks sort, so a task due then would sort among them.
    const lastDay = await api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: managerA.token,
      body: { due_date: "9999-12-31" },
    });
    expect(lastDay.body.errors).toEqual([
      { field: "due_date", message: "Enter a due date from 1000-01-01 to 9999-12-30." },
    ]);
    const dayBefore = await api<TaskDto>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: managerA.token,
      body: { due_date: "9999-12-30" },
    });
    expect(dayBefore.body.due_date).toBe("9999-12-30");
    // Not a date at all, space and all: asked for the format, once, with no range on top.
    for (const due_date of [" 2026-12-05", "0001-01-01x"]) {
      const malformed = await api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
        token: managerA.token,
        body: { due_date },
      });
      expect({ due_date, errors: malformed.body.errors }).toEqual({
        due_date,
        errors: [{ field: "due_date", message: "Enter a date as YYYY-MM-DD." }],
      });
    }
  });

  it("refuses control characters, which would make the task's CSV export unreadable", async () => {
    const res = await api<Detail>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "NUL\u0000inside", description: "bell\u0007" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "title", message: "Title must not contain control characters." },
      { field: "description", message: "Description must not contain control characters." },
    ]);
    const fine = await api<TaskDto>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "Tabs\tare fine 😀", description: "and\r\nline breaks" },
    });
    expect(fine.status).toBe(201);
    expect(fine.body.title).toBe("Tabs\tare fine 😀");
    // Half of a surrogate pair, as JSON can spell it: stored, it would come back as U+FFFD.
    const count = await taskCount();
    const half = await api<Detail>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "a\ud800b", description: "\udc00" },
    });
    expect(half.status).toBe(400);
    expect(half.body.errors).toEqual([
      { field: "title", message: halfCharacterMessage("Title") },
      { field: "description", message: halfCharacterMessage("Description") },
    ]);
    expect(await taskCount()).toBe(count);
    // Shown inline in lists and the trail, a right-to-left override would make it read "reportexe.csv".
    const spoof = await api<Detail>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "report\u202Evsc.exe" },
    });
    expect(spoof.status).toBe(400);
    expect(spoof.body.errors).toEqual([
      {
        field: "title",
        message: "Title must not contain text-direction overrides (U+202A–U+202E, U+2066–U+2069).",
      },
    ]);
    const hebrew = await api<TaskDto>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "\u05E9\u05DC\u05D5\u05DD\u200F 2" },
    });
    expect(hebrew.status).toBe(201);
  });

  it("takes an assignee only as a positive integer or its decimal digits", async () => {
    const t = await arrange();
    // 1e20 fails two checks, with one message between them.
    for (const assigned_to of [
      true,
      [employee1.id],
      "0x4",
      "4e0",
      "4.0",
      " 4",
      "",
      0,
      -1,
      4.5,
      1e20,
    ]) {
      for (const [method, path] of [
        ["PATCH", `/api/tasks/${t.ownA}/`],
        ["PUT", `/api/tasks/${t.ownA}/`],
        ["POST", "/api/tasks/"],
      ] as const) {
        const res = await api<Detail>(method, path, {
          token: managerA.token,
          body: { title: "assignee check", assigned_to },
        });
        const sent = JSON.stringify(assigned_to);
        expect({ method, sent, status: res.status }).toEqual({ method, sent, status: 400 });
        expect(res.body.errors).toEqual([{ field: "assigned_to", message: "Must be a user id." }]);
      }
    }
    const digits = await api<TaskDto>("PATCH", `/api/tasks/${t.ownA}/`, {
      token: managerA.token,
      body: { assigned_to: String(employee2.id) },
    });
    expect(digits.status).toBe(200);
    expect(digits.body.assigned_to).toBe(employee2.id);
  });

  it("requires an active, assignable assignee", async () => {
    const t = await arrange();
    const reassign = (assigned_to: number) =>
      api<Detail>("PATCH", `/api/tasks/${t.ownA}/`, {
        token: managerA.token,
        body: { assigned_to },
      });
    // A manager cannot tell a deactivated or an admin's account from a missing one.
    for (const id of [inactive.id, admin.id, 999_999_999]) {
      const res = await reassign(id);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: "assigned_to", message: `User ${id} is not an active employee or manager.` },
      ]);
    }
    const ok = await reassign(managerB.id);
    expect(ok.status).toBe(200);
    expect((ok.body as unknown as TaskDto).assignee?.id).toBe(managerB.id);
  });
});

describe("PUT /api/tasks/{id}/", () => {
  it("sets every field sent and, as DRF's PUT, keeps the value of each optional field left out", async () => {
    const id = await makeTask({
      createdBy: managerA.id,
      description: "old description",
      priority: "URGENT",
      dueDate: "2030-01-01",
      assignedTo: employee1.id,
    });
    const res = await api<TaskDto>("PUT", `/api/tasks/${id}`, {
      token: managerA.token,
      body: { title: "Replaced", assigned_to: employee2.id, due_date: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: "Replaced",
      description: "old description",
      priority: "URGENT",
      status: "TODO",
      due_date: null,
      assigned_to: employee2.id,
      version: 2,
    });
  });

  it("requires the title, as creating a task does", async () => {
    const id = await makeTask({ createdBy: managerA.id });
    const res = await api<Detail>("PUT", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { priority: "HIGH" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: "title", message: "Title is required." }]);
    const after = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    expect(after.body).toMatchObject({ priority: "MEDIUM", version: 1 });
  });
});

describe("PUT and PATCH /api/tasks/{id}/ of a task that is gone or hidden", () => {
  it("answers 404 whatever the body, as DRF looked the task up before reading it", async () => {
    const gone = await makeTask({ createdBy: managerA.id, assignedTo: employee1.id });
    await api("DELETE", `/api/tasks/${gone}/`, { token: managerA.token });
    const hidden = await makeTask({ createdBy: managerB.id });
    const bodies = [undefined, {}, { bogus: 1 }, { status: "BAD" }, { title: "" }];
    for (const [caller, id] of [
      [managerA, gone],
      [employee1, gone],
      [managerA, hidden],
    ] as const) {
      for (const method of ["PATCH", "PUT"] as const) {
        for (const body of bodies) {
          const res = await api<Detail>(method, `/api/tasks/${id}/`, { token: caller.token, body });
          expect(res.status, `${method} ${JSON.stringify(body)} as ${caller.role}`).toBe(404);
        }
        const text = await api<Detail>(method, `/api/tasks/${id}/`, {
          token: caller.token,
          rawBody: "title=x",
          headers: { "content-type": "text/plain" },
        });
        expect(text.status, `${method} text/plain as ${caller.role}`).toBe(404);
      }
    }
    // A task the caller sees still has its body judged.
    const own = await makeTask({ createdBy: managerA.id });
    const bad = await api<Detail>("PATCH", `/api/tasks/${own}/`, {
      token: managerA.token,
      body: { status: "BAD" },
    });
    expect(bad.status).toBe(400);
  });
});

describe("PUT and PATCH /api/tasks/{id}/ with a task sent back as GET returned it", () => {
  it("ignores the read-only fields, as DRF does, and changes only the editable ones", async () => {
    const id = await makeTask({ createdBy: managerA.id, assignedTo: employee1.id, title: "round" });
    const other = await makeTask({ createdBy: managerB.id, title: "someone else's" });
    for (const method of ["PUT", "PATCH"] as const) {
      const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
      const sent = {
        ...read.body,
        title: `${method} trip`,
        // Read-only values that would do harm if they were taken.
        id: other,
        created_by: managerB.id,
        version: 999,
        created_at: "2001-01-01T00:00:00.000Z",
      };
      const res = await api<TaskDto>(method, `/api/tasks/${id}/`, {
        token: managerA.token,
        body: sent,
      });
      expect({ method, status: res.status }).toEqual({ method, status: 200 });
      expect(res.body).toMatchObject({
        id,
        title: `${method} trip`,
        created_by: managerA.id,
        assigned_to: employee1.id,
        version: read.body.version + 1,
        created_at: read.body.created_at,
      });
    }
    const untouched = await api<TaskDto>("GET", `/api/tasks/${other}/`, { token: admin.token });
    expect(untouched.body).toMatchObject({ title: "someone else's", version: 1 });
  });

  it("lets a manager who is only the assignee send the task back with just the status changed", async () => {
    const id = await makeTask({
      createdBy: managerB.id,
      assignedTo: managerA.id,
      title: "assigned to A",
      description: "Line one\nline two",
      dueDate: "2030-05-06",
      priority: "HIGH",
    });
    for (const method of ["PATCH", "PUT"] as const) {
      const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
      const next = read.body.status === "DONE" ? "IN_PROGRESS" : "DONE";
      const res = await api<TaskDto>(method, `/api/tasks/${id}/`, {
        token: managerA.token,
        body: { ...read.body, status: next },
      });
      expect({ method, status: res.status }).toEqual({ method, status: 200 });
      expect(res.body).toMatchObject({ status: next, title: "assigned to A", priority: "HIGH" });
    }
    const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    const edit = await api<Detail>("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { ...read.body, title: "renamed by the assignee" },
    });
    expect(edit.status).toBe(403);
  });

  it("still refuses each unknown field, as its own error", async () => {
    const id = await makeTask({ createdBy: managerA.id });
    const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    for (const method of ["PUT", "PATCH"] as const) {
      const res = await api<Detail>(method, `/api/tasks/${id}/`, {
        token: managerA.token,
        body: { ...read.body, color: "red", owner: 3 },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: "color", message: "Unknown field." },
        { field: "owner", message: "Unknown field." },
      ]);
    }
  });

  it("keeps an employee to the status alone: read-only fields sent back count as other fields", async () => {
    const id = await makeTask({ createdBy: managerA.id, assignedTo: employee1.id });
    const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: employee1.token });
    for (const body of [
      { ...read.body, status: "DONE" },
      { status: "DONE", id },
      { status: "DONE", version: read.body.version },
    ]) {
      const res = await api<Detail>("PATCH", `/api/tasks/${id}/`, {
        token: employee1.token,
        body,
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: "You can only update task status." });
    }
  });
});

describe("DELETE /api/tasks/{id}/", () => {
  it("lets the admin delete any task and a manager only what they created", async () => {
    const t = await arrange();
    const del = (user: TestUser, id: number) =>
      api("DELETE", `/api/tasks/${id}/`, { token: user.token });
    expect((await del(employee1, t.ownA)).status).toBe(403);
    expect((await del(managerA, t.assignedToA)).status).toBe(403);
    expect((await del(managerA, t.foreign)).status).toBe(404);
    const gone = await del(managerA, t.ownA);
    expect(gone.status).toBe(204);
    expect(gone.text).toBe("");
    expect((await api("GET", `/api/tasks/${t.ownA}/`, { token: admin.token })).status).toBe(404);
    expect((await del(admin, t.foreign)).status).toBe(204);
    expect((await del(admin, t.foreign)).status).toBe(404);
  });
});

describe("POST /api/tasks/", () => {
  it("takes a task sent as GET returned it, ignoring its read-only fields, as DRF does", async () => {
    const original = await makeTask({ createdBy: managerB.id, assignedTo: employee1.id });
    const read = await api<TaskDto>("GET", `/api/tasks/${original}/`, { token: admin.token });
    const copy = await api<TaskDto>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { ...read.body, title: "A copy" },
    });
    expect(copy.status, copy.text).toBe(201);
    expect(copy.body).toMatchObject({
      title: "A copy",
      assigned_to: employee1.id,
      created_by: managerA.id,
      version: 1,
      import_id: null,
    });
    expect(copy.body.id).not.toBe(original);
    // Only the read-only fields are let through: another unknown one is still refused.
    const typo = await api<Detail>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "typo", asigned_to: employee1.id },
    });
    expect(typo.status).toBe(400);
    expect(typo.body.errors).toEqual([{ field: "asigned_to", message: "Unknown field." }]);
  });

  it("says what is wrong with a title that is not text", async () => {
    for (const [title, message] of [
      [123, "Title must be text."],
      [["a"], "Title must be text."],
      [null, "Title is required."],
      [undefined, "Title is required."],
    ] as const) {
      const res = await api<Detail>("POST", "/api/tasks/", {
        token: managerA.token,
        body: { title },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: "title", message }]);
    }
  });

  it("lets managers create tasks they own, and refuses employees", async () => {
    const res = await api<TaskDto>("POST", "/api/tasks", {
      token: managerA.token,
      body: { title: "  New task  ", assigned_to: employee1.id, due_date: "2031-05-01" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.body).toMatchObject({
      title: "New task",
      status: "TODO",
      priority: "MEDIUM",
      created_by: managerA.id,
      assigned_to: employee1.id,
      due_date: "2031-05-01",
      is_overdue: false,
      version: 1,
    });
    const read = await api<TaskDto>("GET", `/api/tasks/${res.body.id}/`, {
      token: employee1.token,
    });
    expect(read.body.title).toBe("New task");

    const toManager = await api<TaskDto>("POST", "/api/tasks/", {
      token: managerA.token,
      body: { title: "For a manager", assigned_to: managerB.id },
    });
    expect(toManager.status).toBe(201);

    const refused = await api<Detail>("POST", "/api/tasks/", {
      token: employee1.token,
      body: { title: "Not mine to create" },
    });
    expect(refused.status).toBe(403);
  });

  it("answers 403 before judging the body or If-Match of a write the caller may not make", async () => {
    const empty = await api<Detail>("POST", "/api/tasks/", { token: employee1.token, body: {} });
    expect(empty.status).toBe(403);
    const own = await makeTask({ createdBy: managerA.id, assignedTo: employee1.id });
    const remove = await api<Detail>("DELETE", `/api/tasks/${own}/`, {
      token: employee1.token,
      headers: { "if-match": '"7"' },
    });
    expect(remove.status).toBe(403);
    // A manager with no right to write the task at all.
    const others = await makeTask({ createdBy: managerB.id, assignedTo: employee1.id });
    const foreign = await api<Detail>("PATCH", `/api/tasks/${others}/`, {
      token: managerA.token,
      body: { status: "DONE" },
      headers: { "if-match": '"7"' },
    });
    expect(foreign.status).toBe(404);
  });

  it("answers 412 to an old version before judging its changes against the current values", async () => {
    // The assignee (a manager, not the creator) read the task; then its creator renamed it.
    const id = await makeTask({ createdBy: managerB.id, assignedTo: managerA.id, title: "Old" });
    const read = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    await api("PATCH", `/api/tasks/${id}/`, { token: managerB.token, body: { title: "New" } });
    const stale = await api<Detail>("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { title: read.body.title, status: "DONE" },
      headers: { "if-match": read.headers.get("etag")! },
    });
    expect(stale.status).toBe(412);
    // With the current version, sending the old title back is a change they may not make.
    const current = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    const refused = await api<Detail>("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { title: "Old", status: "DONE" },
      headers: { "if-match": current.headers.get("etag")! },
    });
    expect(refused.status).toBe(403);
  });

  it("refuses an inactive assignee with a field error", async () => {
    const res = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      body: { title: "x", assigned_to: inactive.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "assigned_to", message: `User ${inactive.id} is not active.` },
    ]);
  });

  it("answers body errors as JSON: 400 invalid, 400 malformed, 415 content type, 413 too large", async () => {
    const invalid = await api<Detail>("POST", "/api/tasks/", { token: admin.token, body: {} });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ field: "title", message: "Title is required." }]);
    for (const title of ["\u200b\u200d", "\ufe0f\u034f", "\u3164\u2800"]) {
      const invisible = await api<Detail>("POST", "/api/tasks/", {
        token: admin.token,
        body: { title },
      });
      expect(invisible.status).toBe(400);
      expect(invisible.body.errors).toEqual([{ field: "title", message: "Title is required." }]);
    }
    const c1 = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      body: { title: "csi\u009b[31m" },
    });
    expect(c1.body.errors).toEqual([
      { field: "title", message: "Title must not contain control characters." },
    ]);

    const malformed = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/malformed/i);
    // An empty body is no fields, as DRF read it, not a malformed one.
    for (const rawBody of ["", " "]) {
      const empty = await api<Detail>("POST", "/api/tasks/", {
        token: admin.token,
        rawBody,
        headers: { "content-type": "application/json" },
      });
      expect(empty.status).toBe(400);
      if (rawBody) expect(empty.body.detail).toMatch(/malformed/i);
      else expect(empty.body.errors).toEqual([{ field: "title", message: "Title is required." }]);
    }

    const before = await taskCount();
    const latin1 = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      rawBody: new Uint8Array(Buffer.from('{"title": "Caf\xe9"}', "latin1")),
      headers: { "content-type": "application/json" },
    });
    expect(latin1.status).toBe(400);
    expect(latin1.body.detail).toBe("The request body is not valid UTF-8.");
    // A compressed body is named as such, not as text in the wrong encoding.
    const gzipped = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      rawBody: new Uint8Array(gzipSync('{"title": "Packed"}')),
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
    });
    expect(gzipped.status).toBe(415);
    expect(gzipped.body.detail).toMatch(/^Compressed request bodies \(Content-Encoding\)/);
    expect(await taskCount()).toBe(before);

    const wrongType = await api<Detail>("POST", "/api/tasks/", {
      token: admin.token,
      rawBody: "title=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(wrongType.status).toBe(415);

    const huge = await api<Detail>("PATCH", "/api/tasks/1/", {
      token: admin.token,
      rawBody: JSON.stringify({ description: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get("content-type")).toContain("application/json");
  });
});

describe("optimistic concurrency with If-Match", () => {
  it("accepts a matching version and answers 412 to a stale one", async () => {
    const id = await makeTask({ createdBy: managerA.id, assignedTo: employee1.id });
    const first = await api<TaskDto>("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { title: "v2" },
      headers: { "if-match": '"1"' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');

    for (const [method, body] of [
      ["PATCH", { title: "lost update" }],
      ["PUT", { title: "lost update" }],
      ["DELETE", undefined],
    ] as const) {
      const stale = await api<Detail>(method, `/api/tasks/${id}/`, {
        token: managerA.token,
        body,
        headers: { "if-match": '"1"' },
      });
      expect(stale.status).toBe(412);
    }
    const current = await api<TaskDto>("GET", `/api/tasks/${id}/`, { token: managerA.token });
    expect(current.body).toMatchObject({ title: "v2", version: 2 });

    const garbage = await api("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { title: "x" },
      headers: { "if-match": "not-an-etag" },
    });
    expect(garbage.status).toBe(412);

    const second = await api("PATCH", `/api/tasks/${id}/`, {
      token: managerA.token,
      body: { status: "DONE" },
      headers: { "if-match": '"2"' },
    });
    expect(second.status).toBe(200);
    const deleted = await api("DELETE", `/api/tasks/${id}`, {
      token: managerA.token,
      headers: { "if-match": '"3"' },
    });
    expect(deleted.status).toBe(204);
  });

  it("reads If-Match as RFC 9110 does: any entry of a list, strong comparison, * for any task", async () => {
    const id = await makeTask({ createdBy: managerA.id });
    const patch = (ifMatch: string) =>
      api<TaskDto>("PATCH", `/api/tasks/${id}/`, {
        token: managerA.token,
        body: { status: "IN_PROGRESS" },
        headers: { "if-match": ifMatch },
      });
    // At version 1: a weak tag never matches, nor does a list without a strong "1".
    // Nor does "01" (tags compare as text) or two tags without a comma between them.
    for (const refused of [
      'W/"1"',
      'W/"1", "7"',
      '"7", W/"1"',
      '"1" junk',
      '"1", *',
      "1",
      '"01"',
      '"7""1"',
    ]) {
      expect({ refused, status: (await patch(refused)).status }).toEqual({ refused, status: 412 });
    }
    expect((await patch(', "7",, "1"')).status).toBe(200);
    expect((await patch('W/"2","2"')).status).toBe(200);
    expect((await patch(' "9" ,"3", "10" ')).status).toBe(200);
    const any = await patch("*");
    expect(any.status).toBe(200);
    expect(any.body.version).toBe(5);
    const missing = await api("PATCH", "/api/tasks/999999999/", {
      token: managerA.token,
      body: { status: "DONE" },
      headers: { "if-match": "*" },
    });
    expect(missing.status).toBe(404);
    const deleted = await api("DELETE", `/api/tasks/${id}/`, {
      token: managerA.token,
      headers: { "if-match": '"4", "5"' },
    });
    expect(deleted.status).toBe(204);
  });
});
