/**
 * 8. One document: its title, what it is, whether it is published, and each part withheld with
 * its legal ground, public-interest note and review date (Local Government Transparency Code 2015).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { Radios, TextInput } from "~/components/form-fields";
import { groundLabel } from "~/lib/settings";
import { removeDocument } from "~/proposals/documents.server";
import { removeWithheldPart, updateDocument } from "~/proposals/editing.server";
import { DISCLOSURES, DISCLOSURE_LABELS, DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, documentDefaults, documentSchema } from "~/proposals/sections/documents";
import { sectionPath } from "~/proposals/sections/pages";
import { idFrom, pageBasics, requireEditing, requireEditingToSave, rowFrom, runRemoveAction, runSectionAction } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.document.title} – ${data.proposal.title}` : "Document", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const doc = rowFrom(e.proposal.documents, params.documentId);
  if (!doc) throw new Response("Not Found", { status: 404 });
  return {
    ...pageBasics(e, context, "documents", (u) => (u.field ?? "").startsWith(`documents.${doc.id}.`)),
    document: { id: doc.id, title: doc.title, disclosure: doc.disclosure, filename: doc.filename },
    parts: doc.withheldParts.map((w) => ({ ...w, groundLabel: groundLabel(e.settings, w.ground) })),
    defaults: documentDefaults(doc),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const doc = rowFrom(e.proposal.documents, params.documentId);
  if (!doc) throw new Response("Not Found", { status: 404 });
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const list = sectionPath(e.proposal.id, "documents");
  const here = `${list}/${doc.id}`;
  if (intent === "remove") return runRemoveAction(e, formData, context, (input) => removeDocument(e.viewer, e.proposal.id, doc.id, input), list);
  if (intent.startsWith("remove-part:")) {
    const partId = idFrom(intent.slice("remove-part:".length));
    return runRemoveAction(e, formData, context, (input) => removeWithheldPart(e.viewer, e.proposal.id, doc.id, partId, input), here);
  }
  return runSectionAction(e, formData, context, {
    section: "documents",
    schema: documentSchema,
    save: (input, value) => updateDocument(e.viewer, e.proposal.id, doc.id, input, value),
    next: () => (formData.get("disclosure") === "published" ? list : here),
  });
}

export default function DocumentPage() {
  const { proposal, revision, isPublicEdit, needs, document, parts, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "document-edit-form", defaults, reply, revision, firstField: "title" });
  const here = `${sectionPath(proposal.id, "documents")}/${document.id}`;
  const withheld = document.disclosure !== "published" && (
    <>
      <h2 className="govuk-heading-m">What is withheld, and why</h2>
      {parts.length === 0 ? <p className="govuk-body">No withheld parts have been recorded yet. Say which parts are withheld, or publish the document in full.</p> : null}
      {parts.map((w) => (
        <div className="govuk-summary-card" key={w.id} id={`withheld-${w.id}`}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">{w.part}</h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Legal ground</dt>
                <dd className="govuk-summary-list__value">{w.groundLabel}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Public interest</dt>
                <dd className="govuk-summary-list__value">{w.publicInterestNote}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Review by</dt>
                <dd className="govuk-summary-list__value">{formatDate(w.reviewOn)}</dd>
              </div>
            </dl>
          </div>
        </div>
      ))}
      <p className="govuk-body">
        <Link className="govuk-link" id="part" to={`${here}/withheld`}>
          Record a withheld part
        </Link>
      </p>
    </>
  );
  return (
    <SectionFormPage
      formId="document-edit-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={document.title}
      backHref={sectionPath(proposal.id, "documents")}
      backText="Back to the documents"
      intro={withheld}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      removeText="Remove this document"
    >
      <h2 className="govuk-heading-m">About the document</h2>
      <TextInput id="title" name="title" label="Title" labelSize="s" defaultValue={state.text("title")} error={state.error("title")} />
      <Radios id="kind" name="kind" legend="What is it?" legendSize="s" options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} defaultValue={state.text("kind")} error={state.error("kind")} />
      <Radios id="disclosure" name="disclosure" legend="Will it be published?" legendSize="s" options={DISCLOSURES.map((k) => ({ value: k, label: DISCLOSURE_LABELS[k].label, hint: DISCLOSURE_LABELS[k].hint }))} defaultValue={state.text("disclosure")} error={state.error("disclosure")} />
      {parts.length ? (
        <div className="govuk-button-group">
          {parts.map((w) => (
            <button key={w.id} type="submit" name="intent" value={`remove-part:${w.id}`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Remove the withheld part<span className="govuk-visually-hidden">: {w.part}</span>
            </button>
          ))}
        </div>
      ) : null}
    </SectionFormPage>
  );
}
