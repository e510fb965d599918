const idParameter = (description: string) => ({
  name: "id",
  in: "path",
  required: true,
  description,
  schema: { type: "integer", minimum: 1 },
  example: 1,
});

/** Path parameters shared by routes, referenced as `$ref: '#/components/parameters/<Name>'`. */
export const PATH_PARAMETERS = {
  TaskId: idParameter("The task's id."),
  UserId: idParameter("The user's id."),
};
