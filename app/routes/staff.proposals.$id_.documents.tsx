/**
 * 8. Documents: the ones attached, and a form to upload another. The file's type is checked
 * from its content on the server (documents.server.ts), and it is stored outside anything
 * served statically.
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { fileTypeLabel, formatFileSize } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { SummaryList } from "~/components/SummaryList";
import { FileUpload, Radios, TextInput } from "~/components/form-fields";
import { readUploadForm } from "~/lib/upload-form.server";
import { addDocument, checkUpload } from "~/proposals/documents.server";
import { ACCEPTED_TYPES_TEXT, MAX_UPLOAD_BYTES, DISCLOSURES, DISCLOSURE_LABELS, DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, documentDefaults, documentSchema } from "~/proposals/sections/documents";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { invalid, pageBasics, requireEditing, requireEditingToSave, runSectionAction } from "~/proposals/sections/route.server";

const TITLE = "Documents";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE, { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  return {
    ...pageBasics(e, context, "documents", (u) => !/^documents\.\d+\./.test(u.field ?? "")),
    documents: e.proposal.documents.map((d) => ({ id: d.id, title: d.title, kind: d.kind, filename: d.filename, mimeType: d.mimeType, sizeBytes: d.sizeBytes, disclosure: d.disclosure, withheldParts: d.withheldParts.length })),
    defaults: documentDefaults(null),
    maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const upload = await readUploadForm(request, MAX_UPLOAD_BYTES);
  if (!upload.ok) {
    // Ask again, with the reason.
    const empty = parseWithZod(new FormData(), { schema: documentSchema() });
    return invalid(context, empty.reply({ fieldErrors: { file: [`The file must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`] } }), e.proposal.revision);
  }
  const formData = upload.formData;
  const file = formData.get("file");
  const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  const check = checkUpload(bytes, file instanceof File ? file.size : 0);
  formData.delete("file");
  return runSectionAction(e, formData, context, {
    section: "documents",
    schema: documentSchema,
    otherErrors: check.ok ? {} : { file: [check.message] },
    save: (input, value) => addDocument(e.viewer, e.proposal.id, input, value, { bytes: bytes!, name: file instanceof File ? file.name : "", type: (check as Extract<typeof check, { ok: true }>).type }),
    // Something withheld: straight on to say what, and why.
    next: (result) => (result.rowId != null && formData.get("disclosure") !== "published" ? `${sectionPath(e.proposal.id, "documents")}/${result.rowId}` : sectionPath(e.proposal.id, "documents")),
  });
}

export default function DocumentsPage() {
  const { proposal, revision, isPublicEdit, needs, documents, defaults, maxMegabytes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "document-form", defaults, reply, revision, firstField: "title" });
  const base = sectionPath(proposal.id, "documents");
  const list = (
    <>
      <p className="govuk-body">Attach the internal business case and any other documents behind the proposal. Publish them unless there is a legal ground to withhold a part, and say what that is.</p>
      {documents.length === 0 ? <p className="govuk-body">No documents have been attached yet.</p> : null}
      {documents.map((d) => (
        <div className="govuk-summary-card" key={d.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{d.title}</h2>
            <ul className="govuk-summary-card__actions">
              <li className="govuk-summary-card__action">
                <Link className="govuk-link" to={`${base}/${d.id}`}>
                  Change<span className="govuk-visually-hidden"> {d.title}</span>
                </Link>
              </li>
              <li className="govuk-summary-card__action">
                <a className="govuk-link" href={`/consultations/${proposal.slug}/documents/${d.id}`} download>
                  Download<span className="govuk-visually-hidden"> {d.title}</span>
                </a>
              </li>
            </ul>
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList
              rows={[
                { key: "What it is", value: DOCUMENT_KIND_LABELS[d.kind] },
                { key: "File", value: `${d.filename} (${fileTypeLabel(d.mimeType, d.filename)}, ${formatFileSize(d.sizeBytes)})` },
                { key: "Publication", value: `${DISCLOSURE_LABELS[d.disclosure].label}${d.disclosure !== "published" ? `: ${d.withheldParts} ${d.withheldParts === 1 ? "part" : "parts"} recorded` : ""}` },
              ]}
            />
          </div>
        </div>
      ))}
      <h2 className="govuk-heading-m">Upload a document</h2>
    </>
  );
  return (
    <SectionFormPage
      formId="document-form"
      state={state}
      needs={needs}
      caption={proposal.title}
      heading={TITLE}
      backHref={proposalPath(proposal.id)}
      intro={list}
      isPublicEdit={isPublicEdit}
      closesOn={proposal.closesOn}
      encType="multipart/form-data"
      continueText="Upload the document"
      saveLater={false}
      after={
        <Link to={nextPath(proposal.id, "documents")} draggable={false} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Continue to the next section
        </Link>
      }
    >
      <TextInput id="title" name="title" label="Title" labelSize="s" hint="As the public will see it, for example 'Business case: CAMHS social work restructure'." defaultValue={state.text("title")} error={state.error("title")} />
      <Radios id="kind" name="kind" legend="What is it?" legendSize="s" options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} defaultValue={state.text("kind")} error={state.error("kind")} />
      <Radios id="disclosure" name="disclosure" legend="Will it be published?" legendSize="s" options={DISCLOSURES.map((k) => ({ value: k, label: DISCLOSURE_LABELS[k].label, hint: DISCLOSURE_LABELS[k].hint }))} defaultValue={state.text("disclosure")} error={state.error("disclosure")} />
      <FileUpload id="file" name="file" label="File" labelSize="s" hint={`It must be ${ACCEPTED_TYPES_TEXT}, smaller than ${maxMegabytes} MB.${state.errors.length ? " Choose the file again: files are not kept after a problem." : ""}`} accept=".pdf,.doc,.docx,.odt,.ods,.odp,.csv" error={state.error("file")} />
    </SectionFormPage>
  );
}
