/**
 * Demo challenges to the facts (demo mode only), after seedDemo() and seedDemoResponses():
 *  - on the ICT partnership, a member of staff (through the staff link, so nobody knows who)
 *    challenged the service desk figure, and the council corrected it in a published version;
 *  - on CAMHS, a resident challenged the saving and the council explained why it stands; and
 *    the UNISON representative challenged the crisis risk's rating, waiting for an answer.
 * One transaction; a consultation that is missing or not open is skipped.
 */
import { and, asc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { writeTransaction, type DB } from "#db/client.server";
import { loadSettings } from "~/lib/settings.server";
import { bankHolidays } from "~/proposals/lifecycle.server";
import { loadProposal } from "~/proposals/proposals.server";
import { ensurePublishedBaseline, recordPublicVersion } from "~/proposals/versions.server";
import { answerDueOn } from "./rules";

const DAY = 24 * 60 * 60 * 1000;

export function seedDemoChallenges(database: DB, now: Date) {
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 60 * 60 * 1000);
  writeTransaction((tx) => {
    const settings = loadSettings(tx);
    const due = (at: Date) => answerDueOn(at, settings, bankHolidays());
    const user = (email: string) => tx.select().from(t.users).where(eq(t.users.email, email)).get();

    // ICT: corrected, in a published version.
    const ictRow = tx.select().from(t.proposals).where(eq(t.proposals.slug, "ict-strategic-partnership")).get();
    const ictOfficer = user("officer.ict@northmoor.example");
    if (ictRow?.state === "open" && ictOfficer) {
      const made = ago(6, 3);
      const { id: challengeId } = tx
        .insert(t.challenges)
        .values({
          proposalId: ictRow.id,
          targetType: "figure",
          targetRef: "activityPerYear",
          claim: `Activity affected a year: 52,000 (${ictRow.activityDescription})`,
          reason:
            "52,000 is the figure from two years ago. Since the new housing benefit system went live the service desk has been taking far more calls, so the work the partner would take on is bigger than the consultation says.",
          evidence:
            "The service desk's own monthly reports for April 2025 to March 2026 add up to 61,800 calls and requests. They are on the ICT team's shared drive and were shown at the staff briefing in week 2.",
          authorKind: "staff",
          status: "visible",
          createdAt: made.toISOString(),
          dueOn: due(made),
        })
        .returning({ id: t.challenges.id })
        .get();
      const before = loadProposal(ictRow.id, tx)!;
      ensurePublishedBaseline(tx, before, ictOfficer.id);
      tx.update(t.proposals)
        .set({
          activityPerYear: 61_800,
          whatChanges: before.whatChanges?.replace("about 52,000 calls", "about 61,800 calls") ?? null,
          revision: before.revision + 1,
          updatedAt: ago(2).toISOString(),
        })
        .where(eq(t.proposals.id, ictRow.id))
        .run();
      const after = loadProposal(ictRow.id, tx)!;
      const versionId = recordPublicVersion(
        tx,
        after,
        { changeNote: "Corrected the number of service desk calls and requests to 61,800 a year (2025/26), after a challenge from a member of staff.", material: false, newClosesOn: null },
        ictOfficer.id,
      );
      const corrected = ago(2).toISOString();
      tx.update(t.proposalVersions).set({ createdAt: corrected }).where(eq(t.proposalVersions.id, versionId)).run();
      tx.update(t.proposalVersions)
        .set({ createdAt: ago(14).toISOString() })
        .where(and(eq(t.proposalVersions.proposalId, ictRow.id), eq(t.proposalVersions.isPublic, true), eq(t.proposalVersions.reason, "approved")))
        .run();
      tx.update(t.challenges)
        .set({
          answerKind: "corrected",
          answer:
            "You are right. The 52,000 came from the 2023/24 reports used when the procurement started. The 2025/26 reports show 61,800 calls and requests, and we have corrected the figure and the description of the service. The partner's price was based on the actual volumes of calls, so the saving does not change.",
          answeredAt: corrected,
          answeredById: ictOfficer.id,
          versionId,
        })
        .where(eq(t.challenges.id, challengeId))
        .run();
    }

    // CAMHS: one answered (it stands), one waiting.
    const camhs = tx.select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get();
    const camhsOfficer = user("officer@northmoor.example");
    if (camhs?.state === "open" && camhsOfficer) {
      const parent = tx.select().from(t.respondents).where(eq(t.respondents.email, "parent.demo@example.org")).get();
      const made = ago(9, 5);
      tx.insert(t.challenges)
        .values({
          proposalId: camhs.id,
          targetType: "figure",
          targetRef: "budgetChangeGbp",
          claim: "Change to the budget a year: a saving of £604,000 a year",
          reason:
            "The saving leaves out what it will cost children's social care to do the work the CAMHS social workers do now. The money is just moved from one part of the council to another.",
          evidence:
            "My son's CAMHS social worker came to every meeting with his school and his child protection conferences. Someone will still have to do that, and children's social care already has 19 vacant posts (it says so in the consultation).",
          authorKind: "resident",
          respondentId: parent?.id ?? null,
          displayName: parent?.showName ? parent.name : null,
          status: "visible",
          createdAt: made.toISOString(),
          dueOn: due(made),
          answerKind: "stands",
          answer:
            "The £604,000 is the net saving. The team costs £670,000 a year; we have taken off £66,000 a year for training CAMHS clinicians and for the service agreement that pays children's social care for the extra same-day advice and meetings. That cost is set out in section 5 of the business case, which is published in full. Children in care already have their own social worker in children's social care, so that part of the work is not new to them.",
          answeredAt: ago(4).toISOString(),
          answeredById: camhsOfficer.id,
        })
        .run();

      const rep = user("rep.unison@northmoor.example");
      const union = tx.select().from(t.unions).where(eq(t.unions.shortName, "UNISON")).get();
      const crisis = tx.select().from(t.risks).where(eq(t.risks.proposalId, camhs.id)).orderBy(asc(t.risks.position), asc(t.risks.id)).all()[4];
      if (rep && union && crisis) {
        const waiting = ago(2, 2);
        tx.insert(t.challenges)
          .values({
            proposalId: camhs.id,
            targetType: "risk",
            targetRef: String(crisis.id),
            claim: `Risk R5: ${crisis.description.replace(/\s+/g, " ").trim().slice(0, 150)} (likelihood ${crisis.likelihood}, impact ${crisis.impact}, score ${crisis.likelihood * crisis.impact})`,
            reason:
              "A likelihood of 2 says a crisis being missed is unlikely. Our members in the team handled 37 urgent referrals for children in crisis out of hours last year, usually because no clinician was free. Without them the risk is at least likely, which would make it a high risk needing a stronger mitigation.",
            evidence:
              "The team's duty log for 2025/26, which managers hold, and the minutes of the CAMHS joint consultative meeting in February, where the figure of 37 was agreed by the service manager.",
            authorKind: "union_rep",
            userId: rep.id,
            displayName: rep.name,
            unionName: union.name,
            status: "visible",
            createdAt: waiting.toISOString(),
            dueOn: due(waiting),
          })
          .run();
      }
    }
  }, database);
}
