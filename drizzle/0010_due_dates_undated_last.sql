-- Lists sort by due date through `due_sort`, where an undated task comes after every dated one;
-- the three due-date indexes move to it. One ALTER, so a large table is rebuilt once.
ALTER TABLE `tasks`
  ADD `due_sort` date GENERATED ALWAYS AS (coalesce(`due_date`, '9999-12-31')) STORED,
  DROP INDEX `tasks_due_idx`,
  DROP INDEX `tasks_assignee_due_idx`,
  DROP INDEX `tasks_creator_due_idx`,
  ADD INDEX `tasks_due_idx` (`due_sort`, `id`),
  ADD INDEX `tasks_assignee_due_idx` (`assigned_to`, `due_sort`, `id`),
  ADD INDEX `tasks_creator_due_idx` (`created_by`, `due_sort`, `id`);
