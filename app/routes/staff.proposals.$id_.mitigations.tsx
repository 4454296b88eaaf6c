/** 6. Mitigations: each action with its owner and date, and the risks and equality impacts it addresses. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { RowListPage } from "~/components/RowList";
import { characteristicLabel } from "~/lib/settings";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";

const TITLE = "Mitigations";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const p = e.proposal;
  const riskRef = new Map(p.risks.map((r, i) => [r.id, `R${i + 1}`]));
  const rowLabel = new Map(p.equalityRows.map((r) => [r.id, characteristicLabel(e.settings, r.characteristic)]));
  return {
    ...pageBasics(e, context, "mitigations"),
    mitigations: p.mitigations.map((m, i) => ({
      id: m.id,
      ref: `M${i + 1}`,
      action: m.action,
      owner: m.owner,
      dueOn: m.dueOn,
      addresses: [...m.riskIds.map((id) => `Risk ${riskRef.get(id)}`), ...m.equalityRowIds.map((id) => `Equality impact: ${rowLabel.get(id)}`)],
    })),
    // What is waiting for a mitigation is reported against the risk or the equality row.
    waiting: [...pageBasics(e, context, "risks").needs, ...pageBasics(e, context, "equality").needs].filter((n) => /mitigation/i.test(n.message)),
  };
}

export default function MitigationsPage() {
  const { proposal, needs, waiting, mitigations } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "mitigations");
  return (
    <RowListPage
      caption={proposal.title}
      heading={TITLE}
      intro={<p className="govuk-body">Say what the council would do to reduce each risk and each negative equality impact, who is responsible and by when.</p>}
      needs={[...needs, ...waiting]}
      cards={mitigations.map((m) => ({
        key: m.id,
        title: `${m.ref}: ${m.action}`,
        changeHref: `${base}/${m.id}`,
        changeLabel: `mitigation ${m.ref}`,
        rows: [
          { key: "Responsible", value: m.owner },
          { key: "By", value: m.dueOn ? formatDate(m.dueOn) : "No date yet" },
          { key: "Addresses", value: m.addresses.length ? m.addresses.join(", ") : "Nothing linked yet" },
        ],
      }))}
      emptyText="No mitigations have been added yet."
      addHref={`${base}/new`}
      addText={mitigations.length ? "Add another mitigation" : "Add a mitigation"}
      continueHref={nextPath(proposal.id, "mitigations")}
      backHref={proposalPath(proposal.id)}
    />
  );
}
