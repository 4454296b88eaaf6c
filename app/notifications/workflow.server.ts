/**
 * Telling the next person: who is emailed when a proposal is submitted, returned, approved or
 * withdrawn. Called from onTransition inside the transition's own transaction, so each email
 * commits with the change or not at all (outbox.server.ts). Recipients are decided here, once,
 * and every member of staff among them must be able to see the proposal (the one predicate).
 *
 * Approval is council-wide (any approver who neither drafted nor changed the proposal may
 * approve it, lifecycle.ts), so a submission goes to every such approver, not to a service's.
 * A returned or approved proposal goes to the people who worked on it this round: its drafter
 * and anyone who changed it since it was last returned (docs/decisions/022).
 */
import { and, asc, eq, exists, inArray, isNotNull, isNull, or } from "drizzle-orm";
import * as t from "#db/schema";
import type { DB } from "#db/client.server";
import type { SignedInViewer } from "~/auth/permissions";
import { baseUrl } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import type { Proposal } from "~/proposals/types";
import { editorsSinceLastReturn } from "~/proposals/lifecycle";
import { roundEntries } from "~/proposals/lifecycle.server";
import { canSeeProposal, isPublic, visibilityFacts } from "~/proposals/visibility";
import { queueEmail } from "./outbox.server";
import { emailStaffGroups, publicUrl } from "./staff.server";
import { inLanguage, notifySubscribersOfUpdate } from "./subscriptions.server";
import { translator } from "~/i18n/i18n";
import { languageOrDefault, type LanguageCode } from "~/i18n/languages";
import { sendNoticeWithdrawn } from "./notices.server";
import { consultationWithdrawnEmail, proposalApprovedEmail, proposalReturnedEmail, proposalSubmittedEmail } from "./templates";
import { formatDate } from "~/components/format";

export function staffProposalUrl(id: number) {
  return `${baseUrl()}/staff/proposals/${id}`;
}

/** Where an approver reads the whole proposal and approves or returns it (decision record 025). */
export function staffReviewUrl(id: number) {
  return `${staffProposalUrl(id)}/review`;
}

type StaffMember = SignedInViewer;

/** Active staff accounts as the visibility predicate sees them: by id, or everyone with a role. */
function staffMembers(tx: DB, where: { ids?: number[]; role?: t.Role }): StaffMember[] {
  if (where.ids && !where.ids.length) return [];
  const users = tx
    .select({ id: t.users.id, name: t.users.name, email: t.users.email, serviceId: t.users.serviceId })
    .from(t.users)
    .where(
      and(
        isNull(t.users.disabledAt),
        where.ids ? inArray(t.users.id, where.ids) : undefined,
        where.role ? exists(tx.select({ one: t.userRoles.userId }).from(t.userRoles).where(and(eq(t.userRoles.userId, t.users.id), eq(t.userRoles.role, where.role)))) : undefined,
      ),
    )
    .orderBy(asc(t.users.id))
    .all();
  if (!users.length) return [];
  const ids = users.map((u) => u.id);
  const roles = tx.select().from(t.userRoles).where(inArray(t.userRoles.userId, ids)).all();
  const reps = tx.select().from(t.unionReps).where(inArray(t.unionReps.userId, ids)).all();
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.role),
    unionIds: reps.filter((r) => r.userId === u.id).map((r) => r.unionId),
  }));
}

function nameOf(tx: DB, userId: number | null | undefined): string | null {
  if (userId == null) return null;
  return tx.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, userId)).get()?.name ?? null;
}

/**
 * The people who worked on the proposal this round: its drafter and everyone who changed it since
 * it was last returned (or since it was started). A return just written to the audit log closes
 * the round it ends, so it is set aside to find who worked on that round.
 */
export function roundAuthorIds(tx: DB, p: Pick<Proposal, "id" | "createdById">, justReturned = false): number[] {
  const entries = roundEntries([p.id], tx);
  if (justReturned && entries.at(-1)?.action === "proposal.reject") entries.pop();
  return [...new Set([p.createdById, ...editorsSinceLastReturn(entries)])];
}

/** Staff who may see the proposal, less the person whose act this is (they know already). */
function mayBeTold(people: StaffMember[], p: Proposal, actorId: number | null): StaffMember[] {
  const facts = visibilityFacts(p);
  return people.filter((u) => u.id !== actorId && canSeeProposal(u, facts));
}

/** Submitted: every approver who may approve it (never its drafter or anyone who changed it this round). */
export function notifyApproversOfSubmission(tx: DB, p: Proposal, actorId: number | null): number {
  const council = loadSettings(tx).council.name;
  const authors = new Set(roundAuthorIds(tx, p));
  const approvers = mayBeTold(staffMembers(tx, { role: "approver" }), p, actorId).filter((u) => !authors.has(u.id));
  const email = proposalSubmittedEmail({ council, title: p.title, serviceName: p.serviceName, submittedBy: nameOf(tx, actorId) ?? "An officer", link: staffReviewUrl(p.id) });
  // The revision is new at every transition, so a proposal submitted again is a new email.
  return approvers.filter((u) => queueEmail(tx, { idempotencyKey: `proposal-submitted:${p.id}:${p.revision}:${u.id}`, event: "proposal_submitted", to: u.email, ...email, proposalId: p.id })).length;
}

