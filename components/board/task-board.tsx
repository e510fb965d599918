"use client";

import { callAction } from "@/lib/client/call-action";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { TASK_STATUSES, type TaskStatus } from "@/lib/domain/enums";
import {
  STATUS_LABELS,
  TASK_GONE,
  taskChangedMeanwhile,
  toastTitle,
} from "@/components/tasks/labels";
import { MOUSE_ACTIVATION, TOUCH_ACTIVATION } from "./pointer-activation";
import { changeTaskStatusAction } from "@/lib/actions/task-status";
import { BOARD_COUNT_ID, takeFocusAfterLoad } from "@/lib/client/focus-after-load";
import { AssigneeLabelsProvider } from "./assignee-labels";
import { BoardColumn } from "./board-column";
import { CardFace } from "./board-card";
import type { BoardTask, NewTaskDefaults } from "./board-types";
import { columnKeyboardCoordinates } from "./column-keyboard";

const cardSelector = (id: number) => `[data-task-id="${id}"]`;
/** How long after a refused move its card may take focus back (the refresh's answer included). */
const REFOCUS_WINDOW_MS = 5000;
const columnName = (id: unknown) => STATUS_LABELS[id as TaskStatus] ?? String(id);
const titleOf = (data: unknown) => (data as { title?: string } | undefined)?.title ?? "Task";

