/**
 * The public list of consultations, shared by "/" and "/consultations": a status filter (a GET
 * form that works without JavaScript), the consultations on this page, and pagination.
 */
import { Link } from "@remix-run/react";
import type { ProposalState } from "#db/schema";
import { SearchForm } from "~/search/SearchForm";
import { formatDate } from "./format";
import { translator } from "~/i18n/i18n";
import type { LanguageCode } from "~/i18n/languages";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";
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
export function consultationDates(item: Pick<ConsultationListEntry, "state" | "opensOn" | "closesOn" | "decidedOn" | "withdrawnAt" | "closedAt">, lang: LanguageCode = "en"): string {
  const t = translator(lang);
  const opens = formatDate(item.opensOn, lang);
  const closes = formatDate(item.closesOn, lang);
  switch (item.state) {
    case "open":
      return closes ? t("list.dates.closes", { date: closes }) : t("list.dates.openNow");
    case "closed":
      return closes ? t("list.dates.closed", { date: closes }) : t("list.dates.closedNoDate");
    case "scheduled":
    case "union_notice":
    case "in_review":
    case "draft":
      return opens ? t("list.dates.opens", { date: opens }) : "";
    case "decided":
      return item.decidedOn ? t("list.dates.decided", { date: formatDate(item.decidedOn, lang) }) : closes ? t("list.dates.closed", { date: closes }) : "";
    case "withdrawn": {
      // Never its planned closing date as if it had run: when it stopped, and what it had been.
      const withdrawn = item.withdrawnAt ? t("list.dates.withdrawn", { date: formatDate(item.withdrawnAt, lang) }) : t("list.dates.withdrawnNoDate");
      if (item.closedAt) return closes ? t("list.dates.withdrawnAfterClosing", { withdrawn, closes }) : withdrawn;
      return closes ? t("list.dates.withdrawnBeforeClosing", { withdrawn, closes }) : withdrawn;
    }
    default:
      return opens && closes ? t("list.dates.ran", { opens, closes }) : closes ? t("list.dates.closed", { date: closes }) : "";
  }
}

export function ConsultationListPage({ data, basePath, councilName }: { data: ConsultationListData; basePath: string; councilName?: string }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const contentLang = useContentLang();
  const localHref = useLocalHref();
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (data.status !== "all") params.set("status", data.status);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return localHref(query ? `${basePath}?${query}` : basePath);
  };
  const heading = data.isHome ? t("list.homeHeading") : t("list.heading");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{heading}</h1>
        <p className="govuk-body-l">
          {councilName ? rt("list.intro", { council: <Content>{councilName}</Content> }) : t("list.intro", { council: t("list.theCouncil") })}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={localHref("/subscribe")}>
            {t("list.subscribe")}
          </Link>
        </p>

        <SearchForm />

        <form method="get" action={basePath} className="app-filter">
          {lang !== "en" ? <input type="hidden" name="lang" value={lang} /> : null}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("list.showLegend")}</legend>
              <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                {STATUS_FILTERS.map((f) => (
                  <div key={f.value} className="govuk-radios__item">
                    <input className="govuk-radios__input" id={`status-${f.value}`} name="status" type="radio" value={f.value} defaultChecked={data.status === f.value} />
                    <label className="govuk-label govuk-radios__label" htmlFor={`status-${f.value}`}>
                      {t(`list.filters.${f.value}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-3" data-module="govuk-button">
            {t("list.applyFilter")}
          </button>
        </form>

        <p className="govuk-body" role="status">
          {data.total === 0 ? t(`list.empty.${data.status}`) : data.pages > 1 ? t("list.countPaged", { count: data.total, page: data.page, pages: data.pages }) : t("list.count", { count: data.total })}
        </p>

        {data.items.length > 0 ? (
          <ul className="app-consultation-list">
            {data.items.map((item) => {
              const dates = consultationDates(item, lang);
              return (
                <li key={item.slug} className="app-consultation-list__item">
                  <h2 className="govuk-heading-m app-consultation-list__title">
                    <Link className="govuk-link" to={localHref(`/consultations/${encodeURIComponent(item.slug)}`)}>
                      <Content>{item.title}</Content>
                    </Link>
                  </h2>
                  <ul className="app-consultation-list__meta">
                    <li>
                      <StateTag state={item.state} />
                    </li>
                    <li lang={contentLang}>{item.serviceName}</li>
                    {dates ? <li>{dates}</li> : null}
                    {item.challenges?.open ? (
                      <li data-testid="challenge-count">
                        {t("list.challenges", { count: item.challenges.open })}
                        {item.challenges.overdue ? <strong>{t("list.challengesOverdue", { count: item.challenges.overdue })}</strong> : null}
                      </li>
                    ) : null}
                    {item.daysOverdue ? (
                      <li>
                        <strong className="govuk-tag govuk-tag--red">{t("list.outcomeOverdue", { count: item.daysOverdue })}</strong>
                      </li>
                    ) : null}
                  </ul>
                  {item.state === "withdrawn" && item.withdrawnReason ? (
                    <p className="govuk-body app-consultation-list__summary" data-testid="withdrawn-reason">
                      <strong>{t("list.whyWithdrawn")}</strong> <Content>{item.withdrawnReason}</Content>
                    </p>
                  ) : null}
                  {item.excerpt ? (
                    <p className="govuk-body app-consultation-list__summary" lang={contentLang}>
                      {item.excerpt}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}

        <Pagination page={data.page} pages={data.pages} hrefFor={hrefFor} label={t("list.pagesLabel")} />
      </div>
    </div>
  );
}
