/** 5. One dependency: its name, what kind it is, the effect on it and whether it was consulted. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, Textarea, TextInput } from "~/components/form-fields";
import { removeRow, saveDependency } from "~/proposals/editing.server";
import { DEPENDENCY_KINDS, DEPENDENCY_KIND_LABELS, dependencyDefaults, dependencySchema } from "~/proposals/sections/dependencies";
import { sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title}` : "Dependency", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const dependency = rowFrom(e.proposal.dependencies, params.dependencyId);
  return {
    ...pageBasics(e, context, "dependencies", (u) => !!dependency && (u.field ?? "").startsWith(`dependencies.${dependency.id}.`)),
    heading: dependency ? dependency.name : "Add a dependency",
    isNew: !dependency,
    defaults: dependencyDefaults(dependency),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const dependency = rowFrom(e.proposal.dependencies, params.dependencyId);
  const formData = await request.formData();
  const list = sectionPath(e.proposal.id, "dependencies");
  if (dependency && formData.get("intent") === "remove") return runRemoveAction(e, formData, context, (input) => removeRow(e.viewer, e.proposal.id, "dependencies", dependency.id, input), list);
  return runSectionAction(e, formData, context, {
    section: "dependencies",
    schema: dependencySchema,
    save: (input, value) => saveDependency(e.viewer, e.proposal.id, dependency?.id ?? null, input, value),
    next: () => list,
  });
}

export default function DependencyPage() {
  const { proposal, revision, isPublicEdit, needs, heading, isNew, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "dependency-form", defaults, reply, revision, firstField: "name" });
  return (
    <SectionFormPage formId="dependency-form" state={state} needs={needs} caption={proposal.title} heading={heading} backHref={sectionPath(proposal.id, "dependencies")} backText="Back to the dependencies" isPublicEdit={isPublicEdit} closesOn={proposal.closesOn} removeText={isNew ? undefined : "Remove this dependency"}>
      <TextInput id="name" name="name" label="Name" labelSize="m" hint="For example, 'Children's social care duty teams'." defaultValue={state.text("name")} error={state.error("name")} />
      <Radios id="kind" name="kind" legend="What is it?" legendSize="m" options={DEPENDENCY_KINDS.map((k) => ({ value: k, label: DEPENDENCY_KIND_LABELS[k] }))} defaultValue={state.text("kind")} error={state.error("kind")} />
      <Textarea id="effect" name="effect" label="How would the change affect them?" labelSize="m" rows={3} defaultValue={state.text("effect")} error={state.error("effect")} />
      <Radios
        id="consulted"
        name="consulted"
        legend="Have they been consulted?"
        legendSize="m"
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={state.text("consulted")}
        error={state.error("consulted")}
        inline
      />
      <Textarea id="consultationNote" name="consultationNote" label="Note about consulting them (optional)" labelSize="m" hint="If they have not been consulted, say why not or when they will be." rows={3} defaultValue={state.text("consultationNote")} error={state.error("consultationNote")} />
    </SectionFormPage>
  );
}
