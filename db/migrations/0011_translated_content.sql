CREATE TABLE `proposal_translation_questions` (
	`translation_id` integer NOT NULL,
	`question_id` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`translation_id`, `question_id`),
	FOREIGN KEY (`translation_id`) REFERENCES `proposal_translations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `consultation_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_translation_questions_question_idx` ON `proposal_translation_questions` (`question_id`);--> statement-breakpoint
CREATE TABLE `proposal_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`language` text NOT NULL,
	`summary` text NOT NULL,
	`translator_name` text NOT NULL,
	`translated_on` text NOT NULL,
	`entered_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_translations_language_unique` ON `proposal_translations` (`proposal_id`,`language`);