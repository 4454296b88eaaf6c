/** A part of the outcome report that is one piece of writing (who responded, what happens next). */
import type { ReactNode } from "react";
import type { MetaArgs } from "@remix-run/node";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm, type SectionReply } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";

export function TextPartPage({
  field,
  title,
  hint,
  minWords,
  defaults,
  reply,
  revision,
  needs,
  proposal,
  intro,
}: {
  field: string;
  title: string;
  hint: string;
  minWords: number;
  defaults: Record<string, string>;
  reply: SectionReply | undefined;
  revision: number;
  needs: { message: string; href: string }[];
  proposal: { id: number; title: string };
  intro?: ReactNode;
}) {
  const formId = `${field}-form`;
  const state = useSectionForm({ id: formId, defaults, reply, revision, firstField: field });
  return (
    <SectionFormPage formId={formId} state={state} needs={needs} caption={`Outcome report: ${proposal.title}`} backHref={`/staff/proposals/${proposal.id}/outcome`} backText="Back to the outcome report" isPublicEdit={false} intro={intro}>
      <MarkdownField
        name={field}
        label={title}
        labelSize="l"
        isPageHeading
        hint={hint}
        defaultValue={state.text(field)}
        error={state.error(field)}
        rows={8}
        help={{ words: { min: minWords, scaled: false } }}
        previewHtml={state.preview?.field === field ? state.preview.html : undefined}
      />
    </SectionFormPage>
  );
}

/** The page title of a text part: its label, the report and the consultation (and "Error:" after a refused save). */
export function textPartTitle(label: string) {
  return ({ data, matches }: MetaArgs<() => Promise<{ proposal: { title: string }; formError: boolean }>>) => [
    { title: pageTitle(matches, data ? `${label} – Outcome report – ${data.proposal.title}` : label, { error: data?.formError }) },
  ];
}
