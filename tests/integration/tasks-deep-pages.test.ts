import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { pool } from "@/db/client";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/domain/enums";
import { ANCHORED_FROM_OFFSET } from "@/lib/services/task-list-anchors";
import { TASK_ORDERINGS } from "@/lib/validation/task-query";
import type { TaskDto } from "@/lib/validation/tasks";
import { api } from "../helpers/api";
import { makeUser, type TestUser } from "../helpers/factories";
import { afterSessionLookup, recordStatements } from "../helpers/sql-spy";

type ListBody = { count: number; next_cursor: string | null; results: TaskDto[] };

const PAGE_SIZE = 20;
/** The first page number whose offset is deep enough to be anchored. */
const DEEP_PAGE = ANCHORED_FROM_OFFSET / PAGE_SIZE + 1;
const TASKS = ANCHORED_FROM_OFFSET + 5 * PAGE_SIZE;

let admin: TestUser;
let manager: TestUser;
let employee: TestUser;

/** A manager's list (created by or assigned to them: the UNION path) and an admin's filtered one. */
const LISTS = [
  { who: "a manager", user: () => manager, filter: () => "" },
  {
    who: "an admin filtering by creator",
    user: () => admin,
    filter: () => `&created_by=${manager.id}`,
  },
] as const;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
  // One multi-row INSERT: the triggers keep the counters as for any writer.
  const rows = Array.from({ length: TASKS }, (_, i) => [
    `deep ${String(i % 37).padStart(2, "0")}`,
    "",
    TASK_STATUSES[i % 3],
    TASK_PRIORITIES[i % 4],
    i % 5 === 0 ? null : `2030-01-${String((i % 28) + 1).padStart(2, "0")}`,
    i % 2 === 0 ? employee.id : null,
    manager.id,
  ]);
  await pool().query(
    "INSERT INTO tasks (title, description, status, priority, due_date, assigned_to, created_by) VALUES ?",
    [rows],
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function page(user: TestUser, query: string, number: number): Promise<TaskDto[]> {
  const res = await api<ListBody>(
    "GET",
    `/api/tasks/?${query}&page=${number}&page_size=${PAGE_SIZE}`,
    {
      token: user.token,
    },
  );
  expect(res.status).toBe(200);
  return res.body.results;
}

/** The whole list in order, through keyset cursors (which never use remembered positions). */
async function wholeList(user: TestUser, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${cursor}` : "";
    const res = await api<ListBody>("GET", `/api/tasks/?${query}&page_size=100${suffix}`, {
      token: user.token,
    });
    expect(res.status).toBe(200);
    ids.push(...res.body.results.map((t) => t.id));
    cursor = res.body.next_cursor;
  } while (cursor);
  return ids;
}

function expectedPage(all: number[], number: number): number[] {
  return all.slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE);
}

const PAGE_STATEMENT = /JOIN tasks t ON t\.id = page\.id/;

/** The largest OFFSET in a page statement: how many rows MariaDB walked to reach the page. */
function offsetOf(pageStatement: string): number {
  return Math.max(...[...pageStatement.matchAll(/OFFSET (\d+)/g)].map((m) => Number(m[1])));
}

/**
 * One page request, with how many statements it sent after the caller's lookup (never more than
 * two, on any table) and how many rows MariaDB walked to reach the page it served (the OFFSET of
 * its last page statement).
 */
async function pageWalking(user: TestUser, query: string, number: number) {
  vi.restoreAllMocks();
  const seen = recordStatements();
  const ids = (await page(user, query, number)).map((t) => t.id);
  vi.restoreAllMocks();
  const statements = afterSessionLookup(seen);
  expect(statements.length).toBeLessThanOrEqual(2);
  const pages = statements.filter((s) => PAGE_STATEMENT.test(s));
  return { ids, walked: offsetOf(pages[pages.length - 1]!), statements: statements.length };
}

describe("GET /api/tasks/?page=N deep in a list", () => {
  it.each(
    LISTS.flatMap((list) => TASK_ORDERINGS.map((ordering) => [list.who, ordering, list] as const)),
  )(
    "serves %s's list by %s from a remembered row, the same rows as the full walk",
    async (_, ordering, list) => {
      const query = `ordering=${ordering}${list.filter()}`;
      const all = await wholeList(list.user(), query);
      expect(all).toHaveLength(TASKS);

      const first = await pageWalking(list.user(), query, DEEP_PAGE + 1);
      expect(first.ids).toEqual(expectedPage(all, DEEP_PAGE + 1));
      expect(first.walked).toBeGreaterThanOrEqual(ANCHORED_FROM_OFFSET);

      const again = await pageWalking(list.user(), query, DEEP_PAGE + 1);
      expect(again.ids).toEqual(first.ids);
      expect(again.walked).toBe(0);
      expect(again.statements).toBe(1);

      // The page before starts at no remembered row: it walks, and then so does nothing after it.
      const crawl = [DEEP_PAGE, DEEP_PAGE + 1, DEEP_PAGE + 2, DEEP_PAGE + 3];
      const results = [];
      for (const number of crawl) results.push(await pageWalking(list.user(), query, number));
      expect(results.map((r) => r.ids)).toEqual(crawl.map((n) => expectedPage(all, n)));
      expect(results.map((r) => r.walked)).toEqual([ANCHORED_FROM_OFFSET, 0, 0, 0]);
    },
  );

  it("walks again after each kind of write, and the page follows the change", async () => {
    const query = "ordering=-updated_at";
    const deep = DEEP_PAGE + 2;
    const remember = async () => {
      await pageWalking(manager, query, deep);
      expect((await pageWalking(manager, query, deep)).walked).toBe(0);
    };
    const expectFresh = async () => {
      // The read from the remembered row sees the new generation and is read again by offset.
      const now = await pageWalking(manager, query, deep);
      expect(now.statements).toBe(2);
      expect(now.walked).toBeGreaterThanOrEqual(ANCHORED_FROM_OFFSET);
      expect(now.ids).toEqual(expectedPage(await wholeList(manager, query), deep));
    };

    await remember();
    const created = await api<TaskDto>("POST", "/api/tasks/", {
      token: manager.token,
      body: { title: "new at the top" },
    });
    expect(created.status).toBe(201);
    await expectFresh();

    await remember();
    const all = await wholeList(manager, query);
    // Touching a task from deep in the list moves it to the top of -updated_at.
    const moved = all[(deep - 1) * PAGE_SIZE + 3]!;
    const patched = await api("PATCH", `/api/tasks/${moved}/`, {
      token: manager.token,
      body: { status: "DONE" },
    });
    expect(patched.status).toBe(200);
    await expectFresh();

    await remember();
    const deleted = await api("DELETE", `/api/tasks/${created.body.id}/`, { token: manager.token });
    expect(deleted.status).toBe(204);
    await expectFresh();

    await remember();
    const bulk = await api("POST", "/api/tasks/bulk-create/", {
      token: manager.token,
      body: { tasks: [{ title: "bulk one" }, { title: "bulk two" }] },
    });
    expect(bulk.status).toBe(201);
    await expectFresh();
  });

  it("serves an admin's whole, unfiltered list too (counted by the triggers' counters)", async () => {
    const all = await wholeList(admin, "ordering=-created_at");
    expect(all.length).toBeGreaterThanOrEqual(TASKS);
    await pageWalking(admin, "ordering=-created_at", DEEP_PAGE);
    const again = await pageWalking(admin, "ordering=-created_at", DEEP_PAGE);
    expect(again.walked).toBe(0);
    expect(again.ids).toEqual(expectedPage(all, DEEP_PAGE));
  });

  it("answers a page past the end of a remembered list with 404 in one statement", async () => {
    const query = "ordering=title";
    await pageWalking(manager, query, DEEP_PAGE + 1);
    vi.restoreAllMocks();
    const seen = recordStatements();
    const res = await api<{ detail: string }>(
      "GET",
      `/api/tasks/?${query}&page=500&page_size=${PAGE_SIZE}`,
      { token: manager.token },
    );
    vi.restoreAllMocks();
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: "Invalid page." });
    expect(afterSessionLookup(seen)).toHaveLength(1);
  });

  it("is not fooled by a write that rolled back", async () => {
    const query = `ordering=-created_at&created_by=${manager.id}`;
    await pageWalking(admin, query, DEEP_PAGE);
    const connection = await pool().getConnection();
    try {
      await connection.beginTransaction();
      await connection.query(
        "INSERT INTO tasks (title, description, created_by) VALUES ('rolled back', '', ?)",
        [manager.id],
      );
      await connection.rollback();
    } finally {
      connection.release();
    }
    expect((await pageWalking(admin, query, DEEP_PAGE)).walked).toBe(0);
  });
});
