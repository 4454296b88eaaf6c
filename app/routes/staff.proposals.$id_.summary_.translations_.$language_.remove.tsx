/**
 * Removing a translation: a confirmation, and once the consultation is open the change note
 * every published change carries. Through editProposal like any change (audited, versioned).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { notFound } from "~/proposals/proposals.server";
import { translationsPath } from "~/proposals/sections/pages";
import { hadFormError, requireEditing, requireEditingToSave, runRemoveAction, type Params } from "~/proposals/sections/route.server";
import { translationLanguage } from "~/proposals/translation";
import { removeTranslation } from "~/proposals/translations.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const title = data ? `Remove the ${data.language.name} translation – ${data.proposal.title}` : "Remove a translation";
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
  if (!(e.proposal.translations ?? []).some((tr) => tr.language === language.code)) throw redirect(translationsPath(e.proposal.id));
  return {
    proposal: { id: e.proposal.id, title: e.proposal.title, closesOn: e.proposal.closesOn },
    revision: e.proposal.revision,
    isPublicEdit: e.mode === "public",
    formError: hadFormError(context),
    language: { code: language.code, name: language.name },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageFrom(params);
  const e = await requireEditingToSave(request, params);
  return runRemoveAction(e, await request.formData(), context, (input) => removeTranslation(e.viewer, e.proposal.id, input, language.code), translationsPath(e.proposal.id));
}

export default function RemoveTranslationPage() {
  const { proposal, revision, isPublicEdit, language } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "remove-translation-form", defaults: {}, reply, revision, firstField: "changeNote" });
  return (
    <SectionFormPage
      formId="remove-translation-form"
      state={state}
      caption={proposal.title}
      heading={`Are you sure you want to remove the ${language.name} translation?`}
      backHref={translationsPath(proposal.id)}
      backText="Back to translations"
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      saveLater={false}
      continueText="Yes, remove it"
      intro={<p className="govuk-body">People reading in {language.name} will see the consultation in English.</p>}
    >
      {null}
    </SectionFormPage>
  );
}
