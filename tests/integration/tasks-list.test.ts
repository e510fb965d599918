import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { db, pool } from "@/db/client";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { readLastPageOf } from "@/lib/http/page-links";
import { TOKEN_USER_SQL } from "@/lib/services/sessions";
import { lastPageOf, listTasks } from "@/lib/services/tasks";
import { parseTaskListQuery, TASK_ORDERINGS } from "@/lib/validation/task-query";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { actorOf, makeTask, makeUser, type TestUser } from "../helpers/factories";
import { recordStatements } from "../helpers/sql-spy";
import { expectCountersMatchTasks } from "../helpers/task-counts";

type ListBody = {
  count: number;
  next: string | null;
  previous: string | null;
  next_cursor: string | null;
  results: TaskDto[];
};
type Detail = { detail: string; errors?: { field: string; message: string }[] };

let admin: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let employee: TestUser;
let coworker: TestUser;
/** Every task the manager may see, as the API returns it. */
let visible: TaskDto[];

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"];
const PAST = "2001-01-01";

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  otherManager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  coworker = await makeUser("EMPLOYEE");
  const assignees = [employee.id, coworker.id, null, manager.id];
  for (let i = 0; i < 28; i++) {
    await makeTask({
      createdBy: manager.id,
      assignedTo: assignees[i % assignees.length],
      title: `${WORDS[i % WORDS.length]} ${i % 3}`,
      description: i % 5 === 0 ? `has the needle ${i}` : i === 7 ? "50% off" : "",
      status: TASK_STATUSES[i % 3],
      priority: TASK_PRIORITIES[i % 4],
      dueDate: i % 4 === 0 ? null : i % 4 === 1 ? PAST : `2099-0${(i % 9) + 1}-15`,
    });
  }
  for (let i = 0; i < 5; i++) {
    await makeTask({ createdBy: otherManager.id, assignedTo: manager.id, title: `zulu ${i}` });
  }
  // Tasks the manager can neither see nor count.
  for (let i = 0; i < 4; i++) {
    await makeTask({ createdBy: otherManager.id, assignedTo: coworker.id, title: `hidden ${i}` });
  }
  // Vary updated_at independently of created_at.
  await db().execute(
    sql`UPDATE tasks SET updated_at = updated_at + INTERVAL id % 7 SECOND WHERE created_by = ${manager.id}`,
  );
  const all = await api<ListBody>("GET", "/api/tasks/?page_size=100", { token: manager.token });
  visible = all.body.results;
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function list(user: TestUser, query: string) {
  return api<ListBody>("GET", `/api/tasks/?${query}`, { token: user.token });
}

/** Follows next_cursor to the end and returns every id in order. */
async function walkCursor(user: TestUser, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const res = await list(user, `${query}${suffix}`);
    expect(res.status).toBe(200);
    ids.push(...res.body.results.map((t) => t.id));
    cursor = res.body.next_cursor;
    if (!cursor) return ids;
  }
  throw new Error("cursor never ended");
}

/** The order the list must have: the field (enums by declaration, undated tasks last), then id. */
function expectedOrder(tasks: TaskDto[], ordering: string): number[] {
  const desc = ordering.startsWith("-");
  const field = (desc ? ordering.slice(1) : ordering) as keyof TaskDto;
  const rank = (t: TaskDto): string | number => {
    if (field === "status") return TASK_STATUSES.indexOf(t.status);
    if (field === "priority") return TASK_PRIORITIES.indexOf(t.priority);
    const value = t[field] as string | null;
    return value === null ? "\uffff" : value;
  };
  const sorted = [...tasks].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra < rb) return -1;
    if (ra > rb) return 1;
    return a.id - b.id;
  });
  return (desc ? sorted.reverse() : sorted).map((t) => t.id);
}

