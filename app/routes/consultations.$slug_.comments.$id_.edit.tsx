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
import { commentSchema } from "~/responses/schemas";
import { requireOwnComment } from "~/responses/thread-page.server";
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
  const { proposal, author, comment, back } = await context(request, params.slug ?? "", params.id);
  const submission = parseWithZod(await request.formData(), { schema: commentSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = editComment({ proposalId: proposal.id, commentId: comment.id, author, body: submission.value.body });
  if (!result.ok) {
    return data(result.field ? submission.reply({ fieldErrors: { body: [result.message] } }) : submission.reply({ formErrors: [result.message] }), { status: result.status });
  }
  throw redirect(`${back}?edited=1`);
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Change your comment") }];

export default function EditComment() {
  const { consultationTitle, back, body, editable, until } = useLoaderData<typeof loader>();
  const state = useCommentForm(useActionData<typeof action>(), "edit-comment");
  const { form, fields, errors, focusKey, onBlocked } = state;
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{consultationTitle}</span>
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
              label="Change your comment"
              isPageHeading
              labelSize="l"
              rows={8}
              hint={`You can change it until ${formatWhen(until)}. It will be marked as edited. Up to ${COMMENT_MAX_CHARS.toLocaleString("en-GB")} characters.`}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save changes
            </button>
          </Form>
        ) : (
          <>
            <h1 className="govuk-heading-l">You can no longer change this comment</h1>
            <p className="govuk-body">Comments can be changed for 15 minutes after they are posted. You can still delete it, or reply to add something.</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={back}>
                Go back to your comment
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
