/**
 * The comments on one row of a proposal: a risk, a service or partner affected, a mitigation or
 * an equality row (/comments/risk/12). The row must belong to this consultation.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { notFound } from "~/proposals/proposals.server";
import commentsCss from "~/responses/comments.css?url";
import { handleCommentPost } from "~/responses/participation.server";
import { parseTargetSegments, threadPath } from "~/responses/rules";
import { requireDiscussableProposal, threadPageData } from "~/responses/thread-page.server";
import { threadHeading, ThreadPageView } from "~/responses/ThreadPages";
import { type HydrationHandle, whileCommenting } from "~/components/hydration";

// Scripts only for a reader who sees the comment form; everyone else gets the page alone (decision 019).
export const handle: HydrationHandle = { hydrate: whileCommenting };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const target = parseTargetSegments(params.kind, params.itemId);
  if (!target) throw notFound();
  return threadPageData(request, params.slug ?? "", () => target);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const target = parseTargetSegments(params.kind, params.itemId);
  if (!target) throw notFound();
  const proposal = await requireDiscussableProposal(request, params.slug ?? "");
  // postComment checks again, inside its transaction, that the row belongs to this proposal.
  return handleCommentPost(request, context, proposal, { target, backTo: threadPath(proposal.slug, target) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  if (!data) return [{ title: pageTitle(matches, t("commentPages.titles.comments")) }];
  const what = threadHeading(data.description, data.target, t);
  const paged = data.thread && data.thread.pages > 1 ? t("commentPages.titles.paged", { what, page: data.thread.page, pages: data.thread.pages }) : what;
  return [{ title: pageTitle(matches, t("commentPages.titles.on", { what: paged, title: data.consultation.title })) }];
};

export default function ItemComments() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <ThreadPageView data={data} lastResult={lastResult} />;
}
