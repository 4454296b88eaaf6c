/** Admin: everyone with an account, their roles, whether they can sign in and when they last did. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { StatusTag } from "~/accounts/AccountFields";
import { listAccounts } from "~/accounts/accounts.server";
import { STATUS_LABELS, type AccountStatus } from "~/accounts/rules";
import { requirePermission } from "~/auth/session.server";
import { roleList } from "~/auth/roles";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Staff accounts – Admin") }];

const FILTERS: { value: AccountStatus | "all"; text: string }[] = [
  { value: "all", text: "Everyone" },
  { value: "active", text: STATUS_LABELS.active },
  { value: "invited", text: "Invited, not signed in yet" },
  { value: "deactivated", text: STATUS_LABELS.deactivated },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const asked = new URL(request.url).searchParams.get("show");
  const show = FILTERS.find((f) => f.value === asked)?.value ?? "all";
  const all = listAccounts();
  const waiting = new Set<AccountStatus>(["invited", "invitation_expired", "not_signed_in"]);
  const accounts = all.filter((a) => show === "all" || a.status === show || (show === "invited" && waiting.has(a.status)));
  return { accounts, show, total: all.length };
}

export default function StaffAccounts() {
  const { accounts, show, total } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const invited = searchParams.get("invited");
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      {invited ? <SuccessBanner>Invitation sent to {invited}.</SuccessBanner> : null}
      <span className="govuk-caption-l">Admin</span>
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/staff/admin/users/invite" draggable={false} className="govuk-button">
        Invite a member of staff
      </Link>
      <nav aria-label="Filter accounts">
        <ul className="govuk-list app-filter-links">
          {FILTERS.map((f) => (
            <li key={f.value}>
              <Link className="govuk-link" to={f.value === "all" ? "/staff/admin/users" : `/staff/admin/users?show=${f.value}`} aria-current={show === f.value ? "page" : undefined}>
                {f.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {accounts.length === total ? `${total} ${total === 1 ? "account" : "accounts"}` : `${accounts.length} of ${total} accounts`}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Roles
            </th>
            <th scope="col" className="govuk-table__header">
              Service
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              Last signed in
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {accounts.map((a) => (
            <tr className="govuk-table__row" key={a.id}>
              <td className="govuk-table__cell" data-label="Name">
                <Link className="govuk-link" to={`/staff/admin/users/${a.id}`}>
                  {a.name}
                </Link>
                <br />
                <span className="govuk-hint govuk-!-margin-bottom-0 app-break-anywhere">{a.email}</span>
              </td>
              <td className="govuk-table__cell" data-label="Roles">
                {roleList(a.roles)}
              </td>
              <td className="govuk-table__cell" data-label="Service">
                {a.serviceName ?? "None"}
              </td>
              <td className="govuk-table__cell" data-label="Status">
                <StatusTag status={a.status} />
              </td>
              <td className="govuk-table__cell" data-label="Last signed in">
                {a.lastSignedInAt ? formatDateTime(a.lastSignedInAt) : "Never"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
