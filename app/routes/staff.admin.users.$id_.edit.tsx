/** Admin: change a member of staff's name, roles, service and unions. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AssignmentFields } from "~/accounts/AccountFields";
import { assignmentOptions, auditRefusal, changeAccount } from "~/accounts/accounts.server";
import { accountSchema } from "~/accounts/forms";
import { requireAccount } from "~/accounts/route.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Change ${data.account.name}'s account – Admin` : "Change an account – Admin") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const account = requireAccount(params);
  return {
    account: { id: account.id, name: account.name, email: account.email, roles: account.roles, serviceId: account.serviceId, unionIds: account.unions.map((u) => u.id) },
    self: account.id === viewer.id,
    ...assignmentOptions(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const { id } = requireAccount(params);
  const submission = parseWithZod(await request.formData(), { schema: accountSchema });
  if (submission.status !== "success") {
    const errors = Object.values(submission.error ?? {}).flat().filter(Boolean);
    auditRefusal(viewer.id, "user.change_refused", id, { reason: errors.join("; ").slice(0, 500) });
    return data(submission.reply(), { status: 400 });
  }
  const result = changeAccount(viewer, id, submission.value);
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field ?? "roles"]: [result.message] } }), { status: 400 });
  return redirect(`/staff/admin/users/${id}?done=${result.changed ? "changed" : "unchanged"}`);
}

export default function ChangeAccount() {
  const { account, self, services, unions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "account",
    lastResult,
    shouldValidate: "onSubmit",
    // Checkbox lists are string arrays in the form; Conform types them from the schema's input.
    defaultValue: { name: account.name, roles: account.roles, serviceId: account.serviceId ? String(account.serviceId) : "", unionIds: account.unionIds.map(String) } as Record<string, unknown> as never,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountSchema }),
  });
  const order = [fields.name, fields.roles, fields.serviceId, fields.unionIds];
  const errors = order.flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/admin/users/${account.id}`} className="govuk-back-link">
          Back to {account.name}
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <span className="govuk-caption-l app-break-anywhere">{account.email}</span>
        <h1 className="govuk-heading-l">Change {account.name}'s account</h1>
        {self ? <div className="govuk-inset-text">This is your own account. Another admin must remove your admin role if it is to go.</div> : null}
        <Form method="post" {...formProps}>
          <TextInput {...conformProps(fields.name)} label="Full name" autoComplete="off" spellCheck={false} />
          <AssignmentFields fields={fields} services={services} unions={unions} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save changes
            </button>
            <Link to={`/staff/admin/users/${account.id}`} className="govuk-link">
              Cancel
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
