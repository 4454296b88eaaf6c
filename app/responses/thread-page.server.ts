/**
 * What a thread page loads: the consultation through the visibility predicate, the thing being
 * discussed, one page of its comments (or the council's official answers), and what the
 * reader may do. The whole-proposal thread and each row's thread share it.
 */
import { getViewer } from "~/auth/session.server";
import { loadSettings } from "~/lib/settings.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { isPublic } from "~/proposals/visibility";
import { loadCommentContext, loadOfficialAnswers, loadOwnComment, loadThread, threadCounts } from "./comments.server";
import { authorFor, participantFor, profileHref, signInHref, type FormMode } from "./participation.server";
import { withLanguage } from "~/i18n/languages";
import { commentPath, commentsClosedMessage, shownAuthor, parseId, threadPath, type CommentTarget, type ShownAuthor } from "./rules";
import { responseCounts, type ResponseCounts } from "./answers.server";
import { describeTarget, itemThreads, type TargetDescription } from "./targets";
import type { CommentView, ItemThreads, OfficialAnswerView, ThreadPage } from "./types";

export function parsePage(value: string | null): number {
  return value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

export type ConsultationRef = { slug: string; title: string; state: Proposal["state"]; closesOn: string | null };

export type FormContext = {
  mode: FormMode;
  /** when comments are no longer taken (mode "closed"): why, said where the form would be */
  closedMessage: string | null;
  signInHref: string;
  profileHref: string | null;
  councilName: string;
  /** how a resident's comment will be signed, and where to change it */
  postingAs: (ShownAuthor & { changeHref: string }) | null;
};

/** A consultation that can have comments: visible to this viewer and published. */
export async function requireDiscussableProposal(request: Request, slug: string): Promise<Proposal> {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, slug);
  // Staff can preview a proposal before it opens; there is nothing to discuss until it is public.
  if (!isPublic(proposal)) throw notFound();
  return proposal;
}

async function formContext(request: Request, proposal: Proposal, page: string) {
  const participant = await participantFor(request, proposal);
  // Back to this page in its language after signing in or choosing how to appear.
  const returnTo = withLanguage(page, participant.reader.lang ?? "en");
  const form: FormContext = {
    mode: participant.mode,
    closedMessage: participant.accepting ? null : commentsClosedMessage(proposal),
    signInHref: signInHref(returnTo),
    profileHref: participant.respondent ? profileHref(participant.respondent, returnTo) : null,
    councilName: participant.councilName,
    postingAs:
      participant.mode === "respondent" && participant.respondent
        ? { ...shownAuthor(participant.respondent), changeHref: `/respondents/about-you?${new URLSearchParams({ redirectTo: returnTo })}` }
        : null,
  };
  return { participant, form };
}

function ref(p: Proposal): ConsultationRef {
  return { slug: p.slug, title: p.title, state: p.state, closesOn: p.closesOn };
}

export type ThreadPageData = {
  consultation: ConsultationRef;
  target: CommentTarget;
  description: TargetDescription;
  show: "all" | "official";
  order: "oldest" | "newest";
  thread: ThreadPage | null;
  official: { answers: OfficialAnswerView[]; page: number; pages: number; total: number } | null;
  visibleCount: number;
  officialCount: number | null;
  form: FormContext;
  action: string;
};

export async function threadPageData(request: Request, slug: string, targetOf: (p: Proposal) => CommentTarget | null): Promise<ThreadPageData> {
  const proposal = await requireDiscussableProposal(request, slug);
  const target = targetOf(proposal);
  const description = target ? describeTarget(proposal, target, loadSettings()) : null;
  if (!target || !description) throw notFound();
  const url = new URL(request.url);
  const action = threadPath(proposal.slug, target);
  const { participant, form } = await formContext(request, proposal, action);
  const page = parsePage(url.searchParams.get("page"));
  const order = url.searchParams.get("order") === "newest" ? "newest" : "oldest";
  const show = target.type === "proposal" && url.searchParams.get("show") === "official" ? "official" : "all";
  const counts = threadCounts(proposal.id);
  const official = target.type === "proposal" ? loadOfficialAnswers(proposal.id, { page: show === "official" ? page : 1 }, participant.reader) : null;
  return {
    consultation: ref(proposal),
    target,
    description,
    show,
    order,
    thread: show === "all" ? loadThread(proposal.id, target, { page, order }, participant.reader) : null,
    official: show === "official" ? official : null,
    visibleCount: counts[`${target.type}:${target.id}`] ?? 0,
    officialCount: official?.total ?? null,
    form,
    action,
  };
}

