/**
 * A resident gives their email address and we send them a single-use link. No password.
 * The page says the same thing whether or not the address has been used before.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { env } from "~/lib/env.server";
import { Honeypot, useErrorTitle } from "~/responses/forms";
import { addressFrom } from "~/responses/rate-limit.server";
import { getRespondent, requestSignInLink, safeReturnPath } from "~/responses/respondents.server";
import { HONEYPOT_FIELD, emailSchema } from "~/responses/schemas";

const TITLE = "Confirm your email address";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeReturnPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await getRespondent(request)) throw redirect(redirectTo);
  return { redirectTo, demo: env().PLAINSIGHT_DEMO };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: emailSchema });
  if (submission.status !== "success") return data({ sent: null, result: submission.reply() }, { status: 400 });
  const { email, redirectTo } = submission.value;
  // A robot that filled in the hidden field is shown the same page as everyone, and sent nothing.
  if (submission.value[HONEYPOT_FIELD]) return { sent: email, result: null };
  const result = requestSignInLink({ email, redirectTo: safeReturnPath(redirectTo), address: addressFrom(context) });
  if (!result.ok) return data({ sent: null, result: submission.reply({ formErrors: [result.message] }) }, { status: 429 });
  return { sent: email, result: null };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

export default function RespondentSignIn() {
  const { redirectTo, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm({
    id: "respondent-sign-in",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailSchema }),
  });
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.email.id, message })),
    ...(fields.email.errors ?? []).map((message) => ({ field: fields.email.id, message })),
  ];
  const focusKey = useMemo(() => ({}), [blocked, actionData]);
  useErrorTitle(errors.length > 0);

  if (actionData?.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            We have sent a link to <strong>{actionData.sent}</strong>.
          </p>
          <p className="govuk-body">Select the link in the email to carry on. It works once, for 1 hour.</p>
          {demo ? <div className="govuk-inset-text">This is the demo site: emails are delivered to the demo inbox, not sent.</div> : null}
          <h2 className="govuk-heading-m">If the email has not arrived</h2>
          <p className="govuk-body">It can take a few minutes. Check your spam or junk folder.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/respondents/sign-in?${new URLSearchParams({ redirectTo })}`} reloadDocument>
              Send the link again, or use a different email address
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">To respond or comment, you need to confirm your email address. We will email you a link: you do not need a password.</p>
        <p className="govuk-body">
          We never publish your email address. The{" "}
          <Link className="govuk-link" to="/privacy">
            privacy notice
          </Link>{" "}
          explains how we use it.
        </p>
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Honeypot />
          <TextInput {...conformProps(fields.email)} label="Email address" type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send me a link
          </button>
        </Form>
      </div>
    </div>
  );
}
