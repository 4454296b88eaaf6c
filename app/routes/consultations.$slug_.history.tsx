/**
 * The published versions of a consultation and what changed in each, section by section, word
 * by word. Only public versions, only public text, and only for a proposal this visitor may see:
 * a draft or embargoed proposal is the same 404 as one that does not exist.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";
import { pageTitle } from "~/components/page-title";
import { usePeriodDays } from "~/components/content-words";
import { alternateLinks } from "~/open-data/links";
import { SectionChanges } from "~/components/WordDiff";
import { loadSettings } from "~/lib/settings.server";
import { requireVisibleProposal } from "~/proposals/proposals.server";
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

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [
  {
    title: pageTitle(
      matches,
      data
        ? translator(languageOfUrl(`${location.pathname}${location.search}`))("consultationPages.history.titleWith", { title: data.title })
        : translator(languageOfUrl(`${location.pathname}${location.search}`))("consultationPages.history.title"),
    ),
  },
  ...(data ? alternateLinks(data.slug) : []),
];

type T = (key: string, values?: Record<string, unknown>) => string;

/** Opening late moved the closing date (the same notice as the consultation page's), in the page's language. */
export function DatesMoved({ plan }: { plan: NonNullable<ReturnType<typeof datesMovedAtOpening>> }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  const format = useFormat();
  const periodDays = usePeriodDays();
  if (!plan.plannedOpensOn || !plan.opensOn || !plan.movedClosesOn) return null;
  const values = {
    planned: format.date(plan.plannedOpensOn),
    plannedCloses: plan.plannedClosesOn ? format.date(plan.plannedClosesOn) : "",
    opened: format.date(plan.opensOn),
    closes: format.date(plan.movedClosesOn),
    length: periodDays(plan.days),
  };
  return (
    <div className="govuk-inset-text" data-testid="dates-moved">
      {plan.plannedClosesOn ? t("consultationPages.history.datesMovedWithClose", values) : t("consultationPages.history.datesMoved", values)}
    </div>
  );
}

export default function ConsultationHistory() {
  const { slug, title, openedAt, closedAt, outcomePublishedAt, decision, versions, dates } = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(slug)}`;
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  const h = (key: string, values?: Record<string, unknown>) => t(`consultationPages.history.${key}`, values);
  const href = useLocalHref();
  const format = useFormat();
  const contentLang = useContentLang();
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
          { href: base, text: title, lang: contentLang },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l" lang={contentLang}>
            {title}
          </span>
          <h1 className="govuk-heading-xl">{h("title")}</h1>
          {dates ? (
            <>
              <h2 className="govuk-heading-m">{h("whenOpened")}</h2>
              <DatesMoved plan={dates} />
            </>
          ) : null}
          {closedAt || outcomePublishedAt || decision ? (
            <>
              <h2 className="govuk-heading-m">{h("happened")}</h2>
              <ol className="govuk-list govuk-list--spaced" data-testid="milestones">
                {openedAt ? <li>{h("opened", { date: format.date(openedAt) })}</li> : null}
                {closedAt ? <li>{h("closed", { date: format.date(closedAt) })}</li> : null}
                {outcomePublishedAt ? (
                  <li>
                    {h("outcome", { date: format.date(outcomePublishedAt) })}{" "}
                    <Link className="govuk-link" to={href(`${base}/outcome`)}>
                      {h("outcomeLink")}
                    </Link>
                    {t("consultationPages.outcome.end")}
                  </li>
                ) : null}
                {decision ? (
                  <li>
                    {h("decided", { date: format.date(decision.decidedOn), label: t(`consultationPages.decisions.${decision.decision}`), reference: "\u0000" })
                      .split("\u0000")
                      .map((part, i) => (i === 0 ? <span key={i}>{part}</span> : <span key={i}><span lang={contentLang}>{decision.reference}</span>{part}</span>))}{" "}
                    <a className="govuk-link" href={decision.noticeUrl} rel="noopener noreferrer">
                      {t("consultationPages.outcomeView.readNotice")}
                      <span className="govuk-visually-hidden">{t("common.anotherWebsite")}</span>
                    </a>
                  </li>
                ) : null}
              </ol>
            </>
          ) : null}
          {versions.length <= 1 ? (
            <p className="govuk-body" data-testid="no-changes">
              {openedAt ? h("nothingOpened", { date: format.date(openedAt) }) : h("nothing")}
            </p>
          ) : (
            <p className="govuk-body">{h("changed")}</p>
          )}
          <ol className="govuk-list" reversed data-testid="versions">
            {versions
              .filter((v) => !v.isBaseline)
              .map((v) => (
                <li key={v.number} className="govuk-!-margin-bottom-8" data-version={v.number} id={versionAnchor(v.number)}>
                  <h2 className="govuk-heading-m">{h("version", { number: v.number, date: format.dateTime(v.createdAt) })}</h2>
                  {v.changeNote ? (
                    <div className="govuk-inset-text">
                      <span className="govuk-visually-hidden">{h("note")}</span>
                      <span lang={contentLang}>{v.changeNote}</span>
                    </div>
                  ) : null}
                  {v.changes.length ? (
                    <div lang={contentLang}>
                      <SectionChanges changes={v.changes.map((c) => ({ ...c, title: t(`sections.${c.section}`) }))} titleLang={contentLang ? "bn" : undefined} />
                    </div>
                  ) : (
                    <p className="govuk-body">{h("noText")}</p>
                  )}
                </li>
              ))}
          </ol>
          {versions.some((v) => v.isBaseline) ? <p className="govuk-body">{openedAt ? h("baselineOpened", { date: format.date(openedAt) }) : h("baseline")}</p> : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={href(base)}>
              {h("readNow")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
