CREATE TABLE `unknown_sign_ins` (
	`email_hash` char(64) NOT NULL,
	`failed_login_count` smallint NOT NULL DEFAULT 0,
	`lockout_count` smallint NOT NULL DEFAULT 0,
	`locked_until` datetime(3),
	`updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
	CONSTRAINT `unknown_sign_ins_email_hash` PRIMARY KEY(`email_hash`)
);
--> statement-breakpoint
CREATE INDEX `unknown_sign_ins_updated_idx` ON `unknown_sign_ins` (`updated_at`);