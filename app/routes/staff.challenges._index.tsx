/** Challenges to the facts on the proposals this person can see: unanswered first, by deadline. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { STANDING_LABELS } from "~/challenges/rules";
import { staffChallengeList } from "~/challenges/challenges.server";
import { requirePermission } from "~/auth/session.server";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { ChallengeTag } from "~/challenges/ChallengeList";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Challenges to the facts – Staff area") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  return { challenges: staffChallengeList(viewer) };
}

export default function StaffChallenges() {
  const { challenges } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff" className="govuk-back-link">
        Back to proposals
      </Link>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Challenges to the facts</h1>
      <p className="govuk-body">Each challenge must be answered in public by its deadline: by correcting the proposal (a published change) or by explaining why the fact stands.</p>
      {challenges.length === 0 ? (
        <p className="govuk-body">There are no challenges on proposals you can see.</p>
      ) : (
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-visually-hidden">Challenges, unanswered first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Challenge
              </th>
              <th scope="col" className="govuk-table__header">
                Consultation
              </th>
              <th scope="col" className="govuk-table__header">
                Answer due
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {challenges.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell" data-label="Challenge">
                  <Link className="govuk-link" to={`/staff/challenges/${c.id}`}>
                    {c.claim}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label="Consultation">{c.proposal.title}</td>
                <td className="govuk-table__cell" data-label="Answer due">{formatDate(c.dueOn)}</td>
                <td className="govuk-table__cell" data-label="Status">
                  {c.status === "visible" ? <ChallengeTag standing={c.standing} /> : <strong className="govuk-tag govuk-tag--grey">{c.status === "pending" ? "Held for moderation" : "Hidden"}</strong>}
                  <span className="govuk-visually-hidden"> {STANDING_LABELS[c.standing]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
