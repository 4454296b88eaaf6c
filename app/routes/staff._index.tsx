import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { can } from "~/auth/permissions";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { listStaffProposals } from "~/proposals/proposals.server";
import { formatDate } from "~/components/format";
import { now } from "~/lib/clock";
import { daysText } from "~/outcomes/overdue";
import { waitingForYou } from "~/proposals/waiting.server";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Proposals – Staff area") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  const proposals = listStaffProposals(viewer);
  return {
    name: viewer.name,
    canStart: can(viewer, "proposal:create"),
    proposals: proposals.map(({ id, title, state, serviceName }) => ({ id, title, state, serviceName })),
    waiting: waitingForYou(viewer, now()),
  };
}

/**
 * One list under "Waiting for you": each item links to where the work is done, with a short
 * description (the service, or when it is due) and, for proposals, what it needs.
 */
function WaitingList<T extends { id: number; title: string; serviceName: string; note?: string | null }>({
  id,
  heading,
  items,
  href,
  describe = (p) => p.serviceName,
}: {
  id: string;
  heading: string;
  items: T[];
  href: (id: number) => string;
  describe?: (item: T) => string;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 className="govuk-heading-s" id={id}>
        {heading}
      </h3>
      <ul className="govuk-list" data-testid={id}>
        {items.map((p) => (
          <li key={p.id}>
            <Link className="govuk-link" to={href(p.id)}>
              {p.title}
            </Link>{" "}
            <span className="govuk-hint govuk-!-display-inline">({describe(p)})</span>
            {p.note ? <p className="govuk-body-s govuk-!-margin-bottom-2 app-break-anywhere">{p.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function StaffHome() {
  const { name, canStart, proposals, waiting } = useLoaderData<typeof loader>();
  const { after } = waiting;
  const nothing =
    [waiting.toApprove, waiting.returned, waiting.drafts, waiting.feedback, after.overdue, after.toWrite, after.toSignOff, after.toDecide].every((l) => l.length === 0) && !waiting.moderation;
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
        <Link to="/staff/proposals/new" draggable={false} className="govuk-button" data-module="govuk-button">
          Start a new proposal
        </Link>
      ) : null}
      <section aria-labelledby="waiting-for-you" data-testid="waiting-for-you">
        <h2 className="govuk-heading-m" id="waiting-for-you">
          Waiting for you
        </h2>
        {nothing ? <p className="govuk-body">Nothing is waiting for you.</p> : null}
        <WaitingList id="to-approve" heading="Submitted for your approval" items={waiting.toApprove} href={(id) => `/staff/proposals/${id}/review`} />
        <WaitingList id="returned" heading="Returned to you with changes to make" items={waiting.returned} href={(id) => `/staff/proposals/${id}`} />
        <WaitingList id="feedback" heading="Union feedback to answer" items={waiting.feedback} href={(id) => `/staff/notices/${id}`} />
        <WaitingList id="outcomes-overdue" heading="Outcomes overdue" items={after.overdue} href={(id) => `/staff/proposals/${id}/outcome`} describe={(p) => `${daysText(p.daysOverdue)} overdue, due ${formatDate(p.dueOn)}`} />
        <WaitingList id="outcomes-to-write" heading="Outcome reports to write" items={after.toWrite} href={(id) => `/staff/proposals/${id}/outcome`} describe={(p) => `due by ${formatDate(p.dueOn)}`} />
        <WaitingList id="outcomes-to-sign-off" heading="Outcome reports waiting for your sign-off" items={after.toSignOff} href={(id) => `/staff/proposals/${id}/outcome`} />
        <WaitingList id="decisions-to-record" heading="Outcomes published, waiting for your decision" items={after.toDecide} href={(id) => `/staff/proposals/${id}/decision`} />
        {waiting.moderation ? (
          <section aria-labelledby="moderation">
            <h3 className="govuk-heading-s" id="moderation">
              Moderation
            </h3>
            <p className="govuk-body" data-testid="moderation">
              <Link className="govuk-link" to="/staff/moderation">
                {waiting.moderation} {waiting.moderation === 1 ? "comment is" : "comments are"} waiting in the moderation queue
              </Link>
            </p>
          </section>
        ) : null}
        <WaitingList id="drafts" heading="Drafts you can work on" items={waiting.drafts} href={(id) => `/staff/proposals/${id}`} />
      </section>
      <h2 className="govuk-heading-m">All proposals you can see</h2>
      {proposals.length === 0 ? (
        <p className="govuk-body">There are no proposals yet.</p>
      ) : (
        <table className="govuk-table app-table--reflow">
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
                <td className="govuk-table__cell" data-label="Proposal">
                  <Link className="govuk-link" to={`/staff/proposals/${p.id}`}>
                    {p.title}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label="Service">{p.serviceName}</td>
                <td className="govuk-table__cell" data-label="Status">
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
