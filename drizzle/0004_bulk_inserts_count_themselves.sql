-- Custom migration: bulk inserts (lib/services/bulk-transaction.ts) add one aggregated row per
-- counter for each batch instead of four upserts per task, and say so with @etums_bulk_counts on
-- their own connection. Every other writer is still counted row by row.
DROP TRIGGER IF EXISTS `tasks_counts_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_insert` AFTER INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF @etums_bulk_counts IS NULL THEN
    INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
      VALUES ('all', NEW.`id` % 8, 1), ('creator', NEW.`created_by`, 1)
      ON DUPLICATE KEY UPDATE `n` = `n` + 1;
    IF NEW.`assigned_to` IS NOT NULL THEN
      INSERT INTO `task_counts` (`scope`, `user_id`, `n`) VALUES ('assignee', NEW.`assigned_to`, 1)
        ON DUPLICATE KEY UPDATE `n` = `n` + 1;
      IF NEW.`assigned_to` = NEW.`created_by` THEN
        INSERT INTO `task_counts` (`scope`, `user_id`, `n`) VALUES ('both', NEW.`created_by`, 1)
          ON DUPLICATE KEY UPDATE `n` = `n` + 1;
      END IF;
    END IF;
  END IF;
END;
