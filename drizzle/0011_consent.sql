CREATE TABLE `talent_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`talent_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`channel` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`redeemed_at` text,
	`key_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `talent_invitations_token_uq` ON `talent_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `talent_invitations_talent_idx` ON `talent_invitations` (`tenant_id`,`talent_id`);--> statement-breakpoint
CREATE TABLE `contact_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`talent_id` text NOT NULL,
	`key_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_changes_key_idx` ON `contact_changes` (`key_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contact_changes_talent_idx` ON `contact_changes` (`tenant_id`,`talent_id`);
