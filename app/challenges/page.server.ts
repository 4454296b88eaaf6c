/**
 * What the challenge pages share: the proposal (public, or the site's 404), who is challenging,
 * the form's choices, and a refused challenge's reply.
 */
import { data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { getViewer } from "~/auth/session.server";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { loadProposalBySlug, notFound } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";
import { profileHref, signInHref } from "~/responses/participation.server";
import { getRespondent } from "~/responses/respondents.server";
import { acceptingResponses, displayName, profileComplete } from "~/responses/rules";
import type { ChallengeAuthor, ChallengeResult } from "./challenges.server";
import { challengeableClaims } from "./rules";

/**
 * A public proposal, or the 404 a missing slug gets. Staff who could see a draft get the same:
 * a challenge is to what was published, so these pages exist only for public proposals.
 */
export function requirePublicProposal(slug: string | undefined): Proposal {
  const proposal = loadProposalBySlug(slug ?? "");
  if (!proposal || !isPublic(proposal)) throw notFound();
  return proposal;
}

export async function requireChallengeable(_request: Request, slug: string | undefined): Promise<Proposal> {
  return requirePublicProposal(slug);
}

export type Challenger =
  | { kind: "author"; author: ChallengeAuthor; label: string }
  | { kind: "redirect"; to: string }
  | { kind: "refused"; message: string };

/**
 * Who is challenging on the public form. A union representative signed in speaks for their
 * union, under their name; other staff answer challenges rather than make them (they can use
 * the staff link, which records nothing about them); a resident signs in by email first.
 */
export async function challengerFor(request: Request, p: Proposal): Promise<Challenger> {
  const back = `/consultations/${encodeURIComponent(p.slug)}/challenge`;
  const staff = await getViewer(request);
  if (staff) {
    if (staff.roles.includes("union_rep") && staff.unionIds.length) {
      const unions = db().select({ id: t.unions.id, name: t.unions.name }).from(t.unions).where(inArray(t.unions.id, staff.unionIds)).all();
      const union = unions.find((u) => p.unions.some((x) => x.id === u.id)) ?? unions[0];
      if (union) return { kind: "author", author: { kind: "union_rep", viewer: staff, unionName: union.name }, label: `${staff.name}, ${union.name}` };
    }
    return { kind: "refused", message: "You are signed in as council staff, who answer challenges rather than make them. If you work in the service affected, use the link in the email your staff group was sent when the consultation opened." };
  }
  const respondent = await getRespondent(request);
  if (!respondent) return { kind: "redirect", to: signInHref(back) };
  if (profileComplete(respondent)) return { kind: "redirect", to: profileHref(respondent, back) };
  const shown = displayName(respondent);
  const name = respondent.showName && respondent.name?.trim() ? `${shown.name}${shown.capacity ? `, ${shown.capacity}` : ""}` : null;
  return { kind: "author", author: { kind: "resident", respondentId: respondent.id, displayName: name }, label: name ?? "Resident" };
}

export function challengeFormPage(p: Proposal, chosen: string | null) {
  const settings = loadSettings();
  const claims = challengeableClaims(p, settings).map(({ value, group, label }) => ({ value, group, label }));
  return {
    title: p.title,
    back: `/consultations/${encodeURIComponent(p.slug)}`,
    accepting: acceptingResponses(p, now(), settings.council.timeZone),
    workingDays: settings.challenges.answerWorkingDays,
    claims,
    chosen: claims.some((c) => c.value === chosen) ? chosen : null,
  };
}

/** A refused challenge: the message beside its field, everything typed kept. */
export function challengeReply(submission: Submission<unknown, string[]>, result: Extract<ChallengeResult, { ok: false }>) {
  if (result.status === 404) throw notFound();
  const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
  return data(reply, { status: result.status });
}
