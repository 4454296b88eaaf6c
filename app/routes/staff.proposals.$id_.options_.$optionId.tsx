/** 2. One option: what it is, whether it is the one proposed, and if not, why it was rejected (Moseley v Haringey 2014). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, TextInput } from "~/components/form-fields";
import { MarkdownField } from "~/components/WritingHelp";
import { removeRow, saveOption } from "~/proposals/editing.server";
import { optionDefaults, optionSchema } from "~/proposals/sections/options";
import { sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.heading} – ${data.proposal.title}` : "Option", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const option = rowFrom(e.proposal.options, params.optionId);
  return {
    ...pageBasics(e, context, "options", (u) => !!option && (u.field ?? "").startsWith(`options.${option.id}.`)),
    heading: option ? `Option ${e.proposal.options.indexOf(option) + 1}` : "Add an option",
    isNew: !option,
    defaults: optionDefaults(option),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const option = rowFrom(e.proposal.options, params.optionId);
  const formData = await request.formData();
  const list = sectionPath(e.proposal.id, "options");
  if (option && formData.get("intent") === "remove") return runRemoveAction(e, formData, context, (input) => removeRow(e.viewer, e.proposal.id, "options", option.id, input), list);
  const otherProposed = e.proposal.options.find((o) => o.isProposed && o.id !== option?.id)?.title ?? null;
  return runSectionAction(e, formData, context, {
    section: "options",
    schema: () => optionSchema({ otherProposed }),
    markdownFields: ["description", "rejectedBecause"],
    save: (input, value) => saveOption(e.viewer, e.proposal.id, option?.id ?? null, input, value),
    next: () => list,
  });
}

export default function OptionPage() {
  const { proposal, revision, isPublicEdit, needs, heading, isNew, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "option-form", defaults, reply, revision, firstField: "title" });
  const preview = (name: string) => (state.preview?.field === name ? state.preview.html : undefined);
  return (
    <SectionFormPage formId="option-form" state={state} needs={needs} caption={proposal.title} heading={heading} backHref={sectionPath(proposal.id, "options")} backText="Back to the options" isPublicEdit={isPublicEdit} closesOn={proposal.closesOn} removeText={isNew ? undefined : "Remove this option"}>
      <TextInput id="title" name="title" label="Name of the option" labelSize="m" hint="For example, 'Keep six social work posts'." defaultValue={state.text("title")} error={state.error("title")} />
      <MarkdownField name="description" label="What the option is" rows={4} defaultValue={state.text("description")} error={state.error("description")} previewHtml={preview("description")} />
      <Radios
        id="isProposed"
        name="isProposed"
        legend="Is this the option the council is proposing?"
        legendSize="m"
        options={[
          { value: "yes", label: "Yes, this is the proposal" },
          { value: "no", label: "No, it was considered and rejected" },
        ]}
        defaultValue={state.text("isProposed")}
        error={state.error("isProposed")}
      />
      <MarkdownField name="rejectedBecause" label="If it was rejected, why?" hint="Give the real reasons, with figures where you have them. This is published." rows={4} defaultValue={state.text("rejectedBecause")} error={state.error("rejectedBecause")} previewHtml={preview("rejectedBecause")} />
    </SectionFormPage>
  );
}