describe("GET /api/tasks/: visibility and exact counts", () => {
  it("shows a manager exactly what they created or are assigned, each task once", async () => {
    expect(visible).toHaveLength(33);
    for (const t of visible) {
      expect(t.created_by === manager.id || t.assigned_to === manager.id).toBe(true);
    }
    expect(new Set(visible.map((t) => t.id)).size).toBe(33);
  });

  it("shows an employee only the tasks assigned to them", async () => {
    const res = await list(employee, "page_size=100");
    const expected = visible.filter((t) => t.assigned_to === employee.id).map((t) => t.id);
    expect(res.body.count).toBe(expected.length);
    expect(res.body.results.map((t) => t.id).sort()).toEqual(expected.sort());
  });

  it("counts every task for an admin, exactly, and right after a write", async () => {
    const [[rows]] = (await pool().query("SELECT COUNT(*) AS n FROM tasks")) as unknown as [
      [{ n: number }],
    ];
    const before = await list(admin, "page_size=1");
    expect(before.body.count).toBe(Number(rows.n));
    const created = await api<TaskDto>("POST", "/api/tasks/", {
      token: admin.token,
      body: { title: "counted at once" },
    });
    expect((await list(admin, "page_size=1")).body.count).toBe(before.body.count + 1);
    await api("DELETE", `/api/tasks/${created.body.id}/`, { token: admin.token });
    expect((await list(admin, "page_size=1")).body.count).toBe(before.body.count);
  });

  it("updates a manager's count and page at once after a create and a delete", async () => {
    const created = await api<TaskDto>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "brand new" },
    });
    const after = await list(manager, "page_size=5");
    expect(after.body.count).toBe(34);
    expect(after.body.results[0]!.id).toBe(created.body.id);
    await api("DELETE", `/api/tasks/${created.body.id}/`, { token: manager.token });
    const again = await list(manager, "page_size=5");
    expect(again.body.count).toBe(33);
    expect(again.body.results.map((t) => t.id)).not.toContain(created.body.id);
  });
});

