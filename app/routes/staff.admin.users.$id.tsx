/** Admin: one member of staff — their roles and service, whether they can sign in, and the account's history. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { StatusTag, historyLabel, historyNote } from "~/accounts/AccountFields";
import { accountHistory, reactivateAccount, sendPasswordLink, signOutEverywhere } from "~/accounts/accounts.server";
import { requireAccount } from "~/accounts/route.server";
import { requirePermission } from "~/auth/session.server";
import { ssoProvider } from "~/auth/sso-config.server";
import { passwordSignInAllowed } from "~/auth/sso-rules";
import { roleList } from "~/auth/roles";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { SummaryList } from "~/components/SummaryList";
import { loadSettings } from "~/lib/settings.server";

const intentSchema = z.enum(["send-link", "reactivate", "sign-out-everywhere"]);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.account.name} – Staff accounts` : "Staff account – Admin") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const account = requireAccount(params);
  const sso = ssoProvider();
  return {
    account,
    self: account.id === viewer.id,
    mayHavePassword: passwordSignInAllowed(account.roles, loadSettings(), Boolean(sso)),
    ssoConfigured: Boolean(sso),
    history: accountHistory(account.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "admin:manage");
  const { id } = requireAccount(params);
  const intent = intentSchema.safeParse((await request.formData()).get("intent"));
  if (!intent.success) return data({ error: "Choose what to do from the page" }, { status: 400 });
  if (intent.data === "reactivate") {
    reactivateAccount(viewer, id);
    return redirect(`/staff/admin/users/${id}?done=reactivated`);
  }
  if (intent.data === "sign-out-everywhere") {
    const ended = signOutEverywhere(viewer, id);
    if (!ended.ok) return data({ error: ended.message }, { status: 400 });
    return redirect(`/staff/admin/users/${id}?done=signed-out`);
  }
  const sent = sendPasswordLink(viewer, id);
  if (!sent.ok) return data({ error: sent.message }, { status: 400 });
  return redirect(`/staff/admin/users/${id}?done=link-sent`);
}

const DONE: Record<string, string> = {
  invited: "Invitation sent.",
  changed: "Account changed.",
  unchanged: "Nothing was changed.",
  "link-sent": "Link sent. It works once.",
  deactivated: "Account deactivated. They have been signed out everywhere.",
  reactivated: "Account reactivated. They can sign in again.",
  "signed-out": "Signed out everywhere. Each device they were signed in on must sign in again.",
};

export default function StaffAccount() {
  const { account, self, mayHavePassword, ssoConfigured, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = DONE[searchParams.get("done") ?? ""];
  const errors = result?.error ? [{ field: "account-actions", message: result.error }] : [];
  const change = (text: string) => [{ href: `/staff/admin/users/${account.id}/edit`, text: "Change", visuallyHiddenText: text }];
  const waiting = account.status === "invited" || account.status === "invitation_expired" || account.status === "not_signed_in";
  return (
    <>
      <Link to="/staff/admin/users" className="govuk-back-link">
        Staff accounts
      </Link>
      <ErrorSummary errors={errors} focusKey={result} />
      {done && !errors.length ? <SuccessBanner>{done}</SuccessBanner> : null}
      <span className="govuk-caption-l">Staff account</span>
      <h1 className="govuk-heading-l app-break-anywhere">
        {account.name} {self ? <span className="govuk-body govuk-!-font-size-24">(you)</span> : null}
      </h1>
      <SummaryList
        rows={[
          { key: "Email address", value: <span className="app-break-anywhere">{account.email}</span> },
          { key: "Status", value: <StatusTag status={account.status} /> },
          { key: "Roles", value: roleList(account.roles), actions: change("roles") },
          { key: "Service", value: account.serviceName ?? "No service", actions: change("service") },
          ...(account.roles.includes("union_rep") || account.unions.length
            ? [{ key: "Unions they represent", value: account.unions.map((u) => u.name).join(", ") || "None", actions: change("unions") }]
            : []),
          { key: "Last signed in", value: account.lastSignedInAt ? formatDateTime(account.lastSignedInAt) : "Never" },
          ...(account.status === "invited" && account.invitation ? [{ key: "Invitation link works until", value: formatDateTime(account.invitation.expiresAt) }] : []),
          ...(ssoConfigured ? [{ key: "Single sign-on", value: account.ssoLinked ? "Linked to their council account" : "Not used yet" }] : []),
          { key: "Account created", value: formatDateTime(account.createdAt) },
        ]}
      />

      <h2 className="govuk-heading-m" id="account-actions" tabIndex={-1}>
        Access
      </h2>
      {account.disabledAt ? (
        <>
          <p className="govuk-body">Deactivated on {formatDateTime(account.disabledAt)}. They cannot sign in, and receive no advance notices.</p>
          <Form method="post">
            <button type="submit" name="intent" value="reactivate" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Reactivate account
            </button>
          </Form>
        </>
      ) : (
        <div className="govuk-button-group">
          {mayHavePassword && !self ? (
            <Form method="post">
              <button type="submit" name="intent" value="send-link" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {waiting ? "Send a new invitation" : "Send a link to set a new password"}
              </button>
            </Form>
          ) : null}
          {!self ? (
            <Form method="post">
              <button type="submit" name="intent" value="sign-out-everywhere" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Sign this person out everywhere
              </button>
            </Form>
          ) : null}
          {!self ? (
            <Link to={`/staff/admin/users/${account.id}/deactivate`} draggable={false} className="govuk-button govuk-button--warning">
              Deactivate account
            </Link>
          ) : null}
        </div>
      )}
      {self ? <p className="govuk-body">You cannot deactivate your own account or remove your own admin role: another admin can.</p> : null}

      <h2 className="govuk-heading-m">History</h2>
      {history.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-visually-hidden">What happened to this account, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                By
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.map((h) => (
              <tr className="govuk-table__row" key={h.id}>
                <td className="govuk-table__cell" data-label="When">
                  {formatDateTime(h.at)}
                </td>
                <td className="govuk-table__cell" data-label="What">
                  {historyLabel(h.action)}
                  {historyNote(h.detail) ? <span className="govuk-hint govuk-!-margin-bottom-0">{historyNote(h.detail)}</span> : null}
                </td>
                <td className="govuk-table__cell" data-label="By">
                  {h.actorId === account.id ? "Themselves" : (h.actorName ?? "The system")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