const announcements: Announcements = {
  onDragStart: ({ active }) =>
    `Picked up “${titleOf(active.data.current)}”. Use the arrow keys to choose a column, space to drop, escape to cancel.`,
  onDragOver: ({ active, over }) =>
    over
      ? `“${titleOf(active.data.current)}” is over ${columnName(over.id)}.`
      : `“${titleOf(active.data.current)}” is not over a column.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `“${titleOf(active.data.current)}” was dropped in ${columnName(over.id)}.`
      : `“${titleOf(active.data.current)}” was dropped back where it was.`,
  onDragCancel: ({ active }) => `Moving “${titleOf(active.data.current)}” was cancelled.`,
};

const screenReaderInstructions = {
  draggable:
    "To move a task to another column, press space or enter, use the arrow keys, then press space or enter again. Press escape to cancel.",
};

/** The kanban board: dropping a card in a column changes its status through the tasks service. */
export function TaskBoard({
  tasks,
  hidden,
  newTaskDefaults,
}: {
  tasks: BoardTask[];
  /** Per column, the matching tasks not drawn (beyond its ceiling). */
  hidden: Record<TaskStatus, number>;
  newTaskDefaults?: NewTaskDefaults;
}) {
  const router = useRouter();
  const [items, setItems] = useState(tasks);
  const [source, setSource] = useState(tasks);
  const [activeId, setActiveId] = useState<number | null>(null);
  // A card moved again before its last move was saved: the second save waits for the first and
  // sends the version that one produced, instead of meeting it as "someone else's" change.
  const savesInFlight = useRef(new Map<number, Promise<void>>());
  const savedVersions = useRef(new Map<number, number>());
  // Fresh server data (after a refresh or a filter change) replaces the local copy.
  if (source !== tasks) {
    setSource(tasks);
    setItems(tasks);
  }
  const countLine = useRef<HTMLParagraphElement>(null);
  // After the filters' Apply (a page load), focus lands on what they found, not the top.
  useEffect(() => {
    if (takeFocusAfterLoad() === BOARD_COUNT_ID) countLine.current?.focus();
  }, [tasks]);
  // A card sent back to its column after a refused move is mounted anew there, and the refresh
  // that follows may reorder the column (a moved node loses focus): while nothing else has taken
  // focus, its Move button gets it back.
  const refocus = useRef<{ id: number; until: number } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    if (performance.now() > wanted.until) {
      refocus.current = null;
      return;
    }
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    document.querySelector<HTMLElement>(`${cardSelector(wanted.id)} button`)?.focus();
  }, [items]);
  const total = items.length + TASK_STATUSES.reduce((sum, status) => sum + hidden[status], 0);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: MOUSE_ACTIVATION }),
    useSensor(TouchSensor, { activationConstraint: TOUCH_ACTIVATION }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const columns = useMemo(() => {
    const grouped: Record<TaskStatus, BoardTask[]> = { TODO: [], IN_PROGRESS: [], DONE: [] };
    for (const task of items) grouped[task.status].push(task);
    return grouped;
  }, [items]);

  const activeTask = useMemo(
    () => (activeId === null ? null : (items.find((task) => task.id === activeId) ?? null)),
    [activeId, items],
  );

  // Tasks added here, until the server's next list says whether the board's filters keep them.
  const added = useRef(new Map<number, string>());
  const addTask = useCallback((task: BoardTask) => {
    added.current.set(task.id, task.title);
    setItems((current) => [task, ...current]);
  }, []);
  // A filter the new task cannot be given (a search, another creator) leaves it out of the
  // refreshed board: say so, with the way to it, rather than let it vanish after "added".
  useEffect(() => {
    for (const [id, title] of added.current) {
      if (tasks.some((task) => task.id === id)) continue;
      toast.info(`“${toastTitle(title)}” is not shown: the board's filters leave it out.`, {
        action: { label: "Open it", onClick: () => router.push(`/tasks/${id}`) },
      });
    }
    added.current.clear();
  }, [tasks, router]);

  const replaceTask = (id: number, change: Partial<BoardTask>) =>
    setItems((current) => current.map((task) => (task.id === id ? { ...task, ...change } : task)));

  function onDragStart(event: DragStartEvent) {
    setActiveId(Number(event.active.id));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setActiveId(null);
    const task = items.find((item) => item.id === Number(active.id));
    const target = over?.id as TaskStatus | undefined;
    if (!task || !target || target === task.status) return;
    const previous = task.status;
    replaceTask(task.id, { status: target });
    const save = async () => {
      const version = Math.max(task.version, savedVersions.current.get(task.id) ?? 0);
      const result = await callAction(() => changeTaskStatusAction(task.id, target, version));
      if (result.ok) {
        savedVersions.current.set(task.id, result.data.version);
        replaceTask(task.id, { status: result.data.status, version: result.data.version });
        toast.success(`“${toastTitle(task.title)}” moved to ${STATUS_LABELS[target]}.`);
        return;
      }
      const focused = document.activeElement;
      if (!focused || focused === document.body || focused.closest(cardSelector(task.id))) {
        refocus.current = { id: task.id, until: performance.now() + REFOCUS_WINDOW_MS };
      }
      replaceTask(task.id, { status: previous });
      if (result.status === 412) {
        toast.error(taskChangedMeanwhile(task.title, "the board"));
        router.refresh();
      } else if (result.status === 404) {
        // Deleted or given away meanwhile: the refresh takes its card off the board.
        toast.error(TASK_GONE);
        router.refresh();
      } else {
        toast.error(result.message);
      }
    };
    const saved = (savesInFlight.current.get(task.id) ?? Promise.resolve()).then(save);
    savesInFlight.current.set(task.id, saved);
    void saved.finally(() => {
      if (savesInFlight.current.get(task.id) === saved) savesInFlight.current.delete(task.id);
    });
  }

  return (
    <AssigneeLabelsProvider tasks={items}>
      <DndContext
        sensors={sensors}
        collisionDetection={rectIntersection}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <p
          id={BOARD_COUNT_ID}
          ref={countLine}
          tabIndex={-1}
          role="status"
          className="mb-3 text-sm text-slate-700"
        >
          {total.toLocaleString("en-US")} {total === 1 ? "task" : "tasks"} on the board
        </p>
        <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-3">
          {TASK_STATUSES.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              tasks={columns[status]}
              hidden={hidden[status]}
              onCreated={addTask}
              newTaskDefaults={newTaskDefaults}
            />
          ))}
        </div>
        <DragOverlay>
          {activeTask ? (
            <div className="rounded-md border border-brand-500 bg-white p-3 shadow-lg">
              <CardFace task={activeTask} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </AssigneeLabelsProvider>
  );
}
