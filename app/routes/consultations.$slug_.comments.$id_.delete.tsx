/** The author deletes their comment. Its words go; a placeholder stays only if replies hang from it. */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import commentsCss from "~/responses/comments.css?url";
import { deleteComment } from "~/responses/comments.server";
import { localMessage } from "~/responses/messages";
import { threadPath } from "~/responses/rules";
import { commentsClosedFor, requireOwnComment } from "~/responses/thread-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

const context = (request: Request, slug: string, id: string | undefined) => requireOwnComment(request, slug, id, "delete");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, comment, back } = await context(request, params.slug ?? "", params.id);
  return { consultationTitle: proposal.title, back, html: comment.html };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const closed = await commentsClosedFor(request, params.slug ?? "");
  if (closed) return data({ message: localMessage(closed, t) }, { status: 409 });
  const { proposal, author, comment } = await context(request, params.slug ?? "", params.id);
  const result = deleteComment({
    proposalId: proposal.id,
    commentId: comment.id,
    author,
  });
  if (!result.ok) return data({ message: localMessage(result.message, t) }, { status: result.status });
  throw redirect(withLanguage(threadPath(proposal.slug, comment.target), lang));
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [
  {
    title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("commentPages.titles.delete")),
  },
];

export default function DeleteComment() {
  const { consultationTitle, back, html } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={href(back)} className="govuk-back-link">
          {t("common.back")}
        </Link>
        <ErrorSummary errors={failed ? [{ message: failed.message }] : []} focusKey={failed} title={t("commentPages.errorSummary")} />
        <span className="govuk-caption-l" lang={contentLang}>
          {consultationTitle}
        </span>
        <h1 className="govuk-heading-l">{t("commentPages.delete.heading")}</h1>
        <div className="govuk-inset-text" data-as-written="">
          <Markdown html={html} />
        </div>
        <p className="govuk-body">{t("commentPages.delete.body")}</p>
        <Form method="post">
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              {t("commentPages.delete.button")}
            </button>
            <Link className="govuk-link" to={href(back)}>
              {t("commentPages.delete.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
