/** 7. Equality: the three aims of the duty (Equality Act 2010 s.149(1)) and the conclusion. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { saveFields } from "~/proposals/editing.server";
import { AIMS_FIELDS, aimsDefaults, aimsSchema } from "~/proposals/sections/equality";
import { nextPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "The aims of the equality duty";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return { ...pageBasics(e, context, "equality", (u) => !u.field?.startsWith("equality.")), defaults: aimsDefaults(e.proposal) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "equality",
    schema: aimsSchema,
    markdownFields: AIMS_FIELDS.map((f) => f.name),
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "equality", value),
    next: () => nextPath(e.proposal.id, "equality"),
  });
}

export default function AimsPage() {
  const { proposal, revision, isPublicEdit, needs, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "aims-form", defaults, reply, revision, firstField: AIMS_FIELDS[0].name });
  return (
    <SectionFormPage
      formId="aims-form"
      state={state} needs={needs}
      caption={proposal.title}
      heading={TITLE}
      backHref={sectionPath(proposal.id, "equality")}
      backText="Back to the equality impact assessment"
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      intro={<p className="govuk-body">The public sector equality duty asks the council to have due regard to three aims. Explain how the proposal affects each one, then conclude.</p>}
    >
      {AIMS_FIELDS.map((f) => (
        <MarkdownField key={f.name} name={f.name} label={f.label} hint={f.hint} rows={5} defaultValue={state.text(f.name)} error={state.error(f.name)} previewHtml={state.preview?.field === f.name ? state.preview.html : undefined} />
      ))}
    </SectionFormPage>
  );
}
