import type { KeyboardCoordinateGetter } from "@dnd-kit/core";
import { TASK_STATUSES, type TaskStatus } from "@/lib/domain/enums";

const FORWARD = new Set(["ArrowRight", "ArrowDown"]);
const BACKWARD = new Set(["ArrowLeft", "ArrowUp"]);

/**
 * Arrow keys jump a picked-up card straight to the next or previous column (side by side on wide
 * screens, stacked on narrow ones), instead of nudging it a few pixels at a time.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context: { active, collisionRect, droppableRects, over } },
) => {
  const forward = FORWARD.has(event.code);
  if (!forward && !BACKWARD.has(event.code)) return undefined;
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const from = (over?.id ?? active.data.current?.status) as TaskStatus | undefined;
  const index = from ? TASK_STATUSES.indexOf(from) : -1;
  const target = TASK_STATUSES[index + (forward ? 1 : -1)];
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect) return undefined;
  return { x: rect.left + 8, y: rect.top + 48 };
};
