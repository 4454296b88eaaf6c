/**
 * The demo council, written into an empty database from the files in content/ (db/content.ts
 * reads them). Demo mode only: scripts/start.ts calls this when PLAINSIGHT_DEMO is on and the
 * database has no users; `npm run seed` does the same by hand.
 *
 * Every consultation goes through `consultationToProposal`, the same conversion the gate tests
 * use, so what is seeded is exactly what was tested. Audit entries are left to the audit module.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import * as t from "./schema";
import { writeTransaction, type DB } from "./client.server";
import { seedNoticeHistory } from "~/notifications/demo.server";
import { seedAfterOpening } from "~/outcomes/seed.server";
import { consultationToProposal, documentPdf, loadContent, type DemoContent } from "./content";
import { hashPassword } from "~/auth/password.server";
import { loadProposal } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";

export type DemoAccountLogin = { role: string; name: string; email: string; password: string };

export function isDatabaseEmpty(database: DB): boolean {
  const row = database.select({ n: count() }).from(t.users).get();
  return (row?.n ?? 0) === 0;
}

export function uploadsDir(): string {
  return process.env.UPLOADS_PATH ?? "data/uploads";
}

/**
 * Seed the demo council. Refuses a database that already has users, so it can never mix demo
 * accounts into a real council's data.
 */
