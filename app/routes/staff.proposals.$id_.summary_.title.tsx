/**
 * The title and the lead officer, on a page of their own in the summary section: editable while a
 * draft (the address follows the title until the proposal is public) and, once open, as a
 * published change with a change note. The gate judges both (readiness.ts titleAndLeadOfficer).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { TextInput } from "~/components/form-fields";
import { saveTitle } from "~/proposals/editing.server";
import { proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";
import { titleDefaults, titleSchema } from "~/proposals/sections/start";

const TITLE = "Title and lead officer";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return { ...pageBasics(e, context, "summary", (u) => u.field === "title" || u.field === "leadOfficer"), defaults: titleDefaults(e.proposal) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "summary",
    schema: titleSchema,
    save: (input, value) => saveTitle(e.viewer, e.proposal.id, input, value),
    next: () => sectionPath(e.proposal.id, "summary"),
  });
}

export default function TitlePage() {
  const { proposal, revision, isPublicEdit, needs, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "title-form", defaults, reply, revision, firstField: "title" });
  return (
    <SectionFormPage formId="title-form" state={state} needs={needs} caption={proposal.title} heading={TITLE} backHref={proposalPath(proposal.id)} isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <TextInput
        id="title"
        name="title"
        label="Title"
        labelSize="m"
        hint={`Say what would change, in words residents use, for example 'Changes to social work in children's mental health services'.${isPublicEdit ? " The consultation keeps its web address." : ""}`}
        defaultValue={state.text("title")}
        error={state.error("title")}
      />
      <TextInput id="leadOfficer" name="leadOfficer" label="Lead officer" labelSize="m" hint="Their name and job title, as the public will see it, for example 'Sam Okafor, Service Manager'." autoComplete="off" defaultValue={state.text("leadOfficer")} error={state.error("leadOfficer")} />
    </SectionFormPage>
  );
}
