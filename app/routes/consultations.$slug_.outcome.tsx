/**
 * You said, we did: the published outcome of a consultation, and the decision once it is made.
 * Before the outcome is published the page says when it is due, and by how many days it is
 * overdue. Only published material appears here: a draft report never does, and a proposal that
 * is not public answers the site's 404 like any address that does not exist.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";
import { pageTitle } from "~/components/page-title";
import { alternateLinks } from "~/open-data/links";
import { StateTag } from "~/components/StateTag";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { OutcomeView } from "~/outcomes/OutcomeView";
import { outcomeClock } from "~/outcomes/overdue";
import { publicOutcomeView } from "~/outcomes/view.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal)) throw notFound();
  const clock = outcomeClock(proposal, now(), loadSettings().council.timeZone);
  return {
    slug: proposal.slug,
    title: proposal.title,
    state: proposal.state,
    closesOn: proposal.closesOn,
    clock,
    outcome: publicOutcomeView(proposal, loadSettings()),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [
    { title: pageTitle(matches, data ? t("consultationPages.outcome.titleWith", { title: data.title }) : t("consultationPages.outcome.title")) },
    // The same consultation as data and as a feed (which carries the outcome and decision), as on its page.
    ...(data ? alternateLinks(data.slug) : []),
  ];
};

export default function ConsultationOutcome() {
  const d = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(d.slug)}`;
  const { t } = useTranslation();
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
          { href: base, text: d.title, lang: contentLang },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l" lang={contentLang}>
            {d.title}
          </span>
          <h1 className="govuk-heading-xl">{d.outcome ? t("consultationPages.outcome.headingPublished") : t("consultationPages.outcome.heading")}</h1>
          <p className="govuk-body">
            <StateTag state={d.state} />
            {d.outcome?.publishedAt ? <> {t("consultationPages.outcome.published", { date: format.date(d.outcome.publishedAt) })}</> : null}
          </p>
          {d.outcome ? null : d.state === "closed" ? (
            d.clock.overdue ? (
              <div className="govuk-warning-text" data-testid="outcome-overdue">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">{t("common.warning")}</span>
                  {t("consultationPages.outcome.overdue", { count: d.clock.daysOverdue, date: format.date(d.clock.dueOn) })}
                </strong>
              </div>
            ) : (
              <p className="govuk-body">
                {d.closesOn
                  ? t("consultationPages.outcome.closedOn", { closed: format.date(d.closesOn), due: format.date(d.clock.dueOn) })
                  : t("consultationPages.outcome.closed", { due: format.date(d.clock.dueOn) })}
              </p>
            )
          ) : d.state === "open" ? (
            <p className="govuk-body">{d.closesOn ? t("consultationPages.outcome.openUntil", { date: format.date(d.closesOn) }) : t("consultationPages.outcome.open")}</p>
          ) : d.state === "withdrawn" ? (
            <p className="govuk-body">{t("consultationPages.outcome.withdrawn")}</p>
          ) : null}
        </div>
      </div>
      {d.outcome ? <OutcomeView outcome={d.outcome} answersHref={`${base}/outcome/answers`} /> : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={href(base)}>
          {t("consultationPages.common.readConsultation")}
        </Link>{" "}
        {t("consultationPages.outcome.or")}{" "}
        <Link className="govuk-link" to={href(`${base}/history`)}>
          {t("consultationPages.outcome.seeHowChanged")}
        </Link>
        {t("consultationPages.outcome.end")}
      </p>
    </>
  );
}
