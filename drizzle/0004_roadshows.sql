CREATE TABLE `event_capacity` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`role` text NOT NULL,
	`capacity` integer NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`waitlist_seq` integer DEFAULT 0 NOT NULL,
	`last_claim` text,
	PRIMARY KEY(`event_id`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`organizer_id` text,
	`title` text NOT NULL,
	`theme` text,
	`city` text,
	`venue` text,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`signup_opens_at` text,
	`signup_closes_at` text,
	`requires_approval` integer NOT NULL,
	`status` text NOT NULL,
	`sessions` text NOT NULL,
	`meeting_slots` text NOT NULL,
	`meeting_minutes` integer NOT NULL,
	`tables` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organizer_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `events_tenant_id_idx` ON `events` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_tenant_starts_idx` ON `events` (`tenant_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `meeting_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`total_priority` real NOT NULL,
	`upper_bound` real NOT NULL,
	`left_out` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_plans_event_uq` ON `meeting_plans` (`event_id`);--> statement-breakpoint
CREATE TABLE `meeting_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`from_kind` text NOT NULL,
	`from_id` text NOT NULL,
	`to_kind` text NOT NULL,
	`to_id` text NOT NULL,
	`from_party` text NOT NULL,
	`to_party` text NOT NULL,
	`priority` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_requests_pair_uq` ON `meeting_requests` (`event_id`,`from_party`,`to_party`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`party_a` text NOT NULL,
	`party_b` text NOT NULL,
	`slot` text NOT NULL,
	`table_name` text NOT NULL,
	`priority` real NOT NULL,
	`mutual` integer NOT NULL,
	`score` real,
	`created_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_event_slot_idx` ON `meetings` (`event_id`,`slot`,`table_name`);--> statement-breakpoint
CREATE INDEX `meetings_event_a_idx` ON `meetings` (`event_id`,`party_a`);--> statement-breakpoint
CREATE INDEX `meetings_event_b_idx` ON `meetings` (`event_id`,`party_b`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text,
	`talent_id` text,
	`organization_id` text,
	`title` text NOT NULL,
	`summary` text,
	`industry_codes` text NOT NULL,
	`skills_sought` text NOT NULL,
	`city` text,
	`stage` text,
	`modes` text NOT NULL,
	`funding_sought` integer,
	`status` text NOT NULL,
	`signed_at` text,
	`intended_investment` integer,
	`signed_with` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `projects_tenant_id_idx` ON `projects` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `projects_event_idx` ON `projects` (`event_id`,`status`);--> statement-breakpoint
CREATE TABLE `signups` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`role` text NOT NULL,
	`talent_id` text,
	`organization_id` text,
	`status` text NOT NULL,
	`queue_number` integer,
	`check_in_code` text NOT NULL,
	`availability` text,
	`note` text,
	`change_token` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	`checked_in_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signups_event_talent_uq` ON `signups` (`event_id`,`talent_id`) WHERE talent_id IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `signups_event_org_uq` ON `signups` (`event_id`,`organization_id`) WHERE organization_id IS NOT NULL AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX `signups_event_code_uq` ON `signups` (`event_id`,`check_in_code`);--> statement-breakpoint
CREATE INDEX `signups_event_queue_idx` ON `signups` (`event_id`,`role`,`status`,`queue_number`);--> statement-breakpoint
CREATE INDEX `signups_tenant_id_idx` ON `signups` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `signups_talent_idx` ON `signups` (`talent_id`);--> statement-breakpoint
CREATE INDEX `signups_org_idx` ON `signups` (`organization_id`);