/** Proposals under union notice, for officers: what still holds each back from opening. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { noticesForStaff } from "~/notifications/notices.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Union notices – Staff area") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  return { notices: noticesForStaff(viewer, now()) };
}

export default function StaffNotices() {
  const { notices } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff" className="govuk-back-link">
        Back to proposals
      </Link>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Union notices</h1>
      {notices.length === 0 ? (
        <p className="govuk-body">No proposal is under union notice.</p>
      ) : (
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-visually-hidden">Proposals under union notice</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Proposal
              </th>
              <th scope="col" className="govuk-table__header">
                Notice given
              </th>
              <th scope="col" className="govuk-table__header">
                Can open from
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Feedback to answer
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {notices.map((n) => (
              <tr className="govuk-table__row" key={n.id}>
                <td className="govuk-table__cell" data-label="Proposal">
                  <Link className="govuk-link" to={`/staff/notices/${n.id}`}>
                    {n.title}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label="Notice given">{n.period ? formatDate(n.period.sentOn) : "Not yet delivered"}</td>
                <td className="govuk-table__cell" data-label="Can open from">{n.period ? formatDate(n.period.earliestOpening) : "Not known until delivered"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Feedback to answer">{n.unanswered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
