/**
 * Who is taking part on a consultation page, and what they may do there: a respondent (their
 * own cookie), an officer of the service running the consultation (answers for the council), or
 * someone who has to sign in first. Routes ask this once and hand the answer to the page.
 */
import { data, redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { getViewer } from "~/auth/session.server";
import { translatorFor } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import type { SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { canEditProposal } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";
import { postComment, type Author } from "./comments.server";
import { addressFrom } from "./rate-limit.server";
import { getRespondent, safeReturnPath, type Respondent } from "./respondents.server";
import { acceptingResponses, commentPath, commentsClosedMessage, profileComplete, type CommentTarget } from "./rules";
import { localMessage } from "./messages";
import { HONEYPOT_FIELD, commentSchemaIn } from "./schemas";
import type { Reader } from "./types";

/**
 * What the comment form shows: the form itself (as a resident or as the council), a link to
 * sign in, the step the resident still has to do, or why staff cannot post here.
 */
export type FormMode = "respondent" | "official" | "sign-in" | "complete-profile" | "staff-cannot" | "closed";

export type Participant = {
  respondent: Respondent | null;
  staff: SignedInViewer | null;
  accepting: boolean;
  mode: FormMode;
  reader: Reader;
  /** a public name for the form's heading: "Commenting as Resident" */
  councilName: string;
};

export async function participantFor(request: Request, proposal: Pick<Proposal, "state" | "closesOn" | "serviceId" | "createdById">): Promise<Participant> {
  const [staff, respondent] = await Promise.all([getViewer(request), getRespondent(request)]);
  const settings = loadSettings();
  const accepting = acceptingResponses(proposal, now(), settings.council.timeZone);
  const councilName = settings.council.name;
  const official = staff != null && canEditProposal(staff, proposal);
  // Signed in as staff, the staff identity wins: an officer must not post as a resident by accident.
  const mode: FormMode = !accepting
    ? "closed"
    : staff
      ? official
        ? "official"
        : "staff-cannot"
      : !respondent
        ? "sign-in"
        : profileComplete(respondent)
          ? "complete-profile"
          : "respondent";
  return {
    respondent,
    staff,
    accepting,
    mode,
    councilName,
    reader: { respondentId: staff ? null : (respondent?.id ?? null), officerId: official ? staff!.id : null, accepting, councilName, lang: languageOfRequest(request) },
  };
}

/**
 * Sign in to comment: after the emailed link, through the privacy notice and "how you appear"
 * (each skipped if already done), then back here, ready to post.
 */
export function signInHref(returnTo: string) {
  // Every step in the language of the page that asked (its address says which).
  const steps = withLanguage(`/respondents/privacy?${new URLSearchParams({ redirectTo: safeReturnPath(returnTo) })}`, languageOfUrl(returnTo));
  return `/respondents/sign-in?${new URLSearchParams({ redirectTo: steps })}`;
}

export function profileHref(respondent: Respondent, returnTo: string) {
  const step = profileComplete(respondent) ?? "about-you";
  return withLanguage(`/respondents/${step}?${new URLSearchParams({ redirectTo: safeReturnPath(returnTo) })}`, languageOfUrl(returnTo));
}

/** The author for a write, or the response that explains why there is none. */
export function authorFor(participant: Participant, returnTo: string): Author | Response {
  // Signing in keeps the page's language, there and back.
  const lang = participant.reader.lang ?? "en";
  const back = withLanguage(returnTo, lang);
  switch (participant.mode) {
    case "official":
      return { kind: "officer", viewer: participant.staff! };
    case "respondent":
      return { kind: "respondent", respondentId: participant.respondent!.id };
    case "sign-in":
      return redirect(withLanguage(signInHref(back), lang));
    case "complete-profile":
      return redirect(withLanguage(profileHref(participant.respondent!, back), lang));
    case "staff-cannot":
      return new Response("Only officers of the service running this consultation can comment for the council", { status: 403 });
    case "closed":
      return new Response("This consultation has closed", { status: 409 });
  }
}

/**
 * The action behind every comment form: a new comment on `target`, or a reply to `parentId`.
 * Invalid input comes back to the form with its message (status 400, or 409 after closing, or
 * 429 when rate limited); success goes to the new comment.
 */
export async function handleCommentPost(
  request: Request,
  context: unknown,
  proposal: Proposal,
  where: { target: CommentTarget; backTo: string } | { parentId: number; backTo: string },
) {
  const { lang, t } = translatorFor(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: commentSchemaIn(t) });
  const participant = await participantFor(request, proposal);
  if (participant.mode === "closed") {
    return data(submission.reply({ formErrors: [localMessage(commentsClosedMessage(proposal), t)] }), { status: 409 });
  }
  const author = authorFor(participant, where.backTo);
  if (author instanceof Response) throw author;
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // A robot filled in the field people cannot see: it is told it succeeded, and nothing is stored.
  if (submission.value[HONEYPOT_FIELD]) throw redirect(withLanguage(where.backTo, lang));
  const result = postComment({
    proposal,
    author,
    target: "target" in where ? where.target : undefined,
    parentId: "parentId" in where ? where.parentId : null,
    body: submission.value.body,
    address: addressFrom(context),
  });
  if (!result.ok) {
    if (result.status === 404) throw new Response("Not Found", { status: 404 });
    const message = localMessage(result.message, t);
    return data(result.field ? submission.reply({ fieldErrors: { body: [message] } }) : submission.reply({ formErrors: [message] }), { status: result.status });
  }
  const flag = result.status === "pending" ? "held" : "posted";
  throw redirect(withLanguage(`${commentPath(proposal.slug, result.commentId)}?${flag}=1`, lang));
}
