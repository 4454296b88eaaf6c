/** 7. The impact on one characteristic: a rating, the evidence, and what the rating calls for. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, Textarea } from "~/components/form-fields";
import { equalityCharacteristics } from "~/lib/settings";
import { saveEqualityRow } from "~/proposals/editing.server";
import { notFound } from "~/proposals/proposals.server";
import { EQUALITY_RATINGS, RATING_LABELS, equalityRowDefaults, equalityRowSchema } from "~/proposals/sections/equality";
import { sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction, type Editing } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Impact on ${data.label} – ${data.proposal.title}` : "Equality impact", { error: data?.formError }) }];

function characteristicOf(e: Editing, key: string | undefined) {
  const list = equalityCharacteristics(e.settings);
  const i = list.findIndex((c) => c.key === key);
  if (i === -1) throw notFound();
  return { ...list[i], next: list[i + 1]?.key ?? null };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const c = characteristicOf(e, params.characteristic);
  const row = e.proposal.equalityRows.find((r) => r.characteristic === c.key) ?? null;
  return { ...pageBasics(e, context, "equality", (u) => (u.field ?? "").startsWith(`equality.${c.key}.`)), key: c.key, label: c.label, defaults: equalityRowDefaults(row) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const c = characteristicOf(e, params.characteristic);
  const base = sectionPath(e.proposal.id, "equality");
  return runSectionAction(e, await request.formData(), context, {
    section: "equality",
    schema: () => equalityRowSchema(c.label),
    save: (input, value) => saveEqualityRow(e.viewer, e.proposal.id, c.key, input, value),
    // "Continue" walks through the characteristics in order, then the aims of the duty.
    next: () => `${base}/${c.next ?? "aims"}`,
  });
}

export default function EqualityRowPage() {
  const { proposal, revision, isPublicEdit, needs, label, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "equality-row-form", defaults, reply, revision, firstField: "rating" });
  return (
    <SectionFormPage formId="equality-row-form" state={state} needs={needs} caption={proposal.title} backHref={sectionPath(proposal.id, "equality")} backText="Back to the equality impact assessment" isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <Radios
        id="rating"
        name="rating"
        legend={`What is the impact on ${label}?`}
        legendSize="l"
        isPageHeading
        options={EQUALITY_RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r].label, hint: RATING_LABELS[r].hint }))}
        defaultValue={state.text("rating")}
        error={state.error("rating")}
      />
      <Textarea id="evidence" name="evidence" label="What is the evidence?" labelSize="m" hint="Figures, research, what people told you. Write about this characteristic, not the proposal in general." rows={4} defaultValue={state.text("evidence")} error={state.error("evidence")} />
      <Textarea id="justification" name="justification" label="If the impact is negative and no mitigation addresses it, why is it justified? (optional)" labelSize="m" rows={3} defaultValue={state.text("justification")} error={state.error("justification")} />
      <Textarea id="evidenceAction" name="evidenceAction" label="If the impact is unknown, how will the evidence be gathered?" labelSize="m" hint="Needed only when the impact is unknown: who will find out what, and by when." rows={3} defaultValue={state.text("evidenceAction")} error={state.error("evidenceAction")} />
    </SectionFormPage>
  );
}
