/**
 * Translations of the summary and questions (issue 14): each translation as a check-answers
 * card (language, who translated it and when, who entered it, the summary, the questions), with
 * Change and Remove links, and "Add a translation" while the council offers a language the
 * proposal lacks. Saving happens on the pages it links to, each through editProposal.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { SummaryList } from "~/components/SummaryList";
import { renderMarkdown } from "~/lib/markdown.server";
import { proposalPath, translationPath, translationsPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";
import { languagesToAdd } from "~/proposals/sections/translation";
import { coverage, translationLanguage } from "~/proposals/translation";
import { translationRecords } from "~/proposals/translations.server";

const TITLE = "Translations";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const records = translationRecords(e.proposal.id);
  const p = e.proposal;
  return {
    ...pageBasics(e, context, "summary", (u) => (u.field ?? "").startsWith("translations.")),
    canAdd: languagesToAdd(p).length > 0,
    translations: (p.translations ?? []).map((tr) => {
      const language = translationLanguage(tr.language);
      const record = records.find((r) => r.language === tr.language);
      return {
        language: tr.language,
        label: language ? `${language.name} (${language.nativeName})` : tr.language,
        name: language?.name ?? tr.language,
        dir: language?.dir ?? "ltr",
        translatorName: tr.translatorName,
        translatedOn: tr.translatedOn,
        enteredBy: record?.enteredBy ?? "a former member of staff",
        enteredAt: record?.updatedAt ?? null,
        summaryHtml: renderMarkdown(tr.summary, "officer"),
        covers: coverage(tr, p.questions.map((q) => q.id)),
        questions: p.questions.map((q, i) => ({ number: i + 1, english: q.question, translated: tr.questions.find((x) => x.questionId === q.id)?.text ?? null })),
      };
    }),
  };
}

export default function TranslationsPage() {
  const { proposal, translations, canAdd, needs } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={proposalPath(proposal.id)} className="govuk-back-link">
          Back to the task list
        </Link>
        <span className="govuk-caption-l">{proposal.title}</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">
          A translation of the summary, and of as many questions as you have had translated, is shown to people who read the consultation in that language. Everything else stays
          in English, and the page says so. People can answer in any language.
        </p>
        {needs.length ? (
          <div className="govuk-inset-text" data-testid="translation-needs">
            <p className="govuk-body">The publication check asks you to fix:</p>
            <ul className="govuk-list govuk-list--bullet">
              {needs.map((n) => (
                <li key={n.href + n.message}>
                  <Link className="govuk-link" to={n.href}>
                    {n.message}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {translations.length === 0 ? <p className="govuk-body">This proposal has no translations yet.</p> : null}
        {translations.map((tr) => (
          <div className="govuk-summary-card" key={tr.language} data-testid={`translation-${tr.language}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{tr.label}</h2>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <Link className="govuk-link" to={`${translationPath(proposal.id, tr.language)}/remove`}>
                    Remove<span className="govuk-visually-hidden"> the {tr.name} translation</span>
                  </Link>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: "Translated by", value: tr.translatorName, actions: [{ href: `${translationPath(proposal.id, tr.language)}#translatorName`, text: "Change", visuallyHiddenText: `who translated the ${tr.name}` }] },
                  { key: "Date translated", value: formatDate(tr.translatedOn), actions: [{ href: `${translationPath(proposal.id, tr.language)}#translatedOn-day`, text: "Change", visuallyHiddenText: `the date of the ${tr.name} translation` }] },
                  { key: "Entered by", value: tr.enteredAt ? `${tr.enteredBy}, ${formatDate(tr.enteredAt)}` : tr.enteredBy },
                  {
                    key: "Summary",
                    value: (
                      <div lang={tr.language} dir={tr.dir}>
                        <Markdown html={tr.summaryHtml} />
                      </div>
                    ),
                    actions: [{ href: `${translationPath(proposal.id, tr.language)}#summary`, text: "Change", visuallyHiddenText: `the ${tr.name} summary` }],
                  },
                  {
                    key: "Questions",
                    value: (
                      <>
                        <p className="govuk-body">
                          {tr.covers.questions} of {tr.covers.ofQuestions} translated
                        </p>
                        <ol className="govuk-list govuk-list--number">
                          {tr.questions.map((q) => (
                            <li key={q.number}>
                              {q.translated ? (
                                <span lang={tr.language} dir={tr.dir}>
                                  {q.translated}
                                </span>
                              ) : (
                                <>
                                  {q.english} <strong className="govuk-tag govuk-tag--grey">In English</strong>
                                </>
                              )}
                            </li>
                          ))}
                        </ol>
                      </>
                    ),
                    actions: [{ href: translationPath(proposal.id, tr.language, "questions"), text: "Change", visuallyHiddenText: `the ${tr.name} questions` }],
                  },
                ]}
              />
            </div>
          </div>
        ))}
        <div className="govuk-button-group">
          {canAdd ? (
            <Link className="govuk-button govuk-button--secondary" draggable={false} to={`${translationsPath(proposal.id)}/new`}>
              Add a translation
            </Link>
          ) : null}
          <Link className="govuk-link" to={proposalPath(proposal.id)}>
            Back to the task list
          </Link>
        </div>
      </div>
    </div>
  );
}
