CREATE TABLE `format_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`reference` text NOT NULL,
	`format` text NOT NULL,
	`language` text,
	`channel` text NOT NULL,
	`name` text,
	`email` text,
	`phone` text,
	`postal_address` text,
	`details` text,
	`status` text DEFAULT 'received' NOT NULL,
	`due_on` text NOT NULL,
	`sent_on` text,
	`officer_note` text,
	`entered_by_id` integer,
	`contact_removed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `format_requests_reference_unique` ON `format_requests` (`reference`);--> statement-breakpoint
CREATE INDEX `format_requests_proposal_idx` ON `format_requests` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `format_requests_queue_idx` ON `format_requests` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `monitoring_forms` (
	`proposal_id` integer PRIMARY KEY NOT NULL,
	`forms` integer DEFAULT 0 NOT NULL,
	`released_forms` integer DEFAULT 0 NOT NULL,
	`released` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `monitoring_tallies` (
	`proposal_id` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`proposal_id`, `question`, `answer`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `paper_pack_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`place_key` text NOT NULL,
	`place_name` text NOT NULL,
	`place_kind` text NOT NULL,
	`place_address` text NOT NULL,
	`copies` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`recorded_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `paper_pack_deliveries_proposal_idx` ON `paper_pack_deliveries` (`proposal_id`);--> statement-breakpoint
ALTER TABLE `proposals` ADD `easy_read_summary` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `monitoring_answered` integer DEFAULT false NOT NULL;