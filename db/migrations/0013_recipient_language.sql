ALTER TABLE `respondents` ADD `language` text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `language` text DEFAULT 'en' NOT NULL;