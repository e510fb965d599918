CREATE TABLE `activity` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`kind` enum('TASK_CREATED','TASK_UPDATED','TASK_STATUS_CHANGED','TASK_ASSIGNED','TASK_DELETED','TASK_IMPORTED','USER_CREATED','USER_UPDATED','USER_ROLE_CHANGED','USER_DEACTIVATED','USER_REACTIVATED','USER_PASSWORD_RESET') NOT NULL,
	`actor_id` int,
	`task_id` int,
	`subject_user_id` int,
	`import_id` int,
	`field` varchar(50),
	`from_value` text,
	`to_value` text,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `activity_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`idempotency_key` varchar(255) NOT NULL,
	`endpoint` varchar(100) NOT NULL,
	`request_hash` char(64) NOT NULL,
	`status_code` smallint NOT NULL,
	`response_body` longtext NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `idempotency_keys_id` PRIMARY KEY(`id`),
	CONSTRAINT `idempotency_user_key_uq` UNIQUE(`user_id`,`endpoint`,`idempotency_key`)
);
--> statement-breakpoint
CREATE TABLE `refresh_tokens` (
	`id` bigint AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`family_id` char(36) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`expires_at` datetime(3) NOT NULL,
	`rotated_at` datetime(3),
	`revoked_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `refresh_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `refresh_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `task_imports` (
	`id` int AUTO_INCREMENT NOT NULL,
	`user_id` int NOT NULL,
	`file_name` varchar(255) NOT NULL,
	`row_count` int NOT NULL,
	`checksum` char(64) NOT NULL,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `task_imports_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` int AUTO_INCREMENT NOT NULL,
	`title` varchar(200) NOT NULL,
	`description` text NOT NULL,
	`status` enum('TODO','IN_PROGRESS','DONE') NOT NULL DEFAULT 'TODO',
	`priority` enum('LOW','MEDIUM','HIGH','URGENT') NOT NULL DEFAULT 'MEDIUM',
	`due_date` date,
	`assigned_to` int,
	`created_by` int NOT NULL,
	`import_id` int,
	`version` int NOT NULL DEFAULT 1,
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `tasks_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` int AUTO_INCREMENT NOT NULL,
	`email` varchar(254) NOT NULL,
	`full_name` varchar(150) NOT NULL,
	`password_hash` varchar(255) NOT NULL,
	`role` enum('ADMIN','MANAGER','EMPLOYEE') NOT NULL DEFAULT 'EMPLOYEE',
	`is_active` boolean NOT NULL DEFAULT true,
	`session_version` int NOT NULL DEFAULT 1,
	`failed_login_count` smallint NOT NULL DEFAULT 0,
	`lockout_count` smallint NOT NULL DEFAULT 0,
	`locked_until` datetime(3),
	`last_login_at` datetime(3),
	`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_email_uq` UNIQUE(`email`)
);
--> statement-breakpoint
ALTER TABLE `activity` ADD CONSTRAINT `activity_actor_id_users_id_fk` FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activity` ADD CONSTRAINT `activity_subject_user_id_users_id_fk` FOREIGN KEY (`subject_user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `activity` ADD CONSTRAINT `activity_import_id_task_imports_id_fk` FOREIGN KEY (`import_id`) REFERENCES `task_imports`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD CONSTRAINT `idempotency_keys_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `refresh_tokens` ADD CONSTRAINT `refresh_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `task_imports` ADD CONSTRAINT `task_imports_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_assigned_to_users_id_fk` FOREIGN KEY (`assigned_to`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_created_by_users_id_fk` FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_import_id_task_imports_id_fk` FOREIGN KEY (`import_id`) REFERENCES `task_imports`(`id`) ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `activity_task_idx` ON `activity` (`task_id`,`id`);--> statement-breakpoint
CREATE INDEX `activity_actor_idx` ON `activity` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `activity_subject_idx` ON `activity` (`subject_user_id`,`id`);--> statement-breakpoint
CREATE INDEX `activity_kind_idx` ON `activity` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `activity_created_idx` ON `activity` (`created_at`);--> statement-breakpoint
CREATE INDEX `idempotency_expires_idx` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_family_idx` ON `refresh_tokens` (`family_id`);--> statement-breakpoint
CREATE INDEX `refresh_tokens_user_idx` ON `refresh_tokens` (`user_id`);--> statement-breakpoint
CREATE INDEX `task_imports_user_idx` ON `task_imports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tasks_created_idx` ON `tasks` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_assignee_created_idx` ON `tasks` (`assigned_to`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_creator_created_idx` ON `tasks` (`created_by`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_status_created_idx` ON `tasks` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_due_idx` ON `tasks` (`due_date`,`id`);--> statement-breakpoint
CREATE INDEX `tasks_import_idx` ON `tasks` (`import_id`);--> statement-breakpoint
CREATE INDEX `users_role_active_idx` ON `users` (`role`,`is_active`,`full_name`);--> statement-breakpoint
CREATE INDEX `users_active_name_idx` ON `users` (`is_active`,`full_name`);