describe("GET /api/tasks/: page-number pagination", () => {
  it("returns disjoint, stable pages that cover every task, with next and previous links", async () => {
    const pages: number[][] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await list(manager, `page=${page}&page_size=10`);
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(33);
      pages.push(res.body.results.map((t) => t.id));
      if (page < 4) expect(new URL(res.body.next!).searchParams.get("page")).toBe(String(page + 1));
      else expect(res.body.next).toBeNull();
      if (page === 1) expect(res.body.previous).toBeNull();
      else expect(res.body.previous).toContain("/api/tasks/");
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 3]);
    expect(pages.flat()).toEqual(expectedOrder(visible, "-created_at"));
    // An empty cursor is paging by number, and the links say only that.
    const numbered = await list(manager, "cursor=&page_size=10");
    expect(numbered.body.next).toBe("http://127.0.0.1:3000/api/tasks/?page_size=10&page=2");
    const beyond = await list(manager, "page=5&page_size=10");
    expect(beyond.status).toBe(404);
    expect(beyond.body).toEqual({ detail: "Invalid page." });
    // Too many digits to be exact is still a page past the last, not "not a whole number".
    const far = await list(manager, "page=99999999999999999999&page_size=10");
    expect(far.status).toBe(404);
    expect(far.body).toEqual({ detail: "Invalid page." });
    const padded = await list(manager, "page=00000000000000000002&page_size=10");
    expect(padded.body.results.map((t) => t.id)).toEqual(pages[1]);
  });

  it("takes a page size over 100 as 100, as DRF's max_page_size did, with links that keep it", async () => {
    // Another manager's tasks, so that the shared fixtures' lists stay as they are.
    const creator = await makeUser("MANAGER");
    const reader = await makeUser("EMPLOYEE");
    for (let i = 0; i < 103; i++) await makeTask({ createdBy: creator.id, assignedTo: reader.id });
    const first = await list(reader, "page_size=1000");
    expect(first.status).toBe(200);
    expect(first.body.count).toBe(103);
    expect(first.body.results).toHaveLength(100);
    const huge = await list(reader, "page_size=1000000000000000000000");
    expect(huge.status).toBe(200);
    expect(huge.body.results.map((t) => t.id)).toEqual(first.body.results.map((t) => t.id));
    const second = await api<ListBody>("GET", first.body.next!, { token: reader.token });
    expect(second.body.results).toHaveLength(3);
    expect([...first.body.results, ...second.body.results].map((t) => t.id).sort()).toEqual(
      [...new Set([...first.body.results, ...second.body.results].map((t) => t.id))].sort(),
    );
  });

  it("by creation, a cursor visits each task once while tasks are edited, added and deleted", async () => {
    const owner = await makeUser("MANAGER");
    const made: number[] = [];
    for (let i = 0; i < 25; i++) made.push(await makeTask({ createdBy: owner.id, title: `c${i}` }));
    const seen: number[] = [];
    let cursor: string | null = null;
    const gone = new Set<number>();
    for (let guard = 0; guard < 10; guard++) {
      const res: Awaited<ReturnType<typeof list>> = await list(
        owner,
        `page_size=10${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...res.body.results.map((t) => t.id));
      cursor = res.body.next_cursor;
      if (!cursor) break;
      // Between pages: every task renamed and moved on (its updated_at and title change), an
      // unseen one deleted, a new one added.
      for (const id of made.filter((id) => !gone.has(id))) {
        const edit = await api("PATCH", `/api/tasks/${id}/`, {
          token: owner.token,
          body: { title: `edited ${guard} ${id}`, status: "IN_PROGRESS" },
        });
        expect(edit.status).toBe(200);
      }
      const unseen = made.find((id) => !seen.includes(id) && !gone.has(id))!;
      expect((await api("DELETE", `/api/tasks/${unseen}/`, { token: owner.token })).status).toBe(
        204,
      );
      gone.add(unseen);
      await makeTask({ createdBy: owner.id, title: "added meanwhile" });
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: what was added meanwhile is before the cursor; deleted ones are gone.
    expect(seen.length).toBe(25 - gone.size);
    expect(gone.size).toBe(2);
    expect(seen.every((id) => made.includes(id))).toBe(true);
  });

  it("uses 20 per page by default and works without the trailing slash", async () => {
    const res = await api<ListBody>("GET", "/api/tasks", { token: manager.token });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(20);
    expect(res.body.next_cursor).not.toBeNull();
  });
});

describe("GET /api/tasks/: ordering", () => {
  it.each(TASK_ORDERINGS)(
    "orders by %s with id as tie-break, by page and by cursor alike",
    async (ordering) => {
      const expected = expectedOrder(visible, ordering);
      const byPage: number[] = [];
      for (let page = 1; page <= 5; page++) {
        const res = await list(manager, `ordering=${ordering}&page=${page}&page_size=7`);
        expect(res.status).toBe(200);
        byPage.push(...res.body.results.map((t) => t.id));
      }
      expect(byPage).toEqual(expected);
      expect(await walkCursor(manager, `ordering=${ordering}&page_size=4`)).toEqual(expected);
      const mine = visible.filter((t) => t.assigned_to === employee.id);
      expect(await walkCursor(employee, `ordering=${ordering}&page_size=2`)).toEqual(
        expectedOrder(mine, ordering),
      );
      const adminView = await walkCursor(
        admin,
        `ordering=${ordering}&created_by=${manager.id}&page_size=6`,
      );
      expect(adminView).toEqual(
        expectedOrder(
          visible.filter((t) => t.created_by === manager.id),
          ordering,
        ),
      );
    },
  );

  it("puts undated tasks after every dated one by due date, and before them descending", async () => {
    const dated = visible.filter((t) => t.due_date !== null).length;
    expect(dated).toBeGreaterThan(0);
    expect(dated).toBeLessThan(visible.length);
    const ascending = await list(manager, "ordering=due_date&page_size=100");
    const dueDates = ascending.body.results.map((t) => t.due_date);
    expect(dueDates.slice(0, dated).every((d) => d !== null)).toBe(true);
    expect(dueDates.slice(dated).every((d) => d === null)).toBe(true);
    const descending = await list(manager, "ordering=-due_date&page_size=100");
    const undated = visible.length - dated;
    expect(descending.body.results.slice(0, undated).every((t) => t.due_date === null)).toBe(true);
  });

  it("refuses an ordering outside the whitelist with 400", async () => {
    for (const ordering of ["password_hash", "-id", "created_at,title", "assigned_to"]) {
      const res = await api<Detail>("GET", `/api/tasks/?ordering=${ordering}`, {
        token: manager.token,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.field).toBe("ordering");
    }
  });
});

describe("GET /api/tasks/: filters", () => {
  const ids = (tasks: TaskDto[]) => tasks.map((t) => t.id).sort((a, b) => a - b);
  async function filtered(query: string): Promise<ListBody> {
    const res = await list(manager, `page_size=100&${query}`);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(res.body.results.length);
    return res.body;
  }

  it("filters by one status, repeated statuses and a comma list", async () => {
    const done = await filtered("status=DONE");
    expect(ids(done.results)).toEqual(ids(visible.filter((t) => t.status === "DONE")));
    const two = visible.filter((t) => t.status !== "IN_PROGRESS");
    expect(ids((await filtered("status=TODO&status=DONE")).results)).toEqual(ids(two));
    expect(ids((await filtered("status=TODO,DONE")).results)).toEqual(ids(two));
  });

  it("filters by priority, assignee and creator", async () => {
    expect(ids((await filtered("priority=URGENT,LOW")).results)).toEqual(
      ids(visible.filter((t) => t.priority === "URGENT" || t.priority === "LOW")),
    );
    expect(ids((await filtered(`assigned_to=${coworker.id}`)).results)).toEqual(
      ids(visible.filter((t) => t.assigned_to === coworker.id)),
    );
    const byOther = await filtered(`created_by=${otherManager.id}`);
    expect(byOther.count).toBe(5);
    expect(ids(byOther.results)).toEqual(
      ids(visible.filter((t) => t.created_by === otherManager.id)),
    );
  });

  it("filters by due date range and overdue", async () => {
    expect(ids((await filtered("due_before=2050-01-01")).results)).toEqual(
      ids(visible.filter((t) => t.due_date !== null && t.due_date <= "2050-01-01")),
    );
    expect(ids((await filtered("due_after=2099-03-15&due_before=2099-06-15")).results)).toEqual(
      ids(
        visible.filter(
          (t) => t.due_date !== null && t.due_date >= "2099-03-15" && t.due_date <= "2099-06-15",
        ),
      ),
    );
    const overdue = await filtered("overdue=true");
    expect(overdue.count).toBeGreaterThan(0);
    expect(ids(overdue.results)).toEqual(ids(visible.filter((t) => t.is_overdue)));
    expect(ids((await filtered("overdue=false")).results)).toEqual(
      ids(visible.filter((t) => !t.is_overdue)),
    );
  });

  it("searches title and description, treating % and _ literally", async () => {
    expect(ids((await filtered("search=NEEDLE")).results)).toEqual(
      ids(visible.filter((t) => t.description.includes("needle"))),
    );
    expect(ids((await filtered("search=zulu")).results)).toEqual(
      ids(visible.filter((t) => t.title.startsWith("zulu"))),
    );
    const percent = await filtered(`search=${encodeURIComponent("50%")}`);
    expect(percent.results.map((t) => t.description)).toEqual(["50% off"]);
    expect((await filtered("search=_")).count).toBe(0);
  });

  it("needs every word of a search, each in the title or the description; a quoted phrase is one word", async () => {
    const having = (...words: string[]) =>
      ids(
        visible.filter((t) =>
          words.every((w) => `${t.title}\n${t.description}`.toLowerCase().includes(w)),
        ),
      );
    const both = having("needle", "alpha");
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(having("needle").length);
    for (const search of ["needle alpha", "ALPHA, needle", "  needle ,, alpha "]) {
      const res = await filtered(`search=${encodeURIComponent(search)}`);
      expect(ids(res.results), search).toEqual(both);
      expect(res.count, search).toBe(both.length);
    }
    expect(ids((await filtered(`search=${encodeURIComponent('"the needle"')}`)).results)).toEqual(
      having("the needle"),
    );
    expect((await filtered(`search=${encodeURIComponent('"needle the"')}`)).count).toBe(0);
    expect(ids((await filtered(`search=${encodeURIComponent("needle the")}`)).results)).toEqual(
      having("needle", "the"),
    );
  });

  it("combines filters with cursor pagination", async () => {
    const expected = expectedOrder(
      visible.filter((t) => t.status !== "DONE" && t.created_by === manager.id),
      "title",
    );
    expect(
      await walkCursor(
        manager,
        `status=TODO,IN_PROGRESS&created_by=${manager.id}&ordering=title&page_size=3`,
      ),
    ).toEqual(expected);
  });

  it("answers 400 with field errors for invalid filter values", async () => {
    const cases: [string, string][] = [
      ["status=FINISHED", "status"],
      ["priority=HUGE", "priority"],
      ["assigned_to=me", "assigned_to"],
      ["assigned_to=0x4", "assigned_to"],
      ["assigned_to=4.0", "assigned_to"],
      ["assigned_to=true", "assigned_to"],
      ["created_by=-1", "created_by"],
      ["created_by=4e0", "created_by"],
      ["created_by=0", "created_by"],
      ["due_before=2026-13-01", "due_before"],
      ["due_after=yesterday", "due_after"],
      ["overdue=maybe", "overdue"],
      ["page=0", "page"],
      ["page=abc", "page"],
      ["page=0x2", "page"],
      ["page=1e1", "page"],
      ["page_size=1e1", "page_size"],
      ["page_size=%202", "page_size"],
      ["cursor=not-a-cursor", "cursor"],
    ];
    for (const [query, field] of cases) {
      const res = await api<Detail>("GET", `/api/tasks/?${query}`, { token: manager.token });
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    // In the words the users' list uses for the same mistake.
    for (const path of ["/api/tasks/?page=0", "/api/users/?page=0"]) {
      const res = await api<Detail>("GET", path, { token: manager.token });
      expect(res.body.errors).toEqual([{ field: "page", message: "Page must be 1 or more." }]);
    }
  });

  it("issues cursors that work for the longest multi-byte titles", async () => {
    const reader = await makeUser("EMPLOYEE");
    const ids: number[] = [];
    for (const ch of ["界", "😀", "é"]) {
      ids.push(
        await makeTask({ createdBy: manager.id, assignedTo: reader.id, title: ch.repeat(200) }),
      );
    }
    const walked = await walkCursor(reader, "ordering=-title&page_size=1");
    expect(walked.sort()).toEqual(ids.sort());
  });

  it("walks by cursor past a task dated before the API's earliest date, stored before it applied", async () => {
    const reader = await makeUser("EMPLOYEE");
    const ids: number[] = [];
    for (const dueDate of ["0001-01-01", "0999-12-31", "2026-01-01"]) {
      ids.push(await makeTask({ createdBy: manager.id, assignedTo: reader.id, dueDate }));
    }
    const walked = await walkCursor(reader, "ordering=due_date&page_size=1");
    expect(walked).toEqual(ids);
  });

  it("refuses a forged cursor whose date or time is not on the calendar", async () => {
    const forged = (ordering: string, value: string) =>
      Buffer.from(JSON.stringify([ordering, value, 1])).toString("base64url");
    for (const [ordering, value] of [
      ["created_at", "2026-13-45 99:99:99.999"],
      ["-updated_at", "2026-02-30 10:00:00.000"],
      ["due_date", "2026-02-30"],
    ]) {
      const res = await list(manager, `ordering=${ordering}&cursor=${forged(ordering!, value!)}`);
      expect({ value, status: res.status }).toEqual({ value, status: 400 });
    }
    const real = await list(
      manager,
      `ordering=due_date&cursor=${forged("due_date", "2024-02-29")}`,
    );
    expect(real.status).toBe(200);
  });

  it("refuses a cursor issued for another ordering", async () => {
    const first = await list(manager, "ordering=title&page_size=2");
    const res = await list(manager, `ordering=-title&cursor=${first.body.next_cursor}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ detail: "Invalid cursor." });
  });
});

