/** Admin: invite a member of staff by email, with their roles, service and unions. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AssignmentFields } from "~/accounts/AccountFields";
import { assignmentOptions, auditRefusal, inviteStaff } from "~/accounts/accounts.server";
import { inviteSchema } from "~/accounts/forms";
import { requirePermission } from "~/auth/session.server";
import { ssoProvider } from "~/auth/sso-config.server";
import { passwordSignInAllowed } from "~/auth/sso-rules";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";

const TITLE = "Invite a member of staff";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, `${TITLE} – Admin`) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const settings = loadSettings();
  const sso = ssoProvider();
  return {
    ...assignmentOptions(),
    invitationDays: settings.signIn.invitationDays,
    // Staff who sign in only through single sign-on are told where to sign in, not sent a link.
    staffUseSso: Boolean(sso) && !passwordSignInAllowed(["officer"], settings, true),
    ssoLabel: sso?.label ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success") {
    // A role that does not exist (or any refused value) is an attempt worth recording.
    const errors = submission.error ?? {};
    auditRefusal(viewer.id, "user.invite_refused", null, {
      email: typeof submission.payload.email === "string" ? submission.payload.email.slice(0, 254) : null,
      reason: Object.values(errors).flat().filter(Boolean).join("; ").slice(0, 500),
    });
    return data(submission.reply(), { status: 400 });
  }
  const result = inviteStaff(viewer, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field ?? "email"]: [result.message] } }), { status: 400 });
  return redirect(`/staff/admin/users?${new URLSearchParams({ invited: submission.value.email })}`);
}

export default function InviteStaff() {
  const { services, unions, invitationDays, staffUseSso, ssoLabel } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "invite", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }) });
  const order = [fields.name, fields.email, fields.roles, fields.serviceId, fields.unionIds];
  const errors = order.flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/admin/users" className="govuk-back-link">
          Staff accounts
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <span className="govuk-caption-l">Admin</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">
          {staffUseSso
            ? `Staff sign in with ${ssoLabel}, so they are emailed where to sign in. A union representative with no staff role is sent a link to set a password instead, which works once and for ${invitationDays} days.`
            : `They are emailed a link to set their password. It works once, and for ${invitationDays} days.`}
        </p>
        <Form method="post" {...formProps}>
          <TextInput {...conformProps(fields.name)} label="Full name" autoComplete="off" spellCheck={false} />
          <TextInput {...conformProps(fields.email)} label="Email address" type="email" autoComplete="off" spellCheck={false} hint="Their work address. The invitation is sent here." />
          <AssignmentFields fields={fields} services={services} unions={unions} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send invitation
          </button>
        </Form>
      </div>
    </div>
  );
}
