/** 2. Full details: seven parts of the story, each its own Markdown field with writing help. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { saveFields } from "~/proposals/editing.server";
import { wordsRequired } from "~/proposals/readiness";
import { DETAILS_FIELDS, detailsDefaults, detailsSchema } from "~/proposals/sections/details";
import { nextPath, proposalPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "Full details";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return {
    ...pageBasics(e, context, "details"),
    defaults: detailsDefaults(e.proposal),
    rules: Object.fromEntries(DETAILS_FIELDS.map((f) => [f.name, wordsRequired(e.proposal, e.settings, f.name)])),
    acronymAllowList: e.settings.gate.acronymAllowList,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "details",
    schema: detailsSchema,
    markdownFields: DETAILS_FIELDS.map((f) => f.name),
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "details", value),
    next: () => nextPath(e.proposal.id, "details"),
  });
}

export default function DetailsPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, rules, acronymAllowList } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "details-form", defaults, reply, revision, firstField: DETAILS_FIELDS[0].name });
  return (
    <SectionFormPage
      formId="details-form"
      state={state} needs={needs}
      caption={proposal.title}
      heading={TITLE}
      backHref={proposalPath(proposal.id)}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      intro={<p className="govuk-body">Tell the whole story: people cannot respond well to a change they do not understand, or to a decision already taken.</p>}
    >
      {DETAILS_FIELDS.map((f) => (
        <MarkdownField
          key={f.name}
          name={f.name}
          label={f.label}
          hint={f.hint}
          defaultValue={state.text(f.name)}
          error={state.error(f.name)}
          rows={6}
          help={{ words: rules[f.name], acronyms: f.name === "whatChanges", acronymAllowList }}
          previewHtml={state.preview?.field === f.name ? state.preview.html : undefined}
        />
      ))}
    </SectionFormPage>
  );
}
