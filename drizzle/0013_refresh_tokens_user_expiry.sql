CREATE INDEX `refresh_tokens_user_expiry_idx` ON `refresh_tokens` (`user_id`,`expires_at`);--> statement-breakpoint
DROP INDEX `refresh_tokens_user_idx` ON `refresh_tokens`;
