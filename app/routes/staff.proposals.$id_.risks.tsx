/** 4. Risks: the list, each with its score and whether it is mitigated or accepted. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { RowListPage } from "~/components/RowList";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";
import { riskScore } from "~/proposals/types";

const TITLE = "Risks";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const p = e.proposal;
  return {
    ...pageBasics(e, context, "risks"),
    highRiskScore: e.settings.gate.highRiskScore,
    risks: p.risks.map((r, i) => ({
      ...r,
      ref: `R${i + 1}`,
      score: riskScore(r),
      mitigations: p.mitigations.flatMap((m, j) => (m.riskIds.includes(r.id) ? [`M${j + 1}`] : [])),
    })),
  };
}

export default function RisksPage() {
  const { proposal, needs, risks, highRiskScore } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "risks");
  return (
    <RowListPage
      caption={proposal.title}
      heading={TITLE}
      intro={
        <p className="govuk-body">
          Say honestly what could go wrong and who would bear it. Each risk needs a mitigation or a published reason for accepting it; a risk scoring {highRiskScore} or more must have a mitigation.
        </p>
      }
      needs={needs}
      cards={risks.map((r) => ({
        key: r.id,
        title: `${r.ref}: ${r.description}`,
        changeHref: `${base}/${r.id}`,
        changeLabel: `risk ${r.ref}`,
        rows: [
          { key: "Who would bear it", value: r.whoBears },
          { key: "Score", value: `${r.score} (likelihood ${r.likelihood} × impact ${r.impact})${r.score >= highRiskScore ? ": high" : ""}` },
          { key: "Addressed by", value: r.mitigations.length ? `Mitigation ${r.mitigations.join(", ")}` : r.acceptanceReason ? `Accepted: ${r.acceptanceReason}` : "Nothing yet" },
        ],
      }))}
      emptyText="No risks have been added yet."
      addHref={`${base}/new`}
      addText={risks.length ? "Add another risk" : "Add a risk"}
      continueHref={nextPath(proposal.id, "risks")}
      backHref={proposalPath(proposal.id)}
    />
  );
}
