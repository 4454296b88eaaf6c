import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { can } from "~/auth/permissions";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { canEditProposal } from "~/proposals/lifecycle";
import { listStaffProposals } from "~/proposals/proposals.server";
import { formatDate } from "~/components/format";
import { now } from "~/lib/clock";
import { daysText } from "~/outcomes/overdue";
import { outcomeWork, type WaitingItem } from "~/outcomes/staff.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Proposals – Staff area") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  const proposals = listStaffProposals(viewer);
  const approver = can(viewer, "proposal:approve");
  const brief = ({ id, title, state, serviceName }: (typeof proposals)[number]) => ({ id, title, state, serviceName });
  return {
    name: viewer.name,
    canStart: can(viewer, "proposal:create"),
    // The drafts this officer may work on: their own, and their service's.
    drafts: proposals.filter((p) => p.state === "draft" && canEditProposal(viewer, p)).map(brief),
    awaitingApproval: approver ? proposals.filter((p) => p.state === "in_review" && p.createdById !== viewer.id).map(brief) : [],
    proposals: proposals.map(brief),
    after: outcomeWork(viewer, now()),
  };
}

function WaitingList({ id, heading, items, href, describe }: { id: string; heading: string; items: WaitingItem[]; href: (id: number) => string; describe: (item: WaitingItem) => string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      <ul className="govuk-list" data-testid={id}>
        {items.map((p) => (
          <li key={p.id}>
            <Link className="govuk-link" to={href(p.id)}>
              {p.title}
            </Link>{" "}
            <span className="govuk-hint govuk-!-display-inline">({describe(p)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function StaffHome() {
  const { name, canStart, drafts, awaitingApproval, proposals, after } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Proposals</h1>
      <p className="govuk-body">
        Signed in as {name}.{" "}
        <Link className="govuk-link" to="/staff/account/two-factor">
          Second factor for signing in
        </Link>
      </p>
      {canStart ? (
        <Link to="/staff/proposals/new" role="button" draggable={false} className="govuk-button" data-module="govuk-button">
          Start a new proposal
        </Link>
      ) : null}
      {drafts.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Drafts you can work on</h2>
          <ul className="govuk-list">
            {drafts.map((p) => (
              <li key={p.id}>
                <Link className="govuk-link" to={`/staff/proposals/${p.id}`}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {awaitingApproval.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Waiting for your approval</h2>
          <ul className="govuk-list">
            {awaitingApproval.map((p) => (
              <li key={p.id}>
                <Link className="govuk-link" to={`/staff/proposals/${p.id}`}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <WaitingList id="outcomes-overdue" heading="Outcomes overdue" items={after.overdue} href={(id) => `/staff/proposals/${id}/outcome`} describe={(p) => `${daysText(p.daysOverdue)} overdue, due ${formatDate(p.dueOn)}`} />
      <WaitingList id="outcomes-to-write" heading="Outcome reports to write" items={after.toWrite} href={(id) => `/staff/proposals/${id}/outcome`} describe={(p) => `due by ${formatDate(p.dueOn)}`} />
      <WaitingList id="outcomes-to-sign-off" heading="Outcome reports waiting for your sign-off" items={after.toSignOff} href={(id) => `/staff/proposals/${id}/outcome`} describe={(p) => p.serviceName} />
      <WaitingList id="decisions-to-record" heading="Decisions to record" items={after.toDecide} href={(id) => `/staff/proposals/${id}/decision`} describe={(p) => p.serviceName} />
      <h2 className="govuk-heading-m">All proposals you can see</h2>
      {proposals.length === 0 ? (
        <p className="govuk-body">There are no proposals yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Proposals you can see</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Proposal
              </th>
              <th scope="col" className="govuk-table__header">
                Service
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {proposals.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/proposals/${p.id}`}>
                    {p.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{p.serviceName}</td>
                <td className="govuk-table__cell">
                  <StateTag state={p.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
