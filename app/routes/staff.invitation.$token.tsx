/**
 * The link in a staff invitation (or an admin's "set a new password" email). Opening it only
 * shows the form; setting the password uses the link, ends any other session and signs the
 * person in. A used, replaced or expired link gets a page saying what to do, never the form.
 */
import { useMemo, useState } from "react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { MIN_PASSWORD_LENGTH, setPasswordSchema, weakPasswordReason } from "~/accounts/forms";
import { acceptInvitation, peekInvitation } from "~/accounts/invitations.server";
import { hashPassword } from "~/auth/password.server";
import { afterFirstFactor } from "~/auth/two-factor.server";
import { landingPageFor } from "~/auth/sign-in.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { LINK_GONE_TITLE, LinkGone } from "~/components/LinkGone";
import { PasswordInput } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";

// The token is in the address: never cached, never sent on as a referrer, never indexed.
export const headers = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data && "invitation" in data && data.invitation ? (data.invitation.newPassword ? "Set a new password" : "Create your password") : LINK_GONE_TITLE) },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

function gone() {
  return data({ invitation: null }, { status: 410 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = peekInvitation(params.token, now());
  if (!invitation) return gone();
  return { invitation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitation = peekInvitation(params.token, now());
  if (!invitation) return gone();
  const submission = parseWithZod(await request.formData(), { schema: setPasswordSchema });
  // A password is never sent back to the browser.
  const hidden = { hideFields: ["password", "confirmPassword"] };
  if (submission.status !== "success") return data({ invitation, lastResult: submission.reply(hidden) }, { status: 400 });
  const weak = weakPasswordReason(submission.value.password, invitation.email);
  if (weak) return data({ invitation, lastResult: submission.reply({ ...hidden, fieldErrors: { password: [weak] } }) }, { status: 400 });
  const accepted = acceptInvitation(params.token, await hashPassword(submission.value.password), now());
  if (!accepted) return gone();
  // A new password is a first factor: an admin or approver the council requires a second factor
  // of sets one up before the session starts.
  return afterFirstFactor(accepted.userId, landingPageFor(accepted.userId));
}

export default function SetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const invitation = answer ? answer.invitation : loaded.invitation;
  if (!invitation) return <InvitationGone />;
  return <PasswordForm invitation={invitation} lastResult={answer && "lastResult" in answer ? answer.lastResult : undefined} />;
}

function PasswordForm({ invitation, lastResult }: { invitation: { name: string; email: string; newPassword: boolean }; lastResult: SubmissionResult<string[]> | undefined }) {
  const [blocked, setBlocked] = useState(0);
  const [form, fields] = useForm<{ password: string; confirmPassword: string }>({ id: "set-password", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: setPasswordSchema }) });
  const errors = [fields.password, fields.confirmPassword].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const heading = invitation.newPassword ? "Set a new password" : "Create your password";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">
          For {invitation.name} (<span className="app-break-anywhere">{invitation.email}</span>). You will be signed in when it is set, and this link will stop working.
        </p>
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          {/* For password managers: the account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={invitation.email} readOnly hidden />
          <PasswordInput
            id={fields.password.id}
            name={fields.password.name}
            error={fields.password.errors}
            label="Password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three random words together make a strong password that is easy to remember.`}
            autoComplete="new-password"
          />
          <PasswordInput id={fields.confirmPassword.id} name={fields.confirmPassword.name} error={fields.confirmPassword.errors} label="Confirm password" autoComplete="new-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {invitation.newPassword ? "Set password and sign in" : "Create password and sign in"}
          </button>
        </Form>
      </div>
    </div>
  );
}

function InvitationGone() {
  return (
    <LinkGone>
      <p className="govuk-body">Links to set a password work once, for a few days. A newer link also stops an older one working.</p>
      <p className="govuk-body">If you have already set your password, <Link className="govuk-link" to="/staff/sign-in">sign in</Link>. Otherwise, ask an admin to send you a new link.</p>
    </LinkGone>
  );
}
