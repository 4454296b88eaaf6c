/**
 * The queue of requests for other formats (issue 14, item 5): for the consultations an officer's
 * service runs (all of them for admins), overdue first, then by the date each is due.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatDate } from "~/components/format";
import { SuccessBanner } from "~/components/SuccessBanner";
import { now } from "~/lib/clock";
import { formatQueue, type QueueFilter } from "~/reach/formats.server";
import { FORMAT_LABELS, STATUS_LABELS } from "~/reach/formats";
import reachCss from "~/reach/reach.css?url";

const T = {
  title: "Requests for other formats",
  caption: "Staff area",
  intro: (n: number) => `Each request is due within the council’s working days from the day it was made. ${n === 0 ? "None is overdue." : n === 1 ? "1 is overdue." : `${n} are overdue.`}`,
  record: "Record a request made by phone, email, letter or in person",
  none: "There are no requests here.",
  tabs: { open: "Waiting", overdue: "Overdue", closed: "Sent or no longer needed", all: "All" } satisfies Record<QueueFilter, string>,
  caption2: (what: string) => `Requests: ${what.toLowerCase()}`,
  columns: ["Reference", "Consultation", "Format", "Asked for", "Due", "Status"],
  overdue: "Overdue",
  saved: (ref: string) => `Request ${ref} recorded.`,
  filterLabel: "Show requests",
};

const FILTERS: QueueFilter[] = ["open", "overdue", "closed", "all"];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const url = new URL(request.url);
  const asked = url.searchParams.get("show");
  const filter: QueueFilter = (FILTERS as string[]).includes(asked ?? "") ? (asked as QueueFilter) : "open";
  const at = now();
  const items = formatQueue(viewer, filter, at);
  const recorded = url.searchParams.get("recorded");
  return { filter, items, overdue: filter === "overdue" ? items.length : formatQueue(viewer, "overdue", at).length, recorded: recorded && /^AF-[A-Z0-9]{6}$/.test(recorded) ? recorded : null };
}

export const meta: MetaFunction = () => [{ title: `${T.title} – Staff area` }];

export default function FormatQueue() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      {d.recorded ? <SuccessBanner>{T.saved(d.recorded)}</SuccessBanner> : null}
      <span className="govuk-caption-l">{T.caption}</span>
      <h1 className="govuk-heading-l">{T.title}</h1>
      <p className="govuk-body">{T.intro(d.overdue)}</p>
      <Link to="/staff/formats/new" draggable={false} className="govuk-button" data-module="govuk-button">
        {T.record}
      </Link>
      <nav aria-label={T.filterLabel}>
        <ul className="govuk-list app-filter-links">
          {FILTERS.map((f) => (
            <li key={f} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <Link className="govuk-link" to={`/staff/formats?show=${f}`} aria-current={d.filter === f || (f === "open" && !params.get("show")) ? "page" : undefined}>
                {T.tabs[f]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {d.items.length === 0 ? (
        <p className="govuk-body">{T.none}</p>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-label={T.caption2(T.tabs[d.filter])}>
          <table className="govuk-table app-table--reflow">
            <caption className="govuk-table__caption govuk-table__caption--m">{T.caption2(T.tabs[d.filter])}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {T.columns.map((c) => (
                  <th key={c} scope="col" className="govuk-table__header">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {d.items.map((r) => (
                <tr key={r.id} className="govuk-table__row" data-testid={`format-request-${r.reference}`}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/staff/formats/${r.id}`}>
                      {r.reference}
                    </Link>
                  </th>
                  <td className="govuk-table__cell" data-label={T.columns[1]}>{r.proposal.title}</td>
                  <td className="govuk-table__cell" data-label={T.columns[2]}>
                    {FORMAT_LABELS[r.format]}
                    {r.language ? `: ${r.language}` : ""}
                  </td>
                  <td className="govuk-table__cell" data-label={T.columns[3]}>{formatDate(r.createdAt)}</td>
                  <td className="govuk-table__cell" data-label={T.columns[4]}>{formatDate(r.dueOn)}</td>
                  <td className="govuk-table__cell" data-label={T.columns[5]}>
                    <strong className="govuk-tag govuk-tag--grey">{STATUS_LABELS[r.status]}</strong>
                    {r.overdue ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">{T.overdue}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
