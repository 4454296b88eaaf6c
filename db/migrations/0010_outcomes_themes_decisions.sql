CREATE TABLE `decisions` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`decision` text NOT NULL,
	`decided_on` text NOT NULL,
	`reference` text NOT NULL,
	`notice_url` text NOT NULL,
	`summary` text,
	`decided_by_id` integer,
	`reading_confirmed_at` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `outcome_equality_rows` (
	`proposal_id` integer NOT NULL,
	`characteristic` text NOT NULL,
	`before_rating` text,
	`before_evidence` text,
	`rating` text NOT NULL,
	`evidence` text NOT NULL,
	`justification` text,
	`evidence_action` text,
	`revised_by_id` integer,
	`revised_at` text NOT NULL,
	PRIMARY KEY(`proposal_id`, `characteristic`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`revised_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `outcome_readings` (
	`proposal_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	PRIMARY KEY(`proposal_id`, `user_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outcomes` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`response_summary` text,
	`equality_summary` text,
	`what_happens_next` text,
	`drafted_by_id` integer,
	`submitted_at` text,
	`submitted_by_id` integer,
	`returned_reason` text,
	`approved_by_id` integer,
	`published_at` text,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`drafted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `theme_codes` (
	`theme_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`kind` text NOT NULL,
	`response_id` integer,
	`question_id` integer,
	`comment_id` integer,
	`respondent_key` text NOT NULL,
	`coded_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`theme_id`, `item_key`),
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `theme_codes_item_idx` ON `theme_codes` (`proposal_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `theme_codes_respondent_idx` ON `theme_codes` (`theme_id`,`respondent_key`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`council_response` text,
	`changed` integer,
	`change_description` text,
	`version_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `proposal_versions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_name_unique` ON `themes` (`proposal_id`,`name_key`);--> statement-breakpoint
ALTER TABLE `consultation_questions` ADD `personal` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `proposals` ADD `outcome_published_at` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `decided_at` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `personal_data_removed_at` text;--> statement-breakpoint
ALTER TABLE `respondents` ADD `anonymised_at` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `responding_as` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `publish_answers` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_proposal_id_idx` ON `responses` (`proposal_id`,`id`);--> statement-breakpoint
CREATE INDEX `responses_published_idx` ON `responses` (`proposal_id`,`publish_answers`,`id`);--> statement-breakpoint
CREATE INDEX `response_answers_question_idx` ON `response_answers` (`question_id`,`response_id`);