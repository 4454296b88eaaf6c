/**
 * A proposal's translation on the public pages (issue 14, item 2), in the page's language: the
 * translated summary and questions, marked with the language, the translator and the date, and
 * which parts are in the reader's language and which stay in English. On a page in another
 * language, links to the languages the proposal has been translated into.
 */
import { Link } from "@remix-run/react";
import { withLanguage, type LanguageCode } from "~/i18n/languages";
import { useTranslation } from "~/i18n/react";
import { AsWritten, useRichTranslation } from "~/i18n/rich";
import type { PageTranslation } from "~/proposals/translations.server";
import { Markdown } from "./Markdown";

/** A calendar date as ICU formats it: noon UTC, so no time zone moves it to another day. */
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export function TranslatedSummary({ translation: tr }: { translation: PageTranslation }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const { summary: _s, questions, ofQuestions } = tr.covers;
  const parts =
    questions === 0
      ? t("translatedContent.partsSummary")
      : questions === ofQuestions
        ? t("translatedContent.partsAll", { total: ofQuestions })
        : t("translatedContent.partsSome", { translated: questions, total: ofQuestions });
  return (
    <section className="app-section govuk-!-margin-bottom-6" lang={tr.language} dir={tr.dir} aria-labelledby="translated-summary-heading" data-testid="translated-summary">
      <h2 className="govuk-heading-l" id="translated-summary-heading">
        {t("translatedContent.heading")}
      </h2>
      <p className="govuk-body-s" data-testid="translation-credit">
        {rt("translatedContent.credit", { translator: <AsWritten>{tr.translatorName}</AsWritten>, date: day(tr.translatedOn) })}
      </p>
      <div className="govuk-inset-text" data-testid="translation-parts">
        {parts}
      </div>
      <Markdown html={tr.summaryHtml} />
      {tr.questions.length ? (
        <>
          <h3 className="govuk-heading-m">{t("translatedContent.questionsHeading")}</h3>
          <ol className="govuk-list govuk-list--number" data-testid="translated-questions">
            {tr.questions.map((q) => (
              <li key={q.id}>
                {q.translated ?? (
                  <>
                    <span lang="en-GB" dir="ltr">
                      {q.english}
                    </span>{" "}
                    <strong className="govuk-tag govuk-tag--grey">{t("translatedContent.inEnglish")}</strong>
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className="govuk-body">{t("translatedContent.englishBelow")}</p>
    </section>
  );
}

/** On a page in English (or another language without a translation): where the translations are. */
export function OtherLanguages({ languages, path }: { languages: { code: LanguageCode; nativeName: string; name: string }[]; path: string }) {
  const { t } = useTranslation();
  if (!languages.length) return null;
  return (
    <p className="govuk-body" data-testid="other-languages">
      {t("translatedContent.otherLanguages")}{" "}
      {languages.map((l, i) => (
        <span key={l.code}>
          {i > 0 ? ", " : null}
          <Link className="govuk-link" to={withLanguage(path, l.code)} lang={l.code} hrefLang={l.code}>
            {l.nativeName}
          </Link>{" "}
          <span lang="en-GB">({l.name})</span>
        </span>
      ))}
    </p>
  );
}

/** Under a translated question on the respond form: the question as the council wrote it. */
export function EnglishOriginal({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <p className="govuk-hint">
      {t("translatedContent.inEnglish")}: <span lang="en-GB">{text}</span>
    </p>
  );
}
