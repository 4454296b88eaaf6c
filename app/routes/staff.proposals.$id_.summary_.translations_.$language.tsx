/**
 * A translation's summary, with who translated it and when (issue 14). The text is held to its
 * language's script and the gate's filler rules (translation.ts) before anything is saved; the
 * save goes through editProposal, so it is audited and, once open, published as a version with
 * its change note.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DateInput, Textarea, TextInput } from "~/components/form-fields";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { renderMarkdown } from "~/lib/markdown.server";
import { notFound } from "~/proposals/proposals.server";
import { translationPath, translationsPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction, type Editing, type Params } from "~/proposals/sections/route.server";
import { translationDefaults, translationSchema } from "~/proposals/sections/translation";
import { translationLanguage } from "~/proposals/translation";
import { saveTranslation } from "~/proposals/translations.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const title = data ? `${data.language.name} translation – ${data.proposal.title}` : "Translation";
  return [{ title: pageTitle(matches, title, { error: data?.formError }) }];
};

function languageFrom(params: Params) {
  const language = translationLanguage(params.language);
  if (!language) throw notFound();
  return language;
}

const existing = (e: Editing, code: string) => (e.proposal.translations ?? []).find((tr) => tr.language === code) ?? null;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageFrom(params);
  const e = await requireEditing(request, params);
  const tr = existing(e, language.code);
  return {
    ...pageBasics(e, context, "summary", (u) => u.field === `translations.${language.code}.summary`),
    language: { code: language.code, name: language.name, nativeName: language.nativeName, dir: language.dir },
    isNew: !tr,
    englishHtml: renderMarkdown(e.proposal.summary, "officer"),
    defaults: translationDefaults(tr),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageFrom(params);
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "summary",
    schema: () => translationSchema(e.proposal, language, e.today),
    save: (input, value) => saveTranslation(e.viewer, e.proposal.id, input, language.code, value),
    // The questions next, when there are any to translate; then the check-answers list.
    next: () => (e.proposal.questions.length ? translationPath(e.proposal.id, language.code, "questions") : translationsPath(e.proposal.id)),
  });
}

export default function TranslationPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, language, englishHtml, isNew } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "translation-form", defaults, reply, revision, firstField: "summary" });
  return (
    <SectionFormPage
      formId="translation-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={`${isNew ? "Add the" : "Change the"} ${language.name} translation`}
      backHref={translationsPath(proposal.id)}
      backText="Back to translations"
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      saveLater={false}
      intro={
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">The English summary it translates</span>
          </summary>
          <div className="govuk-details__text">
            <Markdown html={englishHtml} />
          </div>
        </details>
      }
    >
      <Textarea
        id="summary"
        name="summary"
        label={`The summary in ${language.name} (${language.nativeName})`}
        labelSize="m"
        hint={`Paste the whole summary as translated, in ${language.name} script. Names and initials such as CAMHS may stay as they are in English. A blank line starts a new paragraph.`}
        lang={language.code}
        dir={language.dir}
        rows={12}
        defaultValue={state.text("summary")}
        error={state.error("summary")}
      />
      <TextInput id="translatorName" name="translatorName" label="Who translated it" hint="Their name and, if they work for a service, its name. This is published with the translation." autoComplete="off" defaultValue={state.text("translatorName")} error={state.error("translatorName")} />
      <DateInput id="translatedOn" name="translatedOn" legend="When it was translated" legendSize="s" hint="For example, 27 3 2026" defaultValue={state.date("translatedOn")} error={state.error("translatedOn")} />
    </SectionFormPage>
  );
}
