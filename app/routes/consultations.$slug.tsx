/**
 * One consultation, at the same address from opening to decision. Everything the proposal
 * carries that the public may see, through the visibility predicate: a draft, a proposal
 * under union notice or a guessed slug all answer the same 404.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { formatDate } from "~/components/format";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { AsWritten, Content, useRichTranslation } from "~/i18n/rich";
import { usePeriodLength } from "~/components/content-words";
import { pageTitle } from "~/components/page-title";
import { alternateLinks } from "~/open-data/links";
import { buildProposalView } from "~/components/proposal-view-model";
import { ProposalView } from "~/components/ProposalView";
import { StateTag } from "~/components/StateTag";
import { SummaryList, type SummaryListRow } from "~/components/SummaryList";
import { Markdown } from "~/components/Markdown";
import { now } from "~/lib/clock";
import { languageOfRequest } from "~/i18n/languages";
import { translator } from "~/i18n/i18n";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { approvalRecord, requireVisibleProposal } from "~/proposals/proposals.server";
import { loadNotificationRecord } from "~/notifications/record.server";
import { NotificationRecord } from "~/components/NotificationRecord";
import { canDownloadDocument, isPublic, visibilityFacts } from "~/proposals/visibility";
import commentsCss from "~/responses/comments.css?url";
import { ChallengesSection } from "~/challenges/ChallengeList";
import { hiddenChallenges, publicChallenges } from "~/challenges/challenges.server";
import { ruleTitle } from "~/responses/house-rules.server";
import { SuccessBanner } from "~/components/SuccessBanner";
import { ConsultationComments } from "~/responses/ConsultationComments";
import { responsesSentence } from "~/responses/ResponseCounts";
import { consultationPageResponses } from "~/responses/thread-page.server";
import { answersByQuestion, responseCounts } from "~/responses/answers.server";
import { publishedQuestionStatistics } from "~/responses/statistics";
import { ResponseCharts } from "~/components/charts/ProposalCharts";
import { formatCountsSentence } from "~/reach/formats";
import { publicFormatCounts } from "~/reach/formats.server";
import { OtherFormats } from "~/reach/OtherFormats";
import { publicPickUpPlaces } from "~/reach/paper-packs.server";
import { daysText } from "~/outcomes/overdue";
import { decisionOf } from "~/outcomes/read.server";
import { type HydrationHandle, whileCommenting } from "~/components/hydration";
import { OtherLanguages, TranslatedSummary } from "~/components/TranslatedContent";
import { pageTranslation, translationsForSwitch } from "~/proposals/translations.server";

// Scripts only for a reader who sees the comment form; everyone else gets the page alone (decision 019).
export const handle: HydrationHandle = { hydrate: (data) => whileCommenting((data as { responses?: unknown } | null)?.responses) };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, params.slug ?? "");
  const facts = visibilityFacts(proposal);
  const settings = loadSettings();
  const proposalView = buildProposalView(proposal, settings, {
    render: (markdown, options) => renderMarkdown(markdown, "officer", options),
    documentHref: (doc) => (canDownloadDocument(viewer, facts, doc) ? `/consultations/${encodeURIComponent(proposal.slug)}/documents/${doc.id}` : null),
    now: now(),
  });
  // Staff may open a proposal that is not public yet; the page then says so.
  return {
    proposal: proposalView,
    isPublic: isPublic(proposal),
    notificationRecord: loadNotificationRecord(proposal),
    approval: approvalRecord(proposal),
    // Counts, thread links and the newest comments: published consultations only.
    responses: await consultationPageResponses(request, proposal),
    // The charts of responses so far: counts only, never anyone's words.
    responseCharts: isPublic(proposal) ? { byChannel: responseCounts(proposal.id), questions: publishedQuestionStatistics(proposal.questions, answersByQuestion(proposal.id)) } : null,
    // Challenges to the facts: public consultations only (an empty list otherwise).
    challenges: publicChallenges(proposal),
    hiddenChallenges: hiddenChallenges(proposal).map((h) => ({ ruleTitle: ruleTitle(h.rule), at: h.at })),
    challengeDays: settings.challenges.answerWorkingDays,
    challengeFlash: (() => {
      const flag = new URL(request.url).searchParams.get("challenge");
      return flag === "made" || flag === "held" ? flag : null;
    })(),
    // Easy read, the paper pack, other formats: the links for everyone who can see the page;
    // where to pick up a pack and the requests met, once published.
    otherFormats: {
      slug: proposal.slug,
      hasEasyRead: Boolean(proposal.easyReadSummary?.trim()),
      canAsk: isPublic(proposal),
      pickUp: isPublic(proposal) ? publicPickUpPlaces(proposal.id, settings) : [],
      formatSentence: isPublic(proposal) ? formatCountsSentence(publicFormatCounts(proposal.id), translator(languageOfRequest(request))) : null,
    },
    outcomePublishedAt: proposal.outcomePublishedAt ?? null,
    decision: proposal.state === "decided" ? decisionOf(proposal.id) : null,
    // The summary and questions in the page's language, if translated; otherwise where they are.
    translation: pageTranslation(proposal, languageOfRequest(request), (markdown) => renderMarkdown(markdown, "officer")),
    otherLanguages: translationsForSwitch(proposal, languageOfRequest(request)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data?.proposal.title ?? null) },
  // The same consultation as data and as a feed, for those who would rather read it by machine.
  ...(data?.isPublic ? alternateLinks(data.proposal.slug) : []),
];

export default function Consultation() {
  const { proposal: p, isPublic, notificationRecord, approval, responses, responseCharts, challenges, hiddenChallenges: hidden, challengeDays, challengeFlash, otherFormats, outcomePublishedAt, decision, translation, otherLanguages } = useLoaderData<typeof loader>();
  const overdue = challenges.filter((c) => c.standing === "overdue").length;
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const contentLang = useContentLang();
  const periodLength = usePeriodLength();
  const href = useLocalHref();
  const date = (value: string | null | undefined) => formatDate(value, lang);
  const challengeHref = (claim: string) => href(`${`/consultations/${encodeURIComponent(p.slug)}`}/challenge?claim=${encodeURIComponent(claim)}`);
  const challengeLinks =
    isPublic && responses?.accepting
      ? {
          impact: (
            <Link className="govuk-link" to={challengeHref("figure:postsAffected")}>
              {t("consultation.challengeFigure")}
            </Link>
          ),
          risks: (
            <Link className="govuk-link" to={challengeHref(p.risks[0] ? `risk:${p.risks[0].id}` : "")}>
              {t("consultation.challengeRisk")}
            </Link>
          ),
          equality: (
            <Link className="govuk-link" to={href(`/consultations/${encodeURIComponent(p.slug)}/challenge`)}>
              {t("consultation.challengeEquality")}
            </Link>
          ),
        }
      : undefined;
  const base = `/consultations/${encodeURIComponent(p.slug)}`;

  const keyRows: SummaryListRow[] = [
    { key: t("consultation.status"), value: <StateTag state={p.state} /> },
    { key: t("consultation.service"), value: <Content>{p.serviceName}</Content> },
  ];
  const notYetOpen = !isPublic;
  const moved = p.plan.plannedOpensOn != null;
  if (p.plan.opensOn) keyRows.push({ key: notYetOpen ? t("consultation.opens") : t("consultation.opened"), value: `${date(p.plan.opensOn)}${moved ? ` ${t("consultation.plannedFor", { date: date(p.plan.plannedOpensOn) })}` : ""}` });
  // A withdrawn consultation did not run to its closing date unless it had closed first.
  const stoppedEarly = p.state === "withdrawn" && !p.lifecycle.closedAt;
  if (p.plan.closesOn) {
    const was = moved && p.plan.plannedClosesOn && p.plan.closesOn === p.plan.movedClosesOn ? ` ${t("consultation.movedFrom", { date: date(p.plan.plannedClosesOn), length: p.plan.length ? periodLength(p.plan.length) : t("consultation.period") })}` : "";
    keyRows.push({ key: stoppedEarly ? t("consultation.wasDue") : notYetOpen || p.state === "open" ? t("consultation.closes") : t("consultation.closed"), value: `${date(p.plan.closesOn)}${was}` });
  }
  if (p.state === "withdrawn" && p.lifecycle.withdrawnAt) keyRows.push({ key: t("states.withdrawn"), value: <span data-testid="withdrawn-on">{date(p.lifecycle.withdrawnAt)}</span> });
  if (p.state === "closed" && p.lifecycle.outcomeDueOn) keyRows.push({ key: t("consultation.outcomeDue"), value: date(p.lifecycle.outcomeDueOn) });
  if (approval) keyRows.push({ key: t("consultation.approved"), value: <span data-testid="approval">{rt("consultation.approvedBy", { name: <AsWritten>{approval.approverName}</AsWritten>, date: date(approval.approvedAt) })}</span> });
  if (outcomePublishedAt && (p.state === "outcome_published" || p.state === "decided")) keyRows.push({ key: t("states.outcome_published"), value: date(outcomePublishedAt) });
  if (decision) keyRows.push({ key: t("states.decided"), value: <>{date(decision.decidedOn)}: <Content>{decision.label}</Content></> });
  if (responses) keyRows.push({ key: t("consultation.responses"), value: responsesSentence(responses.counts, t) });

  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
        ]}
      />

      {!isPublic ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="not-public-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="not-public-title">
              {t("consultation.notPublished")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{t("consultation.notPublishedBody")}</p>
          </div>
        </div>
      ) : null}

      {p.state === "withdrawn" ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="withdrawn-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="withdrawn-title">
              {t("states.withdrawn")}
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              {p.lifecycle.withdrawnAt ? t("consultation.withdrewOn", { date: date(p.lifecycle.withdrawnAt) }) : t("consultation.withdrew")}
            </p>
            <Markdown html={p.lifecycle.withdrawnReasonHtml} lang={contentLang} />
          </div>
        </div>
      ) : null}

      {challengeFlash ? (
        <SuccessBanner>
          {challengeFlash === "held" ? t("consultation.challengeHeld") : t("consultation.challengeMade", { days: challengeDays })}
        </SuccessBanner>
      ) : null}

      {overdue ? (
        <div className="govuk-warning-text" data-testid="challenges-overdue">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("common.warning")}</span>
            {t("consultation.challengesUnanswered", { count: overdue, days: challengeDays })}{" "}
            <a className="govuk-link" href="#challenges">
              {t("consultation.seeChallenges")}
            </a>
          </strong>
        </div>
      ) : null}

      {p.lifecycle.outcomeOverdue ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("common.warning")}</span>
            {t("consultation.outcomeOverdue", { count: p.lifecycle.outcomeDaysOverdue, date: date(p.lifecycle.outcomeDueOn) })}
          </strong>
        </div>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l" lang={contentLang}>
            {p.serviceName}
          </span>
          <h1 className="govuk-heading-xl" lang={contentLang}>
            {p.title}
          </h1>
        </div>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="app-key-dates">
            <SummaryList rows={keyRows} noBorder />
          </div>
          {responses?.accepting ? (
            <Link to={href(`${base}/respond`)} className="govuk-button govuk-button--start" data-module="govuk-button">
              {t("consultation.respond")}
              <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
              </svg>
            </Link>
          ) : null}
          {p.state === "open" && responses && !responses.accepting ? <p className="govuk-body">{t("respond.closedMessage")}</p> : null}
          {p.state === "closed" ? <p className="govuk-body">{t("consultation.considering")}</p> : null}
          {decision ? (
            <div className="govuk-inset-text" data-testid="decision-summary">
              <strong>{rt("consultation.decision", { label: <Content>{decision.label}</Content> })}</strong> {t("consultation.decidedOn", { date: date(decision.decidedOn), reference: decision.reference })}{" "}
              <a className="govuk-link" href={decision.noticeUrl} rel="noopener noreferrer">
                {t("consultation.readDecision")}
                <span className="govuk-visually-hidden">{t("common.anotherWebsite")}</span>
              </a>
            </div>
          ) : null}
          {p.state === "outcome_published" || p.state === "decided" ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={href(`${base}/outcome`)}>
                {p.state === "decided" ? t("consultation.readOutcomeDecided") : t("consultation.readOutcome")}
              </Link>
            </p>
          ) : null}
          {isPublic ? (
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={href(`${base}/history`)}>
                  {t("consultation.history")}
                </Link>
              </li>
              {p.state === "open" || p.state === "closed" || p.state === "outcome_published" ? (
                <li>
                  <Link className="govuk-link" to={href(`/subscribe?consultation=${encodeURIComponent(p.slug)}`)}>
                    {t("consultation.getEmails")}
                    <span className="govuk-visually-hidden">
                      : <Content>{p.title}</Content>
                    </span>
                  </Link>
                </li>
              ) : null}
            </ul>
          ) : null}
          <OtherFormats data={otherFormats} />
          <OtherLanguages languages={otherLanguages} path={base} />
          {translation ? <TranslatedSummary translation={translation} /> : null}
        </div>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <ProposalView proposal={p} threads={responses?.threads} sectionActions={challengeLinks} easyReadHref={otherFormats.hasEasyRead ? href(`${base}/easy-read`) : undefined} />
          {isPublic ? <ChallengesSection challenges={challenges} hidden={hidden} slug={p.slug} accepting={responses?.accepting ?? false} workingDays={challengeDays} /> : null}
          <NotificationRecord record={notificationRecord} />
          {responseCharts && responseCharts.byChannel.total > 0 ? (
            <section className="app-section" aria-labelledby="response-charts-heading" id="responses-so-far">
              <h2 className="govuk-heading-l" id="response-charts-heading">
                {p.state === "open" ? t("consultation.responsesSoFar") : t("consultation.responses")}
              </h2>
              <ResponseCharts data={responseCharts} />
            </section>
          ) : null}
          {responses ? <ConsultationComments slug={p.slug} responses={responses} /> : null}
        </div>
      </div>
    </>
  );
}
