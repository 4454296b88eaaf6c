/**
 * The easy read summary (issue 14, item 3): on its own page, in large, widely spaced text, with
 * how to have your say. Where there is none yet, the page says so and offers to ask for one.
 * Visible exactly as the consultation page is; otherwise the site's 404.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { formatDate } from "~/components/format";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { renderMarkdown } from "~/lib/markdown.server";
import { consultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import reachCss from "~/reach/reach.css?url";
import { acceptingResponses } from "~/responses/rules";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

const T = {
  title: "Easy read",
  heading: (title: string) => `Easy read: ${title}`,
  none: "There is no easy read version of this consultation yet.",
  ask: "Ask for an easy read version",
  haveYourSay: "Have your say",
  closes: (date: string) => `You can tell us what you think until ${date}.`,
  respond: "Answer the questions online",
  phone: (phone: string) => `Or phone us on ${phone}. We will write down what you say.`,
  paper: "Get a paper copy to print",
  other: "Ask for this in another format",
  full: "Read the full consultation",
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, isPublic } = await consultationFor(request, params.slug);
  const settings = loadSettings();
  return {
    slug: proposal.slug,
    title: proposal.title,
    isPublic,
    html: proposal.easyReadSummary?.trim() ? renderMarkdown(proposal.easyReadSummary, "officer", { headingOffset: 1 }) : "",
    closesOn: proposal.state === "open" ? proposal.closesOn : null,
    accepting: isPublic && acceptingResponses(proposal, now(), settings.council.timeZone),
    phone: settings.paperPacks.phone ?? null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? T.heading(data.title) : T.title) }];

export default function EasyRead() {
  const d = useLoaderData<typeof loader>();
  const base = consultationPath(d.slug);
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: d.title },
        ]}
      />
      <div className="govuk-grid-row app-easy-read">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{T.title}</span>
          <h1 className="govuk-heading-xl">{d.title}</h1>
          {d.html ? (
            <Markdown html={d.html} />
          ) : (
            <>
              <p className="govuk-body-l">{T.none}</p>
              {d.isPublic ? (
                <p className="govuk-body-l">
                  <Link className="govuk-link" to={`${base}/formats?format=easy_read`}>
                    {T.ask}
                  </Link>
                </p>
              ) : null}
            </>
          )}
          <h2 className="govuk-heading-l">{T.haveYourSay}</h2>
          {d.closesOn ? <p className="govuk-body-l">{T.closes(formatDate(d.closesOn))}</p> : null}
          <ul className="govuk-list govuk-list--spaced govuk-body-l">
            {d.accepting ? (
              <li>
                <Link className="govuk-link" to={`${base}/respond`}>
                  {T.respond}
                </Link>
              </li>
            ) : null}
            {d.accepting && d.phone ? <li>{T.phone(d.phone)}</li> : null}
            <li>
              <Link className="govuk-link" to={`${base}/print`}>
                {T.paper}
              </Link>
            </li>
            {d.isPublic ? (
              <li>
                <Link className="govuk-link" to={`${base}/formats`}>
                  {T.other}
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="govuk-link" to={base}>
                {T.full}
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </>
  );
}
