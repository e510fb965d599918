import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { activity, refreshTokens, tasks, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";
import { halfCharacterMessage } from "@/lib/validation/visible-text";
import { api } from "../helpers/api";
import { makeTask, makeUser, TEST_PASSWORD, type TestUser } from "../helpers/factories";
import { login, refresh } from "./auth-helpers";

type UserBody = {
  id: number;
  email: string;
  full_name: string;
  role: string;
  is_active: boolean;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  locked_until: string | null;
  generated_password?: string;
};
type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };
type ErrorBody = { detail: string; errors?: { field: string; message: string }[] };

const ADMIN_FIELDS = [
  "created_at",
  "email",
  "full_name",
  "id",
  "is_active",
  "last_login_at",
  "locked_until",
  "role",
  "updated_at",
].sort();

let admin: TestUser;
let manager: TestUser;
let employee: TestUser;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  manager = await makeUser("MANAGER");
  employee = await makeUser("EMPLOYEE");
});

async function activityFor(subjectUserId: number) {
  return db()
    .select()
    .from(activity)
    .where(eq(activity.subjectUserId, subjectUserId))
    .orderBy(activity.id);
}

describe("GET /api/users/ by role", () => {
  it("gives an admin every user with every field, inactive ones included", async () => {
    const inactive = await makeUser("EMPLOYEE", { isActive: false });
    // Newest first: the suite's other files leave more than a page of users behind.
    for (const path of [
      "/api/users/?page_size=100&ordering=-created_at",
      "/api/users?page_size=100&ordering=-created_at",
    ]) {
      const res = await api<Page<UserBody>>("GET", path, { token: admin.token });
      expect(res.status).toBe(200);
      const ids = res.body.results.map((u) => u.id);
      expect(ids).toEqual(expect.arrayContaining([admin.id, manager.id, employee.id, inactive.id]));
      expect(Object.keys(res.body.results[0]!).sort()).toEqual(ADMIN_FIELDS);
      expect(res.body.count).toBeGreaterThanOrEqual(4);
    }
  });

  it("gives a manager only active managers and employees, with public fields only", async () => {
    const inactive = await makeUser("EMPLOYEE", { isActive: false });
    const res = await api<Page<Record<string, unknown>>>("GET", "/api/users/?page_size=100", {
      token: manager.token,
    });
    expect(res.status).toBe(200);
    // Each looked up by email: the suite's other files leave more than a page of users behind.
    const found = async (email: string) => {
      const one = await api<Page<{ id: number }>>(
        "GET",
        `/api/users/?search=${encodeURIComponent(email)}`,
        { token: manager.token },
      );
      return one.body.results.map((u) => u.id);
    };
    expect(await found(manager.email)).toEqual([manager.id]);
    expect(await found(employee.email)).toEqual([employee.id]);
    expect(await found(admin.email)).toEqual([]);
    expect(await found(inactive.email)).toEqual([]);
    for (const user of res.body.results) {
      expect(Object.keys(user).sort()).toEqual(["email", "full_name", "id", "role"]);
      expect(["MANAGER", "EMPLOYEE"]).toContain(user.role);
    }
    // Asking for deactivated users finds none, rather than the active ones.
    const deactivated = await api<Page<Record<string, unknown>>>(
      "GET",
      "/api/users/?is_active=false",
      { token: manager.token },
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ count: 0, results: [] });
  });

  it("refuses an employee with 403 and an anonymous caller with 401", async () => {
    expect((await api("GET", "/api/users/", { token: employee.token })).status).toBe(403);
    expect((await api("GET", "/api/users/")).status).toBe(401);
  });

  it("searches by name or email, filters by role and active flag, orders and paginates", async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (const [i, role] of (["MANAGER", "EMPLOYEE", "EMPLOYEE"] as const).entries()) {
      made.push(await makeUser(role, { fullName: `${tag} Person ${i}` }));
    }
    const byEmail = await makeUser("EMPLOYEE", { email: `${tag}-mail@test.example` });
    const search = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}`, {
      token: admin.token,
    });
    expect(search.body.count).toBe(4);
    expect(search.body.results.map((u) => u.id)).toContain(byEmail.id);
    const twoWords = await api<Page<UserBody>>(
      "GET",
      `/api/users/?search=%22person%201%22%20${tag}`,
      {
        token: admin.token,
      },
    );
    expect(twoWords.body.results.map((u) => u.id)).toEqual([made[1]!.id]);

    const employees = await api<Page<UserBody>>(
      "GET",
      `/api/users/?search=${tag.toUpperCase()}&role=EMPLOYEE&ordering=-full_name`,
      { token: admin.token },
    );
    expect(employees.body.results.map((u) => u.role)).toEqual(["EMPLOYEE", "EMPLOYEE", "EMPLOYEE"]);
    const names = employees.body.results.map((u) => u.full_name);
    expect(names).toEqual([...names].sort().reverse());

    const first = await api<Page<UserBody>>(
      "GET",
      `/api/users/?search=${tag}&page_size=3&ordering=email`,
      { token: admin.token },
    );
    expect(first.body.count).toBe(4);
    expect(first.body.results).toHaveLength(3);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toContain("page=2");
    const second = await api<Page<UserBody>>("GET", first.body.next!, { token: admin.token });
    expect(second.body.results).toHaveLength(1);
    expect(second.body.next).toBeNull();
    expect(second.body.previous).not.toContain("page=");
    const all = [...first.body.results, ...second.body.results].map((u) => u.id);
    expect(new Set(all).size).toBe(4);

    await api("DELETE", `/api/users/${made[0]!.id}/`, { token: admin.token });
    const active = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}&is_active=false`, {
      token: admin.token,
    });
    expect(active.body.results.map((u) => u.id)).toEqual([made[0]!.id]);
    // As Django's clients spell it.
    const spelled = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}&is_active=False`, {
      token: admin.token,
    });
    expect(spelled.body.results.map((u) => u.id)).toEqual([made[0]!.id]);
  });

  it("finds someone by a whole long e-mail address: a search takes 200 characters, as the tasks' does", async () => {
    const tag = Date.now().toString(36);
    const email = `${"l".repeat(60)}${tag}@${"d".repeat(60)}.${"e".repeat(20)}.example`;
    expect(email.length).toBeGreaterThan(150);
    const person = await makeUser("EMPLOYEE", { email });
    const found = await api<Page<UserBody>>(
      "GET",
      `/api/users/?search=${encodeURIComponent(email)}`,
      { token: admin.token },
    );
    expect(found.status).toBe(200);
    expect(found.body.results.map((u) => u.id)).toEqual([person.id]);
    const tooLong = await api<{ errors: unknown[] }>(
      "GET",
      `/api/users/?search=${"x".repeat(201)}`,
      { token: admin.token },
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([
      { field: "search", message: "Search must be at most 200 characters." },
    ]);
  });

  it("takes page=last, as DRF did", async () => {
    const tag = `zl${Date.now().toString(36)}`;
    const made = [];
    for (const n of ["a", "b", "c"])
      made.push(await makeUser("EMPLOYEE", { fullName: `${tag} ${n}` }));
    const last = await api<Page<UserBody>>(
      "GET",
      `/api/users/?search=${tag}&page_size=2&ordering=full_name&page=last`,
      { token: admin.token },
    );
    expect(last.status).toBe(200);
    expect(last.body.results.map((u) => u.id)).toEqual([made[2]!.id]);
    expect(last.body.next).toBeNull();
    expect(last.body.previous).not.toBeNull();
  });

  it("answers 404 to a page past the last, as the task list does", async () => {
    const tag = `zp${Date.now().toString(36)}`;
    await makeUser("EMPLOYEE", { fullName: `${tag} Only` });
    for (const user of [admin, manager]) {
      const last = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}&page=1`, {
        token: user.token,
      });
      expect(last.body).toMatchObject({ count: 1, next: null });
      const past = await api<ErrorBody>("GET", `/api/users/?search=${tag}&page=2`, {
        token: user.token,
      });
      expect(past.status).toBe(404);
      expect(past.body).toEqual({ detail: "Invalid page." });
      const far = await api<ErrorBody>("GET", `/api/users/?search=${tag}&page=${"9".repeat(30)}`, {
        token: user.token,
      });
      expect(far.status).toBe(404);
      expect(far.body).toEqual({ detail: "Invalid page." });
    }
    const none = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}-nobody`, {
      token: admin.token,
    });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ count: 0, results: [] });
  });

  it("lets a manager order only by the fields they see; an admin by any", async () => {
    for (const ordering of ["email", "-full_name", "role", "-id"]) {
      const res = await api<Page<UserBody>>("GET", `/api/users/?ordering=${ordering}`, {
        token: manager.token,
      });
      expect({ ordering, status: res.status }).toEqual({ ordering, status: 200 });
    }
    const byId = await api<Page<UserBody>>("GET", "/api/users/?ordering=-id&page_size=100", {
      token: manager.token,
    });
    const ids = byId.body.results.map((u) => u.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    for (const ordering of ["last_login_at", "-last_login_at", "created_at", "-created_at"]) {
      const refused = await api<ErrorBody>("GET", `/api/users/?ordering=${ordering}`, {
        token: manager.token,
      });
      expect({ ordering, status: refused.status }).toEqual({ ordering, status: 400 });
      expect(refused.body).toEqual({
        detail: "Invalid query parameters.",
        errors: [
          {
            field: "ordering",
            message: 'Order by one of email, full_name, role, id, with "-" for descending.',
          },
        ],
      });
      const allowed = await api("GET", `/api/users/?ordering=${ordering}`, { token: admin.token });
      expect(allowed.status).toBe(200);
    }
  });

  it("answers 400 with field errors for an unknown ordering or a bad page size", async () => {
    const res = await api<ErrorBody>("GET", "/api/users/?ordering=password_hash&page_size=0", {
      token: admin.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual(["ordering", "page_size"]);
    // Too large is not wrong: DRF's max_page_size took it as the largest.
    const large = await api<{ results: unknown[]; count: number }>(
      "GET",
      "/api/users/?page_size=500",
      { token: admin.token },
    );
    expect(large.status).toBe(200);
    expect(large.body.results).toHaveLength(Math.min(large.body.count, 100));
    const spelled = await api<ErrorBody>("GET", "/api/users/?page=0x2&page_size=1e1", {
      token: admin.token,
    });
    expect(spelled.status).toBe(400);
    expect(spelled.body.errors).toEqual([
      { field: "page", message: "Page must be a whole number." },
      { field: "page_size", message: "Page size must be a whole number, 1 or more." },
    ]);
  });

  it("reads an empty filter as no filter, as the task list does", async () => {
    const all = await api<Page<UserBody>>("GET", "/api/users/?page_size=1", { token: admin.token });
    const empty = await api<Page<UserBody>>(
      "GET",
      "/api/users/?role=&is_active=&search=%20&ordering=&page_size=1",
      { token: admin.token },
    );
    expect(empty.status).toBe(200);
    expect(empty.body.count).toBe(all.body.count);
  });
});

describe("GET /api/users/{id}/ and /api/users/me/", () => {
  it("shows each caller their own profile", async () => {
    for (const user of [admin, manager, employee]) {
      for (const path of ["/api/users/me/", "/api/users/me"]) {
        const res = await api<UserBody>("GET", path, { token: user.token });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: user.id, email: user.email, role: user.role });
        expect(Object.keys(res.body).sort()).toEqual(ADMIN_FIELDS);
      }
    }
    expect((await api("GET", "/api/users/me/")).status).toBe(401);
  });

  it("lets a manager read an assignable colleague's public fields, hides admins and inactive users", async () => {
    const seen = await api<Record<string, unknown>>("GET", `/api/users/${employee.id}/`, {
      token: manager.token,
    });
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body).sort()).toEqual(["email", "full_name", "id", "role"]);
    expect((await api("GET", `/api/users/${admin.id}/`, { token: manager.token })).status).toBe(
      404,
    );
    expect((await api("GET", `/api/users/${manager.id}/`, { token: employee.token })).status).toBe(
      403,
    );
    expect((await api("GET", "/api/users/999999/", { token: admin.token })).status).toBe(404);
  });

  it("answers 404, as for tasks, to a user id that is not a positive integer", async () => {
    for (const id of ["abc", "0", "-1", "0x4", "4e0", "99999999999"]) {
      for (const [method, path] of [
        ["GET", `/api/users/${id}/`],
        ["PATCH", `/api/users/${id}/`],
        ["DELETE", `/api/users/${id}`],
        ["POST", `/api/users/${id}/reset-password/`],
      ] as const) {
        const body = method === "PATCH" ? { full_name: "Nobody" } : undefined;
        const res = await api<ErrorBody>(method, path, { token: admin.token, body });
        expect({ method, id, status: res.status }).toEqual({ method, id, status: 404 });
        expect(res.body).toEqual({ detail: "Not found." });
      }
    }
  });
});

describe("POST /api/users/", () => {
  it("creates a user with the given password, lower-cases the email, and records USER_CREATED", async () => {
    const email = `New.Person.${Date.now()}@Test.Example`;
    const res = await api<UserBody>("POST", "/api/users/", {
      token: admin.token,
      body: { email, full_name: "New Person", role: "MANAGER", password: "A-strong-passphrase-1" },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: email.toLowerCase(),
      role: "MANAGER",
      is_active: true,
    });
    expect(res.body.generated_password).toBeUndefined();
    expect(res.headers.get("location")).toBe(`/api/users/${res.body.id}/`);
    const [row] = await db().select().from(users).where(eq(users.id, res.body.id));
    expect(await verifyPassword(row!.passwordHash, "A-strong-passphrase-1")).toBe(true);
    const events = await activityFor(res.body.id);
    expect(events).toMatchObject([
      {
        kind: "USER_CREATED",
        actorId: admin.id,
        field: "role",
        fromValue: null,
        toValue: "MANAGER",
      },
    ]);
  });

  it("generates a strong password when none is given and returns it once", async () => {
    const res = await api<UserBody>("POST", "/api/users", {
      token: admin.token,
      body: { email: `gen-${Date.now()}@test.example`, full_name: "Generated" },
    });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe("EMPLOYEE");
    expect(res.body.generated_password).toMatch(/^[\w-]{20,}$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [row] = await db().select().from(users).where(eq(users.id, res.body.id));
    expect(await verifyPassword(row!.passwordHash, res.body.generated_password!)).toBe(true);
    const again = await api<UserBody>("GET", `/api/users/${res.body.id}/`, { token: admin.token });
    expect(again.body.generated_password).toBeUndefined();
  });

  it("refuses a duplicate email, whatever its case, with 409", async () => {
    const res = await api<ErrorBody>("POST", "/api/users/", {
      token: admin.token,
      body: { email: employee.email.toUpperCase(), full_name: "Dup", password: TEST_PASSWORD },
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ field: "email", message: expect.stringMatching(/exists/) }]);
  });

  it("maps a race on the unique email index to 409, never 500", async () => {
    const email = `race-${Date.now()}@test.example`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api("POST", "/api/users/", {
          token: admin.token,
          body: { email, full_name: "Racer", password: TEST_PASSWORD },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it("names each field left out in DRF's words", async () => {
    const empty = await api<ErrorBody>("POST", "/api/users/", { token: admin.token, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([
      { field: "email", message: "This field is required." },
      { field: "full_name", message: "This field is required." },
    ]);
    const signIn = await api<ErrorBody>("POST", "/api/auth/login/", {
      body: { email: "a@b.example" },
    });
    expect(signIn.body.errors).toEqual([{ field: "password", message: "This field is required." }]);
  });

  it("refuses weak passwords, bad emails, unknown roles and unknown fields with 400 field errors", async () => {
    const res = await api<ErrorBody>("POST", "/api/users/", {
      token: admin.token,
      body: { email: "not-an-email", full_name: "", role: "OWNER", password: "password123" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual([
      "email",
      "full_name",
      "password",
      "role",
    ]);
    const extra = await api<ErrorBody>("POST", "/api/users/", {
      token: admin.token,
      body: { email: "x@test.example", full_name: "X", password: TEST_PASSWORD, is_staff: true },
    });
    expect(extra.status).toBe(400);

    // A name must show something, and nothing that hides or garbles the rest.
    for (const [full_name, message] of [
      ["a\u0000b\u001b[31m", "Full name must not contain control characters."],
      ["\u200b\u200d", "Full name is required."],
      [
        "Ann \u202Enhoj",
        "Full name must not contain text-direction overrides (U+202A–U+202E, U+2066–U+2069).",
      ],
      ["Ann \ud83d", halfCharacterMessage("Full name")],
    ]) {
      const invisible = await api<ErrorBody>("POST", "/api/users/", {
        token: admin.token,
        body: { email: `inv-${Date.now()}@test.example`, full_name, password: TEST_PASSWORD },
      });
      expect(invisible.status).toBe(400);
      expect(invisible.body.errors).toEqual([{ field: "full_name", message }]);
    }
  });

  it("refuses a password that is the person's email or name over again, wherever it is set", async () => {
    const email = `pat.similar.${Date.now()}@test.example`;
    const created = await api<ErrorBody>("POST", "/api/users/", {
      token: admin.token,
      body: { email, full_name: "Pat Similar", password: email },
    });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { field: "password", message: "The password is too similar to the email address." },
    ]);
    expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);

    const target = await makeUser("EMPLOYEE", { fullName: "Quentin Similarname" });
    const reset = await api<ErrorBody>("POST", `/api/users/${target.id}/reset-password/`, {
      token: admin.token,
      body: { password: "Quentin Similarname!" },
    });
    expect(reset.body.errors).toEqual([
      { field: "password", message: "The password is too similar to the name." },
    ]);
    // Judged against the email the same request gives them, and nothing of it is applied.
    const renamed = `quentin.new.${Date.now()}@test.example`;
    const patch = await api<ErrorBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { email: renamed, password: renamed.split("@")[0] },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.errors![0]!.field).toBe("password");
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row!.email).toBe(target.email);
    expect(await verifyPassword(row!.passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("is for admins only, refused before the body is judged", async () => {
    for (const user of [manager, employee]) {
      const res = await api("POST", "/api/users/", {
        token: user.token,
        body: { email: `no-${Date.now()}@test.example`, full_name: "No", password: TEST_PASSWORD },
      });
      expect(res.status).toBe(403);
      const empty = await api<ErrorBody>("POST", "/api/users/", { token: user.token, body: {} });
      expect({ status: empty.status, errors: empty.body.errors }).toEqual({
        status: 403,
        errors: undefined,
      });
    }
  });

  it("answers 415 for a form body and 400 for malformed JSON", async () => {
    const form = await api("POST", "/api/users/", {
      token: admin.token,
      rawBody: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const broken = await api("POST", "/api/users/", {
      token: admin.token,
      rawBody: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
  });
});

describe("PATCH and DELETE /api/users/{id}/", () => {
  it("changes the name with a USER_UPDATED row, keeping sessions", async () => {
    const target = await makeUser("EMPLOYEE");
    const res = await api<UserBody>("PATCH", `/api/users/${target.id}`, {
      token: admin.token,
      body: { full_name: "Renamed Person" },
    });
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe("Renamed Person");
    expect(await activityFor(target.id)).toMatchObject([
      {
        kind: "USER_UPDATED",
        actorId: admin.id,
        field: "full_name",
        fromValue: target.fullName,
        toValue: "Renamed Person",
      },
    ]);
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(200);
  });

  it("moves updated_at on an admin's change, not on a sign-in or a change to nothing", async () => {
    const target = await makeUser("EMPLOYEE");
    const dayAgo = new Date(Date.now() - 86_400_000);
    await db().update(users).set({ updatedAt: dayAgo }).where(eq(users.id, target.id));
    const updatedAt = async () =>
      (await api<UserBody>("GET", `/api/users/${target.id}/`, { token: admin.token })).body
        .updated_at;

    expect((await login(target.email, TEST_PASSWORD)).status).toBe(200);
    const unchanged = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { full_name: target.fullName },
    });
    expect(unchanged.body.updated_at).toBe(dayAgo.toISOString());
    expect(await updatedAt()).toBe(dayAgo.toISOString());

    const before = Date.now() - 1_000;
    const renamed = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { full_name: "Renamed Again" },
    });
    expect(Date.parse(renamed.body.updated_at)).toBeGreaterThanOrEqual(before);
    expect(await updatedAt()).toBe(renamed.body.updated_at);
  });

  it("changes the role with a USER_ROLE_CHANGED row and ends the user's old tokens", async () => {
    const target = await makeUser("EMPLOYEE");
    const res = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { role: "MANAGER" },
    });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("MANAGER");
    expect(await activityFor(target.id)).toMatchObject([
      { kind: "USER_ROLE_CHANGED", field: "role", fromValue: "EMPLOYEE", toValue: "MANAGER" },
    ]);
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(401);
  });

  it("refuses writes from managers and employees", async () => {
    for (const user of [manager, employee]) {
      const patch = await api("PATCH", `/api/users/${employee.id}/`, {
        token: user.token,
        body: { role: "ADMIN" },
      });
      expect(patch.status).toBe(403);
      const invalid = await api("PATCH", `/api/users/${employee.id}/`, {
        token: user.token,
        body: { role: "KING" },
      });
      expect(invalid.status).toBe(403);
      const reset = await api("POST", `/api/users/${employee.id}/reset-password/`, {
        token: user.token,
        body: { password: "x" },
      });
      expect(reset.status).toBe(403);
      expect((await api("DELETE", `/api/users/${manager.id}/`, { token: user.token })).status).toBe(
        403,
      );
    }
    const [row] = await db().select().from(users).where(eq(users.id, employee.id));
    expect(row).toMatchObject({ role: "EMPLOYEE", isActive: true });
  });

  it("never lets an admin change their own role or deactivate themself", async () => {
    const self = await makeUser("ADMIN");
    const demote = await api<ErrorBody>("PATCH", `/api/users/${self.id}/`, {
      token: self.token,
      body: { role: "EMPLOYEE" },
    });
    expect(demote.status).toBe(400);
    expect(demote.body.detail).toMatch(/own role/);
    const deactivate = await api<ErrorBody>("DELETE", `/api/users/${self.id}/`, {
      token: self.token,
    });
    expect(deactivate.status).toBe(400);
    expect(deactivate.body.detail).toMatch(/deactivate your own/);
    const rename = await api<UserBody>("PATCH", `/api/users/${self.id}/`, {
      token: self.token,
      body: { full_name: "Still Admin", role: "ADMIN" },
    });
    expect(rename.status).toBe(200);
    const [row] = await db().select().from(users).where(eq(users.id, self.id));
    expect(row).toMatchObject({ role: "ADMIN", isActive: true, sessionVersion: 1 });
  });

  it("never lets an admin reset their own password: that takes the current one, on Your account", async () => {
    const self = await makeUser("ADMIN");
    const [before] = await db().select().from(users).where(eq(users.id, self.id));
    const attempts = [
      api<ErrorBody>("PATCH", `/api/users/${self.id}/`, {
        token: self.token,
        body: { password: "Taken-over-passphrase-91" },
      }),
      api<ErrorBody>("POST", `/api/users/${self.id}/reset-password/`, {
        token: self.token,
        body: { password: "Taken-over-passphrase-92" },
      }),
      api<ErrorBody>("POST", `/api/users/${self.id}/reset-password/`, { token: self.token }),
    ];
    for (const refused of await Promise.all(attempts)) {
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toMatch(/your own password.*current one/);
      expect(refused.body.errors).toEqual([{ field: "password", message: refused.body.detail }]);
    }
    const [after] = await db().select().from(users).where(eq(users.id, self.id));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    expect(after!.sessionVersion).toBe(before!.sessionVersion);
    expect(await activityFor(self.id)).toEqual([]);
    expect((await api("GET", "/api/users/me/", { token: self.token })).status).toBe(200);
  });

  it("never lets an admin change their own sign-in email, but takes it sent back unchanged", async () => {
    const self = await makeUser("ADMIN");
    const refused = await api<ErrorBody>("PATCH", `/api/users/${self.id}/`, {
      token: self.token,
      body: { email: `taken-over-${self.id}@example.com` },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: "email", message: "You cannot change your own sign-in email; ask another admin." },
    ]);
    const [after] = await db().select().from(users).where(eq(users.id, self.id));
    expect(after!.email).toBe(self.email);
    expect(await activityFor(self.id)).toEqual([]);

    const unchanged = await api<{ email: string; full_name: string }>(
      "PATCH",
      `/api/users/${self.id}/`,
      { token: self.token, body: { email: self.email.toUpperCase(), full_name: "Renamed Self" } },
    );
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toMatchObject({ email: self.email, full_name: "Renamed Self" });
  });

  it("deactivates on DELETE: the token dies, refresh tokens are revoked, tasks and history stay", async () => {
    const target = await makeUser("EMPLOYEE");
    const taskId = await makeTask({ createdBy: manager.id, assignedTo: target.id });
    await db().insert(activity).values({
      kind: "TASK_STATUS_CHANGED",
      actorId: target.id,
      taskId,
      field: "status",
      fromValue: "TODO",
      toValue: "IN_PROGRESS",
    });
    await db()
      .insert(refreshTokens)
      .values({
        userId: target.id,
        familyId: crypto.randomUUID(),
        tokenHash: crypto.randomUUID().replaceAll("-", "").padEnd(64, "0"),
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(200);

    const res = await api("DELETE", `/api/users/${target.id}/`, { token: admin.token });
    expect(res.status).toBe(204);

    const me = await api<ErrorBody>("GET", "/api/users/me/", { token: target.token });
    expect(me.status).toBe(401);
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(row).toMatchObject({ isActive: false, sessionVersion: 2 });
    const tokens = await db()
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, target.id));
    expect(tokens.every((t) => t.revokedAt !== null)).toBe(true);
    const [task] = await db().select().from(tasks).where(eq(tasks.id, taskId));
    expect(task!.assignedTo).toBe(target.id);
    const history = await db().select().from(activity).where(eq(activity.actorId, target.id));
    expect(history).toHaveLength(1);
    expect(await activityFor(target.id)).toMatchObject([
      {
        kind: "USER_DEACTIVATED",
        actorId: admin.id,
        field: "is_active",
        fromValue: "true",
        toValue: "false",
      },
    ]);
    // Deactivating again changes nothing and records nothing.
    expect((await api("DELETE", `/api/users/${target.id}/`, { token: admin.token })).status).toBe(
      204,
    );
    expect(await activityFor(target.id)).toHaveLength(1);
  });

  it("reactivates with a USER_REACTIVATED row; the old token stays dead", async () => {
    const target = await makeUser("EMPLOYEE");
    await api("DELETE", `/api/users/${target.id}/`, { token: admin.token });
    const res = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { is_active: true },
    });
    expect(res.status).toBe(200);
    expect(res.body.is_active).toBe(true);
    expect((await activityFor(target.id)).map((a) => a.kind)).toEqual([
      "USER_DEACTIVATED",
      "USER_REACTIVATED",
    ]);
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(401);
  });

  it("changes the email with a USER_UPDATED row: sign-in takes the new one, sessions stay", async () => {
    const target = await makeUser("EMPLOYEE");
    const newEmail = `Renamed-${target.id}@Test.Example`;
    const res = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { email: newEmail },
    });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe(newEmail.toLowerCase());
    expect(await activityFor(target.id)).toMatchObject([
      {
        kind: "USER_UPDATED",
        field: "email",
        fromValue: target.email,
        toValue: newEmail.toLowerCase(),
      },
    ]);
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(200);
    expect((await login(newEmail, TEST_PASSWORD)).status).toBe(200);
    expect((await login(target.email, TEST_PASSWORD)).status).toBe(401);
  });

  it("refuses another user's email with 409 on the field, and an unknown field with 400", async () => {
    const taken = await api<ErrorBody>("PATCH", `/api/users/${employee.id}/`, {
      token: admin.token,
      body: { email: manager.email.toUpperCase(), full_name: "Not Applied" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([
      { field: "email", message: "A user with this email already exists." },
    ]);
    const unknown = await api<ErrorBody>("PATCH", `/api/users/${employee.id}/`, {
      token: admin.token,
      body: { full_name: "Not Applied", password_hash: "x" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: "password_hash", message: "Unknown field." }]);
    const [row] = await db().select().from(users).where(eq(users.id, employee.id));
    expect(row).toMatchObject({ email: employee.email, fullName: employee.fullName });
  });

  it("takes a user sent back as GET returned it: read-only fields are ignored, as DRF does", async () => {
    const target = await makeUser("EMPLOYEE");
    const { body: shown } = await api<UserBody>("GET", `/api/users/${target.id}/`, {
      token: admin.token,
    });
    const res = await api<UserBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { ...shown, id: 1, created_at: "2000-01-01T00:00:00Z", full_name: "Sent Back" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, full_name: "Sent Back" });
    expect(res.body.created_at).toBe(shown.created_at);
    // Creating a copy: its id, timestamps and active flag are the server's.
    const copy = await api<UserBody>("POST", "/api/users/", {
      token: admin.token,
      body: { ...shown, email: `copy-${target.id}@test.example`, is_active: false },
    });
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(target.id);
    expect(copy.body.is_active).toBe(true);
  });
});

describe("password resets", () => {
  it("sets a given password, ends sessions and records USER_PASSWORD_RESET without the password", async () => {
    const target = await makeUser("MANAGER");
    const res = await api<{ user: UserBody; generated_password?: string }>(
      "POST",
      `/api/users/${target.id}/reset-password/`,
      { token: admin.token, body: { password: "Another-long-passphrase-7" } },
    );
    expect(res.status).toBe(200);
    expect(res.body.generated_password).toBeUndefined();
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(await verifyPassword(row!.passwordHash, "Another-long-passphrase-7")).toBe(true);
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(401);
    const events = await activityFor(target.id);
    expect(events).toMatchObject([
      { kind: "USER_PASSWORD_RESET", field: "password", fromValue: null, toValue: null },
    ]);
  });

  it("generates a password when none is given, also through PATCH with a password", async () => {
    const target = await makeUser("EMPLOYEE");
    const res = await api<{ generated_password: string }>(
      "POST",
      `/api/users/${target.id}/reset-password`,
      { token: admin.token },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [row] = await db().select().from(users).where(eq(users.id, target.id));
    expect(await verifyPassword(row!.passwordHash, res.body.generated_password)).toBe(true);
    // So does a client that sends a JSON content type with nothing in the body.
    const empty = await api<{ generated_password: string }>(
      "POST",
      `/api/users/${target.id}/reset-password/`,
      { token: admin.token, rawBody: "", headers: { "content-type": "application/json" } },
    );
    expect(empty.status).toBe(200);
    expect(empty.body.generated_password).toEqual(expect.any(String));

    const weak = await api<ErrorBody>("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { password: "short" },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors![0]!.field).toBe("password");
    const patch = await api("PATCH", `/api/users/${target.id}/`, {
      token: admin.token,
      body: { password: "Patched-passphrase-42" },
    });
    expect(patch.status).toBe(200);
    const kinds = (await activityFor(target.id)).map((a) => a.kind);
    expect(kinds).toEqual(["USER_PASSWORD_RESET", "USER_PASSWORD_RESET", "USER_PASSWORD_RESET"]);
    const all = await db()
      .select()
      .from(activity)
      .where(and(inArray(activity.subjectUserId, [target.id]), eq(activity.field, "password")));
    for (const event of all) expect([event.fromValue, event.toValue]).toEqual([null, null]);
  });

  it("is for admins only", async () => {
    const res = await api("POST", `/api/users/${employee.id}/reset-password/`, {
      token: manager.token,
    });
    expect(res.status).toBe(403);
  });
});

describe("sign-in lockouts", () => {
  it("shows an admin who is locked out, and lets them unlock them, recorded in the trail", async () => {
    const user = await makeUser("EMPLOYEE");
    for (let i = 0; i < 5; i += 1) await login(user.email, "not-their-password");
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(429);

    const seen = await api<UserBody>("GET", `/api/users/${user.id}/`, { token: admin.token });
    expect(Date.parse(seen.body.locked_until!)).toBeGreaterThan(Date.now());

    for (const caller of [manager, user]) {
      const refused = await api("POST", `/api/users/${user.id}/unlock/`, { token: caller.token });
      expect(refused.status).toBe(403);
    }
    const unlocked = await api<UserBody>("POST", `/api/users/${user.id}/unlock/`, {
      token: admin.token,
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ id: user.id, locked_until: null });
    // Once more, with nothing left to lift: the same answer, and no second entry in the trail.
    const again = await api<UserBody>("POST", `/api/users/${user.id}/unlock/`, {
      token: admin.token,
    });
    expect(again.status).toBe(200);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
    const events = await db()
      .select()
      .from(activity)
      .where(and(eq(activity.subjectUserId, user.id), eq(activity.kind, "USER_UNLOCKED")));
    expect(events).toEqual([expect.objectContaining({ actorId: admin.id })]);
    const missing = await api("POST", "/api/users/2000000000/unlock/", { token: admin.token });
    expect(missing.status).toBe(404);
  });

  it("unlock and sign-out take no body: a form, another type or a field is refused, and nothing is done", async () => {
    const user = await makeUser("EMPLOYEE");
    for (let i = 0; i < 5; i += 1) await login(user.email, "not-their-password");
    const refusals = [
      { rawBody: new URLSearchParams({ a: "1" }), status: 415 },
      { rawBody: "hello", headers: { "content-type": "text/plain" }, status: 415 },
      { body: { reason: "lost laptop" }, status: 400 },
    ];
    for (const action of ["unlock", "sign-out"]) {
      for (const { status, ...sent } of refusals) {
        const refused = await api<{ errors?: { field: string }[] }>(
          "POST",
          `/api/users/${user.id}/${action}/`,
          { token: admin.token, ...sent },
        );
        expect(refused.status, `${action} ${status}`).toBe(status);
        if (status === 400)
          expect(refused.body.errors).toEqual([expect.objectContaining({ field: "reason" })]);
      }
    }
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(429);
    const trail = await db().select().from(activity).where(eq(activity.subjectUserId, user.id));
    expect(trail.filter((e) => e.kind === "USER_UNLOCKED" || e.kind === "USER_SIGNED_OUT")).toEqual(
      [],
    );

    // The role is judged first: a manager's form is refused for who sends it, not for its type.
    const notAdmin = await api("POST", `/api/users/${user.id}/unlock/`, {
      token: manager.token,
      rawBody: new URLSearchParams({ a: "1" }),
    });
    expect(notAdmin.status).toBe(403);

    // A body declared empty is none, whatever its type; an empty JSON object is no input either.
    const empty = await api("POST", `/api/users/${user.id}/sign-out/`, {
      token: admin.token,
      headers: { "content-type": "text/plain", "content-length": "0" },
    });
    expect(empty.status).toBe(200);
    const unlocked = await api("POST", `/api/users/${user.id}/unlock/`, {
      token: admin.token,
      body: {},
    });
    expect(unlocked.status).toBe(200);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("finds who is locked out now for an admin, not a lockout that has run out; never for a manager", async () => {
    const tag = `lockfilter${Date.now().toString(36)}`;
    const [locked, expired] = await Promise.all(
      ["Locked", "Expired", "Free"].map((name) =>
        makeUser("EMPLOYEE", { fullName: `${name} ${tag}` }),
      ),
    );
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(users.id, locked!.id));
    await db()
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 60_000) })
      .where(eq(users.id, expired!.id));

    const names = async (filter: string) => {
      const res = await api<Page<UserBody>>("GET", `/api/users/?search=${tag}&${filter}`, {
        token: admin.token,
      });
      expect(res.status).toBe(200);
      return res.body.results.map((user) => user.full_name).sort();
    };
    expect(await names("locked=true")).toEqual([`Locked ${tag}`]);
    expect(await names("locked=false")).toEqual([`Expired ${tag}`, `Free ${tag}`]);
    expect(await names("locked=")).toHaveLength(3);

    const refused = await api<ErrorBody>("GET", `/api/users/?search=${tag}&locked=true`, {
      token: manager.token,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: "locked", message: "Only admins may filter by sign-in lockout." },
    ]);
  });
});

describe("signing a user out everywhere", () => {
  it("ends every token and session of theirs for an admin, keeps the password, and records it", async () => {
    const target = await makeUser("EMPLOYEE");
    const signedIn = await login(target.email, TEST_PASSWORD);
    expect(signedIn.status).toBe(200);

    for (const caller of [manager, employee, target]) {
      const refused = await api("POST", `/api/users/${target.id}/sign-out/`, {
        token: caller.token,
      });
      expect(refused.status).toBe(403);
    }
    expect((await api("GET", "/api/users/me/", { token: target.token })).status).toBe(200);

    const res = await api<UserBody>("POST", `/api/users/${target.id}/sign-out/`, {
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, is_active: true });

    for (const token of [target.token, signedIn.body.access]) {
      expect((await api("GET", "/api/users/me/", { token })).status).toBe(401);
    }
    expect((await refresh(signedIn.body.refresh)).status).toBe(401);
    expect(await activityFor(target.id)).toMatchObject([
      { kind: "USER_SIGNED_OUT", actorId: admin.id, field: "sessions" },
    ]);
    const again = await login(target.email, TEST_PASSWORD);
    expect(again.status).toBe(200);
    expect((await api("GET", "/api/users/me/", { token: again.body.access })).status).toBe(200);

    const missing = await api("POST", "/api/users/2000000000/sign-out/", { token: admin.token });
    expect(missing.status).toBe(404);
    const read = await api("GET", `/api/users/${target.id}/sign-out/`, { token: admin.token });
    expect(read.status).toBe(405);
  });
});
