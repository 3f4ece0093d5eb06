ALTER TABLE `imports` ADD `status` text DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `rows_done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `warnings` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `organizations_created` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `unknown_columns` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `idempotency_key` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `redacted_at` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `updated_at` text;--> statement-breakpoint
CREATE INDEX `imports_status_idx` ON `imports` (`status`,`updated_at`);--> statement-breakpoint
ALTER TABLE `demands` ADD `unresolved_names` text;--> statement-breakpoint
ALTER TABLE `talents` ADD `unresolved_names` text;
