/**
 * The easy read summary (issue 14): its own page in the summary section, after the summary.
 * The council's settings say which proposals need one; any that is written is held to the easy
 * read rule (app/reach/easy-read.ts), and the writing help shows the same figures as the gate.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { saveEasyReadSummary } from "~/proposals/editing.server";
import { nextPath, proposalPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";
import { easyReadDefaults, easyReadSchema } from "~/proposals/sections/summary";
import { easyReadNeed } from "~/reach/easy-read";

const T = {
  title: "Easy read summary",
  hintRequired: (because: string) => `The council asks for an easy read summary because ${because}.`,
  hintOptional: "This proposal does not need one, but an easy read summary helps many people, including people with learning disabilities.",
  how: "Write short sentences with one idea in each. Use everyday words, numbers as digits and '1 in 4' rather than a percentage. Say what would change, who it affects, and how to have your say.",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${T.title} – ${data.proposal.title}` : T.title, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const need = easyReadNeed(e.proposal, e.settings);
  const rules = e.settings.easyRead;
  return {
    ...pageBasics(e, context, "summary", (u) => u.field === "easyReadSummary"),
    defaults: easyReadDefaults(e.proposal),
    because: need.required ? need.because : null,
    help: {
      words: { min: rules.minWords, max: rules.maxWords, scaled: false },
      readability: true,
      acronyms: true,
      acronymAllowList: e.settings.gate.acronymAllowList,
      easyRead: { maxSentenceWords: rules.maxSentenceWords, minReadability: rules.minReadability },
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const required = easyReadNeed(e.proposal, e.settings).required;
  return runSectionAction(e, await request.formData(), context, {
    section: "summary",
    schema: (mode) => easyReadSchema(mode, required),
    markdownFields: ["easyReadSummary"],
    save: (input, value) => saveEasyReadSummary(e.viewer, e.proposal.id, input, value.easyReadSummary),
    next: () => nextPath(e.proposal.id, "summary"),
  });
}

export default function EasyReadPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, help, because } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "easy-read-form", defaults, reply, revision, firstField: "easyReadSummary" });
  return (
    <SectionFormPage formId="easy-read-form" state={state} needs={needs} caption={proposal.title} backHref={proposalPath(proposal.id)} isPublicEdit={isPublicEdit} closesOn={proposal.closesOn}>
      <MarkdownField
        name="easyReadSummary"
        label={because ? T.title : `${T.title} (optional)`}
        labelSize="l"
        isPageHeading
        hint={`${because ? T.hintRequired(because) : T.hintOptional} ${T.how}`}
        defaultValue={state.text("easyReadSummary")}
        error={state.error("easyReadSummary")}
        rows={12}
        help={help}
        previewHtml={state.preview?.field === "easyReadSummary" ? state.preview.html : undefined}
      />
    </SectionFormPage>
  );
}
