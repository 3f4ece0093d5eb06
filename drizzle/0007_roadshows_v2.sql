ALTER TABLE `events` ADD `slots` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `change_token` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `talents_introduced` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `teams_introduced` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `team` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `lead_talent_id` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `industry_chain` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `history` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `change_token` text;--> statement-breakpoint
UPDATE `events` SET `status` = CASE `status` WHEN 'published' THEN 'open' WHEN 'cancelled' THEN 'closed' ELSE `status` END;--> statement-breakpoint
UPDATE `events` SET `slots` = (SELECT json_group_array(json_object('starts_at', j.value, 'ends_at', strftime('%Y-%m-%dT%H:%M:%fZ', j.value, '+' || `events`.`meeting_minutes` || ' minutes'))) FROM json_each(`events`.`meeting_slots`) j) WHERE json_array_length(`meeting_slots`) > 0;
