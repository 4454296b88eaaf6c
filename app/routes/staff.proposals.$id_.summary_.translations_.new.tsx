/**
 * Adding a translation, first question: which language. Nothing is saved here; the answer
 * leads to the translation's own page, where the summary, translator and date are saved.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Radios } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { translationPath, translationsPath } from "~/proposals/sections/pages";
import { hadFormError, invalid, requireEditing } from "~/proposals/sections/route.server";
import { languageSchema, languagesToAdd } from "~/proposals/sections/translation";

const TITLE = "Which language is the translation in?";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const offered = languagesToAdd(e.proposal);
  // Every language the council offers is there already: the list says so.
  if (!offered.length) throw redirect(translationsPath(e.proposal.id));
  return {
    proposal: { id: e.proposal.id, title: e.proposal.title },
    revision: e.proposal.revision,
    formError: hadFormError(context),
    languages: offered.map((l) => ({ value: l.code, label: `${l.name} (${l.nativeName})` })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditing(request, params, { saving: true });
  const submission = parseWithZod(await request.formData(), { schema: languageSchema(languagesToAdd(e.proposal)) });
  if (submission.status !== "success") return invalid(context, submission.reply(), e.proposal.revision);
  return redirect(translationPath(e.proposal.id, submission.value.language));
}

export default function NewTranslationPage() {
  const { proposal, revision, languages } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "language-form", defaults: { language: "" }, reply, revision, firstField: "language" });
  return (
    <SectionFormPage formId="language-form" state={state} caption={proposal.title} backHref={translationsPath(proposal.id)} backText="Back to translations" isPublicEdit={false} saveLater={false}>
      <Radios
        id="language"
        name="language"
        legend={TITLE}
        legendSize="l"
        isPageHeading
        hint="The languages the council offers translations in. You can add one translation for each."
        options={languages}
        defaultValue={state.text("language")}
        error={state.error("language")}
      />
    </SectionFormPage>
  );
}
