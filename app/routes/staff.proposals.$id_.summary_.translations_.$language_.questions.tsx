/**
 * A translation's questions (optional): one box under each English question. A question left
 * blank is shown in English, and the public page says which are translated. Each given is held
 * to the language's script and the filler rules (translation.ts) before anything is saved.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Textarea } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { notFound } from "~/proposals/proposals.server";
import { translationPath, translationsPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, runSectionAction, type Params } from "~/proposals/sections/route.server";
import { questionField, translatedQuestionsDefaults, translatedQuestionsSchema } from "~/proposals/sections/translation";
import { translationLanguage } from "~/proposals/translation";
import { saveTranslatedQuestions } from "~/proposals/translations.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const title = data ? `${data.language.name} translation of the questions – ${data.proposal.title}` : "Translated questions";
  return [{ title: pageTitle(matches, title, { error: data?.formError }) }];
};

function languageFrom(params: Params) {
  const language = translationLanguage(params.language);
  if (!language) throw notFound();
  return language;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageFrom(params);
  const e = await requireEditing(request, params);
  const tr = (e.proposal.translations ?? []).find((x) => x.language === language.code);
  // The summary comes first: it is what makes a translation.
  if (!tr) throw redirect(translationPath(e.proposal.id, language.code));
  return {
    ...pageBasics(e, context, "summary", (u) => (u.field ?? "").startsWith(`translations.${language.code}.questions.`)),
    language: { code: language.code, name: language.name, nativeName: language.nativeName, dir: language.dir },
    questions: e.proposal.questions.map((q, i) => ({ id: q.id, number: i + 1, question: q.question, field: questionField(q.id) })),
    defaults: translatedQuestionsDefaults(e.proposal, tr),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageFrom(params);
  const e = await requireEditingToSave(request, params);
  return runSectionAction(e, await request.formData(), context, {
    section: "summary",
    schema: () => translatedQuestionsSchema(e.proposal, language),
    save: (input, value) => saveTranslatedQuestions(e.viewer, e.proposal.id, input, language.code, value),
    next: () => translationsPath(e.proposal.id),
  });
}

export default function TranslatedQuestionsPage() {
  const { proposal, revision, isPublicEdit, needs, defaults, language, questions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "translated-questions-form", defaults, reply, revision, firstField: questions[0]?.field ?? "questions" });
  return (
    <SectionFormPage
      formId="translated-questions-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={`The questions in ${language.name} (optional)`}
      backHref={translationPath(proposal.id, language.code)}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      saveLater={false}
      intro={<p className="govuk-body">Paste the translation under each question. Leave a question blank to show it in English; the public page says which questions are translated.</p>}
    >
      {questions.map((q) => (
        <Textarea
          key={q.id}
          id={q.field}
          name={q.field}
          label={`Question ${q.number}: ${q.question}`}
          labelSize="s"
          hint={`In ${language.name} (${language.nativeName})`}
          lang={language.code}
          dir={language.dir}
          rows={3}
          defaultValue={state.text(q.field)}
          error={state.error(q.field)}
        />
      ))}
    </SectionFormPage>
  );
}
