/**
 * The datasets published as CSV, one file each, across every published consultation or for
 * one (`?consultation=slug`). Each dataset names its columns once: the CSV header, the
 * open-data page and the OpenAPI description all read them from here.
 *
 * Proposals come through the visibility predicate (eachPublicProposalBatch), comments through
 * publishableComments(), answers through publishableAnswers() (after closing, with consent, never
 * a personal question, no respondent), themes and outcomes through publishedOutcome() (never a
 * draft), the moderation log through its public reader: nothing else is read.
 */
import { db as defaultDb, type DB } from "#db/client.server";
import { loadSettings } from "~/lib/settings.server";
import type { Settings } from "~/lib/settings";
import { loadNotificationRecord } from "~/notifications/record.server";
import { eachPublicProposalBatch } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { responseCounts } from "~/responses/answers.server";
import { publishableCommentCount, publishableComments } from "~/responses/comments.server";
import { moderationLogEntries } from "~/responses/moderation.server";
import { decisionOf, publishedOutcome } from "~/outcomes/read.server";
import { publishableAnswers } from "./answers.server";
import type { CsvValue } from "./csv.server";
import { DATASETS, type DatasetName } from "./datasets";
import { consultationPaths, outcomeDueOn, publicDependencies, publicEqualityRows, publicMitigations, publicRisks } from "./record";
import { workforceShare } from "~/proposals/types";

export { DATASETS, type DatasetName };

/** Rows of a dataset, a batch at a time. */
type RowSource = (proposals: Iterable<Proposal[]>, ctx: { settings: Settings; database: DB; url: (path: string) => string }) => Generator<CsvValue[][]>;

const COMMENT_BATCH = 500;

const perProposal =
  (rowsOf: (p: Proposal, ctx: { settings: Settings; database: DB; url: (path: string) => string }) => CsvValue[][]): RowSource =>
  function* (batches, ctx) {
    for (const batch of batches) yield batch.flatMap((p) => rowsOf(p, ctx));
  };

