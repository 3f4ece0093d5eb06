ALTER TABLE `tenant_settings` ADD `locale` text DEFAULT 'en' NOT NULL;