/** Returned: its authors this round, with the approver's reason. */
export function notifyAuthorsOfReturn(tx: DB, p: Proposal, actorId: number | null): number {
  const council = loadSettings(tx).council.name;
  const email = proposalReturnedEmail({ council, title: p.title, returnedBy: nameOf(tx, actorId) ?? "An approver", reason: p.returnedReason ?? "", link: staffProposalUrl(p.id) });
  const authors = mayBeTold(staffMembers(tx, { ids: roundAuthorIds(tx, p, true) }), p, actorId);
  return authors.filter((u) => queueEmail(tx, { idempotencyKey: `proposal-returned:${p.id}:${p.revision}:${u.id}`, event: "proposal_returned", to: u.email, ...email, proposalId: p.id })).length;
}

/** What happens after approval, in a sentence for the drafter. */
function nextAfterApproval(p: Proposal): string {
  const opens = p.opensOn ? ` It is planned to open on ${formatDate(p.opensOn)}.` : "";
  if (p.state === "union_notice") return `The recognised unions have been sent confidential advance notice. It opens for consultation once their notice period is over and every feedback item from them has been answered.${opens}`;
  return `No staff group or union needs notice, so it opens for consultation by itself on its opening date.${opens}`;
}

/** Approved: its authors this round. */
export function notifyAuthorsOfApproval(tx: DB, p: Proposal, actorId: number | null): number {
  const council = loadSettings(tx).council.name;
  const email = proposalApprovedEmail({ council, title: p.title, approvedBy: nameOf(tx, actorId) ?? "An approver", next: nextAfterApproval(p), link: staffProposalUrl(p.id) });
  const authors = mayBeTold(staffMembers(tx, { ids: roundAuthorIds(tx, p) }), p, actorId);
  return authors.filter((u) => queueEmail(tx, { idempotencyKey: `proposal-approved:${p.id}:${p.revision}:${u.id}`, event: "proposal_approved", to: u.email, ...email, proposalId: p.id })).length;
}

/** Residents who responded or commented and can still be reached (not anonymised). */
function respondentsOf(tx: DB, proposalId: number) {
  return tx
    .select({ id: t.respondents.id, email: t.respondents.email, language: t.respondents.language })
    .from(t.respondents)
    .where(
      and(
        isNull(t.respondents.anonymisedAt),
        isNotNull(t.respondents.verifiedAt),
        or(
          exists(tx.select({ one: t.responses.id }).from(t.responses).where(and(eq(t.responses.proposalId, proposalId), eq(t.responses.respondentId, t.respondents.id)))),
          exists(tx.select({ one: t.comments.id }).from(t.comments).where(and(eq(t.comments.proposalId, proposalId), eq(t.comments.respondentId, t.respondents.id)))),
        ),
      ),
    )
    .orderBy(asc(t.respondents.id))
    .all();
}

/**
 * Withdrawn: everyone who was told of the proposal hears it, with the reason as published. The
 * reps given notice (before opening, still in confidence); once it had opened, the staff groups
 * emailed at opening, the residents who responded or commented, and its subscribers. A resident
 * who is both a respondent and a subscriber gets one email, the subscriber's (it can unsubscribe).
 */
export function notifyEveryoneOfWithdrawal(tx: DB, p: Proposal): number {
  const council = loadSettings(tx).council.name;
  const reason = p.withdrawnReason ?? "";
  const withdrawnAt = p.withdrawnAt ?? new Date().toISOString();
  let queued = sendNoticeWithdrawn(tx, p);
  if (!isPublic(p)) return queued;
  const url = publicUrl(p.slug);
  const base = { council, title: p.title, withdrawnAt, reason, publicUrl: url };

  const told = tx.select({ id: t.staffNotifications.staffGroupId }).from(t.staffNotifications).where(eq(t.staffNotifications.proposalId, p.id)).all();
  queued += emailStaffGroups(tx, p, told.map((g) => g.id), {
    event: "staff_withdrawn",
    key: "staff-withdrawn",
    compose: (groupName) => consultationWithdrawnEmail({ ...base, why: `You are receiving this because your staff group (${groupName}) was told when this consultation opened.` }),
  }).queued;

  const residentBase = (lang: LanguageCode) => ({ ...base, publicUrl: inLanguage(url, lang) });
  const subscribed = notifySubscribersOfUpdate(tx, p, "withdraw", (unsubscribeUrl, lang) =>
    consultationWithdrawnEmail({ ...residentBase(lang), why: translator(lang)("consultationPages.emails.withdrawn.whySubscribed"), unsubscribeUrl }, lang),
  );
  queued += subscribed;
  const subscribers = new Set(
    tx
      .select({ email: t.subscriptions.email })
      .from(t.subscriptions)
      .where(and(eq(t.subscriptions.scope, "consultation"), eq(t.subscriptions.proposalId, p.id), isNotNull(t.subscriptions.confirmedAt), isNull(t.subscriptions.unsubscribedAt)))
      .all()
      .map((s) => s.email.toLowerCase()),
  );
  for (const r of respondentsOf(tx, p.id)) {
    if (subscribers.has(r.email.toLowerCase())) continue;
    const lang = languageOrDefault(r.language);
    const email = consultationWithdrawnEmail({ ...residentBase(lang), why: translator(lang)("consultationPages.emails.withdrawn.whyResponded") }, lang);
    if (queueEmail(tx, { idempotencyKey: `respondent-withdrawn:${p.id}:${r.id}`, event: "respondent_withdrawn", to: r.email, ...email, proposalId: p.id })) queued++;
  }
  return queued;
}
