/**
 * Admin, demo only: the local inbox. With no mail server set up, the demo delivers emails here
 * so that the whole flow works without one. A real deployment never shows this page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { transportKind } from "~/notifications/delivery.server";
import { listInbox } from "~/notifications/outbox.server";
import { notFound } from "~/proposals/proposals.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Demo inbox – Admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  if (transportKind() !== "local") throw notFound();
  return { messages: listInbox() };
}

export default function DemoInbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      <h1 className="govuk-heading-l">Demo inbox</h1>
      <p className="govuk-body">No mail server is set up, so every email the site sends is delivered here. Set SMTP_URL to send real email.</p>
      {messages.length === 0 ? (
        <p className="govuk-body">No emails have been sent yet.</p>
      ) : (
        <table className="govuk-table app-table--reflow" data-testid="inbox">
          <caption className="govuk-table__caption govuk-visually-hidden">Emails delivered, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                To
              </th>
              <th scope="col" className="govuk-table__header">
                Subject
              </th>
              <th scope="col" className="govuk-table__header">
                Delivered
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {messages.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell" data-label="To">{m.toAddress}</td>
                <td className="govuk-table__cell" data-label="Subject">
                  <Link className="govuk-link" to={`/staff/admin/inbox/${m.id}`}>
                    {m.subject}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label="Delivered">{formatDateTime(m.sentAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
