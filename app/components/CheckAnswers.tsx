/**
 * The check-answers page's body: what the gate still asks for, each item linking to the field
 * that fixes it, then the proposal exactly as the public will see it with a Change link for
 * each section.
 */
import { Link } from "@remix-run/react";
import type { ProposalViewModel } from "./proposal-view-model";
import { ProposalView } from "./ProposalView";
import { SECTIONS, type SectionKey } from "~/proposals/types";

export type UnmetLink = { section: SectionKey; code: string; message: string; href: string };

export function UnmetList({ unmet, sectionTitles, headingLevel = 3 }: { unmet: UnmetLink[]; sectionTitles: Record<SectionKey, string>; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const groups = SECTIONS.map((s) => ({ key: s.key, items: unmet.filter((u) => u.section === s.key) })).filter((g) => g.items.length > 0);
  return (
    <div data-testid="unmet-list">
      {groups.map((g) => (
        <div key={g.key}>
          <Heading className="govuk-heading-s">{sectionTitles[g.key]}</Heading>
          <ul className="govuk-list govuk-list--bullet">
            {g.items.map((u, i) => (
              <li key={`${u.code}-${i}`}>
                <Link className="govuk-link" to={u.href}>
                  {u.message}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function CheckAnswersView({ proposal, changeHref, sectionTitles }: { proposal: ProposalViewModel; changeHref: (key: SectionKey) => string; sectionTitles: Record<SectionKey, string> }) {
  const change = (key: SectionKey) => (
    <Link className="govuk-link" to={changeHref(key)}>
      Change<span className="govuk-visually-hidden"> {sectionTitles[key].toLowerCase()}</span>
    </Link>
  );
  const actions = Object.fromEntries(SECTIONS.map(({ key }) => [key, change(key)])) as Record<SectionKey, JSX.Element>;
  // The questions are shown inside the plan's section: both Change links go there.
  actions.plan = (
    <>
      {change("plan")} <span aria-hidden="true">·</span> {change("questions")}
    </>
  );
  return <ProposalView proposal={proposal} sectionActions={actions} showContents={false} />;
}
