-- Full-text search (SQLite FTS5) over consultations and published comments; see app/search/.
-- The index is kept by triggers, so no write anywhere in the app can leave it stale.
-- It indexes every proposal (staff search finds drafts they may see); the public search
-- narrows to public states and the visibility predicate decides each result. Only visible
-- comments are ever in the comment index. Internal text (the reason a proposal was returned,
-- the s.188 letter to the unions, union feedback, withheld documents) is never indexed.
CREATE VIRTUAL TABLE `search_consultations` USING fts5(title, summary, content, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_comments` USING fts5(content, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
-- One searchable document per proposal: its own text and the text of its rows.
CREATE VIEW `search_consultation_documents` AS
SELECT
  p.id AS id,
  p.title AS title,
  coalesce(p.summary, '') AS summary,
  concat_ws(char(10),
    p.what_changes, p.why_change, p.current_service, p.proposed_service, p.timeline, p.already_decided, p.open_to_change,
    p.activity_description, p.aim_eliminate_discrimination, p.aim_advance_equality, p.aim_foster_relations, p.equality_conclusion,
    p.withdrawn_reason,
    (SELECT group_concat(concat_ws(' ', o.title, o.description, o.rejected_because), char(10)) FROM proposal_options o WHERE o.proposal_id = p.id),
    (SELECT group_concat(concat_ws(' ', r.description, r.who_bears, r.acceptance_reason), char(10)) FROM risks r WHERE r.proposal_id = p.id),
    (SELECT group_concat(concat_ws(' ', d.name, d.effect, d.consultation_note), char(10)) FROM dependencies d WHERE d.proposal_id = p.id),
    (SELECT group_concat(concat_ws(' ', m.action, m.owner), char(10)) FROM mitigations m WHERE m.proposal_id = p.id),
    (SELECT group_concat(concat_ws(' ', e.characteristic, e.evidence, e.justification, e.evidence_action), char(10)) FROM equality_rows e WHERE e.proposal_id = p.id)
  ) AS content
FROM proposals p;
--> statement-breakpoint
CREATE TRIGGER `search_proposals_ai` AFTER INSERT ON `proposals` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_proposals_au` AFTER UPDATE OF title, summary, what_changes, why_change, current_service, proposed_service, timeline, already_decided, open_to_change, activity_description, aim_eliminate_discrimination, aim_advance_equality, aim_foster_relations, equality_conclusion, withdrawn_reason ON `proposals` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_proposals_ad` AFTER DELETE ON `proposals` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_proposal_options_ai` AFTER INSERT ON `proposal_options` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_proposal_options_au` AFTER UPDATE OF title, description, rejected_because, is_proposed ON `proposal_options` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_proposal_options_ad` AFTER DELETE ON `proposal_options` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = OLD.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_risks_ai` AFTER INSERT ON `risks` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_risks_au` AFTER UPDATE OF description, who_bears, acceptance_reason ON `risks` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_risks_ad` AFTER DELETE ON `risks` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = OLD.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_dependencies_ai` AFTER INSERT ON `dependencies` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_dependencies_au` AFTER UPDATE OF name, effect, consultation_note ON `dependencies` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_dependencies_ad` AFTER DELETE ON `dependencies` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = OLD.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_mitigations_ai` AFTER INSERT ON `mitigations` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_mitigations_au` AFTER UPDATE OF action, owner ON `mitigations` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_mitigations_ad` AFTER DELETE ON `mitigations` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = OLD.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_equality_rows_ai` AFTER INSERT ON `equality_rows` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_equality_rows_au` AFTER UPDATE OF characteristic, evidence, justification, evidence_action, rating ON `equality_rows` BEGIN
  DELETE FROM search_consultations WHERE rowid = NEW.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = NEW.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_equality_rows_ad` AFTER DELETE ON `equality_rows` BEGIN
  DELETE FROM search_consultations WHERE rowid = OLD.proposal_id;
  INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents WHERE id = OLD.proposal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ai` AFTER INSERT ON `comments` WHEN NEW.status = 'visible' BEGIN
  INSERT INTO search_comments (rowid, content) VALUES (NEW.id, NEW.body_markdown);
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_au` AFTER UPDATE OF status, body_markdown ON `comments` BEGIN
  DELETE FROM search_comments WHERE rowid = OLD.id;
  INSERT INTO search_comments (rowid, content) SELECT NEW.id, NEW.body_markdown WHERE NEW.status = 'visible';
END;
--> statement-breakpoint
CREATE TRIGGER `search_comments_ad` AFTER DELETE ON `comments` BEGIN
  DELETE FROM search_comments WHERE rowid = OLD.id;
END;
--> statement-breakpoint
INSERT INTO search_consultations (rowid, title, summary, content) SELECT id, title, summary, content FROM search_consultation_documents;
--> statement-breakpoint
INSERT INTO search_comments (rowid, content) SELECT id, body_markdown FROM comments WHERE status = 'visible';
