/**
 * 10 (continued). Redundancy and transfer of staff: what the law requires the unions to be told
 * (employment.ts has the rules). Asked on its own page after "Staff and unions affected"
 * whenever posts are affected; the gate reports these fields under the same section.
 */
import { z } from "zod";
import { TRANSFER_KINDS } from "#db/schema";
import type { Proposal } from "../types";
import { choice, date, partsFromIsoDate, text, wholeNumber, whenContinuing, type Mode } from "./fields";

/** The fields on this page: the gate's items for them link here, not to the stakeholders page. */
export const EMPLOYMENT_FIELDS = [
  "redundancyPosts",
  "establishment",
  "firstDismissalOn",
  "redundancyReasons",
  "staffDescriptions",
  "employedInDescriptions",
  "selectionMethod",
  "dismissalMethodAndTiming",
  "redundancyPayMethod",
  "agencyWorkerCount",
  "agencyWorkerParts",
  "agencyWorkerWork",
  "transferKind",
  "transferOn",
  "transferReasons",
  "transferImplications",
  "transferMeasures",
  "transfereeMeasures",
] as const;

export const employmentSchema = (mode: Mode, context: { establishmentKeys: string[] }) =>
  z.object({
    redundancyPosts: wholeNumber("Posts proposed for redundancy", "12", { required: whenContinuing(mode, "Say how many posts are proposed for redundancy (enter 0 if none)"), max: 100_000 }),
    establishment: choice(context.establishmentKeys, "Choose the establishment from the list", { required: false }),
    firstDismissalOn: date("The date of the first dismissal"),
    redundancyReasons: text("The reasons for the proposals"),
    staffDescriptions: text("The numbers and descriptions of staff"),
    employedInDescriptions: text("The total employed in each description"),
    selectionMethod: text("The selection method"),
    dismissalMethodAndTiming: text("How dismissals would be carried out"),
    redundancyPayMethod: text("How redundancy payments would be calculated"),
    agencyWorkerCount: wholeNumber("Agency workers", "3", { max: 100_000 }),
    agencyWorkerParts: text("Where the agency workers work"),
    agencyWorkerWork: text("What the agency workers do"),
    transferKind: choice(TRANSFER_KINDS, "Say whether any staff would transfer to or from another employer", { required: mode === "continue" }),
    transferOn: date("The date of the transfer"),
    transferReasons: text("The fact of the transfer and the reasons for it"),
    transferImplications: text("The implications for the staff"),
    transferMeasures: text("The measures the council envisages"),
    transfereeMeasures: text("The measures the other employer envisages"),
  });

export const employmentDefaults = (p: Proposal) => ({
  redundancyPosts: p.redundancyPosts == null ? "" : String(p.redundancyPosts),
  establishment: p.establishment ?? "",
  firstDismissalOn: partsFromIsoDate(p.firstDismissalOn),
  redundancyReasons: p.redundancyReasons ?? "",
  staffDescriptions: p.staffDescriptions ?? "",
  employedInDescriptions: p.employedInDescriptions ?? "",
  selectionMethod: p.selectionMethod ?? "",
  dismissalMethodAndTiming: p.dismissalMethodAndTiming ?? "",
  redundancyPayMethod: p.redundancyPayMethod ?? "",
  agencyWorkerCount: p.agencyWorkerCount == null ? "" : String(p.agencyWorkerCount),
  agencyWorkerParts: p.agencyWorkerParts ?? "",
  agencyWorkerWork: p.agencyWorkerWork ?? "",
  transferKind: p.transferKind ?? "",
  transferOn: partsFromIsoDate(p.transferOn),
  transferReasons: p.transferReasons ?? "",
  transferImplications: p.transferImplications ?? "",
  transferMeasures: p.transferMeasures ?? "",
  transfereeMeasures: p.transfereeMeasures ?? "",
});
