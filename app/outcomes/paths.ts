/** Where each part of the outcome report is written, and where each item its gate asks for is fixed. Pure. */
import type { OutcomeUnmet } from "./gate";

export function outcomePath(proposalId: number, part?: string): string {
  return `/staff/proposals/${proposalId}/outcome${part ? `/${part}` : ""}`;
}

/** Where an unmet item of the report's gate is fixed. */
export function outcomeUnmetHref(proposalId: number, u: OutcomeUnmet): string {
  if (u.part === "themes" && u.themeId) return `${outcomePath(proposalId, `themes/${u.themeId}`)}${u.field ? `#${u.field}` : ""}`;
  if (u.part === "themes") return `/staff/proposals/${proposalId}/responses`;
  if (u.part === "equality" && u.characteristic) return `${outcomePath(proposalId, `equality/${u.characteristic}`)}${u.field ? `#${u.field}` : ""}`;
  return `${outcomePath(proposalId, u.part)}${u.field ? `#${u.field}` : ""}`;
}

