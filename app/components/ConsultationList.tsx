/**
 * The public list of consultations, shared by "/" and "/consultations": a status filter (a GET
 * form that works without JavaScript), the consultations on this page, and pagination.
 */
import { Link } from "@remix-run/react";
import type { ProposalState } from "#db/schema";
import { SearchForm } from "~/search/SearchForm";
import { formatDate, plural } from "./format";
import { Pagination } from "./Pagination";
import { StateTag } from "./StateTag";

export const STATUS_FILTERS = [
  { value: "all", label: "All" },
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "concluded", label: "Concluded" },
  { value: "withdrawn", label: "Withdrawn" },
] as const;

export type StatusFilter = (typeof STATUS_FILTERS)[number]["value"];

export type ConsultationListEntry = {
  slug: string;
  title: string;
  state: ProposalState;
  serviceName: string;
  /** plain text, already shortened */
  excerpt: string;
  opensOn: string | null;
  closesOn: string | null;
  /** public challenges to its facts waiting for an answer, and how many are overdue */
  challenges?: { open: number; overdue: number };
  /** once decided: the day of the decision */
  decidedOn?: string | null;
  /** closed with no outcome 12 weeks on: by how many days (0 otherwise) */
  daysOverdue?: number;
  /** once withdrawn: when, whether it had closed first, and the published reason (plain text, shortened) */
  withdrawnAt?: string | null;
  closedAt?: string | null;
  withdrawnReason?: string | null;
};

export type ConsultationListData = {
  isHome: boolean;
  status: StatusFilter;
  page: number;
  pages: number;
  total: number;
  items: ConsultationListEntry[];
};

/** The dates a resident needs for a consultation in this state. */
export function consultationDates(item: Pick<ConsultationListEntry, "state" | "opensOn" | "closesOn" | "decidedOn" | "withdrawnAt" | "closedAt">): string {
  const opens = formatDate(item.opensOn);
  const closes = formatDate(item.closesOn);
  switch (item.state) {
    case "open":
      return closes ? `Closes ${closes}` : "Open now";
    case "closed":
      return closes ? `Closed ${closes}` : "Closed";
    case "scheduled":
    case "union_notice":
    case "in_review":
    case "draft":
      return opens ? `Opens ${opens}` : "";
    case "decided":
      return item.decidedOn ? `Decided ${formatDate(item.decidedOn)}` : closes ? `Closed ${closes}` : "";
    case "withdrawn": {
      // Never its planned closing date as if it had run: when it stopped, and what it had been.
      const withdrawn = item.withdrawnAt ? `Withdrawn ${formatDate(item.withdrawnAt)}` : "Withdrawn";
      if (item.closedAt) return closes ? `${withdrawn}, after closing on ${closes}` : withdrawn;
      return closes ? `${withdrawn}, before its planned closing date of ${closes}` : withdrawn;
    }
    default:
      return opens && closes ? `Ran from ${opens} to ${closes}` : closes ? `Closed ${closes}` : "";
  }
}

const EMPTY_TEXT: Record<StatusFilter, string> = {
  all: "There are no consultations to show yet.",
  open: "There are no open consultations at the moment.",
  closed: "There are no closed consultations waiting for an outcome.",
  concluded: "There are no concluded consultations yet.",
  withdrawn: "No consultation has been withdrawn.",
};

export function ConsultationListPage({ data, basePath, councilName }: { data: ConsultationListData; basePath: string; councilName?: string }) {
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (data.status !== "all") params.set("status", data.status);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const heading = data.isHome ? "Have your say on council proposals" : "Consultations";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{heading}</h1>
        <p className="govuk-body-l">
          Read what {councilName ?? "the council"} proposes to change and why, with the figures, risks and equality impact in full, and tell us what you think before
          anything is decided.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/subscribe">
            Get an email when a new consultation opens
          </Link>
        </p>

        <SearchForm />

        <form method="get" action={basePath} className="app-filter">
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show consultations</legend>
              <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                {STATUS_FILTERS.map((f) => (
                  <div key={f.value} className="govuk-radios__item">
                    <input className="govuk-radios__input" id={`status-${f.value}`} name="status" type="radio" value={f.value} defaultChecked={data.status === f.value} />
                    <label className="govuk-label govuk-radios__label" htmlFor={`status-${f.value}`}>
                      {f.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-3" data-module="govuk-button">
            Apply filter
          </button>
        </form>

        <p className="govuk-body" role="status">
          {data.total === 0 ? EMPTY_TEXT[data.status] : `${plural(data.total, "consultation")}${data.pages > 1 ? `, page ${data.page} of ${data.pages}` : ""}`}
        </p>

        {data.items.length > 0 ? (
          <ul className="app-consultation-list">
            {data.items.map((item) => {
              const dates = consultationDates(item);
              return (
                <li key={item.slug} className="app-consultation-list__item">
                  <h2 className="govuk-heading-m app-consultation-list__title">
                    <Link className="govuk-link" to={`/consultations/${encodeURIComponent(item.slug)}`}>
                      {item.title}
                    </Link>
                  </h2>
                  <ul className="app-consultation-list__meta">
                    <li>
                      <StateTag state={item.state} />
                    </li>
                    <li>{item.serviceName}</li>
                    {dates ? <li>{dates}</li> : null}
                    {item.challenges?.open ? (
                      <li data-testid="challenge-count">
                        {plural(item.challenges.open, "challenge to the facts", "challenges to the facts")} waiting for an answer
                        {item.challenges.overdue ? <strong>, {item.challenges.overdue} overdue</strong> : null}
                      </li>
                    ) : null}
                    {item.daysOverdue ? (
                      <li>
                        <strong className="govuk-tag govuk-tag--red">Outcome {item.daysOverdue === 1 ? "1 day" : `${item.daysOverdue} days`} overdue</strong>
                      </li>
                    ) : null}
                  </ul>
                  {item.state === "withdrawn" && item.withdrawnReason ? (
                    <p className="govuk-body app-consultation-list__summary" data-testid="withdrawn-reason">
                      <strong>Why it was withdrawn:</strong> {item.withdrawnReason}
                    </p>
                  ) : null}
                  {item.excerpt ? <p className="govuk-body app-consultation-list__summary">{item.excerpt}</p> : null}
                </li>
              );
            })}
          </ul>
        ) : null}

        <Pagination page={data.page} pages={data.pages} hrefFor={hrefFor} label="Pages of consultations" />
      </div>
    </div>
  );
}
