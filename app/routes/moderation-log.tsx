/**
 * The public moderation log: every comment a moderator hid or restored, when, and under which
 * house rule. Never the words, the author or the moderator's note.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import { ruleChoices, ruleTitle } from "~/responses/house-rules.server";
import { moderationLog } from "~/responses/moderation.server";
import { threadPath, type TargetType } from "~/responses/rules";
import { parsePage } from "~/responses/thread-page.server";
import commentsCss from "~/responses/comments.css?url";
import { formatWhen } from "~/responses/when";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

const TARGET_WORDS: Record<TargetType, string> = {
  proposal: "the proposal",
  risk: "a risk",
  dependency: "a service or partner affected",
  mitigation: "a mitigation",
  equality_row: "the equality impact",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const log = moderationLog(parsePage(new URL(request.url).searchParams.get("page")));
  const rules = ruleChoices();
  return {
    ...log,
    entries: log.entries.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.at,
      rule: e.rule,
      ruleTitle: ruleTitle(e.rule, rules),
      what: `${e.official ? "An official answer" : e.isReply ? "A reply" : "A comment"} on ${TARGET_WORDS[e.target.type]}`,
      consultation: e.consultation,
      threadHref: e.consultation ? threadPath(e.consultation.slug, e.target) : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data && data.pages > 1 ? `Moderation log (page ${data.page} of ${data.pages})` : "Moderation log") },
];

export default function ModerationLog() {
  const { entries, page, pages, total } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-xl">Moderation log</h1>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              Every comment a moderator has hidden or shown again, newest first, with the{" "}
              <Link className="govuk-link" to="/house-rules">
                house rule
              </Link>{" "}
              it broke. We do not show what a hidden comment said, or who wrote it. The author is told by email.
            </p>
          </div>
        </div>
        {entries.length === 0 ? (
          <p className="govuk-body">No comments have been hidden.</p>
        ) : (
          <div className="app-table-scroll" role="region" aria-labelledby="log-caption" tabIndex={0}>
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--m" id="log-caption">
                {total === 1 ? "1 moderation decision" : `${total.toLocaleString("en-GB")} moderation decisions`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    When
                  </th>
                  <th scope="col" className="govuk-table__header">
                    What
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Consultation
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Decision
                  </th>
                  <th scope="col" className="govuk-table__header">
                    House rule
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {entries.map((e) => (
                  <tr key={e.id} className="govuk-table__row">
                    <td className="govuk-table__cell" data-label="When">
                      <time dateTime={e.at}>{formatWhen(e.at)}</time>
                    </td>
                    <td className="govuk-table__cell" data-label="What">{e.threadHref ? <Link className="govuk-link" to={e.threadHref}>{e.what}</Link> : e.what}</td>
                    <td className="govuk-table__cell" data-label="Consultation">{e.consultation ? e.consultation.title : "Not published"}</td>
                    <td className="govuk-table__cell" data-label="Decision">{e.action === "hide" ? "Hidden" : "Shown again"}</td>
                    <td className="govuk-table__cell" data-label="House rule">
                      {e.rule ? (
                        <Link className="govuk-link" to={`/house-rules#${e.rule}`}>
                          {e.ruleTitle}
                        </Link>
                      ) : (
                        <span className="app-not-provided">Not applicable</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} hrefFor={(n) => (n > 1 ? `/moderation-log?page=${n}` : "/moderation-log")} label="Pages of the moderation log" />
      </div>
    </div>
  );
}
