-- Someone changing their own password is recorded as its own kind, apart from an admin's reset.
-- Appending a value to an ENUM changes only the table's definition, not its rows.
ALTER TABLE `activity` MODIFY COLUMN `kind` enum('TASK_CREATED','TASK_UPDATED','TASK_STATUS_CHANGED','TASK_ASSIGNED','TASK_DELETED','TASK_IMPORTED','USER_CREATED','USER_UPDATED','USER_ROLE_CHANGED','USER_DEACTIVATED','USER_REACTIVATED','USER_PASSWORD_RESET','USER_UNLOCKED','USER_SIGNED_OUT','USER_PASSWORD_CHANGED') NOT NULL;--> statement-breakpoint
-- The earlier own changes, recorded as resets: an admin never resets their own password, so a
-- reset by its own subject was one (read through activity_kind_idx).
UPDATE `activity` SET `kind` = 'USER_PASSWORD_CHANGED'
  WHERE `kind` = 'USER_PASSWORD_RESET' AND `actor_id` = `subject_user_id`;
