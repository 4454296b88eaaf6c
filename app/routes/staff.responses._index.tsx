/**
 * Responses that did not come online: officers pick the consultation (one their service runs)
 * to enter a paper, phone, email or event response against.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { StateTag } from "~/components/StateTag";
import { canEditProposal } from "~/proposals/lifecycle";
import { listStaffProposals } from "~/proposals/proposals.server";
import { responseCounts } from "~/responses/answers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposals = listStaffProposals(viewer).filter((p) => (p.state === "open" || p.state === "closed") && canEditProposal(viewer, p));
  return { proposals: proposals.map((p) => ({ id: p.id, title: p.title, state: p.state, counts: responseCounts(p.id) })) };
}

export const meta: MetaFunction = () => [{ title: "Responses on paper, by phone, by email and at events – Staff area" }];

export default function StaffResponses() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Responses on paper, by phone, by email and at events</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">Enter each response that reached the council another way, so it counts alongside the online responses. You can attach a scan of a paper form.</p>
        </div>
      </div>
      {proposals.length === 0 ? (
        <p className="govuk-body">None of your service’s consultations is open or waiting for its outcome.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Your service’s consultations</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Consultation
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Online
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Other ways
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {proposals.map((p) => (
              <tr key={p.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/staff/responses/${p.id}`}>
                    {p.title}
                  </Link>
                </th>
                <td className="govuk-table__cell">
                  <StateTag state={p.state} />
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.counts.online}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{p.counts.total - p.counts.online}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
