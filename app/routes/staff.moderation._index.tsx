/**
 * The moderation queue: comments held for review and comments people reported, the
 * longest-waiting first; and the comments already hidden, so a wrong decision can be undone.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { Markdown } from "~/components/Markdown";
import { Pagination } from "~/components/Pagination";
import commentsCss from "~/responses/comments.css?url";
import { ruleChoices, ruleTitle } from "~/responses/house-rules.server";
import { hiddenComments, moderationQueue } from "~/responses/moderation.server";
import { parsePage } from "~/responses/thread-page.server";
import { formatWhen } from "~/responses/when";
import { SuccessBanner } from "~/components/SuccessBanner";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "comment:moderate");
  const url = new URL(request.url);
  const view = url.searchParams.get("view") === "hidden" ? "hidden" : "waiting";
  const page = parsePage(url.searchParams.get("page"));
  const waiting = moderationQueue(view === "waiting" ? page : 1);
  const hidden = hiddenComments(view === "hidden" ? page : 1);
  const list = view === "waiting" ? waiting : hidden;
  const rules = ruleChoices();
  return {
    view,
    waitingTotal: waiting.total,
    hiddenTotal: hidden.total,
    page: list.page,
    pages: list.pages,
    done: url.searchParams.get("done"),
    items: list.items.map((i) => ({ ...i, reports: i.reports.map((r) => ({ ...r, ruleTitle: r.ruleKey === "other" ? "Something else" : ruleTitle(r.ruleKey, rules) })) })),
  };
}

export const meta: MetaFunction<typeof loader> = () => [{ title: "Moderation queue – Staff area" }];

export default function ModerationQueue() {
  const d = useLoaderData<typeof loader>();
  const tabs = [
    { view: "waiting", text: `Waiting for a decision (${d.waitingTotal})`, href: "/staff/moderation" },
    { view: "hidden", text: `Hidden (${d.hiddenTotal})`, href: "/staff/moderation?view=hidden" },
  ];
  return (
    <>
      <span className="govuk-caption-l">Staff area</span>
      <h1 className="govuk-heading-l">Moderation queue</h1>
      {d.done ? (
        <SuccessBanner>Your decision was saved{d.done === "hide" || d.done === "restore" ? " and the author was told by email" : ""}.</SuccessBanner>
      ) : null}
      <p className="govuk-body">
        Decide under the{" "}
        <Link className="govuk-link" to="/house-rules">
          house rules
        </Link>
        . Hiding a comment puts it in the public{" "}
        <Link className="govuk-link" to="/moderation-log">
          moderation log
        </Link>{" "}
        and emails its author. You can also{" "}
        <Link className="govuk-link" to="/staff/moderation/consultations">
          choose which consultations hold comments for review
        </Link>
        .
      </p>
      <nav aria-label="Moderation views">
        <ul className="govuk-list app-comment__actions govuk-!-margin-bottom-6">
          {tabs.map((t) => (
            <li key={t.view}>
              {t.view === d.view ? (
                <strong aria-current="page">{t.text}</strong>
              ) : (
                <Link className="govuk-link" to={t.href}>
                  {t.text}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {d.items.length === 0 ? <p className="govuk-body">{d.view === "waiting" ? "Nothing is waiting for a decision." : "No comments are hidden."}</p> : null}
      <ol className="app-comments" aria-label={d.view === "waiting" ? "Comments waiting for a decision" : "Hidden comments"}>
        {d.items.map((item) => (
          <li key={item.id} className="app-comment">
            <div className="app-comment__body">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/staff/moderation/${item.id}`}>
                  {item.status === "pending" ? "Held for review" : item.status === "hidden" ? "Hidden" : `Reported ${item.reports.length === 1 ? "once" : `${item.reports.length} times`}`}
                  <span className="govuk-visually-hidden">: comment by {item.author}</span>
                </Link>
              </h2>
              <p className="govuk-body-s app-comment__meta">
                <span className="app-comment__author">{item.author}</span> on {item.proposal.title}
                <br />
                Posted <time dateTime={item.createdAt}>{formatWhen(item.createdAt)}</time>
                {item.editedAt ? " (edited)" : ""}
              </p>
              <Markdown html={item.html} />
              {item.reports.length > 0 ? (
                <ul className="govuk-list govuk-list--bullet govuk-body-s govuk-!-margin-top-2">
                  {item.reports.map((r, i) => (
                    <li key={i}>
                      {r.ruleTitle}
                      {r.details ? `: ${r.details}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <Pagination page={d.page} pages={d.pages} label="Pages of the queue" hrefFor={(n) => `/staff/moderation?${new URLSearchParams({ ...(d.view === "hidden" ? { view: "hidden" } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`} />
    </>
  );
}
