-- Custom migration: the task triggers also count every write in task_changes, in the same
-- transaction, so its sum moves with every committed change to tasks. A trigger's slot is its
-- connection's (CONNECTION_ID() % 64): a transaction holds one slot however many rows it writes,
-- taken after its tasks rows and before any task_counts row, as every writer does. Bulk inserts
-- (@etums_bulk_counts) count in slot 64 instead (lib/services/bulk-transaction.ts), so a long
-- import never holds a slot that a single-task write waits for. Slot 64 starts at a random
-- number: a database created again does not repeat the generations of the one before.
-- The table locks keep writers out while the triggers are replaced, so none goes uncounted.
LOCK TABLES `tasks` WRITE, `task_counts` WRITE, `task_changes` WRITE;
--> statement-breakpoint
INSERT INTO `task_changes` (`slot`, `n`) VALUES (64, FLOOR(RAND() * 1000000000000));
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tasks_counts_after_insert`;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_insert` AFTER INSERT ON `tasks` FOR EACH ROW
BEGIN
  IF @etums_bulk_counts IS NULL THEN
    INSERT INTO `task_changes` (`slot`, `n`) VALUES (CONNECTION_ID() % 64, 1)
      ON DUPLICATE KEY UPDATE `n` = `n` + 1;
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
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tasks_counts_after_delete`;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_delete` AFTER DELETE ON `tasks` FOR EACH ROW
BEGIN
  INSERT INTO `task_changes` (`slot`, `n`) VALUES (CONNECTION_ID() % 64, 1)
    ON DUPLICATE KEY UPDATE `n` = `n` + 1;
  UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'all' AND `user_id` = OLD.`id` % 8;
  UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'creator' AND `user_id` = OLD.`created_by`;
  IF OLD.`assigned_to` IS NOT NULL THEN
    UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'assignee' AND `user_id` = OLD.`assigned_to`;
    IF OLD.`assigned_to` = OLD.`created_by` THEN
      UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'both' AND `user_id` = OLD.`created_by`;
    END IF;
  END IF;
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `tasks_counts_after_update`;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_update` AFTER UPDATE ON `tasks` FOR EACH ROW
BEGIN
  INSERT INTO `task_changes` (`slot`, `n`) VALUES (CONNECTION_ID() % 64, 1)
    ON DUPLICATE KEY UPDATE `n` = `n` + 1;
  IF NOT (OLD.`assigned_to` <=> NEW.`assigned_to`) OR OLD.`created_by` <> NEW.`created_by` THEN
    IF OLD.`created_by` <> NEW.`created_by` THEN
      UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'creator' AND `user_id` = OLD.`created_by`;
      INSERT INTO `task_counts` (`scope`, `user_id`, `n`) VALUES ('creator', NEW.`created_by`, 1)
        ON DUPLICATE KEY UPDATE `n` = `n` + 1;
    END IF;
    IF OLD.`assigned_to` IS NOT NULL THEN
      UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'assignee' AND `user_id` = OLD.`assigned_to`;
      IF OLD.`assigned_to` = OLD.`created_by` THEN
        UPDATE `task_counts` SET `n` = `n` - 1 WHERE `scope` = 'both' AND `user_id` = OLD.`created_by`;
      END IF;
    END IF;
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
--> statement-breakpoint
UNLOCK TABLES;
