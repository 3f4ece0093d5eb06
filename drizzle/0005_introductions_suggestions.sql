CREATE TABLE `contact_reveals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`talent_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`introduction_id` text NOT NULL,
	`viewer_key_id` text NOT NULL,
	`request_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_reveals_talent_idx` ON `contact_reveals` (`talent_id`,`at`);--> statement-breakpoint
CREATE TABLE `introductions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`demand_id` text NOT NULL,
	`talent_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`message` text,
	`score` real,
	`status` text NOT NULL,
	`outcome` text,
	`outcome_note` text,
	`responded_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `introductions_demand_talent_uq` ON `introductions` (`demand_id`,`talent_id`);--> statement-breakpoint
CREATE INDEX `introductions_tenant_id_idx` ON `introductions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `introductions_talent_idx` ON `introductions` (`talent_id`,`status`);--> statement-breakpoint
CREATE INDEX `introductions_org_idx` ON `introductions` (`organization_id`,`status`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`demand_id` text NOT NULL,
	`talent_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`score` real NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `suggestions_demand_talent_uq` ON `suggestions` (`demand_id`,`talent_id`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_demand_idx` ON `suggestions` (`tenant_id`,`demand_id`,`score`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_talent_idx` ON `suggestions` (`tenant_id`,`talent_id`,`score`);--> statement-breakpoint
CREATE TABLE `tenant_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`suggestion_threshold` integer DEFAULT 70 NOT NULL,
	`weights` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
