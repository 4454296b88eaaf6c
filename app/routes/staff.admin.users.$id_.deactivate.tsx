/** Admin: confirm deactivating an account. Every session it has ends at once. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { deactivateAccount } from "~/accounts/accounts.server";
import { requireAccount } from "~/accounts/route.server";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { pageTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Deactivate ${data.account.name}'s account – Admin` : "Deactivate an account – Admin") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const account = requireAccount(params);
  return { account: { id: account.id, name: account.name, email: account.email, disabled: Boolean(account.disabledAt) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const { id } = requireAccount(params);
  const result = deactivateAccount(viewer, id);
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  return redirect(`/staff/admin/users/${id}?done=deactivated`);
}

export default function DeactivateAccount() {
  const { account } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.error ? [{ field: "deactivate", message: result.error }] : [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/admin/users/${account.id}`} className="govuk-back-link">
          Back to {account.name}
        </Link>
        <ErrorSummary errors={errors} focusKey={result} />
        <span className="govuk-caption-l app-break-anywhere">{account.email}</span>
        <h1 className="govuk-heading-l">Deactivate {account.name}'s account?</h1>
        {account.disabled ? (
          <p className="govuk-body">This account is already deactivated.</p>
        ) : (
          <>
            <p className="govuk-body">They will be signed out everywhere at once and will not be able to sign in. Any invitation or link they hold stops working, and they receive no advance notices.</p>
            <p className="govuk-body">Their proposals, answers and the record of what they did stay as they are. You can reactivate the account later.</p>
            <Form method="post">
              <div className="govuk-button-group">
                <button type="submit" id="deactivate" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Deactivate account
                </button>
                <Link to={`/staff/admin/users/${account.id}`} className="govuk-link">
                  Cancel
                </Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
