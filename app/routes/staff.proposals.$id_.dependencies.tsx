/** 5. Dependencies: who relies on or is affected by the change, and whether they were consulted. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { RowListPage } from "~/components/RowList";
import { DEPENDENCY_KIND_LABELS } from "~/proposals/sections/dependencies";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";

const TITLE = "Dependencies";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return { ...pageBasics(e, context, "dependencies"), dependencies: e.proposal.dependencies };
}

export default function DependenciesPage() {
  const { proposal, needs, dependencies } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "dependencies");
  return (
    <RowListPage
      caption={proposal.title}
      heading={TITLE}
      intro={<p className="govuk-body">List the council services, teams, partner organisations and contracts that rely on or would be affected by the change, and say whether each has been consulted.</p>}
      needs={needs}
      cards={dependencies.map((d, i) => ({
        key: d.id,
        title: d.name,
        changeHref: `${base}/${d.id}`,
        changeLabel: `dependency ${i + 1}, ${d.name}`,
        rows: [
          { key: "Type", value: DEPENDENCY_KIND_LABELS[d.kind] },
          { key: "Effect", value: d.effect },
          { key: "Consulted", value: d.consulted == null ? "Not answered" : d.consulted ? "Yes" : `No${d.consultationNote ? `: ${d.consultationNote}` : ""}` },
        ],
      }))}
      emptyText="No dependencies have been added yet."
      addHref={`${base}/new`}
      addText={dependencies.length ? "Add another dependency" : "Add a dependency"}
      continueHref={nextPath(proposal.id, "dependencies")}
      backHref={proposalPath(proposal.id)}
    />
  );
}
