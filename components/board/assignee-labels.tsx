"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { distinctShortNames, shortName } from "@/components/tasks/labels";
import type { UserRef } from "@/lib/validation/tasks";
import type { BoardTask } from "./board-types";

const AssigneeLabels = createContext<ReadonlyMap<number, string>>(new Map());

/** The cards' short assignee names, made distinct across the whole board. */
export function AssigneeLabelsProvider({
  tasks,
  children,
}: {
  tasks: readonly BoardTask[];
  children: ReactNode;
}) {
  const people = tasks.flatMap((task) => (task.assignee ? [task.assignee] : []));
  // Recomputed when someone joins or leaves the board, not on every move of a card.
  const signature = JSON.stringify(distinctPeople(people));
  const labels = useMemo(() => distinctShortNames(JSON.parse(signature) as UserRef[]), [signature]);
  return <AssigneeLabels.Provider value={labels}>{children}</AssigneeLabels.Provider>;
}

function distinctPeople(people: readonly UserRef[]): UserRef[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function useAssigneeLabel(assignee: UserRef): string {
  return (
    useContext(AssigneeLabels).get(assignee.id) ?? shortName(assignee.full_name, assignee.email)
  );
}
