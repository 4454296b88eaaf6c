/**
 * A proposal's state as a GOV.UK tag, in words the public understands. The colour helps
 * scanning a list; the words carry the meaning.
 */
import type { ProposalState } from "#db/schema";

export const STATE_TAGS: Record<ProposalState, { label: string; colour: string }> = {
  draft: { label: "Draft", colour: "grey" },
  in_review: { label: "In review", colour: "yellow" },
  union_notice: { label: "Under union notice", colour: "pink" },
  scheduled: { label: "Scheduled", colour: "turquoise" },
  open: { label: "Open", colour: "green" },
  closed: { label: "Closed", colour: "orange" },
  outcome_published: { label: "Outcome published", colour: "blue" },
  decided: { label: "Decided", colour: "purple" },
  withdrawn: { label: "Withdrawn", colour: "red" },
};

export function stateLabel(state: ProposalState): string {
  return STATE_TAGS[state]?.label ?? state;
}

export function StateTag({ state, className }: { state: ProposalState; className?: string }) {
  const tag = STATE_TAGS[state] ?? { label: state, colour: "grey" };
  // govuk-frontend 6 has no "--blue" modifier: the plain tag is blue.
  const modifier = tag.colour === "blue" ? "" : ` govuk-tag--${tag.colour}`;
  return <strong className={`govuk-tag${modifier}${className ? ` ${className}` : ""}`}>{tag.label}</strong>;
}
