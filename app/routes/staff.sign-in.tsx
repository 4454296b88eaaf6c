import { useEffect, useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { authenticate, clientAddressFrom, landingPageFor } from "~/auth/sign-in.server";
import { landingPage } from "~/auth/permissions";
import { getViewer, safeRedirect } from "~/auth/session.server";
import { ssoProvider } from "~/auth/sso-config.server";
import { passwordSignInRefusal } from "~/auth/sso.server";
import { afterFirstFactor } from "~/auth/two-factor.server";
import { loadSettings } from "~/lib/settings.server";
import { env } from "~/lib/env.server";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { PasswordInput, TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";

const TITLE = "Sign in to the staff area";

// One schema: the browser checks it on submit, the action checks it again.
const schema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" })),
  password: z
    .string({ error: "Enter your password" })
    .max(1024, { error: "Password must be 1024 characters or fewer" }),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, TITLE) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("redirectTo");
  const redirectTo = asked ? safeRedirect(asked) : "";
  const viewer = await getViewer(request);
  if (viewer) throw redirect(redirectTo || landingPage(viewer.roles));
  const sso = ssoProvider();
  return { redirectTo, demo: env().PLAINSIGHT_DEMO, sso: sso ? { label: sso.label, only: !loadSettings().signIn.localPasswords } : null };
}

/** A refusal for too many attempts says when to try again (Remix keeps only cookies from an action's headers otherwise). */
export const headers: HeadersFunction = ({ actionHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema });
  // A password is never sent back to the browser, right or wrong.
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate(email, password, { ip: clientAddressFrom(context) });
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
      status: result.reason === "throttled" ? 429 : 400,
      headers: result.reason === "throttled" ? { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } : undefined,
    });
  }
  const ssoOnly = passwordSignInRefusal(result.userId);
  if (ssoOnly) return data(submission.reply({ formErrors: [ssoOnly], hideFields: ["password"] }), { status: 403 });
  // No page asked for: send each person to where their work is. A second factor, if they have
  // one (or must set one up), comes before the session.
  return afterFirstFactor(result.userId, redirectTo ? safeRedirect(redirectTo) : landingPageFor(result.userId));
}

export default function StaffSignIn() {
  const { redirectTo, demo, sso } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blockedSubmits, setBlockedSubmits] = useState(0);
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });

  // Wrong credentials are one message about the pair, linked to the first field.
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: fields.email.id, message })),
    ...(fields.email.errors ?? []).map((message) => ({ field: fields.email.id, message })),
    ...(fields.password.errors ?? []).map((message) => ({ field: fields.password.id, message })),
  ];
  const hasErrors = errors.length > 0;
  // A fresh token for each failed attempt (in the browser or on the server), so the summary
  // takes focus again even when it is already showing.
  const focusKey = useMemo(() => ({}), [blockedSubmits, lastResult]);

  // The browser keeps what was typed across a failed attempt; the password should not stay.
  useEffect(() => {
    if (!lastResult) return;
    const input = document.getElementById(fields.password.id);
    if (input instanceof HTMLInputElement) input.value = "";
  }, [lastResult, fields.password.id]);

  // meta() cannot see action data, so the "Error: " prefix is added here.
  useEffect(() => {
    if (!hasErrors) return;
    const base = document.title;
    if (!base.startsWith("Error: ")) document.title = `Error: ${base}`;
    return () => {
      document.title = base;
    };
  }, [hasErrors]);

  // The form-level error is shown in the summary, so no aria reference to a form error element.
  const { "aria-describedby": _describedBy, "aria-invalid": _invalid, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <h1 className="govuk-heading-l">{TITLE}</h1>
        {demo ? (
          <div className="govuk-inset-text">Demo accounts are listed in the terminal where the app started.</div>
        ) : null}
        {sso ? (
          <Form method="post" action="/staff/sso/start">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Sign in with {sso.label}
            </button>
          </Form>
        ) : null}
        {sso ? (
          <h2 className="govuk-heading-m">{sso.only ? "Union representatives: sign in with a password" : "Or sign in with a password"}</h2>
        ) : null}
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            // Conform cancels the submit when the schema fails in the browser.
            if (event.defaultPrevented) setBlockedSubmits((n) => n + 1);
          }}
        >
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            {...conformProps(fields.email)}
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
          />
          <PasswordInput id={fields.password.id} name={fields.password.name} error={fields.password.errors} label="Password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
