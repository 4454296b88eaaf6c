/**
 * Where each part of a proposal is edited: the task list's rows, the order "Continue" follows,
 * and the address of the field behind each unmet item of the gate. Pure, for the task list,
 * the check-answers page and the section pages alike.
 */
import { SECTIONS, type SectionKey, type Unmet } from "../types";
import { EMPLOYMENT_FIELDS } from "./employment";

/** The task list's names, in the officer's words. */
export const TASK_TITLES: Record<SectionKey, string> = {
  summary: "Summary in plain English",
  details: "Full details",
  options: "Options considered",
  impact: "Impact figures",
  risks: "Risks",
  dependencies: "Dependencies",
  mitigations: "Mitigations",
  equality: "Equality impact assessment",
  documents: "Documents",
  plan: "Consultation plan",
  stakeholders: "Staff and unions affected",
  questions: "Consultation questions",
};

export function proposalPath(proposalId: number): string {
  return `/staff/proposals/${proposalId}`;
}

export function sectionPath(proposalId: number, section: SectionKey): string {
  return `${proposalPath(proposalId)}/${section}`;
}

export function easyReadPath(proposalId: number): string {
  return `${sectionPath(proposalId, "summary")}/easy-read`;
}

/** Translations of the summary and questions: their own pages in the summary section. */
export function translationsPath(proposalId: number): string {
  return `${sectionPath(proposalId, "summary")}/translations`;
}

export function translationPath(proposalId: number, language: string, page: "summary" | "questions" = "summary"): string {
  return `${translationsPath(proposalId)}/${encodeURIComponent(language)}${page === "questions" ? "/questions" : ""}`;
}

/** The title and lead officer: their own page in the summary section. */
export function titlePath(proposalId: number): string {
  return `${sectionPath(proposalId, "summary")}/title`;
}

export function checkAnswersPath(proposalId: number): string {
  return `${proposalPath(proposalId)}/check`;
}

/** Where "Continue" goes from a section: the next section, and after the last, check answers. */
export function nextPath(proposalId: number, section: SectionKey): string {
  const i = SECTIONS.findIndex((s) => s.key === section);
  const next = SECTIONS[i + 1];
  return next ? sectionPath(proposalId, next.key) : checkAnswersPath(proposalId);
}

const ROW_SECTIONS: SectionKey[] = ["options", "risks", "dependencies", "mitigations", "questions"];
const DATE_FIELDS = new Set(["opensOn", "closesOn", "dueOn", "reviewOn", "newClosesOn", "firstDismissalOn", "transferOn"]);

/** Redundancy and transfer: part of the stakeholders section, on a page of its own. */
export function employmentPath(proposalId: number): string {
  return `${proposalPath(proposalId)}/employment`;
}

/** The id of the element a link to a field should land on (a date input's first box). */
export function fieldAnchor(name: string): string {
  if (name === "budgetChangeGbp") return "budgetDirection"; // asked as saving or increase, then the amount
  return DATE_FIELDS.has(name) ? `${name}-day` : name;
}

/**
 * The page and field an unmet item is about, from its `field` ("summary",
 * "risks.12.likelihood", "equality.age.evidence", "documents.4.withheldParts.7.reviewOn").
 */
export function unmetHref(proposalId: number, u: Unmet): string {
  const base = sectionPath(proposalId, u.section);
  const parts = (u.field ?? "").split(".");
  if (ROW_SECTIONS.includes(u.section)) {
    // A high risk with no mitigation: go straight to adding one for it.
    if (u.section === "risks" && parts.length === 2 && /^\d+$/.test(parts[1]) && u.code === "risks.high_without_mitigation") {
      return `${sectionPath(proposalId, "mitigations")}/new?risk=${parts[1]}`;
    }
    if (parts.length >= 3 && /^\d+$/.test(parts[1])) return `${base}/${parts[1]}#${fieldAnchor(parts[2])}`;
    if (parts.length === 2 && /^\d+$/.test(parts[1])) return `${base}/${parts[1]}`;
    return base;
  }
  if (u.section === "equality") {
    if (parts[0] === "equality" && parts[1]) return `${base}/${parts[1]}${parts[2] ? `#${parts[2]}` : ""}`;
    return `${base}/aims#${fieldAnchor(parts[0])}`;
  }
  if (u.section === "documents") {
    if (parts.length >= 2 && /^\d+$/.test(parts[1])) {
      const partId = parts[3];
      return `${base}/${parts[1]}${partId && /^\d+$/.test(partId) ? `#withheld-${partId}` : "#part"}`;
    }
    return `${base}#file`;
  }
  if (u.section === "stakeholders" && (EMPLOYMENT_FIELDS as readonly string[]).includes(parts[0])) return `${employmentPath(proposalId)}#${fieldAnchor(parts[0])}`;
  // A translation's summary and questions have pages of their own: "translations.bn.questions.12".
  if (parts[0] === "translations" && parts[1]) {
    return parts[2] === "questions" ? `${translationPath(proposalId, parts[1], "questions")}#question-${parts[3] ?? ""}` : `${translationPath(proposalId, parts[1])}#summary`;
  }
  // The easy read summary has its own page in the summary section.
  if (u.field === "easyReadSummary") return `${easyReadPath(proposalId)}#easyReadSummary`;
  if (u.field === "title" || u.field === "leadOfficer") return `${titlePath(proposalId)}#${u.field}`;
  return u.field ? `${base}#${fieldAnchor(parts[0])}` : base;
}