describe("GET /api/tasks/: cost", () => {
  it.each([
    ["an admin", () => admin, "page_size=100"],
    ["a manager", () => manager, "page_size=100&ordering=-due_date&status=TODO,DONE&search=a"],
    ["an employee", () => employee, "page=2&page_size=2&ordering=priority"],
  ])(
    "issues two SQL statements for %s's list, whatever the page size: the page and its count are one",
    async (_, who, query) => {
      const seen = recordStatements();
      const res = await list(who(), query);
      expect(res.status).toBe(200);
      expect(res.body.results.length).toBeGreaterThan(0);
      // The caller's lookup, then the page with its count: one statement, so one snapshot, and
      // `count` always describes the rows returned even while tasks change.
      expect(seen[0]).toBe(TOKEN_USER_SQL);
      expect(seen).toHaveLength(2);
    },
  );
});

describe("GET /api/tasks/: page=last, as DRF", () => {
  it("gives the last page with its links, in two statements besides the caller's lookup", async () => {
    const owner = await makeUser("MANAGER");
    const ids: number[] = [];
    for (let i = 0; i < 23; i++) ids.push(await makeTask({ createdBy: owner.id }));
    const seen = recordStatements();
    const res = await list(owner, "page=last&page_size=10");
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(23);
    // Newest first: the last page holds the three oldest.
    expect(res.body.results.map((t) => t.id)).toEqual(ids.slice(0, 3).reverse());
    expect(res.body.next).toBeNull();
    expect(new URL(res.body.previous!).searchParams.get("page")).toBe("2");
    // The lookup, the count that names the page, then the page.
    expect(seen).toHaveLength(3);
    // Of repeated page parameters the last counts, as for every other parameter (and in DRF).
    const repeated = await list(owner, "page=2&page=last&page_size=10");
    expect(repeated.body.results.map((t) => t.id)).toEqual(ids.slice(0, 3).reverse());
    const second = await list(owner, "page=last&page=2&page_size=10");
    expect(second.body.results).toHaveLength(10);
  });

  it("reads once more when tasks came between the count and the page, so the page is the last", async () => {
    const owner = await makeUser("MANAGER");
    const actor = actorOf(owner);
    for (let i = 0; i < 12; i++) await makeTask({ createdBy: owner.id });
    const query = parseTaskListQuery(new URLSearchParams("page_size=10"));
    const counted = await lastPageOf(actor, query);
    expect(counted).toBe(2);
    // Another writer adds ten tasks before the counted page is read: page 2 is no longer last.
    for (let i = 0; i < 10; i++) await makeTask({ createdBy: owner.id });
    const last = await readLastPageOf(counted, query.page_size, (page) =>
      listTasks(actor, { ...query, page }),
    );
    expect(last.page).toBe(3);
    expect(last.list.count).toBe(22);
    expect(last.list.results).toHaveLength(2);
  });

  it("is page 1 of an empty list, not a 404", async () => {
    const nobody = await makeUser("EMPLOYEE");
    const res = await list(nobody, "page=last");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 0, results: [], next: null, previous: null });
  });
});

