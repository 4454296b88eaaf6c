/**
 * The published versions of a consultation and what changed in each, section by section, word
 * by word. Only public versions, only public text, and only for a proposal this visitor may see:
 * a draft or embargoed proposal is the same 404 as one that does not exist.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { formatDate, formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { alternateLinks } from "~/open-data/links";
import { SectionChanges } from "~/components/WordDiff";
import { loadSettings } from "~/lib/settings.server";
import { requireVisibleProposal } from "~/proposals/proposals.server";
import { DatesMoved } from "~/components/ProposalView";
import { datesMovedAtOpening } from "~/proposals/period";
import { publicHistory } from "~/proposals/versions.server";
import { versionAnchor } from "~/proposals/diff";
import { decisionOf } from "~/outcomes/read.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, params.slug ?? "");
  return {
    slug: proposal.slug,
    title: proposal.title,
    openedAt: proposal.openedAt,
    closedAt: proposal.state === "open" ? null : proposal.closedAt,
    outcomePublishedAt: proposal.state === "outcome_published" || proposal.state === "decided" ? (proposal.outcomePublishedAt ?? null) : null,
    decision: proposal.state === "decided" ? decisionOf(proposal.id) : null,
    versions: publicHistory(proposal.id, loadSettings()),
    // Opening late moved the closing date: part of the record of what changed.
    dates: datesMovedAtOpening(proposal),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Changes to the consultation – ${data.title}` : "Changes to the consultation") },
  ...(data ? alternateLinks(data.slug) : []),
];

export default function ConsultationHistory() {
  const { slug, title, openedAt, closedAt, outcomePublishedAt, decision, versions, dates } = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(slug)}`;
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{title}</span>
          <h1 className="govuk-heading-xl">Changes to the consultation</h1>
          {dates ? (
            <>
              <h2 className="govuk-heading-m">When it opened</h2>
              <DatesMoved plan={dates} />
            </>
          ) : null}
          {closedAt || outcomePublishedAt || decision ? (
            <>
              <h2 className="govuk-heading-m">What has happened</h2>
              <ol className="govuk-list govuk-list--spaced" data-testid="milestones">
                {openedAt ? <li>Opened for consultation on {formatDate(openedAt)}.</li> : null}
                {closedAt ? <li>Closed on {formatDate(closedAt)}.</li> : null}
                {outcomePublishedAt ? (
                  <li>
                    Outcome published on {formatDate(outcomePublishedAt)}:{" "}
                    <Link className="govuk-link" to={`${base}/outcome`}>
                      what people said and what the council did
                    </Link>
                    .
                  </li>
                ) : null}
                {decision ? (
                  <li>
                    Decided on {formatDate(decision.decidedOn)}: {decision.label} ({decision.reference}).{" "}
                    <a className="govuk-link" href={decision.noticeUrl} rel="noopener noreferrer">
                      Read the decision notice<span className="govuk-visually-hidden"> (on another website)</span>
                    </a>
                  </li>
                ) : null}
              </ol>
            </>
          ) : null}
          {versions.length <= 1 ? (
            <p className="govuk-body" data-testid="no-changes">
              Nothing has changed since the consultation {openedAt ? `opened on ${formatDate(openedAt)}` : "was published"}.
            </p>
          ) : (
            <p className="govuk-body">
              The council changed this consultation after it opened. Each change is listed below, newest first, with the council&apos;s note and exactly what changed: added words are underlined and removed words are struck through.
            </p>
          )}
          <ol className="govuk-list" reversed data-testid="versions">
            {versions
              .filter((v) => !v.isBaseline)
              .map((v) => (
                <li key={v.number} className="govuk-!-margin-bottom-8" data-version={v.number} id={versionAnchor(v.number)}>
                  <h2 className="govuk-heading-m">
                    Version {v.number}: {formatDateTime(v.createdAt)}
                  </h2>
                  {v.changeNote ? (
                    <div className="govuk-inset-text">
                      <span className="govuk-visually-hidden">The council&apos;s note: </span>
                      {v.changeNote}
                    </div>
                  ) : null}
                  {v.changes.length ? <SectionChanges changes={v.changes} /> : <p className="govuk-body">No published text changed.</p>}
                </li>
              ))}
          </ol>
          {versions.some((v) => v.isBaseline) ? (
            <p className="govuk-body">Version 1 is the consultation as published{openedAt ? ` when it opened on ${formatDate(openedAt)}` : ""}.</p>
          ) : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={base}>
              Read the consultation as it is now
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
