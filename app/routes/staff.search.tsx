/**
 * /staff/search: search every proposal this person may see, drafts, proposals in review and
 * under union notice included, by the same visibility predicate as everything else.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { plural } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { ConsultationHits } from "~/search/SearchForm";
import { searchForStaff } from "~/search/search.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const { terms, hits } = q.trim() ? searchForStaff(viewer, { q }) : { terms: [], hits: [] };
  return { q, searched: q.trim() !== "", terms, hits };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.q ? `Search results for “${data.q}” – Staff area` : "Search – Staff area") }];

export default function StaffSearch() {
  const { q, searched, terms, hits } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Staff area</span>
        <h1 className="govuk-heading-l">Search proposals</h1>
        <form method="get" action="/staff/search" role="search">
          <div className="govuk-form-group govuk-!-margin-bottom-3">
            <label className="govuk-label govuk-label--s" htmlFor="staff-search-q">
              Search every proposal you can see, including drafts
            </label>
            <input className="govuk-input govuk-!-width-two-thirds" id="staff-search-q" name="q" type="search" defaultValue={q} maxLength={200} spellCheck={false} />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Search
          </button>
        </form>
        {searched ? (
          <>
            <p className="govuk-body" role="status">
              {terms.length === 0 ? "Type some words to search for." : `${plural(hits.length, "proposal")} found.`}
            </p>
            <ConsultationHits hits={hits.map((h) => ({ ...h, key: h.id }))} heading="h2" />
          </>
        ) : null}
      </div>
    </div>
  );
}
