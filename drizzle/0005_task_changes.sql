CREATE TABLE `task_changes` (
	`slot` smallint NOT NULL,
	`n` bigint NOT NULL DEFAULT 0,
	CONSTRAINT `task_changes_slot` PRIMARY KEY(`slot`)
);
