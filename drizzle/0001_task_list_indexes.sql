CREATE INDEX `tasks_updated_idx` ON `tasks` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_priority_idx` ON `tasks` (`priority`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_status_idx` ON `tasks` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_title_idx` ON `tasks` (`title`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_updated_idx` ON `tasks` (`assigned_to`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_due_idx` ON `tasks` (`assigned_to`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_priority_idx` ON `tasks` (`assigned_to`,`priority`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_status_idx` ON `tasks` (`assigned_to`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_title_idx` ON `tasks` (`assigned_to`,`title`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_updated_idx` ON `tasks` (`created_by`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_due_idx` ON `tasks` (`created_by`,`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_priority_idx` ON `tasks` (`created_by`,`priority`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_status_idx` ON `tasks` (`created_by`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_title_idx` ON `tasks` (`created_by`,`title`,`id`);