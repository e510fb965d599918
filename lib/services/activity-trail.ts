import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/mysql-core";
import { db } from "@/db/client";
import { activity, tasks, users } from "@/db/schema";
import type { ActivityKind } from "@/lib/domain/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { forbidden } from "@/lib/http/errors";
import type { ActivityTrailQuery } from "@/lib/validation/activity-trail";
import { addDays, startOfDay } from "@/lib/dates/time-zone";
import { companyTimeZone } from "./company-time";

type Person = { id: number; full_name: string; email: string } | null;

export type TrailEntry = {
  id: number;
  kind: ActivityKind;
  created_at: string;
  actor: Person;
  subject: Person;
  task_id: number | null;
  /** Null once the task has been deleted: its history outlives it. */
  task_title: string | null;
  field: string | null;
  from_value: string | null;
  to_value: string | null;
};

export type TrailPage = { count: number; page: number; page_size: number; results: TrailEntry[] };

const actorUser = alias(users, "actor_user");
const subjectUser = alias(users, "subject_user");

function conditions(query: ActivityTrailQuery): SQL | undefined {
  return and(
    query.actor === undefined ? undefined : eq(activity.actorId, query.actor),
    query.task === undefined ? undefined : eq(activity.taskId, query.task),
    query.subject === undefined ? undefined : eq(activity.subjectUserId, query.subject),
    query.kind === undefined ? undefined : eq(activity.kind, query.kind),
    // Days on the company's calendar: "to" includes the whole of its day.
    query.from === undefined
      ? undefined
      : gte(activity.createdAt, startOfDay(query.from, companyTimeZone())),
    query.to === undefined
      ? undefined
      : lt(activity.createdAt, startOfDay(addDays(query.to, 1), companyTimeZone())),
  );
}

function person(id: number | null, fullName: string | null, email: string | null): Person {
  return id === null ? null : { id, full_name: fullName ?? "", email: email ?? "" };
}

/** Every task and user-administration event, newest first, for admins. */
export async function listActivityTrail(
  actor: Actor,
  query: ActivityTrailQuery,
): Promise<TrailPage> {
  if (!can(actor, "activity.readAll")) throw forbidden();
  const where = conditions(query);
  const [rows, [total]] = await Promise.all([
    db()
      .select({
        id: activity.id,
        kind: activity.kind,
        createdAt: activity.createdAt,
        actorId: activity.actorId,
        actorName: actorUser.fullName,
        actorEmail: actorUser.email,
        subjectId: activity.subjectUserId,
        subjectName: subjectUser.fullName,
        subjectEmail: subjectUser.email,
        taskId: activity.taskId,
        taskTitle: tasks.title,
        field: activity.field,
        fromValue: activity.fromValue,
        toValue: activity.toValue,
      })
      .from(activity)
      .leftJoin(actorUser, eq(actorUser.id, activity.actorId))
      .leftJoin(subjectUser, eq(subjectUser.id, activity.subjectUserId))
      .leftJoin(tasks, eq(tasks.id, activity.taskId))
      .where(where)
      .orderBy(desc(activity.id))
      .limit(query.page_size)
      .offset((query.page - 1) * query.page_size),
    db().select({ value: count() }).from(activity).where(where),
  ]);
  return {
    count: total?.value ?? 0,
    page: query.page,
    page_size: query.page_size,
    results: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      created_at: r.createdAt.toISOString(),
      actor: person(r.actorId, r.actorName, r.actorEmail),
      subject: person(r.subjectId, r.subjectName, r.subjectEmail),
      task_id: r.taskId,
      task_title: r.taskTitle,
      field: r.field,
      from_value: r.fromValue,
      to_value: r.toValue,
    })),
  };
}

/** Every user, for the choices of the actor filter: names repeat, so each comes with its e-mail. */
export async function listTrailActors(
  actor: Actor,
): Promise<{ id: number; full_name: string; email: string }[]> {
  if (!can(actor, "activity.readAll")) throw forbidden();
  return db()
    .select({ id: users.id, full_name: users.fullName, email: users.email })
    .from(users)
    .orderBy(users.fullName, users.id);
}
