/** 6. One mitigation: the action, who owns it, by when, and what it addresses. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Checkboxes, DateInput, Textarea, TextInput } from "~/components/form-fields";
import { characteristicLabel } from "~/lib/settings";
import { removeRow, saveMitigation } from "~/proposals/editing.server";
import { mitigationDefaults, mitigationSchema } from "~/proposals/sections/mitigations";
import { sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";
import { riskScore } from "~/proposals/types";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title}` : "Mitigation", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const p = e.proposal;
  const mitigation = rowFrom(p.mitigations, params.mitigationId);
  const preselect = Number(new URL(request.url).searchParams.get("risk"));
  return {
    ...pageBasics(e, context, "mitigations", (u) => !!mitigation && (u.field ?? "").startsWith(`mitigations.${mitigation.id}.`)),
    heading: mitigation ? `Mitigation M${p.mitigations.indexOf(mitigation) + 1}` : "Add a mitigation",
    isNew: !mitigation,
    defaults: mitigationDefaults(mitigation, p.risks.some((r) => r.id === preselect) ? preselect : null),
    risks: p.risks.map((r, i) => ({ value: String(r.id), label: `R${i + 1}: ${r.description}`, hint: `Score ${riskScore(r)}` })),
    // Negative and unknown impacts are the ones a mitigation is for; any already linked stay offered.
    rows: p.equalityRows
      .filter((r) => r.rating === "negative" || r.rating === "unknown" || mitigation?.equalityRowIds.includes(r.id))
      .map((r) => ({ value: String(r.id), label: characteristicLabel(e.settings, r.characteristic), hint: r.rating ? `Rated ${r.rating}` : undefined })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const p = e.proposal;
  const mitigation = rowFrom(p.mitigations, params.mitigationId);
  const formData = await request.formData();
  const list = sectionPath(p.id, "mitigations");
  if (mitigation && formData.get("intent") === "remove") return runRemoveAction(e, formData, context, (input) => removeRow(e.viewer, p.id, "mitigations", mitigation.id, input), list);
  return runSectionAction(e, formData, context, {
    section: "mitigations",
    schema: () => mitigationSchema({ riskIds: p.risks.map((r) => r.id), equalityRowIds: p.equalityRows.map((r) => r.id) }),
    save: (input, value) => saveMitigation(e.viewer, p.id, mitigation?.id ?? null, input, value),
    next: () => list,
  });
}

export default function MitigationPage() {
  const { proposal, revision, isPublicEdit, needs, heading, isNew, defaults, risks, rows } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "mitigation-form", defaults, reply, revision, firstField: "action" });
  return (
    <SectionFormPage formId="mitigation-form" state={state} needs={needs} caption={proposal.title} heading={heading} backHref={sectionPath(proposal.id, "mitigations")} backText="Back to the mitigations" isPublicEdit={isPublicEdit} closesOn={proposal.closesOn} removeText={isNew ? undefined : "Remove this mitigation"}>
      <Textarea id="action" name="action" label="What would the council do?" labelSize="m" rows={3} defaultValue={state.text("action")} error={state.error("action")} />
      <TextInput id="owner" name="owner" label="Who is responsible?" labelSize="m" hint="A job title, for example 'Head of CAMHS'." defaultValue={state.text("owner")} error={state.error("owner")} />
      <DateInput id="dueOn" name="dueOn" legend="By when?" legendSize="m" hint="For example, 14 8 2027" defaultValue={state.date("dueOn")} error={state.error("dueOn")} />
      {risks.length ? (
        <Checkboxes id="riskIds" name="riskIds" legend="Which risks does it address?" legendSize="m" hint="Select all that apply." options={risks} defaultValue={state.list("riskIds")} error={state.error("riskIds")} small />
      ) : (
        <p className="govuk-body" id="riskIds" tabIndex={-1}>
          There are no risks to link yet.
        </p>
      )}
      {rows.length ? (
        <Checkboxes id="equalityRowIds" name="equalityRowIds" legend="Which equality impacts does it address?" legendSize="m" hint="Impacts rated negative or unknown. Select all that apply." options={rows} defaultValue={state.list("equalityRowIds")} error={state.error("equalityRowIds")} small />
      ) : (
        <p className="govuk-body" id="equalityRowIds" tabIndex={-1}>
          No equality impact is rated negative or unknown yet.
        </p>
      )}
    </SectionFormPage>
  );
}
