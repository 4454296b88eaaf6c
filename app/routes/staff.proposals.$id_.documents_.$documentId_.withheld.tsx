/** 8. Record a part of a document that is withheld: what, on which legal ground, why, and when it is reviewed. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { DateInput, Select, Textarea, TextInput } from "~/components/form-fields";
import { addWithheldPart } from "~/proposals/editing.server";
import { withheldPartSchema } from "~/proposals/sections/documents";
import { sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing, requireEditingToSave, rowFrom, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "Record a withheld part";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.document.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const doc = rowFrom(e.proposal.documents, params.documentId);
  if (!doc) throw new Response("Not Found", { status: 404 });
  return {
    ...pageBasics(e, context, "documents", () => false),
    document: { id: doc.id, title: doc.title },
    grounds: e.settings.withholdingGrounds.map((g) => ({ value: g.key, label: g.label })),
    defaults: { part: "", ground: "", publicInterestNote: "", reviewOn: {} },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const doc = rowFrom(e.proposal.documents, params.documentId);
  if (!doc) throw new Response("Not Found", { status: 404 });
  return runSectionAction(e, await request.formData(), context, {
    section: "documents",
    schema: () => withheldPartSchema({ groundKeys: e.settings.withholdingGrounds.map((g) => g.key), today: e.today }),
    save: (input, value) => addWithheldPart(e.viewer, e.proposal.id, doc.id, input, { ...value, reviewOn: value.reviewOn! }),
    next: () => `${sectionPath(e.proposal.id, "documents")}/${doc.id}`,
  });
}

export default function WithheldPartPage() {
  const { proposal, revision, isPublicEdit, document, grounds, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "withheld-form", defaults, reply, revision, firstField: "part" });
  return (
    <SectionFormPage
      formId="withheld-form"
      state={state}
      caption={document.title}
      heading={TITLE}
      backHref={`${sectionPath(proposal.id, "documents")}/${document.id}`}
      backText="Back to the document"
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      saveLater={false}
      continueText="Save the withheld part"
      intro={<p className="govuk-body">Commercial confidentiality is not in itself a reason to withhold. The public page lists every withheld part with its ground and your public-interest reasoning.</p>}
    >
      <TextInput id="part" name="part" label="What is withheld?" labelSize="m" hint="In words the public can understand, for example 'Appendix D: agency day rates'." defaultValue={state.text("part")} error={state.error("part")} />
      <Select id="ground" name="ground" label="Legal ground" labelSize="m" options={[{ value: "", label: "Choose a ground" }, ...grounds]} defaultValue={state.text("ground")} error={state.error("ground")} />
      <Textarea id="publicInterestNote" name="publicInterestNote" label="Why does the public interest favour withholding it?" labelSize="m" hint="Published beside the part withheld." rows={4} defaultValue={state.text("publicInterestNote")} error={state.error("publicInterestNote")} />
      <DateInput id="reviewOn" name="reviewOn" legend="When will withholding it be reviewed?" legendSize="m" hint="For example, 1 9 2027" defaultValue={state.date("reviewOn")} error={state.error("reviewOn")} />
    </SectionFormPage>
  );
}
