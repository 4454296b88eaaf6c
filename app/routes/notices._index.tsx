/** A union rep's notices: proposals their unions were given advance notice of. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { noticesForRep } from "~/notifications/notices.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Advance notices") }, { name: "robots", content: "noindex" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "notice:view");
  return { repName: viewer.name, notices: noticesForRep(viewer) };
}

export default function Notices() {
  const { repName, notices } = useLoaderData<typeof loader>();
  return (
    <>
      <ConfidentialBanner repName={repName} />
      <h1 className="govuk-heading-l">Advance notices to your union</h1>
      {notices.length === 0 ? (
        <p className="govuk-body">Your union has not been given notice of any proposal.</p>
      ) : (
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-visually-hidden">Proposals your union was given notice of</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Proposal
              </th>
              <th scope="col" className="govuk-table__header">
                Notice given
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header">
                You acknowledged
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {notices.map((n) => (
              <tr className="govuk-table__row" key={n.slug}>
                <td className="govuk-table__cell" data-label="Proposal">
                  <Link className="govuk-link" to={`/notices/${encodeURIComponent(n.slug)}`}>
                    {n.title}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label="Notice given">{n.noticeSentAt ? formatDate(n.noticeSentAt) : "Being delivered"}</td>
                <td className="govuk-table__cell" data-label="Status">
                  <StateTag state={n.state} />
                </td>
                <td className="govuk-table__cell" data-label="You acknowledged">{n.acknowledged ? "Yes" : "Not yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
