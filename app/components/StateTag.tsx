/**
 * A proposal's state as a GOV.UK tag, in words the public understands. The colour helps
 * scanning a list; the words carry the meaning.
 */
import type { ProposalState } from "#db/schema";
import { STATE_LABELS, stateLabel } from "~/proposals/labels";

export const STATE_TAGS = STATE_LABELS;
export { stateLabel };

export function StateTag({ state, className }: { state: ProposalState; className?: string }) {
  const tag = STATE_TAGS[state] ?? { label: state, colour: "grey" };
  // govuk-frontend 6 has no "--blue" modifier: the plain tag is blue.
  const modifier = tag.colour === "blue" ? "" : ` govuk-tag--${tag.colour}`;
  return <strong className={`govuk-tag${modifier}${className ? ` ${className}` : ""}`}>{tag.label}</strong>;
}
