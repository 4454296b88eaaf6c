/**
 * The comments on a whole proposal, a page at a time, and the council's official answers
 * (?show=official). The consultation page shows the newest few; this is all of them.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: pageTitle(matches, "Comments") }];
  const what = data.show === "official" ? "Official answers" : "Comments";
  const page = data.thread && data.thread.pages > 1 ? ` (page ${data.thread.page} of ${data.thread.pages})` : "";
  return [{ title: pageTitle(matches, `${what}${page}: ${data.consultation.title}`) }];
};

export default function ProposalComments() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return <ThreadPageView data={data} lastResult={lastResult} />;
}
