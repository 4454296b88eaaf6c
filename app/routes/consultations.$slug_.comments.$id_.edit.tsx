/** The author changes their comment, for 15 minutes after posting; it is then marked as edited. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { editComment } from "~/responses/comments.server";
import { useCommentForm } from "~/responses/forms";
import { COMMENT_MAX_CHARS, EDIT_WINDOW_MS, canEditComment } from "~/responses/rules";
import { commentSchemaIn } from "~/responses/schemas";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { localMessage } from "~/responses/messages";
import { commentsClosedFor, requireOwnComment } from "~/responses/thread-page.server";
import { formatWhen } from "~/responses/when";

const context = (request: Request, slug: string, id: string | undefined) => requireOwnComment(request, slug, id, "edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, comment, back } = await context(request, params.slug ?? "", params.id);
  return {
    consultationTitle: proposal.title,
    back,
    body: comment.body,
    editable: canEditComment(comment, now()),
    until: new Date(Date.parse(comment.createdAt) + EDIT_WINDOW_MS).toISOString(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const closed = await commentsClosedFor(request, params.slug ?? "");
  const submission = parseWithZod(await request.formData(), { schema: commentSchemaIn(t) });
  if (closed) return data(submission.reply({ formErrors: [localMessage(closed, t)] }), { status: 409 });
  const { proposal, author, comment, back } = await context(request, params.slug ?? "", params.id);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = editComment({ proposalId: proposal.id, commentId: comment.id, author, body: submission.value.body });
  if (!result.ok) {
    const message = localMessage(result.message, t);
    return data(result.field ? submission.reply({ fieldErrors: { body: [message] } }) : submission.reply({ formErrors: [message] }), { status: result.status });
  }
  throw redirect(withLanguage(`${back}?edited=1`, lang));
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [
  { title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("commentPages.titles.edit")) },
];

export default function EditComment() {
  const { consultationTitle, back, body, editable, until } = useLoaderData<typeof loader>();
  const state = useCommentForm(useActionData<typeof action>(), "edit-comment");
  const { form, fields, focusKey, onBlocked } = state;
  const { t } = useTranslation();
  const lang = useLanguage();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const errors = state.errors.map((e) => ({ ...e, message: localMessage(e.message, t) }));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={href(back)} className="govuk-back-link">
          {t("common.back")}
        </Link>
        <ErrorSummary errors={errors} focusKey={focusKey} title={t("commentPages.errorSummary")} />
        <span className="govuk-caption-l" lang={contentLang}>
          {consultationTitle}
        </span>
        {editable ? (
          <Form
            method="post"
            {...formProps}
            onSubmit={(event) => {
              formProps.onSubmit(event);
              if (event.defaultPrevented) onBlocked();
            }}
          >
            <Textarea
              {...conformProps(fields.body)}
              defaultValue={typeof fields.body.initialValue === "string" ? fields.body.initialValue : body}
              label={t("commentPages.edit.label")}
              data-as-written=""
              isPageHeading
              labelSize="l"
              rows={8}
              hint={t("commentPages.edit.hint", { when: formatWhen(until, lang), max: COMMENT_MAX_CHARS.toLocaleString("en-GB") })}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("commentPages.edit.save")}
            </button>
          </Form>
        ) : (
          <>
            <h1 className="govuk-heading-l">{t("commentPages.edit.tooLateHeading")}</h1>
            <p className="govuk-body">{t("commentPages.edit.tooLateBody")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={href(back)}>
                {t("commentPages.edit.goBack")}
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
