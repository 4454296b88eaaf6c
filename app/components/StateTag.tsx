/**
 * A proposal's state as a GOV.UK tag, in words the public understands. The colour helps
 * scanning a list; the words carry the meaning.
 */
import type { ProposalState } from "#db/schema";
import { STATE_LABELS, stateLabel } from "~/proposals/labels";
import { useTranslation } from "~/i18n/react";

export const STATE_TAGS = STATE_LABELS;
export { stateLabel };

export function StateTag({ state, className }: { state: ProposalState; className?: string }) {
  const { t } = useTranslation();
  const tag = STATE_TAGS[state] ?? { label: state, colour: "grey" };
  const label = STATE_TAGS[state] ? t(`states.${state}`) : tag.label;
  // govuk-frontend 6 has no "--blue" modifier: the plain tag is blue.
  const modifier = tag.colour === "blue" ? "" : ` govuk-tag--${tag.colour}`;
  return <strong className={`govuk-tag${modifier}${className ? ` ${className}` : ""}`}>{label}</strong>;
}
