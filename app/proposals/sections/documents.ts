/**
 * 8. Documents. The business case is attached; anything withheld names its legal ground, the
 * public-interest reasoning and a review date (Local Government Transparency Code 2015).
 * The file itself is checked by documents.server.ts; these are the words around it.
 */
import { z } from "zod";
import type { DOCUMENT_KINDS as SCHEMA_DOCUMENT_KINDS } from "#db/schema";
import type { ProposalDocument } from "../types";
import { choice, date, SHORT_TEXT_MAX, text, requiredText } from "./fields";

// The same list as the schema's, written here so the browser bundle does not load the database schema.
export const DOCUMENT_KINDS = ["business_case", "equality_assessment", "other"] as const satisfies typeof SCHEMA_DOCUMENT_KINDS;

/** 20 MB: a long business case with appendices fits; a video does not. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_TYPES_TEXT = "a PDF, Word document, OpenDocument file or CSV file";

export const DISCLOSURES = ["published", "part_withheld", "withheld"] as const;

export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  business_case: "The internal business case",
  equality_assessment: "The full equality impact assessment",
  other: "Another document",
};

export const DISCLOSURE_LABELS: Record<(typeof DISCLOSURES)[number], { label: string; hint: string }> = {
  published: { label: "Publish it in full", hint: "The council's default: publish unless there is a legal ground not to" },
  part_withheld: { label: "Publish it with some parts withheld", hint: "You will say which parts, on what legal ground and why" },
  withheld: { label: "Withhold it in full", hint: "The public page will still say it exists and why it is withheld" },
};

export const documentSchema = () =>
  z.object({
    title: requiredText("The title", "Enter a title for the document", { max: SHORT_TEXT_MAX }),
    kind: choice(DOCUMENT_KINDS, "Choose what the document is"),
    disclosure: choice(DISCLOSURES, "Choose whether the document is published"),
  });

export const documentDefaults = (d: ProposalDocument | null) => ({
  title: d?.title ?? "",
  kind: d?.kind ?? "",
  disclosure: d?.disclosure ?? "",
});

export const withheldPartSchema = (context: { groundKeys: string[]; today: string }) =>
  z.object({
    part: requiredText("The part withheld", "Describe the part withheld in words the public can understand", { max: SHORT_TEXT_MAX }),
    ground: choice(context.groundKeys, "Choose the legal ground for withholding it"),
    publicInterestNote: requiredText("The public interest note", "Explain why the public interest favours withholding it", { max: 5000 }),
    reviewOn: date("The review date", {
      required: "Enter the date when withholding it will be reviewed",
      notBefore: { iso: context.today, message: "The review date must be today or in the future" },
    }),
  });
