-- Custom migration: task_counts counted again from tasks. Migrations 0003 and 0004 replaced the
-- count triggers without a lock, so a database upgraded through them while the previous version
-- kept writing could have lost or doubled a few counts, and the lists' exact counts with them.
-- The table locks keep writers out while the counts are rebuilt.
LOCK TABLES `tasks` WRITE, `task_counts` WRITE;
--> statement-breakpoint
DELETE FROM `task_counts`;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'all', `id` % 8, COUNT(*) FROM `tasks` GROUP BY `id` % 8;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'creator', `created_by`, COUNT(*) FROM `tasks` GROUP BY `created_by`;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'assignee', `assigned_to`, COUNT(*) FROM `tasks`
  WHERE `assigned_to` IS NOT NULL GROUP BY `assigned_to`;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'both', `created_by`, COUNT(*) FROM `tasks`
  WHERE `assigned_to` = `created_by` GROUP BY `created_by`;
--> statement-breakpoint
UNLOCK TABLES;
