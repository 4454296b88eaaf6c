-- The render cache's keys (issue 13, item 1; decision 029). A page is kept by what it shows:
-- a consultation's pages by that proposal's generation and the site's, every other public page
-- by the generation of all public content. Each generation moves in the same transaction as
-- the write that changes what the pages show, whichever connection or process makes it (the
-- app, the scheduler, the worker). Sessions, sign-in attempts, rate limits, the outbox, the
-- audit log, personal links and confidential notice views move nothing.
CREATE TABLE `page_generations` (
	`scope` text PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `page_generations` (`scope`, `generation`) VALUES ('content', 0), ('site', 0);
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposals_ai` AFTER INSERT ON `proposals` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposals_au` AFTER UPDATE ON `proposals` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposals_ad` AFTER DELETE ON `proposals` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_options_ai` AFTER INSERT ON `proposal_options` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_options_au` AFTER UPDATE ON `proposal_options` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_options_ad` AFTER DELETE ON `proposal_options` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_risks_ai` AFTER INSERT ON `risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_risks_au` AFTER UPDATE ON `risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_risks_ad` AFTER DELETE ON `risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_dependencies_ai` AFTER INSERT ON `dependencies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_dependencies_au` AFTER UPDATE ON `dependencies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_dependencies_ad` AFTER DELETE ON `dependencies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigations_ai` AFTER INSERT ON `mitigations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigations_au` AFTER UPDATE ON `mitigations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigations_ad` AFTER DELETE ON `mitigations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_equality_rows_ai` AFTER INSERT ON `equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_equality_rows_au` AFTER UPDATE ON `equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_equality_rows_ad` AFTER DELETE ON `equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_documents_ai` AFTER INSERT ON `documents` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_documents_au` AFTER UPDATE ON `documents` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_documents_ad` AFTER DELETE ON `documents` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_staff_groups_ai` AFTER INSERT ON `proposal_staff_groups` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_staff_groups_au` AFTER UPDATE ON `proposal_staff_groups` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_staff_groups_ad` AFTER DELETE ON `proposal_staff_groups` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_unions_ai` AFTER INSERT ON `proposal_unions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_unions_au` AFTER UPDATE ON `proposal_unions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_unions_ad` AFTER DELETE ON `proposal_unions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_consultation_questions_ai` AFTER INSERT ON `consultation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_consultation_questions_au` AFTER UPDATE ON `consultation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_consultation_questions_ad` AFTER DELETE ON `consultation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_versions_ai` AFTER INSERT ON `proposal_versions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_versions_au` AFTER UPDATE ON `proposal_versions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_versions_ad` AFTER DELETE ON `proposal_versions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_acknowledgements_ai` AFTER INSERT ON `notice_acknowledgements` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_acknowledgements_au` AFTER UPDATE ON `notice_acknowledgements` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_acknowledgements_ad` AFTER DELETE ON `notice_acknowledgements` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_feedback_ai` AFTER INSERT ON `notice_feedback` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_feedback_au` AFTER UPDATE ON `notice_feedback` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_notice_feedback_ad` AFTER DELETE ON `notice_feedback` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_notifications_ai` AFTER INSERT ON `staff_notifications` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_notifications_au` AFTER UPDATE ON `staff_notifications` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_notifications_ad` AFTER DELETE ON `staff_notifications` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_subscriptions_ai` AFTER INSERT ON `subscriptions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_subscriptions_au` AFTER UPDATE ON `subscriptions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_subscriptions_ad` AFTER DELETE ON `subscriptions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_responses_ai` AFTER INSERT ON `responses` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_responses_au` AFTER UPDATE ON `responses` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_responses_ad` AFTER DELETE ON `responses` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comments_ai` AFTER INSERT ON `comments` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comments_au` AFTER UPDATE ON `comments` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comments_ad` AFTER DELETE ON `comments` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_challenges_ai` AFTER INSERT ON `challenges` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_challenges_au` AFTER UPDATE ON `challenges` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_challenges_ad` AFTER DELETE ON `challenges` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_paper_pack_deliveries_ai` AFTER INSERT ON `paper_pack_deliveries` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_paper_pack_deliveries_au` AFTER UPDATE ON `paper_pack_deliveries` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_paper_pack_deliveries_ad` AFTER DELETE ON `paper_pack_deliveries` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_format_requests_ai` AFTER INSERT ON `format_requests` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_format_requests_au` AFTER UPDATE ON `format_requests` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_format_requests_ad` AFTER DELETE ON `format_requests` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_monitoring_tallies_ai` AFTER INSERT ON `monitoring_tallies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_monitoring_tallies_au` AFTER UPDATE ON `monitoring_tallies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_monitoring_tallies_ad` AFTER DELETE ON `monitoring_tallies` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_themes_ai` AFTER INSERT ON `themes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_themes_au` AFTER UPDATE ON `themes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_themes_ad` AFTER DELETE ON `themes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_theme_codes_ai` AFTER INSERT ON `theme_codes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_theme_codes_au` AFTER UPDATE ON `theme_codes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_theme_codes_ad` AFTER DELETE ON `theme_codes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcomes_ai` AFTER INSERT ON `outcomes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcomes_au` AFTER UPDATE ON `outcomes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcomes_ad` AFTER DELETE ON `outcomes` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_equality_rows_ai` AFTER INSERT ON `outcome_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_equality_rows_au` AFTER UPDATE ON `outcome_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_equality_rows_ad` AFTER DELETE ON `outcome_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_readings_ai` AFTER INSERT ON `outcome_readings` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_readings_au` AFTER UPDATE ON `outcome_readings` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_outcome_readings_ad` AFTER DELETE ON `outcome_readings` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_decisions_ai` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_decisions_au` AFTER UPDATE ON `decisions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_decisions_ad` AFTER DELETE ON `decisions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_risks_ai` AFTER INSERT ON `mitigation_risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = NEW.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_risks_au` AFTER UPDATE ON `mitigation_risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = NEW.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_risks_ad` AFTER DELETE ON `mitigation_risks` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = OLD.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_equality_rows_ai` AFTER INSERT ON `mitigation_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = NEW.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_equality_rows_au` AFTER UPDATE ON `mitigation_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = NEW.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_mitigation_equality_rows_ad` AFTER DELETE ON `mitigation_equality_rows` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM mitigations WHERE id = OLD.mitigation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_withheld_parts_ai` AFTER INSERT ON `withheld_parts` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM documents WHERE id = NEW.document_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_withheld_parts_au` AFTER UPDATE ON `withheld_parts` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM documents WHERE id = NEW.document_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_withheld_parts_ad` AFTER DELETE ON `withheld_parts` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM documents WHERE id = OLD.document_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_response_answers_ai` AFTER INSERT ON `response_answers` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM responses WHERE id = NEW.response_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_response_answers_au` AFTER UPDATE ON `response_answers` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM responses WHERE id = NEW.response_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_response_answers_ad` AFTER DELETE ON `response_answers` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM responses WHERE id = OLD.response_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comment_reports_ai` AFTER INSERT ON `comment_reports` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = NEW.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comment_reports_au` AFTER UPDATE ON `comment_reports` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = NEW.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_comment_reports_ad` AFTER DELETE ON `comment_reports` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = OLD.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_moderation_actions_ai` AFTER INSERT ON `moderation_actions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = NEW.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_moderation_actions_au` AFTER UPDATE ON `moderation_actions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = NEW.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_moderation_actions_ad` AFTER DELETE ON `moderation_actions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM comments WHERE id = OLD.comment_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translations_ai` AFTER INSERT ON `proposal_translations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translations_au` AFTER UPDATE ON `proposal_translations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(NEW.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translations_ad` AFTER DELETE ON `proposal_translations` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce(OLD.proposal_id, 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translation_questions_ai` AFTER INSERT ON `proposal_translation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM proposal_translations WHERE id = NEW.translation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translation_questions_au` AFTER UPDATE ON `proposal_translation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM proposal_translations WHERE id = NEW.translation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_proposal_translation_questions_ad` AFTER DELETE ON `proposal_translation_questions` BEGIN
  INSERT INTO page_generations (scope, generation) VALUES ('proposal:' || coalesce((SELECT proposal_id FROM proposal_translations WHERE id = OLD.translation_id), 0), 1) ON CONFLICT (scope) DO UPDATE SET generation = generation + 1;
  UPDATE page_generations SET generation = generation + 1 WHERE scope = 'content';
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_settings_ai` AFTER INSERT ON `settings` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_settings_au` AFTER UPDATE ON `settings` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_settings_ad` AFTER DELETE ON `settings` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_services_ai` AFTER INSERT ON `services` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_services_au` AFTER UPDATE ON `services` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_services_ad` AFTER DELETE ON `services` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_groups_ai` AFTER INSERT ON `staff_groups` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_groups_au` AFTER UPDATE ON `staff_groups` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_groups_ad` AFTER DELETE ON `staff_groups` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_group_members_ai` AFTER INSERT ON `staff_group_members` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_group_members_au` AFTER UPDATE ON `staff_group_members` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_staff_group_members_ad` AFTER DELETE ON `staff_group_members` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_unions_ai` AFTER INSERT ON `unions` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_unions_au` AFTER UPDATE ON `unions` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_unions_ad` AFTER DELETE ON `unions` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_users_ai` AFTER INSERT ON `users` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_users_au` AFTER UPDATE OF name ON `users` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_users_ad` AFTER DELETE ON `users` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_respondents_ai` AFTER INSERT ON `respondents` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_respondents_au` AFTER UPDATE OF name, show_name, responding_as, organisation_name, anonymised_at ON `respondents` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
--> statement-breakpoint
CREATE TRIGGER `page_gen_respondents_ad` AFTER DELETE ON `respondents` BEGIN
  UPDATE page_generations SET generation = generation + 1 WHERE scope IN ('site', 'content');
END;
