CREATE TABLE `industry_chains` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`industry_codes` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `industry_chains_tenant_name_idx` ON `industry_chains` (`tenant_id`,`name`);
