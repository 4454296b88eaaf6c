/**
 * "You said, we did": who responded and how, each theme with the council's response and what
 * changed (linked to the exact word diff on the history page), how far people agreed with each
 * question, the equality assessment before and after, what happens next, and the decision once
 * it is made. The public outcome page and the staff preview render the same component. Counts
 * are drawn as charts with their figures in a table beside them (components/charts).
 * Headings start at h2, under the page's own h1.
 */
import { Link } from "@remix-run/react";
import { BarChart, CHART_COLOURS, StackedBarChart } from "~/components/charts/Charts";
import { STANCE_SEGMENTS } from "~/components/charts/ProposalCharts";
import { RatingTag } from "~/components/EqualityGrid";
import { CharacteristicName } from "~/components/content-words";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";
import { Markdown } from "~/components/Markdown";
import { WhoResponded } from "~/reach/WhoResponded";
import type { OutcomeViewModel } from "./view.server";



type T = (key: string, values?: Record<string, unknown>) => string;

/** The outcome report's words in the page's language (English on staff pages). */
function useWords() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  return { t, o: (key: string, values?: Record<string, unknown>) => t(`consultationPages.outcomeView.${key}`, values) };
}

export function DecisionPanel({ decision }: { decision: NonNullable<OutcomeViewModel["decision"]> }) {
  const { t, o } = useWords();
  const format = useFormat();
  const contentLang = useContentLang();
  return (
    <section className="app-decision" aria-labelledby="decision-heading" data-testid="decision">
      <h2 className="govuk-heading-m" id="decision-heading">
        {o("decision")}
      </h2>
      <p className="govuk-body-l govuk-!-font-weight-bold govuk-!-margin-bottom-2">{t(`consultationPages.decisions.${decision.decision}`)}</p>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{o("decidedOn")}</dt>
          <dd className="govuk-summary-list__value">{format.date(decision.decidedOn)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{o("reference")}</dt>
          <dd className="govuk-summary-list__value" lang={contentLang}>
            {decision.reference}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{o("notice")}</dt>
          <dd className="govuk-summary-list__value">
            <a className="govuk-link" href={decision.noticeUrl} rel="noopener noreferrer">
              {o("readNotice")}
              <span className="govuk-visually-hidden">{t("common.anotherWebsite")}</span>
            </a>
          </dd>
        </div>
      </dl>
      <Markdown html={decision.summaryHtml} lang={contentLang} />
    </section>
  );
}

export function OutcomeView({ outcome: r, answersHref }: { outcome: OutcomeViewModel; answersHref: string | null }) {
  const { t, o } = useWords();
  const format = useFormat();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const stanceQuestions = r.questions.filter((q) => Object.values(q.stances).some((x) => x > 0));
  return (
    <div className="app-outcome">
      {r.decision ? <DecisionPanel decision={r.decision} /> : null}

      <section aria-labelledby="who-responded">
        <h2 className="govuk-heading-l" id="who-responded">
          {o("whoResponded")}
        </h2>
        <p className="govuk-body-l" data-testid="outcome-counts">
          {o("counts", { responses: r.counts.responses, comments: r.counts.comments })}
        </p>
        <BarChart
          id="outcome-by-channel"
          caption={o("howCame")}
          bars={r.counts.byChannel.map((b) => ({ ...b, label: t(`charts.channels.${b.key}`) }))}
          labelHeader={o("how")}
          valueHeader={o("responses")}
        />
        <BarChart
          id="outcome-by-responding-as"
          caption={o("whoFrom")}
          bars={r.counts.byRespondingAs.map((b) => ({ ...b, label: t(`consultationPages.respondingAs.${b.key}`) }))}
          labelHeader={o("who")}
          valueHeader={o("responses")}
          colour={CHART_COLOURS.turquoise}
        />
        <Markdown html={r.responseSummaryHtml} lang={contentLang} />
        <WhoResponded report={r.monitoring} headingLevel={3} heading={o("monitoringHeading")} />
      </section>

      <section aria-labelledby="you-said-we-did">
        <h2 className="govuk-heading-l" id="you-said-we-did">
          {o("youSaidWeDid")}
        </h2>
        {r.themes.length === 0 ? (
          <p className="govuk-body">{o("noThemes")}</p>
        ) : (
          <BarChart
            id="outcome-themes"
            caption={o("themesCaption")}
            bars={r.themes.map((th) => ({ label: th.name, value: th.respondents }))}
            labelHeader={o("theme")}
            valueHeader={o("respondents")}
            total={false}
            labelLang={contentLang}
          />
        )}
        {r.themes.map((th) => (
          <article key={th.id} className="app-outcome-theme" aria-labelledby={`theme-${th.id}`} data-testid="outcome-theme">
            <h3 className="govuk-heading-m" id={`theme-${th.id}`} lang={contentLang}>
              {th.name}
            </h3>
            <p className="govuk-body govuk-!-font-weight-bold" data-testid="theme-respondents">
              {o("raisedBy", { count: th.respondents })}
            </p>
            {th.quotes.length ? (
              <>
                <h4 className="govuk-heading-s">{o("youSaid")}</h4>
                {th.quotes.map((q, i) => (
                  <figure key={i} className="govuk-!-margin-0 govuk-!-margin-bottom-4">
                    <blockquote className="app-quote govuk-body" data-as-written="">
                      {q.text}
                    </blockquote>
                    <figcaption className="govuk-body-s">
                      {q.kind === "answer" ? <QuestionRef text={o("answerTo", { question: "\u0000" })} question={q.about} lang={contentLang} /> : <span lang={contentLang}>{q.about}</span>}
                    </figcaption>
                  </figure>
                ))}
              </>
            ) : null}
            <h4 className="govuk-heading-s">{o("weDid")}</h4>
            <Markdown html={th.councilResponseHtml} lang={contentLang} />
            {th.changed ? (
              <div className="govuk-inset-text">
                <strong>{o("whatChanged")}</strong> <span lang={contentLang}>{th.changeDescription}</span>
                {th.version ? (
                  <>
                    {" "}
                    <Link className="govuk-link" to={href(th.version.href)}>
                      {o("seeVersion", { number: th.version.number })}
                      <span className="govuk-visually-hidden">{o("seeVersionHidden", { date: format.date(th.version.createdAt) })}</span>
                    </Link>
                  </>
                ) : null}
              </div>
            ) : (
              <p className="govuk-body">{o("notChanged")}</p>
            )}
          </article>
        ))}
      </section>

      {stanceQuestions.length > 0 ? (
        <section aria-labelledby="how-people-answered">
          <h2 className="govuk-heading-l" id="how-people-answered">
            {o("howAnswered")}
          </h2>
          <StackedBarChart
            id="outcome-by-stance"
            caption={o("byStance")}
            segments={STANCE_SEGMENTS.map((seg) => ({ ...seg, label: t(`stances.${seg.key}`) }))}
            rowHeader={o("question")}
            rows={stanceQuestions.map((q) => ({ label: q.question, values: q.stances }))}
            labelLang={contentLang}
          />
        </section>
      ) : null}

      <section aria-labelledby="equality-revisited">
        <h2 className="govuk-heading-l" id="equality-revisited">
          {o("equality")}
        </h2>
        <Markdown html={r.equalitySummaryHtml} lang={contentLang} />
        {r.equality.length === 0 ? (
          <p className="govuk-body">{o("noEqualityChange")}</p>
        ) : (
          <div className="app-table-scroll" role="region" aria-labelledby="equality-changes-caption" tabIndex={0}>
            <table className="govuk-table app-table--reflow" data-testid="equality-before-after">
              <caption className="govuk-table__caption govuk-table__caption--m" id="equality-changes-caption">
                {o("equalityCaption")}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {o("characteristic")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {o("before")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {o("after")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {r.equality.map((row) => (
                  <tr key={row.characteristic} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      <CharacteristicName characteristic={row.characteristic} label={row.label} />
                    </th>
                    <td className="govuk-table__cell" data-label={o("before")}>
                      <RatingTag rating={row.before.rating} />
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" lang={contentLang}>
                        {row.before.evidence}
                      </p>
                    </td>
                    <td className="govuk-table__cell" data-label={o("after")}>
                      <RatingTag rating={row.after.rating} />
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" lang={contentLang}>
                        {row.after.evidence}
                      </p>
                      {row.after.justification ? (
                        <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                          <strong>{o("justified")}</strong> <span lang={contentLang}>{row.after.justification}</span>
                        </p>
                      ) : null}
                      {row.after.evidenceAction ? (
                        <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                          <strong>{o("findOut")}</strong> <span lang={contentLang}>{row.after.evidenceAction}</span>
                        </p>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="what-happens-next">
        <h2 className="govuk-heading-l" id="what-happens-next">
          {o("next")}
        </h2>
        <Markdown html={r.whatHappensNextHtml} lang={contentLang} />
      </section>

      {answersHref ? (
        <section aria-labelledby="published-answers">
          <h2 className="govuk-heading-l" id="published-answers">
            {o("publishedAnswers")}
          </h2>
          {r.publishedAnswers === 0 ? (
            <p className="govuk-body">{o("noPublishedAnswers")}</p>
          ) : (
            <p className="govuk-body">
              <Link className="govuk-link" to={href(answersHref)}>
                {o("readPublished", { count: r.publishedAnswers })}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** "Answer to “…”" with the question, the council's own words, marked as such. */
function QuestionRef({ text, question, lang }: { text: string; question: string; lang: string | undefined }) {
  const [before, after = ""] = text.split("\u0000");
  return (
    <>
      {before}
      <span lang={lang}>{question}</span>
      {after}
    </>
  );
}
