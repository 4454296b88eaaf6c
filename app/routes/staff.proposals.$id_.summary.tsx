/** 1. The summary in plain English: the label is the page heading; writing help as the officer types. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { saveFields } from "~/proposals/editing.server";
import { wordsRequired } from "~/proposals/readiness";
import { easyReadPath, nextPath, proposalPath } from "~/proposals/sections/pages";
import { easyReadNeed } from "~/reach/easy-read";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";
import { summaryDefaults, summarySchema } from "~/proposals/sections/summary";

const TITLE = "Summary in plain English";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return {
    ...pageBasics(e, context, "summary"),
    defaults: summaryDefaults(e.proposal),
    help: { words: wordsRequired(e.proposal, e.settings, "summary"), readability: true, acronyms: true, acronymAllowList: e.settings.gate.acronymAllowList },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "summary",
    schema: summarySchema,
    markdownFields: ["summary"],
    save: (input, value) => saveFields(e.viewer, e.proposal.id, input, "summary", value),
    // The easy read summary comes next where the council asks for one, or one has been started.
    next: () => (easyReadNeed(e.proposal, e.settings).required || e.proposal.easyReadSummary ? easyReadPath(e.proposal.id) : nextPath(e.proposal.id, "summary")),
  });
}

export default function SummaryPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, help } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "summary-form", defaults, reply, revision, firstField: "summary" });
  return (
    <SectionFormPage formId="summary-form" state={state} needs={needs} caption={proposal.title} backHref={proposalPath(proposal.id)} isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <MarkdownField
        name="summary"
        label={TITLE}
        labelSize="l"
        isPageHeading
        hint="Say what would change, for whom, with the main figures, as you would explain it to a resident. Spell out every acronym the first time."
        defaultValue={state.text("summary")}
        error={state.error("summary")}
        rows={10}
        help={help}
        previewHtml={state.preview?.field === "summary" ? state.preview.html : undefined}
      />
    </SectionFormPage>
  );
}
