/**
 * The comments on a whole proposal, a page at a time, and the council's official answers
 * (?show=official). The consultation page shows the newest few; this is all of them.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import commentsCss from "~/responses/comments.css?url";
import { handleCommentPost } from "~/responses/participation.server";
import { threadPath } from "~/responses/rules";
import { requireDiscussableProposal, threadPageData } from "~/responses/thread-page.server";
import { ThreadPageView } from "~/responses/ThreadPages";
import { type HydrationHandle, whileCommenting } from "~/components/hydration";

// Scripts only for a reader who sees the comment form; everyone else gets the page alone (decision 019).
export const handle: HydrationHandle = { hydrate: whileCommenting };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  return threadPageData(request, params.slug ?? "", (p) => ({ type: "proposal", id: p.id }));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposal = await requireDiscussableProposal(request, params.slug ?? "");
  const target = { type: "proposal" as const, id: proposal.id };
  return handleCommentPost(request, context, proposal, { target, backTo: threadPath(proposal.slug, target) });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  if (!data) return [{ title: pageTitle(matches, t("commentPages.titles.comments")) }];
  const what = data.show === "official" ? t("commentPages.titles.officialAnswers") : t("commentPages.titles.comments");
  const paged = data.thread && data.thread.pages > 1 ? t("commentPages.titles.paged", { what, page: data.thread.page, pages: data.thread.pages }) : what;
  return [{ title: pageTitle(matches, t("commentPages.titles.on", { what: paged, title: data.consultation.title })) }];
};

export default function ProposalComments() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <ThreadPageView data={data} lastResult={lastResult} />;
}