const SOURCES: Record<DatasetName, RowSource> = {
  consultations: perProposal((p, { database, url }) => {
    const counts = responseCounts(p.id, database);
    const negative = p.equalityRows.filter((r) => r.rating === "negative").length;
    return [
      [
        p.id, p.slug, p.title, p.state, p.serviceName, p.summary, p.opensOn, p.closesOn, p.openedAt, p.closedAt, p.withdrawnAt,
        p.withdrawnAt ? p.withdrawnReason : null, outcomeDueOn(p),
        p.postsAffected, p.fteAffected, p.serviceWorkforcePosts, workforceShare(p), p.serviceUsersPerYear, p.activityDescription, p.activityPerYear, p.budgetChangeGbp,
        p.risks.length, negative, counts.total, counts.online, counts.paper, counts.phone, counts.email, counts.event,
        publishableCommentCount(p.id, database), p.updatedAt, url(`/consultations/${encodeURIComponent(p.slug)}`),
      ],
    ];
  }),
  risks: perProposal((p, { settings }) =>
    publicRisks(p, settings).map((r) => [p.slug, r.id, r.ref, r.description, r.whoBears, r.likelihood, r.impact, r.score, r.level, r.mitigationRefs.join("; "), r.acceptanceReason]),
  ),
  dependencies: perProposal((p) => publicDependencies(p).map((d) => [p.slug, d.id, d.name, d.kind, d.effect, d.consulted, d.consultationNote])),
  mitigations: perProposal((p, { settings }) =>
    publicMitigations(p, settings).map((m) => [p.slug, m.id, m.ref, m.action, m.owner, m.dueOn, m.riskRefs.join("; "), m.equalityCharacteristics.join("; ")]),
  ),
  "equality-rows": perProposal((p, { settings }) =>
    publicEqualityRows(p, settings).map((r) => [p.slug, r.id, r.characteristic, r.label, r.rating, r.evidence, r.justification, r.evidenceAction, r.mitigationRefs.join("; ")]),
  ),
  notifications: perProposal((p, { database }) => {
    const record = loadNotificationRecord(p, database);
    const rows: CsvValue[][] = [];
    if (record.unions) {
      rows.push([p.slug, "unions", record.unions.names.join("; "), record.unions.repsNotified, record.unions.toldOn, record.unions.workingDaysBeforeOpening, record.unions.repsAcknowledged]);
    }
    for (const g of record.staff.groups) rows.push([p.slug, "staff_group", g.name, g.headCount, g.toldOn, null, null]);
    return rows;
  }),
  comments: function* (batches, { database, settings, url }) {
    for (const batch of batches) {
      for (const p of batch) {
        let afterId: number | undefined;
        for (;;) {
          const comments = publishableComments({ proposalIds: [p.id], afterId, limit: COMMENT_BATCH }, database);
          if (comments.length === 0) break;
          yield comments.map((c) => [
            p.slug, c.id, c.parentId, c.targetType, c.targetId, c.official,
            c.official ? c.author.name || settings.council.name : c.author.name, c.official ? settings.council.name : c.author.capacity,
            c.createdAt, c.editedAt, c.text, url(`/consultations/${encodeURIComponent(p.slug)}/comments/${c.id}`),
          ]);
          if (comments.length < COMMENT_BATCH) break;
          afterId = comments[comments.length - 1].id;
        }
      }
    }
  },
  answers: function* (batches, { database }) {
    for (const batch of batches) {
      for (const p of batch) {
        let after: { responseId: number; questionId: number } | undefined;
        for (;;) {
          const answers = publishableAnswers(p, { after, limit: COMMENT_BATCH }, database);
          if (answers.length === 0) break;
          yield answers.map((a) => [p.slug, a.responseId, a.channel, a.questionId, a.questionNumber, a.question, a.stance, a.answeredInWords, a.text]);
          if (answers.length < COMMENT_BATCH) break;
          const last = answers[answers.length - 1];
          after = { responseId: last.responseId, questionId: last.questionId };
        }
      }
    }
  },
  themes: perProposal((p, { settings, database, url }) => {
    const o = publishedOutcome(p, settings, database);
    const page = url(consultationPaths(p.slug).outcome);
    return (o?.themes ?? []).map((th) => [p.slug, th.id, th.name, th.respondents, th.councilResponse, th.changed, th.changeDescription, th.version?.number ?? null, page]);
  }),
  outcomes: perProposal((p, { settings, database, url }) => {
    const o = publishedOutcome(p, settings, database);
    if (!o) return [];
    const d = decisionOf(p.id, database);
    return [
      [
        p.slug, o.publishedAt, outcomeDueOn(p), o.counts.responses, o.counts.comments, o.themes.length, o.themes.filter((th) => th.changed).length, o.publishedAnswers,
        o.responseSummary, o.equalitySummary, o.whatHappensNext, d?.decision ?? null, d?.decidedOn ?? null, d?.reference ?? null, d?.noticeUrl ?? null, d?.summary ?? null,
        url(consultationPaths(p.slug).outcome),
      ],
    ];
  }),
  "moderation-log": function* (batches, { database }) {
    for (const batch of batches) {
      const slugs = new Map(batch.map((p) => [p.id, p.slug]));
      let afterId: number | undefined;
      for (;;) {
        const entries = moderationLogEntries({ proposalIds: [...slugs.keys()], afterId, limit: COMMENT_BATCH }, database);
        if (entries.length === 0) break;
        yield entries.map((e) => [e.consultation!.slug, e.id, e.action, e.rule, e.at, e.target.type, e.target.id, e.isReply, e.official]);
        if (entries.length < COMMENT_BATCH) break;
        afterId = entries[entries.length - 1].id;
      }
    }
  },
};

/** The rows of one dataset, for every published consultation or only `proposal`. */
export function datasetRows(name: DatasetName, scope: { proposal?: Proposal }, url: (path: string) => string, database: DB = defaultDb()): Generator<CsvValue[][]> {
  const settings = loadSettings(database);
  const proposals: Iterable<Proposal[]> = scope.proposal ? [[scope.proposal]] : eachPublicProposalBatch({}, 25, database);
  return SOURCES[name](proposals, { settings, database, url });
}
