/**
 * One comment in front of a moderator: what it says, where, what reporters said, what was
 * decided before; and the decision: keep or approve it, hide it under a house rule with a note
 * for the author, or show a hidden comment again.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Radios, Textarea, conformProps } from "~/components/form-fields";
import { Markdown } from "~/components/Markdown";
import { notFound, requireVisibleProposalById } from "~/proposals/proposals.server";
import commentsCss from "~/responses/comments.css?url";
import { ruleChoices, ruleTitle } from "~/responses/house-rules.server";
import { moderate, moderationItem } from "~/responses/moderation.server";
import { parseId } from "~/responses/rules";
import { moderationSchema } from "~/responses/schemas";
import { formatWhen } from "~/responses/when";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

async function load(request: Request, id: string | undefined) {
  const moderator = await requirePermission(request, "comment:moderate");
  const commentId = parseId(id);
  const item = commentId == null ? null : moderationItem(commentId);
  if (!item) throw notFound();
  // Moderators see what the predicate lets them see, like everyone else.
  requireVisibleProposalById(moderator, item.proposal.id);
  return { moderator, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { item } = await load(request, params.id);
  const rules = ruleChoices();
  return {
    item: {
      ...item,
      reports: item.reports.map((r) => ({ ...r, ruleTitle: r.ruleKey === "other" ? "Something else" : ruleTitle(r.ruleKey, rules) })),
      history: item.history.map((h) => ({ ...h, ruleTitle: ruleTitle(h.rule, rules) })),
    },
    rules,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { moderator, item } = await load(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: moderationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = moderate({ commentId: item.id, intent: submission.value.intent, rule: submission.value.rule ?? null, note: submission.value.note ?? "", moderator, rules: ruleChoices() });
  if (!result.ok) {
    if (result.status === 404) throw notFound();
    return data(result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] }), { status: result.status });
  }
  throw redirect(`/staff/moderation?done=${submission.value.intent}`);
}

export const meta: MetaFunction<typeof loader> = () => [{ title: "Moderate a comment – Staff area" }];

export default function ModerateComment() {
  const { item, rules } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm({
    id: "moderate",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moderationSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.intent.id, message })),
    ...(["intent", "rule", "note"] as const).flatMap((k) => (fields[k].errors ?? []).map((message) => ({ field: fields[k].id, message }))),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);
  const hidden = item.status === "hidden";
  const decidable = item.status === "visible" || item.status === "pending";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/moderation" className="govuk-back-link">
          Back to the queue
        </Link>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{item.proposal.title}</span>
        <h1 className="govuk-heading-l">Moderate a comment</h1>
        <div className="govuk-inset-text app-comment">
          <p className="govuk-body-s app-comment__meta">
            <span className="app-comment__author">{item.author}</span>
            <br />
            Posted <time dateTime={item.createdAt}>{formatWhen(item.createdAt)}</time>
            {item.editedAt ? " (edited)" : ""}.{" "}
            {item.status === "pending" ? "Held for review." : item.status === "hidden" ? "Hidden." : item.status === "deleted" ? "Deleted by its author." : "Shown on the site."}
          </p>
          <Markdown html={item.html} />
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            <Link className="govuk-link" to={item.threadHref}>
              See the conversation
            </Link>
          </p>
        </div>
        {item.reports.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Reports</h2>
            <ul className="govuk-list govuk-list--bullet">
              {item.reports.map((r, i) => (
                <li key={i}>
                  <strong>{r.ruleTitle}</strong>
                  {r.details ? `: ${r.details}` : ""} <span className="govuk-body-s">({formatWhen(r.at)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {item.history.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Earlier decisions</h2>
            <ul className="govuk-list">
              {item.history.map((h, i) => (
                <li key={i}>
                  {formatWhen(h.at)}: {h.action === "hide" ? `hidden under “${h.ruleTitle}”` : h.action === "restore" ? "shown again" : "approved"}
                  {h.moderator ? ` by ${h.moderator}` : ""}
                  {h.note ? `. Note: ${h.note}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {decidable || hidden ? (
          <Form
            method="post"
            {...formProps}
            onSubmit={(event) => {
              formProps.onSubmit(event);
              if (event.defaultPrevented) setBlocked((n) => n + 1);
            }}
          >
            {decidable ? (
              <>
                <Radios
                  id={fields.intent.id}
                  name={fields.intent.name}
                  error={fields.intent.errors}
                  defaultValue={initial(fields.intent.initialValue)}
                  legend="What do you want to do?"
                  legendSize="m"
                  options={[
                    item.status === "pending"
                      ? { value: "approve", label: "Approve it", hint: "It follows the house rules and will be shown on the site." }
                      : { value: "approve", label: "Keep it", hint: "It follows the house rules. The reports are closed." },
                    { value: "hide", label: "Hide it", hint: "Choose the rule it breaks below. It disappears from the site and the author is emailed." },
                  ]}
                />
                <Radios
                  id={fields.rule.id}
                  name={fields.rule.name}
                  error={fields.rule.errors}
                  defaultValue={initial(fields.rule.initialValue) ?? item.reports.find((r) => rules.some((x) => x.key === r.ruleKey))?.ruleKey}
                  legend="If you hide it: which house rule does it break?"
                  legendSize="s"
                  small
                  options={rules.map((r) => ({ value: r.key, label: r.title }))}
                />
                <Textarea
                  {...conformProps(fields.note)}
                  label="Note for the author"
                  labelSize="s"
                  hint="Needed if you hide it. Say what in the comment breaks the rule. The author gets this by email; it is not published."
                  rows={4}
                />
              </>
            ) : (
              <>
                <input type="hidden" name="intent" value="restore" />
                <Textarea
                  {...conformProps(fields.note)}
                  label="Note for the author (optional)"
                  labelSize="s"
                  hint="For example, why the decision was changed. The author gets this by email."
                  rows={3}
                />
              </>
            )}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {hidden ? "Show it again" : "Save decision"}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
