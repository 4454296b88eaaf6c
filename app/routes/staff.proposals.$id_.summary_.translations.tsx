/**
 * Translations of the summary and questions (issue 14): each translation as a check-answers
 * card (language, who translated it and when, who entered it, the summary, the questions), with
 * Change and Remove links, and "Add a translation" while the council offers a language the
 * proposal lacks. Saving happens on the pages it links to, each through editProposal.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { TranslationCard } from "~/components/TranslationCard";
import { renderMarkdown } from "~/lib/markdown.server";
import { proposalPath, translationPath, translationsPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";
import { languagesToAdd } from "~/proposals/sections/translation";
import { translationCards } from "~/proposals/translations.server";

const TITLE = "Translations";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const p = e.proposal;
  return {
    ...pageBasics(e, context, "summary", (u) => (u.field ?? "").startsWith("translations.")),
    canAdd: languagesToAdd(p).length > 0,
    translations: translationCards(p, (markdown) => renderMarkdown(markdown, "officer")),
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
          <TranslationCard
            key={tr.language}
            tr={tr}
            removeHref={`${translationPath(proposal.id, tr.language)}/remove`}
            changeHref={(part) =>
              part === "questions"
                ? translationPath(proposal.id, tr.language, "questions")
                : `${translationPath(proposal.id, tr.language)}#${{ translator: "translatorName", date: "translatedOn-day", summary: "summary" }[part]}`
            }
          />
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
