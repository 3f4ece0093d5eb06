CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`catalog_id` text NOT NULL,
	`status` text NOT NULL,
	`list_length` integer NOT NULL,
	`demands_considered` integer,
	`talents_considered` integer,
	`seats` integer,
	`assigned` integer,
	`result` text,
	`error` text,
	`requested_by` text NOT NULL,
	`created_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `allocations_tenant_catalog_idx` ON `allocations` (`tenant_id`,`catalog_id`,`id`);