describe("GET /api/tasks/: counts kept by triggers", () => {
  it("stays exact through creates, reassignments and deletes, counting a self-assigned task once", async () => {
    const boss = await makeUser("MANAGER");
    const worker = await makeUser("EMPLOYEE");
    const count = async (user: TestUser) => (await list(user, "page_size=1")).body.count;

    const given = await api<TaskDto>("POST", "/api/tasks/", {
      token: otherManager.token,
      body: { title: "for the boss", assigned_to: boss.id },
    });
    expect(await count(boss)).toBe(1);
    await api("PATCH", `/api/tasks/${given.body.id}/`, {
      token: otherManager.token,
      body: { assigned_to: worker.id },
    });
    expect([await count(boss), await count(worker)]).toEqual([0, 1]);

    const self = await api<TaskDto>("POST", "/api/tasks/", {
      token: boss.token,
      body: { title: "mine and mine", assigned_to: boss.id },
    });
    expect(await count(boss)).toBe(1);
    await api("PATCH", `/api/tasks/${self.body.id}/`, {
      token: boss.token,
      body: { assigned_to: worker.id },
    });
    expect([await count(boss), await count(worker)]).toEqual([1, 2]);
    await api("DELETE", `/api/tasks/${self.body.id}/`, { token: boss.token });
    expect([await count(boss), await count(worker)]).toEqual([0, 1]);
  });

  it("matches a full recount for every scope after all the writes above", async () => {
    await expectCountersMatchTasks();
  });
});
