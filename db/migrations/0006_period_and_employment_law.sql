ALTER TABLE `proposals` ADD `period_days` integer;--> statement-breakpoint
ALTER TABLE `proposals` ADD `planned_opens_on` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `planned_closes_on` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `pre_election_reason` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `employed_in_descriptions` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `redundancy_pay_method` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `agency_worker_count` integer;--> statement-breakpoint
ALTER TABLE `proposals` ADD `agency_worker_parts` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `agency_worker_work` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `establishment` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `redundancy_posts` integer;--> statement-breakpoint
ALTER TABLE `proposals` ADD `first_dismissal_on` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transfer_kind` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transfer_on` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transfer_reasons` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transfer_implications` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transfer_measures` text;--> statement-breakpoint
ALTER TABLE `proposals` ADD `transferee_measures` text;