/** After sending answers: what we have, how to change it, and what happens next. */
import { Content, useRichTranslation } from "~/i18n/rich";
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translator } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useFormat, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { pageTitle } from "~/components/page-title";
import { SummaryList } from "~/components/SummaryList";
import { getViewer } from "~/auth/session.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { now } from "~/lib/clock";
import { isSubscribedTo } from "~/notifications/subscriptions.server";
import { loadMyResponse } from "~/responses/answers.server";
import commentsCss from "~/responses/comments.css?url";
import { requireReadyRespondent } from "~/responses/respondents.server";
import { acceptingResponses } from "~/responses/rules";
import { formatWhen } from "~/responses/when";
import { councilTimeZone } from "~/lib/settings.server";
import { hasAnsweredMonitoring } from "~/reach/monitoring.server";
import { SuccessBanner } from "~/components/SuccessBanner";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal)) throw notFound();
  const base = `/consultations/${encodeURIComponent(proposal.slug)}`;
  const lang = languageOfRequest(request);
  const respondent = await requireReadyRespondent(request, withLanguage(`${base}/respond`, lang));
  const mine = loadMyResponse(proposal.id, respondent.id);
  if (!mine) throw redirect(withLanguage(`${base}/respond`, lang));
  const monitoring = new URL(request.url).searchParams.get("monitoring");
  return {
    // Equality monitoring: offered once, after the response, and separate from it.
    monitoring: { answered: hasAnsweredMonitoring(proposal.id, respondent.id), said: monitoring === "thanks" || monitoring === "already" ? monitoring : null },
    base,
    title: proposal.title,
    closesOn: proposal.closesOn,
    canChange: acceptingResponses(proposal, now(), councilTimeZone()),
    updatedAt: mine.updatedAt,
    publishAnswers: mine.publishAnswers,
    email: respondent.email,
    updates: isSubscribedTo(respondent.email, proposal.id),
    answers: proposal.questions.map((q, i) => ({ n: i + 1, question: q.question, stance: mine.answers[q.id]?.stance ?? null, text: mine.answers[q.id]?.text ?? null })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [{ title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("confirmation.title")) }];

export default function ResponseReceived() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const href = useLocalHref();
  const format = useFormat();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.monitoring.said === "thanks" ? <SuccessBanner>{t("confirmation.monitoringThanks")}</SuccessBanner> : null}
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">{t("confirmation.title")}</h1>
          <div className="govuk-panel__body">{rt("confirmation.savedOn", { title: <Content>{d.title}</Content>, when: formatWhen(d.updatedAt, lang) })}</div>
        </div>
        <p className="govuk-body app-break-anywhere" data-testid="receipt-sent">
          {t("confirmation.emailed")} <strong>{d.email}</strong>
          {t("confirmation.emailedEnd")}
        </p>
        <h2 className="govuk-heading-m">{t("confirmation.yourAnswers")}</h2>
        <SummaryList
          rows={d.answers.map((a) => ({
            key: <Content>{a.question}</Content>,
            value: (
              <>
                {a.stance ? <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t(`stances.${a.stance}`)}</p> : null}
                {a.text ? <p className="govuk-body govuk-!-margin-bottom-0 app-answer-text">{a.text}</p> : null}
                {!a.stance && !a.text ? <span className="app-not-provided">{t("confirmation.notAnswered")}</span> : null}
              </>
            ),
            actions: d.canChange ? [{ href: href(`${d.base}/respond#question-${a.n}`), text: t("common.change"), visuallyHiddenText: t("confirmation.changeHidden", { n: a.n }) }] : [],
          }))}
        />
        <h2 className="govuk-heading-m">{t("confirmation.whatHappensAnswers")}</h2>
        <p className="govuk-body" data-testid="publish-choice">
          {d.publishAnswers ? t("confirmation.published") : t("confirmation.notPublished")}
          {d.canChange ? (
            <>
              {" "}
              <Link className="govuk-link" to={href(`${d.base}/respond`)}>
                {t("confirmation.changeThis")}
              </Link>
            </>
          ) : null}
        </p>
        {d.updates ? <p className="govuk-body">{t("confirmation.willEmail")}</p> : null}
        {!d.monitoring.answered ? (
          <div className="govuk-inset-text" data-testid="monitoring-invitation">
            <h2 className="govuk-heading-m">{t("confirmation.monitoringHeading")}</h2>
            <p className="govuk-body">{t("confirmation.monitoringBody")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={href(`${d.base}/respond/equality`)}>
                {t("confirmation.monitoringLink")}
              </Link>
            </p>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">{t("confirmation.next")}</h2>
        <p className="govuk-body">
          {d.closesOn ? `${t("confirmation.closesAtEnd", { date: format.date(d.closesOn) })} ` : ""}
          {t("confirmation.changeUntilThen")}
        </p>
        <p className="govuk-body">{t("confirmation.afterClose")}</p>
        <p className="govuk-body">
          {t("confirmation.alsoBefore")}{" "}
          <Link className="govuk-link" to={href(`${d.base}/comments`)}>
            {t("confirmation.commentLink")}
          </Link>{" "}
          {t("confirmation.alsoMiddle")}{" "}
          <Link className="govuk-link" to={href(d.base)}>
            {t("confirmation.backLink")}
          </Link>
          {t("confirmation.alsoEnd")}
        </p>
      </div>
    </div>
  );
}