export type CommentPageData = {
  consultation: ConsultationRef;
  target: CommentTarget;
  description: TargetDescription;
  threadHref: string;
  comment: CommentView;
  ancestors: CommentView[];
  replies: ThreadPage;
  form: FormContext;
  action: string;
  flash: "posted" | "held" | "reported" | "deleted" | "edited" | null;
};

/** One comment with its context and its replies: the page each reply is written on. */
export async function commentPageData(request: Request, slug: string, commentId: number | null): Promise<CommentPageData> {
  const proposal = await requireDiscussableProposal(request, slug);
  if (commentId == null) throw notFound();
  const action = commentPath(proposal.slug, commentId);
  const { participant, form } = await formContext(request, proposal, action);
  const url = new URL(request.url);
  const context = loadCommentContext(proposal.id, commentId, parsePage(url.searchParams.get("page")), participant.reader);
  if (!context) throw notFound();
  const description = describeTarget(proposal, context.target, loadSettings());
  if (!description) throw notFound();
  const flags = ["posted", "held", "reported", "deleted", "edited"] as const;
  return {
    consultation: ref(proposal),
    target: context.target,
    description,
    threadHref: threadPath(proposal.slug, context.target),
    comment: context.comment,
    ancestors: context.ancestors,
    replies: context.replies,
    form,
    action,
    flash: flags.find((f) => url.searchParams.has(f)) ?? null,
  };
}

export type ConsultationResponses = {
  accepting: boolean;
  counts: ResponseCounts;
  threads: ItemThreads;
  /** the newest few comments on the whole proposal, with their replies */
  preview: ThreadPage;
  proposalCommentCount: number;
  officialCount: number;
  form: FormContext;
  commentsHref: string;
};

export const PREVIEW_SIZE = 5;

/**
 * What the consultation page shows of the responses: counts across every channel, each row's
 * thread count, and the newest comments on the proposal. Only for a published consultation.
 */
export async function consultationPageResponses(request: Request, proposal: Proposal): Promise<ConsultationResponses | null> {
  if (!isPublic(proposal)) return null;
  const commentsHref = threadPath(proposal.slug, { type: "proposal", id: proposal.id });
  const { participant, form } = await formContext(request, proposal, commentsHref);
  const counts = threadCounts(proposal.id);
  return {
    accepting: participant.accepting,
    counts: responseCounts(proposal.id),
    threads: itemThreads(proposal, counts, loadSettings()),
    preview: loadThread(proposal.id, { type: "proposal", id: proposal.id }, { page: 1, order: "newest", pageSize: PREVIEW_SIZE }, participant.reader),
    proposalCommentCount: counts[`proposal:${proposal.id}`] ?? 0,
    officialCount: loadOfficialAnswers(proposal.id, { page: 1 }, participant.reader).total,
    form,
    commentsHref,
  };
}

/**
 * The author's own comment for the edit and delete pages: a visible, discussable proposal, a
 * signed-in author (otherwise the sign-in redirect, coming back to `page`), and a comment of
 * theirs; anything else is the site's 404.
 */
/**
 * Why an author can no longer change or delete their comment (the consultation closed or was
 * withdrawn while they had the page open), or null while it takes comments. The actions answer
 * it beside the form: requireOwnComment alone would end at an error page.
 */
export async function commentsClosedFor(request: Request, slug: string): Promise<string | null> {
  const proposal = await requireDiscussableProposal(request, slug);
  return (await participantFor(request, proposal)).accepting ? null : commentsClosedMessage(proposal);
}

export async function requireOwnComment(request: Request, slug: string, id: string | undefined, page: "edit" | "delete") {
  const commentId = parseId(id);
  if (commentId == null) throw notFound();
  const proposal = await requireDiscussableProposal(request, slug);
  const back = commentPath(proposal.slug, commentId);
  const author = authorFor(await participantFor(request, proposal), `${back}/${page}`);
  if (author instanceof Response) throw author;
  const comment = loadOwnComment(proposal.id, commentId, author);
  if (!comment) throw notFound();
  return { proposal, author, comment, back };
}
