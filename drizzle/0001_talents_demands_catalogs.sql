CREATE TABLE `talents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`external_id` text,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`education` text,
	`school` text,
	`major` text,
	`title_level` text,
	`skill_level` text,
	`experience_years` integer,
	`industries` text NOT NULL,
	`occupations` text NOT NULL,
	`skills` text NOT NULL,
	`summary` text,
	`city` text,
	`origin_city` text,
	`desired_cities` text NOT NULL,
	`refused_cities` text NOT NULL,
	`willing_to_relocate` integer,
	`modes` text NOT NULL,
	`salary_expected` integer,
	`category_level` integer,
	`honours` text NOT NULL,
	`available_from` text,
	`team_name` text,
	`team_size` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `talents_tenant_id_idx` ON `talents` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `talents_tenant_external_uq` ON `talents` (`tenant_id`,`external_id`) WHERE external_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `talents_tenant_phone_uq` ON `talents` (`tenant_id`,`phone`) WHERE phone IS NOT NULL;--> statement-breakpoint
CREATE INDEX `talents_tenant_city_idx` ON `talents` (`tenant_id`,`city`);--> statement-breakpoint
CREATE TABLE `catalogs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`industry_chains` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `catalogs_tenant_id_idx` ON `catalogs` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `catalogs_tenant_name_uq` ON `catalogs` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `demands` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`organization_id` text NOT NULL,
	`catalog_id` text,
	`external_id` text,
	`import_key` text,
	`content_hash` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`industry_code` text,
	`occupation_code` text,
	`industry_chain` text,
	`city` text,
	`headcount` integer,
	`filled` integer DEFAULT 0 NOT NULL,
	`min_education` text,
	`min_title` text,
	`min_skill_level` text,
	`min_experience_years` integer,
	`major` text,
	`required_skills` text NOT NULL,
	`preferred_skills` text NOT NULL,
	`modes` text NOT NULL,
	`salary_min` integer,
	`salary_max` integer,
	`benefits` text NOT NULL,
	`urgency` integer,
	`category_level` integer,
	`valid_until` text,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `demands_tenant_id_idx` ON `demands` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `demands_tenant_org_idx` ON `demands` (`tenant_id`,`organization_id`,`id`);--> statement-breakpoint
CREATE INDEX `demands_catalog_idx` ON `demands` (`catalog_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `demands_catalog_import_key_uq` ON `demands` (`catalog_id`,`import_key`) WHERE catalog_id IS NOT NULL AND import_key IS NOT NULL;--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`catalog_id` text,
	`format` text NOT NULL,
	`file_sha256` text NOT NULL,
	`dry_run` integer NOT NULL,
	`rows_total` integer NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`unchanged` integer NOT NULL,
	`rejected` integer NOT NULL,
	`rejections` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `imports_tenant_id_idx` ON `imports` (`tenant_id`,`id`);--> statement-breakpoint
CREATE TABLE `match_keys` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`entity_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`, `key`, `entity_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `match_keys_entity_idx` ON `match_keys` (`entity_id`);