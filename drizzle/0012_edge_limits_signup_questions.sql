CREATE TABLE `rate_limits` (
	`bucket` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`count` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `events` ADD `questions` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE `signups` ADD `contact_name` text;
--> statement-breakpoint
ALTER TABLE `signups` ADD `answers` text;
