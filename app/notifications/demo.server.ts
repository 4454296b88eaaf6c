/**
 * Demo data for notices, for db/seed.server.ts: what the notice machinery would have written
 * for a proposal seeded part-way through its life, so that the demo's public pages show a
 * real notification record and the demo inbox shows the emails.
 *
 * Call inside the seed's transaction, once per proposal, after its unions and staff groups are
 * inserted: `seedNoticeHistory(tx, proposalId, now)`.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import { loadProposal } from "~/proposals/proposals.server";
import { sendUnionNotices } from "./notices.server";
import { notifyStaffAtOpening } from "./staff.server";

const HOUR = 60 * 60 * 1000;

export function seedNoticeHistory(tx: DB, proposalId: number, now: Date): void {
  const p = loadProposal(proposalId, tx);
  if (!p?.noticeSentAt || !p.unions.length) return;
  const noticeAt = new Date(p.noticeSentAt);

  if (p.state === "union_notice") {
    // A notice still running: live links, valid from the seed, waiting in the outbox.
    sendUnionNotices(tx, p, now);
    return;
  }
  if (!p.openedAt) return;

  // A notice in the past: sent, used, acknowledged, and the staff told at opening.
  sendUnionNotices(tx, p, noticeAt);
  tx.update(t.outbox)
    .set({ status: "sent", sentAt: noticeAt.toISOString(), textBody: "(The personal link in this demo email has been removed.)" })
    .where(and(eq(t.outbox.proposalId, p.id), eq(t.outbox.event, "union_notice")))
    .run();
  const links = tx.select().from(t.noticeLinks).where(and(eq(t.noticeLinks.proposalId, p.id), isNull(t.noticeLinks.usedAt))).all();
  const seenAt = new Date(noticeAt.getTime() + 20 * HOUR).toISOString();
  if (links.length) tx.update(t.noticeLinks).set({ usedAt: seenAt }).where(inArray(t.noticeLinks.id, links.map((l) => l.id))).run();
  const reps = tx
    .select({ userId: t.unionReps.userId, unionId: t.unionReps.unionId })
    .from(t.unionReps)
    .where(inArray(t.unionReps.unionId, p.unions.map((u) => u.id)))
    .all();
  for (const rep of reps) {
    tx.insert(t.noticeViews).values({ proposalId: p.id, userId: rep.userId, at: seenAt }).run();
    tx.insert(t.noticeAcknowledgements).values({ proposalId: p.id, userId: rep.userId, unionId: rep.unionId, at: seenAt }).onConflictDoNothing().run();
  }

  notifyStaffAtOpening(tx, p, new Date(p.openedAt));
  tx.update(t.outbox)
    .set({ status: "sent", sentAt: p.openedAt })
    .where(and(eq(t.outbox.proposalId, p.id), eq(t.outbox.event, "staff_opened")))
    .run();
}
