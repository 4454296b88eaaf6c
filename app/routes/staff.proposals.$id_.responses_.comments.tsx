/**
 * Residents' comments, on the whole proposal or one part of it (a risk, an equality row, a
 * mitigation, a dependency), a page at a time, with the themes each carries. Held and hidden
 * comments are shown and marked: staff read every response. The council's own answers are not
 * responses and are left out.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { codingAction, requireReading } from "~/outcomes/coding.server";
import { afterFrom, filterQuery, filtersFrom } from "~/outcomes/filters";
import { CodingList, NewThemeForm, ShortcutsHelp, type CodingItem } from "~/outcomes/CodingList";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { itemKey } from "~/outcomes/rules";
import { listThemes, themesOfItems } from "~/outcomes/themes.server";
import { commentsPage } from "~/responses/reading.server";
import { RESPONDING_AS_LABELS, TARGET_TYPES, type TargetType } from "~/responses/rules";
import { describeTarget } from "~/responses/targets";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

/** "risk-12" → a risk; anything else → every comment. */
function targetFrom(value: string | null): { type: TargetType; id: number } | null {
  const m = /^([a-z_]+)-([1-9]\d{0,9})$/.exec(value ?? "");
  if (!m || !(TARGET_TYPES as readonly string[]).includes(m[1])) return null;
  return { type: m[1] as TargetType, id: Number(m[2]) };
}

const STATUS_NOTES = { visible: null, pending: "Waiting for a moderator", hidden: "Hidden by a moderator" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, canCode } = await requireReading(request, params);
  const url = new URL(request.url);
  const filters = filtersFrom(url);
  const target = targetFrom(url.searchParams.get("on"));
  const after = afterFrom(url);
  const settings = loadSettings();
  const describe = (t: { type: TargetType; id: number | null }) => (t.type === "proposal" ? "The whole proposal" : (() => {
    const d = describeTarget(proposal, { type: t.type, id: t.id ?? 0 }, settings);
    return d ? `${d.caption}: ${d.title}` : "Part of the proposal";
  })());
  const page = commentsPage(proposal.id, target, { respondingAs: filters.respondingAs }, { after });
  const keys = page.items.map((c) => itemKey({ kind: "comment", commentId: c.id }));
  const coded = themesOfItems(proposal.id, keys);
  const items: CodingItem[] = page.items.map((c, i) => ({
    key: keys[i],
    from: c.from,
    capacity: c.capacity,
    tags: [target ? null : `On: ${describe({ type: c.targetType, id: c.targetId })}`, c.parentId ? "A reply" : null, c.respondingAs ? RESPONDING_AS_LABELS[c.respondingAs] : null].filter((x): x is string => !!x),
    text: c.text,
    notes: STATUS_NOTES[c.status] ? [STATUS_NOTES[c.status] as string] : [],
    themeIds: coded[keys[i]] ?? [],
  }));
  const extra: Record<string, string> = target ? { on: `${target.type}-${target.id}` } : {};
  return {
    proposal: { id: proposal.id, title: proposal.title },
    heading: target ? `Comments on ${describe(target).replace(/^The whole proposal$/, "the whole proposal")}` : "Every comment",
    filters,
    items,
    themes: listThemes(proposal.id).map(({ id, name, respondents }) => ({ id, name, respondents })),
    canCode,
    first: after === 0,
    nextHref: page.next ? filterQuery({ respondingAs: filters.respondingAs }, { ...extra, after: String(page.next) }) : null,
    firstHref: filterQuery({ respondingAs: filters.respondingAs }, extra),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reading = await requireReading(request, params);
  const url = new URL(request.url);
  return codingAction(request, reading, `${url.pathname}${url.search}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title} – Staff area` : "Comments") }];

export default function ResponseComments() {
  const d = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const base = `/staff/proposals/${d.proposal.id}/responses`;
  const here = `${base}/comments`;
  return (
    <>
      <Link to={`${base}${filterQuery({ respondingAs: d.filters.respondingAs })}`} className="govuk-back-link">
        Back to all responses
      </Link>
      <span className="govuk-caption-l">{d.proposal.title}</span>
      <h1 className="govuk-heading-l">{d.heading}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {d.canCode ? <ShortcutsHelp /> : null}
          <CodingList items={d.items} themes={d.themes} canCode={d.canCode} action={`${here}${search}`} itemNoun="comment" />
          <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of comments">
            {d.nextHref ? (
              <div className="govuk-pagination__next">
                <Link className="govuk-link govuk-pagination__link" to={`${here}${d.nextHref}`} rel="next">
                  <span className="govuk-pagination__link-title">Next page</span>
                  <span className="govuk-visually-hidden">:</span>
                  <span className="govuk-pagination__link-label">more comments</span>
                </Link>
              </div>
            ) : (
              <p className="govuk-body">That is every comment.</p>
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
                <li key={t.id}>{t.name}</li>
              ))}
            </ol>
          )}
          {d.canCode ? <NewThemeForm action={`${here}${search}`} /> : null}
        </div>
      </div>
    </>
  );
}
