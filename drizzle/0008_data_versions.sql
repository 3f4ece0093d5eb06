CREATE TABLE `data_versions` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`)
);
