-- Custom migration (drizzle-kit generate --custom): triggers cannot be declared in db/schema.ts.
-- They keep task_counts exact in the same transaction as every change to tasks, whoever writes.
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'all', `id` % 8, COUNT(*) FROM `tasks` GROUP BY `id` % 8;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'creator', `created_by`, COUNT(*) FROM `tasks` GROUP BY `created_by`;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'assignee', `assigned_to`, COUNT(*) FROM `tasks` WHERE `assigned_to` IS NOT NULL GROUP BY `assigned_to`;
--> statement-breakpoint
INSERT INTO `task_counts` (`scope`, `user_id`, `n`)
  SELECT 'both', `created_by`, COUNT(*) FROM `tasks` WHERE `assigned_to` = `created_by` GROUP BY `created_by`;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_insert` AFTER INSERT ON `tasks` FOR EACH ROW
BEGIN
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
END;
--> statement-breakpoint
CREATE TRIGGER `tasks_counts_after_delete` AFTER DELETE ON `tasks` FOR EACH ROW
BEGIN
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
CREATE TRIGGER `tasks_counts_after_update` AFTER UPDATE ON `tasks` FOR EACH ROW
BEGIN
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
