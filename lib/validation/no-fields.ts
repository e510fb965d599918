import { z } from "zod";

/** The body of an action that takes no input: none, or an empty JSON object. */
export const noFieldsSchema = z.strictObject({});
