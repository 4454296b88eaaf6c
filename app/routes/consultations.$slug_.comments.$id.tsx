/**
 * One comment, the comments above it and its replies: its permanent address, and the page a
 * reply is written on.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { notFound } from "~/proposals/proposals.server";
import commentsCss from "~/responses/comments.css?url";
import { handleCommentPost } from "~/responses/participation.server";
import { commentPath, parseId } from "~/responses/rules";
import { commentPageData, requireDiscussableProposal } from "~/responses/thread-page.server";
import { CommentPageView } from "~/responses/ThreadPages";
import { type HydrationHandle, whileCommenting } from "~/components/hydration";

// Scripts only for a reader who sees the comment form; everyone else gets the page alone (decision 019).
export const handle: HydrationHandle = { hydrate: whileCommenting };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return commentPageData(request, params.slug ?? "", parseId(params.id));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parentId = parseId(params.id);
  if (parentId == null) throw notFound();
  const proposal = await requireDiscussableProposal(request, params.slug ?? "");
  return handleCommentPost(request, context, proposal, { parentId, backTo: commentPath(proposal.slug, parentId) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  if (!data) return [{ title: pageTitle(matches, t("commentPages.titles.comment")) }];
  const author = data.comment.author;
  const who = author ? t("commentPages.titles.commentBy", { name: author.anonymous ? t("commentPages.item.resident") : author.name }) : t("commentPages.titles.comment");
  return [{ title: pageTitle(matches, t("commentPages.titles.on", { what: who, title: data.consultation.title })) }];
};

export default function CommentPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <CommentPageView data={data} lastResult={lastResult} />;
}
