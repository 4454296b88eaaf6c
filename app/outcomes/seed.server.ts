/**
 * The demo council after its consultations opened, from the consultation files in content/
 * (db/content.ts reads them): changes published while open (public versions), residents' and
 * officers' responses, themes with the answers coded into them, the outcome report with its
 * re-rated equality rows, and the decision. Called by seedDemo inside its transaction, for each
 * consultation; a file without these parts writes nothing. Demo mode only.
 */
import { asc, eq, max } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { instantInDays, type ConsultationFile } from "#db/content";
import { loadProposal } from "~/proposals/proposals.server";
import { OUTCOME_VERSION_NOTE, itemKey, respondentKey, themeNameKey } from "./rules";

function nextVersion(tx: DB, proposalId: number): number {
  return (tx.select({ n: max(t.proposalVersions.number) }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, proposalId)).get()?.n ?? 0) + 1;
}

export function seedAfterOpening(tx: DB, c: ConsultationFile, proposalId: number, now: Date, ids: { userId: (email: string) => number }) {
  if (!c.publicEdits.length && !c.responses.length && !c.outcome && !c.decision) return;
  const at = (n: number, time: string) => instantInDays(now, n, time);
  const first = loadProposal(proposalId, tx)!;
  const creator = ids.userId(c.createdBy);
  let baseline = false;
  const ensureBaseline = () => {
    if (baseline) return;
    baseline = true;
    tx.insert(t.proposalVersions)
      .values({ proposalId, number: nextVersion(tx, proposalId), reason: "approved", isPublic: true, snapshot: first, createdById: first.approvedById, createdAt: first.openedAt ?? first.approvedAt ?? now.toISOString() })
      .run();
  };

  // Changes published while open, oldest first.
  const edits = c.publicEdits.map((e, i) => ({ ...e, i })).sort((a, b) => a.inDays - b.inDays);
  const byPosition = new Map<number, number>();
  for (const e of edits) {
    ensureBaseline();
    tx.update(t.proposals).set(e.set).where(eq(t.proposals.id, proposalId)).run();
    const { id } = tx
      .insert(t.proposalVersions)
      .values({ proposalId, number: nextVersion(tx, proposalId), reason: "public_edit", isPublic: true, changeNote: e.changeNote, snapshot: loadProposal(proposalId, tx)!, createdById: creator, createdAt: at(e.inDays, "12:10:00") })
      .returning({ id: t.proposalVersions.id })
      .get();
    byPosition.set(e.i + 1, id);
  }

  // Responses, and what each answer is coded into.
  const questions = tx.select({ id: t.consultationQuestions.id }).from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, proposalId)).orderBy(asc(t.consultationQuestions.position)).all();
  const codes = new Map<string, { responseId: number; questionId: number; key: string }[]>();
  c.responses.forEach((r, i) => {
    const when = at(r.inDays, `${String(9 + (i % 9)).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}:00`);
    let respondentId: number | null = null;
    if (r.channel === "online") {
      const email = `resident${i + 1}.${c.slug}@example.org`;
      respondentId = tx
        .insert(t.respondents)
        .values({ email, name: r.name ?? null, showName: r.showName && !!r.name, respondingAs: r.respondingAs, organisationName: r.organisationName ?? null, privacyAcceptedAt: when, verifiedAt: when, createdAt: when })
        .returning({ id: t.respondents.id })
        .get().id;
      if (r.updates) {
        tx.insert(t.subscriptions).values({ email, scope: "consultation", proposalId, unsubscribeToken: `demo-${c.slug}-${i + 1}-${proposalId}`.padEnd(43, "0"), confirmedAt: when, createdAt: when }).run();
      }
    }
    const { id: responseId } = tx
      .insert(t.responses)
      .values({
        proposalId,
        respondentId,
        channel: r.channel,
        enteredById: r.channel === "online" ? null : creator,
        respondentLabel: r.channel === "online" ? null : (r.label ?? null),
        respondingAs: r.respondingAs,
        publishAnswers: r.publish,
        createdAt: when,
        updatedAt: when,
      })
      .returning({ id: t.responses.id })
      .get();
    r.answers.forEach((a, q) => {
      const question = questions[q];
      if (!a || !question || (!a.stance && !a.text)) return;
      tx.insert(t.responseAnswers).values({ responseId, questionId: question.id, stance: a.stance ?? null, text: a.text ?? null }).run();
      for (const theme of a.themes) {
        const list = codes.get(theme) ?? [];
        list.push({ responseId, questionId: question.id, key: respondentKey({ respondentId, responseId })! });
        codes.set(theme, list);
      }
    });
  });

  // The outcome report, its themes and the equality rows it re-rated.
  const o = c.outcome;
  if (o) {
    const drafter = ids.userId(o.draftedBy);
    const publishedAt = at(o.publishedInDays, "11:30:00");
    for (const th of o.themes) {
      const { id: themeId } = tx
        .insert(t.themes)
        .values({
          proposalId,
          name: th.name,
          nameKey: themeNameKey(th.name),
          councilResponse: th.response,
          changed: th.changed,
          changeDescription: th.changed ? (th.change ?? null) : null,
          versionId: th.changed && th.publicEdit ? (byPosition.get(th.publicEdit) ?? null) : null,
          createdById: drafter,
          createdAt: at(o.publishedInDays - 30, "10:00:00"),
          updatedAt: publishedAt,
        })
        .returning({ id: t.themes.id })
        .get();
      for (const code of codes.get(th.key) ?? []) {
        tx.insert(t.themeCodes)
          .values({ themeId, proposalId, itemKey: itemKey({ kind: "answer", responseId: code.responseId, questionId: code.questionId }), kind: "answer", responseId: code.responseId, questionId: code.questionId, respondentKey: code.key, codedById: drafter, createdAt: at(o.publishedInDays - 20, "14:00:00") })
          .onConflictDoNothing()
          .run();
      }
    }
    tx.insert(t.outcomes)
      .values({
        proposalId,
        status: "published",
        responseSummary: o.responseSummary,
        equalitySummary: o.equalitySummary,
        whatHappensNext: o.whatHappensNext,
        draftedById: drafter,
        submittedAt: at(o.publishedInDays - 3, "15:00:00"),
        submittedById: drafter,
        approvedById: ids.userId(o.approvedBy),
        publishedAt,
        revision: 2 + o.themes.length,
        createdAt: at(o.publishedInDays - 30, "10:00:00"),
        updatedAt: publishedAt,
      })
      .run();
    if (o.equality.length) {
      ensureBaseline();
      const before = loadProposal(proposalId, tx)!;
      for (const r of o.equality) {
        const row = before.equalityRows.find((x) => x.characteristic === r.characteristic)!;
        tx.insert(t.outcomeEqualityRows)
          .values({
            proposalId,
            characteristic: r.characteristic,
            beforeRating: row.rating,
            beforeEvidence: row.evidence,
            rating: r.rating,
            evidence: r.evidence,
            justification: r.rating === "negative" ? (r.justification ?? null) : null,
            evidenceAction: r.rating === "unknown" ? (r.evidenceAction ?? null) : null,
            revisedById: drafter,
            revisedAt: at(o.publishedInDays - 5, "16:00:00"),
          })
          .run();
        tx.update(t.equalityRows)
          .set({ rating: r.rating, evidence: r.evidence, justification: r.rating === "negative" ? (r.justification ?? null) : null, evidenceAction: r.rating === "unknown" ? (r.evidenceAction ?? null) : null })
          .where(eq(t.equalityRows.id, row.id))
          .run();
      }
      tx.insert(t.proposalVersions)
        .values({ proposalId, number: nextVersion(tx, proposalId), reason: "outcome", isPublic: true, changeNote: OUTCOME_VERSION_NOTE, snapshot: loadProposal(proposalId, tx)!, createdById: ids.userId(o.approvedBy), createdAt: publishedAt })
        .run();
    }
  }

  // The decision, after its maker confirmed reading the outcome.
  const d = c.decision;
  if (d) {
    const maker = ids.userId(d.decidedBy);
    const readAt = at(d.decidedInDays - 2, "10:20:00");
    tx.insert(t.outcomeReadings).values({ proposalId, userId: maker, confirmedAt: readAt }).run();
    tx.insert(t.decisions)
      .values({ proposalId, decision: d.decision, decidedOn: at(d.decidedInDays, "16:45:00").slice(0, 10), reference: d.reference, noticeUrl: d.noticeUrl, summary: d.summary ?? null, decidedById: maker, readingConfirmedAt: readAt, recordedAt: at(d.decidedInDays, "16:45:00") })
      .run();
  }
}
