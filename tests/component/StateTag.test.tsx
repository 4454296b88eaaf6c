// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PROPOSAL_STATES } from "#db/schema";
import { STATE_TAGS, StateTag, stateLabel } from "~/components/StateTag";

afterEach(cleanup);

describe("StateTag", () => {
  it.each([
    ["open", "Open", "govuk-tag--green"],
    ["closed", "Closed", "govuk-tag--orange"],
    ["outcome_published", "Outcome published", null],
    ["decided", "Decided", "govuk-tag--purple"],
    ["withdrawn", "Withdrawn", "govuk-tag--red"],
    ["draft", "Draft", "govuk-tag--grey"],
    ["in_review", "In review", "govuk-tag--yellow"],
    ["union_notice", "Under union notice", "govuk-tag--pink"],
    ["scheduled", "Scheduled", "govuk-tag--turquoise"],
  ] as const)("shows %s as “%s”", (state, words, modifier) => {
    render(<StateTag state={state} />);
    const tag = screen.getByText(words);
    expect(tag).toHaveClass("govuk-tag");
    if (modifier) expect(tag).toHaveClass(modifier);
    else expect(tag.className).toBe("govuk-tag");
  });

  it("has words for every state in the schema, all different", () => {
    const labels = PROPOSAL_STATES.map(stateLabel);
    expect(labels.every((l) => l && !l.includes("_"))).toBe(true);
    expect(new Set(labels).size).toBe(PROPOSAL_STATES.length);
    expect(Object.keys(STATE_TAGS).sort()).toEqual([...PROPOSAL_STATES].sort());
  });
});
