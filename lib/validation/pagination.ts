import { z } from "zod";
import { taskSchema } from "./tasks";
import { publicUserSchema, userSchema } from "./users";

const pageLink = (which: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `Absolute URL of the ${which} page, or null.` });

/** DRF's page-number pagination envelope around `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().meta({ description: "Matching items on every page." }),
    next: pageLink("next"),
    previous: pageLink("previous"),
    results: z.array(item),
  });
}

/** GET /api/tasks/: also keyset-paginated with `cursor`, whose next value is `next_cursor`. */
export const taskPageSchema = pageOf(taskSchema)
  .extend({
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page in keyset mode; null at the end." }),
  })
  .meta({ id: "TaskPage" });

/** GET /api/users/: admins get every field, managers the public fields of assignable users. */
export const userPageSchema = pageOf(z.union([userSchema, publicUserSchema])).meta({
  id: "UserPage",
});
