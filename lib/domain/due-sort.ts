/** Where an undated task sorts among due dates: after all of them (the `due_sort` column). */
export const UNDATED_DUE_SORT = "9999-12-31";
