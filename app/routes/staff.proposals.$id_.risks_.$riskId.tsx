/** 4. One risk: what could go wrong, who bears it, how likely and how harmful (1 to 5 each). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, Textarea } from "~/components/form-fields";
import { removeRow, saveRisk } from "~/proposals/editing.server";
import { sectionPath } from "~/proposals/sections/pages";
import { ratingText } from "~/proposals/labels";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS, riskDefaults, riskSchema } from "~/proposals/sections/risks";
import { pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title}` : "Risk", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const risk = rowFrom(e.proposal.risks, params.riskId);
  const ref = risk ? `R${e.proposal.risks.indexOf(risk) + 1}` : null;
  return {
    ...pageBasics(e, context, "risks", (u) => !!risk && (u.field ?? "").startsWith(`risks.${risk.id}`)),
    heading: ref ? `Risk ${ref}` : "Add a risk",
    isNew: !risk,
    defaults: riskDefaults(risk),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const risk = rowFrom(e.proposal.risks, params.riskId);
  const formData = await request.formData();
  const list = sectionPath(e.proposal.id, "risks");
  if (risk && formData.get("intent") === "remove") return runRemoveAction(e, formData, context, (input) => removeRow(e.viewer, e.proposal.id, "risks", risk.id, input), list);
  return runSectionAction(e, formData, context, {
    section: "risks",
    schema: riskSchema,
    save: (input, value) => saveRisk(e.viewer, e.proposal.id, risk?.id ?? null, input, value),
    next: () => list,
  });
}

const scale = (labels: Record<number, string>) => RATINGS.map((value) => ({ value, label: ratingText(Number(value), labels, ": ") }));

export default function RiskPage() {
  const { proposal, revision, isPublicEdit, needs, heading, isNew, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "risk-form", defaults, reply, revision, firstField: "description" });
  return (
    <SectionFormPage
      formId="risk-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={heading}
      backHref={sectionPath(proposal.id, "risks")}
      backText="Back to the risks"
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      removeText={isNew ? undefined : "Remove this risk"}
    >
      <Textarea id="description" name="description" label="What could go wrong?" labelSize="m" hint="For example, 'Waiting times for assessments rise while clinicians take on the extra work'." rows={3} defaultValue={state.text("description")} error={state.error("description")} />
      <Textarea id="whoBears" name="whoBears" label="Who would bear it?" labelSize="m" hint="The people who would be worse off if it happened." rows={2} defaultValue={state.text("whoBears")} error={state.error("whoBears")} />
      <Radios id="likelihood" name="likelihood" legend="How likely is it?" legendSize="m" options={scale(LIKELIHOOD_LABELS)} defaultValue={state.text("likelihood")} error={state.error("likelihood")} small />
      <Radios id="impact" name="impact" legend="How much harm would it do?" legendSize="m" options={scale(IMPACT_LABELS)} defaultValue={state.text("impact")} error={state.error("impact")} small />
      <Textarea
        id="acceptanceReason"
        name="acceptanceReason"
        label="If no mitigation will address it, why is the risk accepted? (optional)"
        labelSize="m"
        hint="This reason is published. A high risk must have a mitigation: add it under Mitigations."
        rows={3}
        defaultValue={state.text("acceptanceReason")}
        error={state.error("acceptanceReason")}
      />
    </SectionFormPage>
  );
}
