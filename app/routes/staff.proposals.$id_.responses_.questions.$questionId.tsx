/**
 * One question's answers from every channel, a page at a time (keyset paging: "Next page"
 * carries the last response read), with the themes each answer carries. Officers of the service
 * code answers into themes here, from the keyboard if they like (CodingList).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { codingAction, requireReading } from "~/outcomes/coding.server";
import { afterFrom, filterQuery, filtersFrom } from "~/outcomes/filters";
import { CodingList, NewThemeForm, ShortcutsHelp, type CodingItem } from "~/outcomes/CodingList";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { itemKey } from "~/outcomes/rules";
import { listThemes, themesOfItems } from "~/outcomes/themes.server";
import { notFound } from "~/proposals/proposals.server";
import { idFrom } from "~/proposals/sections/route.server";
import { answersPage } from "~/responses/reading.server";
import { CHANNEL_LABELS, RESPONDING_AS_LABELS, STANCE_LABELS } from "~/responses/rules";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

async function load(request: Request, params: Record<string, string | undefined>) {
  const reading = await requireReading(request, params);
  const questionId = idFrom(params.questionId);
  const index = reading.proposal.questions.findIndex((q) => q.id === questionId);
  if (index === -1) throw notFound();
  return { ...reading, question: { ...reading.proposal.questions[index], n: index + 1 } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, question, canCode } = await load(request, params);
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const after = afterFrom(url);
  const page = answersPage(proposal.id, question.id, filters, { after });
  const keys = page.items.map((a) => itemKey({ kind: "answer", responseId: a.responseId, questionId: question.id }));
  const coded = themesOfItems(proposal.id, keys);
  const items: CodingItem[] = page.items.map((a, i) => ({
    key: keys[i],
    from: a.from,
    capacity: a.capacity,
    tags: [CHANNEL_LABELS[a.channel], a.respondingAs ? RESPONDING_AS_LABELS[a.respondingAs] : null, a.stance ? STANCE_LABELS[a.stance] : null].filter((x): x is string => !!x),
    text: a.text,
    notes: a.publishAnswers && !question.personal ? ["Agreed to publish"] : [],
    themeIds: coded[keys[i]] ?? [],
  }));
  return {
    proposal: { id: proposal.id, title: proposal.title },
    question: { id: question.id, n: question.n, text: question.question, personal: question.personal === true, count: proposal.questions.length },
    filters,
    items,
    themes: listThemes(proposal.id).map(({ id, name, respondents }) => ({ id, name, respondents })),
    canCode,
    first: after === 0,
    nextHref: page.next ? filterQuery(filters, { after: String(page.next) }) : null,
    firstHref: filterQuery(filters),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reading = await load(request, params);
  const url = new URL(request.url);
  return codingAction(request, reading, `${url.pathname}${url.search}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Answers to question ${data.question.n} – ${data.proposal.title} – Staff area` : "Answers") }];

export default function QuestionAnswers() {
  const d = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const base = `/staff/proposals/${d.proposal.id}/responses`;
  const here = `${base}/questions/${d.question.id}`;
  const filtered = [d.filters.channel && CHANNEL_LABELS[d.filters.channel], d.filters.respondingAs && RESPONDING_AS_LABELS[d.filters.respondingAs], d.filters.stance && STANCE_LABELS[d.filters.stance]].filter(Boolean);
  return (
    <>
      <Link to={`${base}${filterQuery({ channel: d.filters.channel, respondingAs: d.filters.respondingAs })}`} className="govuk-back-link">
        Back to all responses
      </Link>
      <span className="govuk-caption-l">
        {d.proposal.title}: question {d.question.n} of {d.question.count}
      </span>
      <h1 className="govuk-heading-l">{d.question.text}</h1>
      {d.question.personal ? (
        <p className="govuk-inset-text">This question is marked personal: its answers are never published, whatever the respondent chose. Quote them only in your own words.</p>
      ) : null}
      {filtered.length ? (
        <p className="govuk-body">
          Showing answers filtered by: {filtered.join(", ")}.{" "}
          <Link className="govuk-link" to={here}>
            Show every answer
          </Link>
        </p>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {d.canCode ? <ShortcutsHelp /> : null}
          <CodingList items={d.items} themes={d.themes} canCode={d.canCode} action={`${here}${search}`} itemNoun="answer" />
          <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of answers">
            {d.nextHref ? (
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`${here}${d.nextHref}`} rel="next">
                  <span className="govuk-pagination__link-title">Next page</span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">more answers</span>
                </Link>
              </div>
            ) : (
              <p className="govuk-body">That is every answer{filtered.length ? " matching the filter" : ""}.</p>
            )}
            {!d.first ? (
              <div className="govuk-pagination__prev">
                <Link className="govuk-link govuk-pagination__link" to={`${here}${d.firstHref}`}>
                  <span className="govuk-pagination__link-title">Back to the first page</span>
                </Link>
              </div>
            ) : null}
          </nav>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Themes</h2>
          {d.themes.length === 0 ? (
            <p className="govuk-body">No themes yet.</p>
          ) : (
            <ol className="govuk-list govuk-list--number">
              {d.themes.map((t) => (
                <li key={t.id}>
                  {t.name} <span className="govuk-hint govuk-!-display-inline">({t.respondents} {t.respondents === 1 ? "respondent" : "respondents"})</span>
                </li>
              ))}
            </ol>
          )}
          {d.canCode ? <NewThemeForm action={`${here}${search}`} /> : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/proposals/${d.proposal.id}/themes`}>
              Rename, merge or read the themes
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
