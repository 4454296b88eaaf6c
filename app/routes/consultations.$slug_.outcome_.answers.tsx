/**
 * The answers respondents agreed to publish, under the name they chose, a page at a time.
 * Published with the outcome; answers to questions marked personal are never here.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { outcomeIsPublished, publishedAnswers } from "~/outcomes/read.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { CHANNEL_LABELS, STANCE_LABELS } from "~/responses/rules";
import { parsePage } from "~/responses/thread-page.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal) || !outcomeIsPublished(proposal)) throw notFound();
  const page = publishedAnswers(proposal, parsePage(new URL(request.url).searchParams.get("page")));
  return { slug: proposal.slug, title: proposal.title, ...page };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Published answers${data.pages > 1 ? ` (page ${data.page} of ${data.pages})` : ""} – ${data.title}` : "Published answers") },
];

export default function PublishedAnswers() {
  const d = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(d.slug)}`;
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: d.title },
          { href: `${base}/outcome`, text: "Outcome" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{d.title}</span>
          <h1 className="govuk-heading-xl">Answers published with the respondents’ agreement</h1>
          <p className="govuk-body">
            {d.total.toLocaleString("en-GB")} {d.total === 1 ? "respondent" : "respondents"} agreed that their answers could be published, under the name they chose. Everyone’s answers were read and counted,
            whether published or not. Answers to questions about people’s own circumstances are never published.
          </p>
          {d.items.map((r) => (
            <section key={r.responseId} className="app-coding__item" aria-labelledby={`response-${r.responseId}`}>
              <h2 className="govuk-heading-s" id={`response-${r.responseId}`}>
                {r.name}
                {r.capacity ? <span className="govuk-!-font-weight-regular">, {r.capacity}</span> : null}
                <span className="govuk-!-font-weight-regular"> ({CHANNEL_LABELS[r.channel].toLowerCase()})</span>
              </h2>
              <dl className="govuk-summary-list">
                {r.answers.map((a) => (
                  <div key={a.questionId} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{a.question}</dt>
                    <dd className="govuk-summary-list__value">
                      {a.stance ? <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{STANCE_LABELS[a.stance]}</p> : null}
                      {a.text ? <p className="govuk-body govuk-!-margin-bottom-0 app-answer-text">{a.text}</p> : null}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <Pagination page={d.page} pages={d.pages} hrefFor={(n) => `${base}/outcome/answers${n > 1 ? `?page=${n}` : ""}`} label="Pages of published answers" />
          <p className="govuk-body">
            <Link className="govuk-link" to={`${base}/outcome`}>
              Back to the outcome
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
