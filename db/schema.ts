import {
  bigint,
  boolean,
  char,
  date,
  datetime,
  index,
  int,
  longtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  varchar,
} from "drizzle-orm/mysql-core";
import { sql } from "drizzle-orm";
import { UNDATED_DUE_SORT } from "../lib/domain/due-sort";
import { ACTIVITY_KINDS, ROLES, TASK_PRIORITIES, TASK_STATUSES } from "../lib/domain/enums";
import { EMAIL_MAX, FULL_NAME_MAX } from "../lib/validation/user-limits";

const createdAt = () =>
  datetime("created_at", { mode: "date", fsp: 3 })
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`);
const updatedAt = () =>
  datetime("updated_at", { mode: "date", fsp: 3 })
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`);

export const users = mysqlTable(
  "users",
  {
    id: int("id").autoincrement().primaryKey(),
    /** Stored lower-cased; the unique index makes addresses unique whatever their case. */
    email: varchar("email", { length: EMAIL_MAX }).notNull(),
    fullName: varchar("full_name", { length: FULL_NAME_MAX }).notNull(),
    passwordHash: varchar("password_hash", { length: 255 }).notNull(),
    role: mysqlEnum("role", ROLES).notNull().default("EMPLOYEE"),
    isActive: boolean("is_active").notNull().default(true),
    /** Bumped on deactivation, role or password change: every older token and session dies. */
    sessionVersion: int("session_version").notNull().default(1),
    failedLoginCount: smallint("failed_login_count").notNull().default(0),
    lockoutCount: smallint("lockout_count").notNull().default(0),
    lockedUntil: datetime("locked_until", { mode: "date", fsp: 3 }),
    lastLoginAt: datetime("last_login_at", { mode: "date", fsp: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_role_active_idx").on(t.role, t.isActive, t.fullName),
    index("users_active_name_idx").on(t.isActive, t.fullName),
  ],
);

/** One row per CSV upload, so that every imported task can point back to its file. */
export const taskImports = mysqlTable(
  "task_imports",
  {
    id: int("id").autoincrement().primaryKey(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id),
    fileName: varchar("file_name", { length: 255 }).notNull(),
    rowCount: int("row_count").notNull(),
    checksum: char("checksum", { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("task_imports_user_idx").on(t.userId, t.createdAt)],
);

export const tasks = mysqlTable(
  "tasks",
  {
    id: int("id").autoincrement().primaryKey(),
    title: varchar("title", { length: 200 }).notNull(),
    description: text("description").notNull(),
    status: mysqlEnum("status", TASK_STATUSES).notNull().default("TODO"),
    priority: mysqlEnum("priority", TASK_PRIORITIES).notNull().default("MEDIUM"),
    dueDate: date("due_date", { mode: "string" }),
    // The due date as lists sort it, so that an index holds that order: undated tasks come after
    // every dated one, as if due at the end of time (ascending "what is due next" stays useful).
    dueSort: date("due_sort", { mode: "string" }).generatedAlwaysAs(
      sql.raw(`coalesce(\`due_date\`, '${UNDATED_DUE_SORT}')`),
      { mode: "stored" },
    ),
    assignedTo: int("assigned_to").references(() => users.id),
    createdBy: int("created_by")
      .notNull()
      .references(() => users.id),
    importId: int("import_id").references(() => taskImports.id),
    version: int("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Each role's list is served by an index that already has the rows in order (no filesort).
    index("tasks_created_idx").on(t.createdAt, t.id),
    index("tasks_assignee_created_idx").on(t.assignedTo, t.createdAt, t.id),
    index("tasks_creator_created_idx").on(t.createdBy, t.createdAt, t.id),
    index("tasks_status_created_idx").on(t.status, t.createdAt, t.id),
    index("tasks_due_idx").on(t.dueSort, t.id),
    // Every other ordering of GET /api/tasks/, for each scope (all, assignee, creator).
    index("tasks_updated_idx").on(t.updatedAt, t.id),
    index("tasks_priority_idx").on(t.priority, t.id),
    index("tasks_status_idx").on(t.status, t.id),
    index("tasks_title_idx").on(t.title, t.id),
    index("tasks_assignee_updated_idx").on(t.assignedTo, t.updatedAt, t.id),
    index("tasks_assignee_due_idx").on(t.assignedTo, t.dueSort, t.id),
    index("tasks_assignee_priority_idx").on(t.assignedTo, t.priority, t.id),
    index("tasks_assignee_status_idx").on(t.assignedTo, t.status, t.id),
    index("tasks_assignee_title_idx").on(t.assignedTo, t.title, t.id),
    index("tasks_creator_updated_idx").on(t.createdBy, t.updatedAt, t.id),
    index("tasks_creator_due_idx").on(t.createdBy, t.dueSort, t.id),
    index("tasks_creator_priority_idx").on(t.createdBy, t.priority, t.id),
    index("tasks_creator_status_idx").on(t.createdBy, t.status, t.id),
    index("tasks_creator_title_idx").on(t.createdBy, t.title, t.id),
    index("tasks_import_idx").on(t.importId),
  ],
);

export const TASK_COUNT_SCOPES = ["all", "assignee", "creator", "both"] as const;
export type TaskCountScope = (typeof TASK_COUNT_SCOPES)[number];

/**
 * Exact task counts per list scope, kept by triggers on tasks (drizzle/0003_task_counts_triggers.sql)
 * in the same transaction as every insert, delete and reassignment (bulk inserts add one summed
 * row per counter instead: drizzle/0004, lib/services/bulk-transaction.ts): an unfiltered list's count
 * reads a few rows instead of scanning 100,000. "all" is spread over 8 slots (id % 8) so
 * concurrent inserts do not queue on one row; "both" = created by and assigned to the same user.
 */
export const taskCounts = mysqlTable(
  "task_counts",
  {
    scope: mysqlEnum("scope", TASK_COUNT_SCOPES).notNull(),
    userId: int("user_id").notNull(),
    n: int("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.userId] })],
);

/**
 * How many writes the tasks table has seen, kept by the same triggers in the same transaction
 * (bulk inserts add theirs per batch). Its sum changes with every committed insert, update and
 * delete, so a position remembered in a list under one sum still holds while the sum is the same
 * (lib/services/task-list-anchors.ts). Spread over 64 slots by connection, plus one for bulk
 * inserts (drizzle/0006), so concurrent writers seldom queue on one row.
 */
export const taskChanges = mysqlTable("task_changes", {
  slot: smallint("slot").notNull().primaryKey(),
  n: bigint("n", { mode: "number" }).notNull().default(0),
});

/** The audit trail: every task event and every user-administration event. */
export const activity = mysqlTable(
  "activity",
  {
    id: bigint("id", { mode: "number" }).autoincrement().primaryKey(),
    kind: mysqlEnum("kind", ACTIVITY_KINDS).notNull(),
    /** Null for the system (command-line tools, seed). */
    actorId: int("actor_id").references(() => users.id),
    /** Not a foreign key: the history of a deleted task outlives it. */
    taskId: int("task_id"),
    subjectUserId: int("subject_user_id").references(() => users.id),
    importId: int("import_id").references(() => taskImports.id),
    field: varchar("field", { length: 50 }),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_task_idx").on(t.taskId, t.id),
    index("activity_actor_idx").on(t.actorId, t.id),
    index("activity_subject_idx").on(t.subjectUserId, t.id),
    index("activity_kind_idx").on(t.kind, t.id),
    index("activity_created_idx").on(t.createdAt),
  ],
);

export const refreshTokens = mysqlTable(
  "refresh_tokens",
  {
    id: bigint("id", { mode: "number" }).autoincrement().primaryKey(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id),
    /** Every rotation of one sign-in shares a family; reuse of a rotated token revokes it whole. */
    familyId: char("family_id", { length: 36 }).notNull(),
    tokenHash: char("token_hash", { length: 64 }).notNull(),
    expiresAt: datetime("expires_at", { mode: "date", fsp: 3 }).notNull(),
    rotatedAt: datetime("rotated_at", { mode: "date", fsp: 3 }),
    revokedAt: datetime("revoked_at", { mode: "date", fsp: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("refresh_tokens_hash_uq").on(t.tokenHash),
    index("refresh_tokens_family_idx").on(t.familyId),
    // By user and expiry: pruning a user's expired tokens reads that range alone, never the table.
    index("refresh_tokens_user_expiry_idx").on(t.userId, t.expiresAt),
  ],
);

export const idempotencyKeys = mysqlTable(
  "idempotency_keys",
  {
    id: bigint("id", { mode: "number" }).autoincrement().primaryKey(),
    userId: int("user_id")
      .notNull()
      .references(() => users.id),
    // ascii_bin (drizzle/0007): keys are case-sensitive, compared byte for byte.
    idempotencyKey: varchar("idempotency_key", { length: 255 }).notNull(),
    endpoint: varchar("endpoint", { length: 100 }).notNull(),
    requestHash: char("request_hash", { length: 64 }).notNull(),
    statusCode: smallint("status_code").notNull(),
    responseBody: longtext("response_body").notNull(),
    expiresAt: datetime("expires_at", { mode: "date", fsp: 3 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("idempotency_user_key_uq").on(t.userId, t.endpoint, t.idempotencyKey),
    index("idempotency_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Sign-in failures for emails that match no account, counted and locked as users' own are, in
 * the database every process shares: a lockout then says nothing about whether an account exists.
 * Keyed by a SHA-256 of the address, so that typed addresses are not kept.
 */
export const unknownSignIns = mysqlTable(
  "unknown_sign_ins",
  {
    emailHash: char("email_hash", { length: 64 }).primaryKey(),
    failedLoginCount: smallint("failed_login_count").notNull().default(0),
    lockoutCount: smallint("lockout_count").notNull().default(0),
    lockedUntil: datetime("locked_until", { mode: "date", fsp: 3 }),
    updatedAt: updatedAt(),
  },
  (t) => [index("unknown_sign_ins_updated_idx").on(t.updatedAt)],
);

/** A task as stored, without `due_sort` (derived from `due_date` for sorting). */
export type TaskRow = Omit<typeof tasks.$inferSelect, "dueSort">;
