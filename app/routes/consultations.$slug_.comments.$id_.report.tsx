/**
 * Anyone can report a comment they think breaks the house rules. Reports go to the moderators'
 * queue; nothing is hidden until a moderator decides.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Radios, Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { notFound } from "~/proposals/proposals.server";
import { CommentMeta } from "~/responses/CommentThread";
import commentsCss from "~/responses/comments.css?url";
import { loadCommentContext } from "~/responses/comments.server";
import { Honeypot } from "~/responses/forms";
import { ruleChoices } from "~/responses/house-rules.server";
import { reportComment } from "~/responses/moderation.server";
import { participantFor } from "~/responses/participation.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { REPORT_DETAILS_MAX_CHARS, commentPath, parseId } from "~/responses/rules";
import { HONEYPOT_FIELD, reportSchemaIn } from "~/responses/schemas";
import { translator, translatorFor } from "~/i18n/i18n";
import { useRichTranslation } from "~/i18n/rich";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { localMessage } from "~/responses/messages";
import { requireDiscussableProposal } from "~/responses/thread-page.server";
import { Markdown } from "~/components/Markdown";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

async function context(request: Request, slug: string, id: string | undefined) {
  const commentId = parseId(id);
  if (commentId == null) throw notFound();
  const proposal = await requireDiscussableProposal(request, slug);
  const participant = await participantFor(request, proposal);
  const found = loadCommentContext(proposal.id, commentId, 1, participant.reader);
  if (!found || found.comment.status !== "visible") throw notFound();
  return { proposal, participant, comment: found.comment, back: commentPath(proposal.slug, commentId) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, comment, back } = await context(request, params.slug ?? "", params.id);
  return { consultationTitle: proposal.title, back, comment: { ...comment, replies: [] }, rules: ruleChoices(languageOfRequest(request)) };
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const { proposal, participant, comment, back } = await context(request, params.slug ?? "", params.id);
  const submission = parseWithZod(await request.formData(), { schema: reportSchemaIn(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value[HONEYPOT_FIELD]) throw redirect(withLanguage(`${back}?reported=1`, lang));
  const result = reportComment({
    proposalId: proposal.id,
    commentId: comment.id,
    ruleKey: submission.value.rule,
    details: submission.value.details ?? "",
    respondentId: participant.respondent?.id ?? null,
    address: addressFrom(loadContext),
    rules: ruleChoices(),
  });
  if (!result.ok) {
    if (result.status === 404) throw notFound();
    const field = result.message.startsWith("Select") ? "rule" : "details";
    return data(submission.reply({ fieldErrors: { [field]: [localMessage(result.message, t)] } }), { status: result.status });
  }
  throw redirect(withLanguage(`${back}?reported=1`, lang));
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [
  { title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("commentPages.titles.report")) },
];

export default function ReportComment() {
  const { consultationTitle, back, comment, rules } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const reportSchema = useMemo(() => reportSchemaIn(translator(lang)), [lang]);
  const [form, fields] = useForm({
    id: "report",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(fields.rule.errors ?? []).map((message) => ({ field: fields.rule.id, message: localMessage(message, t) })),
    ...(fields.details.errors ?? []).map((message) => ({ field: fields.details.id, message: localMessage(message, t) })),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
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
        <h1 className="govuk-heading-l">{t("commentPages.report.heading")}</h1>
        <div className="govuk-inset-text app-comment">
          <CommentMeta comment={comment} />
          <div data-as-written="">
            <Markdown html={comment.html} />
          </div>
        </div>
        <p className="govuk-body">
          {rt("commentPages.report.intro", {
            rules: (
              <Link className="govuk-link" to={href("/house-rules")}>
                {t("commentPages.report.houseRules")}
              </Link>
            ),
          })}
        </p>
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          <Honeypot />
          <Radios
            id={fields.rule.id}
            name={fields.rule.name}
            error={fields.rule.errors?.map((m) => localMessage(m, t))}
            defaultValue={typeof fields.rule.initialValue === "string" ? fields.rule.initialValue : undefined}
            legend={t("commentPages.report.legend")}
            legendSize="m"
            options={[...rules.map((r) => ({ value: r.key, label: r.title })), { value: "other", label: t("commentPages.report.other") }]}
          />
          <Textarea
            {...conformProps(fields.details)}
            error={fields.details.errors?.map((m) => localMessage(m, t))}
            label={t("commentPages.report.detailsLabel")}
            labelSize="s"
            hint={t("commentPages.report.detailsHint", { max: REPORT_DETAILS_MAX_CHARS.toLocaleString("en-GB") })}
            data-as-written=""
            rows={4}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("commentPages.report.send")}
          </button>
        </Form>
      </div>
    </div>
  );
}
