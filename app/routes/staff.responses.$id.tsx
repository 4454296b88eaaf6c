/** One consultation's responses by channel, and the offline ones officers have entered. */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { answersByQuestion, listOfflineResponses, responseCounts } from "~/responses/answers.server";
import { questionStatistics } from "~/responses/statistics";
import { ResponseCharts } from "~/components/charts/ProposalCharts";
import { CHANNEL_LABELS, parseId } from "~/responses/rules";
import { ResponseCounts } from "~/responses/ResponseCounts";
import { formatWhen } from "~/responses/when";
import { SuccessBanner } from "~/components/SuccessBanner";
import { loadMonitoringReport } from "~/reach/monitoring.server";
import reachCss from "~/reach/reach.css?url";
import { WhoResponded } from "~/reach/WhoResponded";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposal = requireVisibleProposalById(viewer, parseId(params.id) ?? 0);
  if (!canEditProposal(viewer, proposal)) throw new Response("Only officers of the service running this consultation can enter its responses", { status: 403 });
  const url = new URL(request.url);
  return {
    id: proposal.id,
    title: proposal.title,
    canEnter: proposal.state === "open" || proposal.state === "closed",
    counts: responseCounts(proposal.id),
    questions: questionStatistics(proposal.questions, answersByQuestion(proposal.id)),
    entered: listOfflineResponses(proposal.id),
    saved: url.searchParams.has("saved"),
    monitoringSaved: url.searchParams.get("monitoring") === "saved",
    // Counts only, with small numbers suppressed: app/reach/monitoring.ts.
    monitoring: loadMonitoringReport(proposal.id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Responses: ${data?.title ?? ""} – Staff area` }];

export default function ProposalResponses() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/responses" className="govuk-back-link">
        Back
      </Link>
      {d.saved ? (
        <SuccessBanner>The response was saved and counted.</SuccessBanner>
      ) : null}
      {d.monitoringSaved ? <SuccessBanner>The equality monitoring form was counted.</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.title}</span>
      <h1 className="govuk-heading-l">Responses</h1>
      <ResponseCounts counts={d.counts} />
      {d.counts.total > 0 ? <ResponseCharts data={{ byChannel: d.counts, questions: d.questions }} idPrefix="staff-responses" /> : null}
      {d.canEnter ? (
        <Link to={`/staff/responses/${d.id}/new`} draggable={false} className="govuk-button" data-module="govuk-button">
          Enter a response
        </Link>
      ) : null}
      <h2 className="govuk-heading-m">Responses entered by officers</h2>
      {d.entered.length === 0 ? (
        <p className="govuk-body">None yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Responses entered by officers, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Entered
              </th>
              <th scope="col" className="govuk-table__header">
                How it came
              </th>
              <th scope="col" className="govuk-table__header">
                From
              </th>
              <th scope="col" className="govuk-table__header">
                Entered by
              </th>
              <th scope="col" className="govuk-table__header">
                Scan
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {d.entered.map((r) => (
              <tr key={r.id} className="govuk-table__row">
                <td className="govuk-table__cell">{formatWhen(r.createdAt)}</td>
                <td className="govuk-table__cell">{CHANNEL_LABELS[r.channel]}</td>
                <td className="govuk-table__cell">{r.label ?? <span className="app-not-provided">Not recorded</span>}</td>
                <td className="govuk-table__cell">{r.enteredBy ?? ""}</td>
                <td className="govuk-table__cell">
                  {r.hasScan ? (
                    <a className="govuk-link" href={`/staff/responses/${d.id}/scans/${r.id}`}>
                      Download<span className="govuk-visually-hidden"> the scan of response {r.id}</span>
                    </a>
                  ) : (
                    "None"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WhoResponded report={d.monitoring} />
      {d.canEnter ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/responses/${d.id}/monitoring`}>
            Enter an equality monitoring form that came on paper
          </Link>
        </p>
      ) : null}
    </>
  );
}
