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
import { Honeypot, useErrorTitle } from "~/responses/forms";
import { ruleChoices } from "~/responses/house-rules.server";
import { reportComment } from "~/responses/moderation.server";
import { participantFor } from "~/responses/participation.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { REPORT_DETAILS_MAX_CHARS, commentPath, parseId } from "~/responses/rules";
import { HONEYPOT_FIELD, reportSchema } from "~/responses/schemas";
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
  return { consultationTitle: proposal.title, back, comment: { ...comment, replies: [] }, rules: ruleChoices() };
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const { proposal, participant, comment, back } = await context(request, params.slug ?? "", params.id);
  const submission = parseWithZod(await request.formData(), { schema: reportSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (submission.value[HONEYPOT_FIELD]) throw redirect(`${back}?reported=1`);
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
    return data(submission.reply({ fieldErrors: { [field]: [result.message] } }), { status: result.status });
  }
  throw redirect(`${back}?reported=1`);
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Report a comment") }];

export default function ReportComment() {
  const { consultationTitle, back, comment, rules } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm({
    id: "report",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(fields.rule.errors ?? []).map((message) => ({ field: fields.rule.id, message })),
    ...(fields.details.errors ?? []).map((message) => ({ field: fields.details.id, message })),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  useErrorTitle(errors.length > 0);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{consultationTitle}</span>
        <h1 className="govuk-heading-l">Report a comment</h1>
        <div className="govuk-inset-text app-comment">
          <CommentMeta comment={comment} />
          <Markdown html={comment.html} />
        </div>
        <p className="govuk-body">
          A moderator will check the comment against the{" "}
          <Link className="govuk-link" to="/house-rules">
            house rules
          </Link>
          . Comments are not hidden just because someone disagrees with them.
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
            error={fields.rule.errors}
            defaultValue={typeof fields.rule.initialValue === "string" ? fields.rule.initialValue : undefined}
            legend="Which house rule does it break?"
            legendSize="m"
            options={[...rules.map((r) => ({ value: r.key, label: r.title })), { value: "other", label: "Something else" }]}
          />
          <Textarea
            {...conformProps(fields.details)}
            label="Tell us what is wrong with it (optional)"
            labelSize="s"
            hint={`Needed if you chose “Something else”. Up to ${REPORT_DETAILS_MAX_CHARS.toLocaleString("en-GB")} characters.`}
            rows={4}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send report
          </button>
        </Form>
      </div>
    </div>
  );
}
