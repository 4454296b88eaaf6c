/** 2. Options considered: the proposal and the alternatives, each rejected one with its reason. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { RowListPage } from "~/components/RowList";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";

const TITLE = "Options considered";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return { ...pageBasics(e, context, "options"), options: e.proposal.options };
}

export default function OptionsPage() {
  const { proposal, needs, options } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "options");
  return (
    <RowListPage
      caption={proposal.title}
      heading={TITLE}
      intro={<p className="govuk-body">Add the option you are proposing and the realistic alternatives you considered, saying why each alternative was rejected.</p>}
      needs={needs}
      cards={options.map((o, i) => ({
        key: o.id,
        title: `Option ${i + 1}: ${o.title}`,
        changeHref: `${base}/${o.id}`,
        changeLabel: `option ${i + 1}`,
        rows: [
          { key: "Description", value: o.description },
          { key: "Status", value: o.isProposed ? "Proposed" : `Rejected: ${o.rejectedBecause ?? "no reason given yet"}` },
        ],
      }))}
      emptyText="No options have been added yet."
      addHref={`${base}/new`}
      addText={options.length ? "Add another option" : "Add an option"}
      continueHref={nextPath(proposal.id, "options")}
      backHref={proposalPath(proposal.id)}
    />
  );
}
