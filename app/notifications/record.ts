/**
 * The public notification record of a consultation, pure: when the unions were told and how
 * many working days before opening, how many reps acknowledged, and how many staff in which
 * groups were told and when. Counts and dates only: never a person's name, an address or the
 * unions' feedback.
 */
import { toCouncilDate } from "~/lib/council-time";
import { workingDaysBetween } from "~/lib/working-days";

export type NotificationRecordFacts = {
  noStaffAffected: boolean;
  noticeSentAt: string | null;
  openedAt: string | null;
  opensOn: string | null;
  unionNames: string[];
  repsNotified: number;
  repsAcknowledged: number;
  staffGroups: { name: string; headCount: number; sentAt: string }[];
};

export type NotificationRecordView = {
  noStaffAffected: boolean;
  unions: {
    toldOn: string;
    names: string[];
    /** working days between the notice and opening (or the planned opening, before it opens) */
    workingDaysBeforeOpening: number | null;
    opened: boolean;
    repsNotified: number;
    repsAcknowledged: number;
  } | null;
  staff: { groups: { name: string; headCount: number; toldOn: string }[]; total: number };
};

/** `timeZone`: the council's, in which the working days are counted. */
export function buildNotificationRecord(f: NotificationRecordFacts, holidays: ReadonlySet<string>, timeZone: string): NotificationRecordView {
  const opening = f.openedAt ?? f.opensOn;
  const groups = [...f.staffGroups].sort((a, b) => a.name.localeCompare(b.name)).map((g) => ({ name: g.name, headCount: g.headCount, toldOn: g.sentAt }));
  return {
    noStaffAffected: f.noStaffAffected && !f.noticeSentAt && !groups.length,
    unions:
      f.noticeSentAt && f.unionNames.length
        ? {
            toldOn: f.noticeSentAt,
            names: f.unionNames,
            workingDaysBeforeOpening: opening ? workingDaysBetween(toCouncilDate(f.noticeSentAt, timeZone), toCouncilDate(opening, timeZone), holidays) : null,
            opened: f.openedAt != null,
            repsNotified: f.repsNotified,
            repsAcknowledged: f.repsAcknowledged,
          }
        : null,
    staff: { groups, total: groups.reduce((n, g) => n + g.headCount, 0) },
  };
}
