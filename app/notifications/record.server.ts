/**
 * Loads the public notification record (record.ts) for a proposal the caller has already
 * fetched through the visibility predicate (requireVisibleProposal). Reads counts and dates
 * only; the feedback table is never touched here.
 */
import { asc, count, countDistinct, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { councilTimeZone } from "~/lib/settings.server";
import { bankHolidays } from "~/proposals/lifecycle.server";
import type { Proposal } from "~/proposals/types";
import { buildNotificationRecord, type NotificationRecordView } from "./record";

export type { NotificationRecordView };

export function loadNotificationRecord(p: Proposal, database: DB = defaultDb()): NotificationRecordView {
  const repsNotified = database.select({ n: countDistinct(t.noticeLinks.userId) }).from(t.noticeLinks).where(eq(t.noticeLinks.proposalId, p.id)).get()?.n ?? 0;
  const repsAcknowledged = database.select({ n: count() }).from(t.noticeAcknowledgements).where(eq(t.noticeAcknowledgements.proposalId, p.id)).get()?.n ?? 0;
  const staffGroups = database
    .select({ name: t.staffGroups.name, headCount: t.staffNotifications.headCount, sentAt: t.staffNotifications.sentAt })
    .from(t.staffNotifications)
    .innerJoin(t.staffGroups, eq(t.staffGroups.id, t.staffNotifications.staffGroupId))
    .where(eq(t.staffNotifications.proposalId, p.id))
    .orderBy(asc(t.staffGroups.name))
    .all();
  return buildNotificationRecord(
    {
      noStaffAffected: p.noStaffAffected,
      // Approval stamps noticeSentAt even when no union is notified; only a real notice counts.
      noticeSentAt: p.unions.length ? p.noticeSentAt : null,
      openedAt: p.openedAt,
      opensOn: p.opensOn,
      unionNames: p.unions.map((u) => u.name),
      repsNotified,
      repsAcknowledged,
      staffGroups,
    },
    bankHolidays(),
    councilTimeZone(database),
  );
}
