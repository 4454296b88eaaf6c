CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`detail` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `consultation_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`question` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consultation_questions_proposal_idx` ON `consultation_questions` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `dependencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`effect` text NOT NULL,
	`consulted` integer,
	`consultation_note` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dependencies_proposal_idx` ON `dependencies` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`filename` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`storage_key` text NOT NULL,
	`disclosure` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_proposal_idx` ON `documents` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `equality_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`characteristic` text NOT NULL,
	`rating` text,
	`evidence` text,
	`justification` text,
	`evidence_action` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `equality_rows_proposal_idx` ON `equality_rows` (`proposal_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `equality_rows_proposal_characteristic_unique` ON `equality_rows` (`proposal_id`,`characteristic`);--> statement-breakpoint
CREATE TABLE `mitigation_equality_rows` (
	`mitigation_id` integer NOT NULL,
	`equality_row_id` integer NOT NULL,
	PRIMARY KEY(`mitigation_id`, `equality_row_id`),
	FOREIGN KEY (`mitigation_id`) REFERENCES `mitigations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`equality_row_id`) REFERENCES `equality_rows`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mitigation_equality_rows_row_idx` ON `mitigation_equality_rows` (`equality_row_id`);--> statement-breakpoint
CREATE TABLE `mitigation_risks` (
	`mitigation_id` integer NOT NULL,
	`risk_id` integer NOT NULL,
	PRIMARY KEY(`mitigation_id`, `risk_id`),
	FOREIGN KEY (`mitigation_id`) REFERENCES `mitigations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mitigation_risks_risk_idx` ON `mitigation_risks` (`risk_id`);--> statement-breakpoint
CREATE TABLE `mitigations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mitigations_proposal_idx` ON `mitigations` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposal_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`is_proposed` integer DEFAULT false NOT NULL,
	`rejected_because` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_options_proposal_idx` ON `proposal_options` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposal_staff_groups` (
	`proposal_id` integer NOT NULL,
	`staff_group_id` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `staff_group_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_group_id`) REFERENCES `staff_groups`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `proposal_unions` (
	`proposal_id` integer NOT NULL,
	`union_id` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `union_id`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`union_id`) REFERENCES `unions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `proposal_unions_union_idx` ON `proposal_unions` (`union_id`);--> statement-breakpoint
CREATE TABLE `proposal_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`number` integer NOT NULL,
	`reason` text NOT NULL,
	`is_public` integer DEFAULT false NOT NULL,
	`change_note` text,
	`snapshot` text NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposal_versions_number_unique` ON `proposal_versions` (`proposal_id`,`number`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`service_id` integer NOT NULL,
	`lead_officer` text NOT NULL,
	`created_by_id` integer NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`summary` text,
	`what_changes` text,
	`why_change` text,
	`current_service` text,
	`proposed_service` text,
	`timeline` text,
	`already_decided` text,
	`open_to_change` text,
	`posts_affected` integer,
	`fte_affected` real,
	`service_workforce_posts` integer,
	`service_users_per_year` integer,
	`activity_description` text,
	`activity_per_year` integer,
	`budget_change_gbp` integer,
	`aim_eliminate_discrimination` text,
	`aim_advance_equality` text,
	`aim_foster_relations` text,
	`equality_conclusion` text,
	`opens_on` text,
	`closes_on` text,
	`short_period_reason` text,
	`how_to_respond` text,
	`alternative_formats` text,
	`events` text,
	`no_staff_affected` integer DEFAULT false NOT NULL,
	`redundancy_reasons` text,
	`staff_descriptions` text,
	`selection_method` text,
	`dismissal_method_and_timing` text,
	`submitted_at` text,
	`approved_at` text,
	`approved_by_id` integer,
	`returned_reason` text,
	`notice_sent_at` text,
	`opened_at` text,
	`closed_at` text,
	`withdrawn_at` text,
	`withdrawn_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_slug_unique` ON `proposals` (`slug`);--> statement-breakpoint
CREATE INDEX `proposals_state_idx` ON `proposals` (`state`,`closes_on`);--> statement-breakpoint
CREATE INDEX `proposals_service_idx` ON `proposals` (`service_id`);--> statement-breakpoint
CREATE INDEX `proposals_created_by_idx` ON `proposals` (`created_by_id`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`description` text NOT NULL,
	`who_bears` text NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`acceptance_reason` text,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `risks_proposal_idx` ON `risks` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`workforce_posts` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_slug_unique` ON `services` (`slug`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`name` text NOT NULL,
	`head_count` integer NOT NULL,
	`distribution_email` text,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `staff_groups_service_idx` ON `staff_groups` (`service_id`);--> statement-breakpoint
CREATE TABLE `union_reps` (
	`union_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`union_id`, `user_id`),
	FOREIGN KEY (`union_id`) REFERENCES `unions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `union_reps_user_idx` ON `union_reps` (`user_id`);--> statement-breakpoint
CREATE TABLE `unions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`service_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `withheld_parts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`part` text NOT NULL,
	`ground` text NOT NULL,
	`public_interest_note` text NOT NULL,
	`review_on` text NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `withheld_parts_document_idx` ON `withheld_parts` (`document_id`);