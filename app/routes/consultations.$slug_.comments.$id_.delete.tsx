/** The author deletes their comment. Its words go; a placeholder stays only if replies hang from it. */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import commentsCss from "~/responses/comments.css?url";
import { deleteComment } from "~/responses/comments.server";
import { threadPath } from "~/responses/rules";
import { requireOwnComment } from "~/responses/thread-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

const context = (request: Request, slug: string, id: string | undefined) => requireOwnComment(request, slug, id, "delete");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, comment, back } = await context(request, params.slug ?? "", params.id);
  return { consultationTitle: proposal.title, back, html: comment.html };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { proposal, author, comment } = await context(request, params.slug ?? "", params.id);
  const result = deleteComment({ proposalId: proposal.id, commentId: comment.id, author });
  if (!result.ok) return data({ message: result.message }, { status: result.status });
  throw redirect(threadPath(proposal.slug, comment.target));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Delete your comment") }];

export default function DeleteComment() {
  const { consultationTitle, back, html } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        {failed ? (
          <div className="govuk-error-summary" role="alert" tabIndex={-1}>
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{failed.message}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{consultationTitle}</span>
        <h1 className="govuk-heading-l">Are you sure you want to delete your comment?</h1>
        <div className="govuk-inset-text">
          <Markdown html={html} />
        </div>
        <p className="govuk-body">Your words will be removed. If anyone has replied, a note saying the comment was deleted stays so that their replies still make sense.</p>
        <Form method="post">
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Delete comment
            </button>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
