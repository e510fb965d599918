CREATE TABLE `task_counts` (
	`scope` enum('all','assignee','creator','both') NOT NULL,
	`user_id` int NOT NULL,
	`n` int NOT NULL DEFAULT 0,
	CONSTRAINT `task_counts_scope_user_id_pk` PRIMARY KEY(`scope`,`user_id`)
);