export async function seedDemo(
  database: DB,
  now: Date,
  /** noticeHistory: false leaves out the notices the demo proposals would have sent, for tests
   * that count the notices they cause themselves */
  options: { contentDir?: string; content?: DemoContent; noticeHistory?: boolean } = {},
): Promise<{ accounts: DemoAccountLogin[] }> {
  const content = options.content ?? loadContent(options.contentDir);

  // Argon2 is asynchronous and transactions are not: hash first.
  const hashes = new Map<string, string>();
  for (const account of content.accounts) hashes.set(account.email, await hashPassword(account.password));

  // Generated PDFs, written before the transaction; a failed seed leaves only unreferenced files.
  const uploads = uploadsDir();
  fs.mkdirSync(uploads, { recursive: true });
  const files = new Map<string, { storageKey: string; sizeBytes: number }>();
  for (const { data } of content.consultations) {
    const serviceName = content.organisation.services.find((s) => s.slug === data.service)?.name ?? data.service;
    data.documents.forEach((doc, i) => {
      const pdf = documentPdf(data, doc, serviceName);
      const storageKey = crypto.randomBytes(18).toString("hex");
      fs.writeFileSync(path.join(uploads, storageKey), pdf);
      files.set(`${data.slug}#${i}`, { storageKey, sizeBytes: pdf.length });
    });
  }

  writeTransaction((tx) => {
    if (!isDatabaseEmpty(tx)) throw new Error("The database already has users: the demo is seeded only into an empty database.");

    for (const [key, value] of Object.entries(content.councilAt(now))) {
      tx.insert(t.settings).values({ key, value }).run();
    }

    const serviceIds = new Map<string, number>();
    const staffGroupIds = new Map<string, number>();
    for (const s of content.organisation.services) {
      const { id } = tx.insert(t.services).values({ name: s.name, slug: s.slug, workforcePosts: s.workforcePosts }).returning({ id: t.services.id }).get();
      serviceIds.set(s.slug, id);
      for (const g of s.staffGroups) {
        const row = tx
          .insert(t.staffGroups)
          .values({ serviceId: id, name: g.name, headCount: g.headCount, distributionEmail: g.distributionEmail ?? null })
          .returning({ id: t.staffGroups.id })
          .get();
        staffGroupIds.set(g.key, row.id);
      }
    }

    const unionIds = new Map<string, number>();
    for (const u of content.organisation.unions) {
      const { id } = tx.insert(t.unions).values({ name: u.name, shortName: u.shortName }).returning({ id: t.unions.id }).get();
      unionIds.set(u.shortName, id);
    }

    const userIds = new Map<string, number>();
    for (const a of content.accounts) {
      const { id } = tx
        .insert(t.users)
        .values({
          email: a.email,
          name: a.name,
          passwordHash: hashes.get(a.email)!,
          serviceId: a.service ? serviceIds.get(a.service)! : null,
          isDemo: true,
          createdAt: now.toISOString(),
        })
        .returning({ id: t.users.id })
        .get();
      userIds.set(a.email, id);
      for (const role of a.roles) tx.insert(t.userRoles).values({ userId: id, role }).run();
      if (a.union) tx.insert(t.unionReps).values({ unionId: unionIds.get(a.union)!, userId: id }).run();
    }

    const lookup = (map: Map<string, number>, what: string) => (key: string) => {
      const id = map.get(key);
      if (id == null) throw new Error(`Seeding: no ${what} "${key}"`);
      return id;
    };

    for (const { data } of content.consultations) {
      const p = consultationToProposal(data, content, now, {
        proposalId: 0,
        serviceId: lookup(serviceIds, "service"),
        staffGroupId: lookup(staffGroupIds, "staff group"),
        unionId: lookup(unionIds, "union"),
        userId: lookup(userIds, "account"),
      });
      const createdAt = earliest([p.submittedAt, p.approvedAt, p.openedAt], now, 14);

      const { id: proposalId } = tx
        .insert(t.proposals)
        .values({
          slug: p.slug,
          title: p.title,
          serviceId: p.serviceId,
          leadOfficer: p.leadOfficer,
          createdById: p.createdById,
          state: p.state,
          revision: p.revision,
          summary: p.summary,
          easyReadSummary: p.easyReadSummary,
          whatChanges: p.whatChanges,
          whyChange: p.whyChange,
          currentService: p.currentService,
          proposedService: p.proposedService,
          timeline: p.timeline,
          alreadyDecided: p.alreadyDecided,
          openToChange: p.openToChange,
          postsAffected: p.postsAffected,
          fteAffected: p.fteAffected,
          serviceWorkforcePosts: p.serviceWorkforcePosts,
          serviceUsersPerYear: p.serviceUsersPerYear,
          activityDescription: p.activityDescription,
          activityPerYear: p.activityPerYear,
          budgetChangeGbp: p.budgetChangeGbp,
          aimEliminateDiscrimination: p.aimEliminateDiscrimination,
          aimAdvanceEquality: p.aimAdvanceEquality,
          aimFosterRelations: p.aimFosterRelations,
          equalityConclusion: p.equalityConclusion,
          opensOn: p.opensOn,
          closesOn: p.closesOn,
          shortPeriodReason: p.shortPeriodReason,
          howToRespond: p.howToRespond,
          alternativeFormats: p.alternativeFormats,
          events: p.events,
          noStaffAffected: p.noStaffAffected,
          redundancyReasons: p.redundancyReasons,
          staffDescriptions: p.staffDescriptions,
          selectionMethod: p.selectionMethod,
          dismissalMethodAndTiming: p.dismissalMethodAndTiming,
          employedInDescriptions: p.employedInDescriptions,
          redundancyPayMethod: p.redundancyPayMethod,
          agencyWorkerCount: p.agencyWorkerCount,
          agencyWorkerParts: p.agencyWorkerParts,
          agencyWorkerWork: p.agencyWorkerWork,
          establishment: p.establishment,
          redundancyPosts: p.redundancyPosts,
          firstDismissalOn: p.firstDismissalOn,
          transferKind: p.transferKind,
          transferOn: p.transferOn,
          transferReasons: p.transferReasons,
          transferImplications: p.transferImplications,
          transferMeasures: p.transferMeasures,
          transfereeMeasures: p.transfereeMeasures,
          periodDays: p.periodDays,
          preElectionReason: p.preElectionReason,
          submittedAt: p.submittedAt,
          approvedAt: p.approvedAt,
          approvedById: p.approvedById,
          returnedReason: p.returnedReason,
          noticeSentAt: p.noticeSentAt,
          openedAt: p.openedAt,
          closedAt: p.closedAt,
          withdrawnAt: p.withdrawnAt,
          withdrawnReason: p.withdrawnReason,
          outcomePublishedAt: p.outcomePublishedAt ?? null,
          decidedAt: p.decidedAt ?? null,
          createdAt,
          updatedAt: p.updatedAt,
        })
        .returning({ id: t.proposals.id })
        .get();

      p.options.forEach((o, position) => {
        tx.insert(t.proposalOptions)
          .values({ proposalId, position, title: o.title, description: o.description, isProposed: o.isProposed, rejectedBecause: o.rejectedBecause })
          .run();
      });

      const riskIds = new Map<number, number>();
      p.risks.forEach((r, position) => {
        const row = tx
          .insert(t.risks)
          .values({ proposalId, position, description: r.description, whoBears: r.whoBears, likelihood: r.likelihood, impact: r.impact, acceptanceReason: r.acceptanceReason })
          .returning({ id: t.risks.id })
          .get();
        riskIds.set(r.id, row.id);
      });

      p.dependencies.forEach((d, position) => {
        tx.insert(t.dependencies)
          .values({ proposalId, position, name: d.name, kind: d.kind, effect: d.effect, consulted: d.consulted, consultationNote: d.consultationNote })
          .run();
      });

      const rowIds = new Map<number, number>();
      for (const r of p.equalityRows) {
        const row = tx
          .insert(t.equalityRows)
          .values({ proposalId, characteristic: r.characteristic, rating: r.rating, evidence: r.evidence, justification: r.justification, evidenceAction: r.evidenceAction })
          .returning({ id: t.equalityRows.id })
          .get();
        rowIds.set(r.id, row.id);
      }

      p.mitigations.forEach((m, position) => {
        const { id: mitigationId } = tx
          .insert(t.mitigations)
          .values({ proposalId, position, action: m.action, owner: m.owner, dueOn: m.dueOn })
          .returning({ id: t.mitigations.id })
          .get();
        for (const riskId of m.riskIds) tx.insert(t.mitigationRisks).values({ mitigationId, riskId: riskIds.get(riskId)! }).run();
        for (const rowId of m.equalityRowIds) tx.insert(t.mitigationEqualityRows).values({ mitigationId, equalityRowId: rowIds.get(rowId)! }).run();
      });

      p.documents.forEach((d, i) => {
        const file = files.get(`${p.slug}#${i}`)!;
        const { id: documentId } = tx
          .insert(t.documents)
          .values({
            proposalId,
            kind: d.kind,
            title: d.title,
            filename: d.filename,
            mimeType: d.mimeType,
            sizeBytes: file.sizeBytes,
            storageKey: file.storageKey,
            disclosure: d.disclosure,
            createdAt,
          })
          .returning({ id: t.documents.id })
          .get();
        for (const w of d.withheldParts) {
          tx.insert(t.withheldParts).values({ documentId, part: w.part, ground: w.ground, publicInterestNote: w.publicInterestNote, reviewOn: w.reviewOn }).run();
        }
      });

      for (const g of p.staffGroups) tx.insert(t.proposalStaffGroups).values({ proposalId, staffGroupId: g.id }).run();
      for (const u of p.unions) tx.insert(t.proposalUnions).values({ proposalId, unionId: u.id }).run();
      const questionIds = new Map<number, number>();
      p.questions.forEach((q, position) => {
        const row = tx.insert(t.consultationQuestions).values({ proposalId, position, question: q.question, personal: q.personal === true }).returning({ id: t.consultationQuestions.id }).get();
        questionIds.set(q.id, row.id);
      });
      data.translations.forEach((file, i) => {
        const tr = p.translations![i];
        const at = `${tr.translatedOn}T12:00:00.000Z`;
        const { id: translationId } = tx
          .insert(t.proposalTranslations)
          .values({ proposalId, language: tr.language, summary: tr.summary, translatorName: tr.translatorName, translatedOn: tr.translatedOn, enteredById: lookup(userIds, "account")(file.enteredBy ?? data.createdBy), createdAt: at, updatedAt: at })
          .returning({ id: t.proposalTranslations.id })
          .get();
        for (const q of tr.questions) tx.insert(t.proposalTranslationQuestions).values({ translationId, questionId: questionIds.get(q.questionId)!, text: q.text }).run();
      });

      // The snapshots the lifecycle would have taken on submission and approval (private).
      const stored = loadProposal(proposalId, tx)!;
      let number = 0;
      const snapshot = (reason: "submitted" | "approved", at: string, byId: number, before: Partial<Proposal>) =>
        tx.insert(t.proposalVersions)
          .values({ proposalId, number: ++number, reason, isPublic: false, snapshot: { ...stored, ...before, updatedAt: at }, createdById: byId, createdAt: at })
          .run();
      const notYet = { approvedAt: null, approvedById: null, noticeSentAt: null, openedAt: null, closedAt: null, withdrawnAt: null, withdrawnReason: null, outcomePublishedAt: null, decidedAt: null };
      if (p.submittedAt) snapshot("submitted", p.submittedAt, p.createdById, { ...notYet, state: "draft", submittedAt: null, revision: 1 });
      if (p.approvedAt && p.approvedById) snapshot("approved", p.approvedAt, p.approvedById, { ...notYet, state: "in_review", revision: 2 });
      // The notices these proposals would have sent: live links for one under notice, a past
      // record (acknowledged, staff told) for those already open.
      if (options.noticeHistory !== false) seedNoticeHistory(tx, proposalId, now);
      // What happened after it opened: public changes, responses, the outcome and the decision.
      seedAfterOpening(tx, data, proposalId, now, { userId: lookup(userIds, "account") });
    }
  }, database);

  return {
    accounts: content.accounts.map((a) => ({
      role: a.roles.map((r) => (r === "union_rep" && a.union ? `union_rep (${a.union})` : r)).join(", "),
      name: a.name,
      email: a.email,
      password: a.password,
    })),
  };
}

/** When the draft was started: a fortnight before its first lifecycle step (or before the seed). */
function earliest(stamps: (string | null)[], now: Date, daysBefore: number): string {
  const times = stamps.filter((s): s is string => s != null).map((s) => Date.parse(s));
  const first = Math.min(now.getTime(), ...times);
  return new Date(first - daysBefore * 86_400_000).toISOString();
}

/** The demo accounts as a plain-text table, for the console. */
export function formatAccountsTable(accounts: DemoAccountLogin[]): string {
  const header = { role: "Role", name: "Name", email: "Email", password: "Password" };
  const rows = [header, ...accounts];
  const width = (k: keyof DemoAccountLogin) => Math.max(...rows.map((r) => r[k].length));
  const cols: (keyof DemoAccountLogin)[] = ["role", "name", "email", "password"];
  const line = (r: DemoAccountLogin) => cols.map((k) => r[k].padEnd(width(k))).join("  ").trimEnd();
  const rule = cols.map((k) => "-".repeat(width(k))).join("  ");
  return [line(header), rule, ...accounts.map(line)].join("\n");
}
