CREATE TABLE `challenges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_ref` text NOT NULL,
	`claim` text NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`author_kind` text NOT NULL,
	`respondent_id` integer,
	`user_id` integer,
	`display_name` text,
	`union_name` text,
	`status` text DEFAULT 'visible' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`due_on` text NOT NULL,
	`answer_kind` text,
	`answer` text,
	`answered_at` text,
	`answered_by_id` integer,
	`version_id` integer,
	`moderation_rule` text,
	`moderated_at` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`respondent_id`) REFERENCES `respondents`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`version_id`) REFERENCES `proposal_versions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `challenges_proposal_idx` ON `challenges` (`proposal_id`,`status`,`answered_at`);--> statement-breakpoint
CREATE TABLE `staff_challenge_keys` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
