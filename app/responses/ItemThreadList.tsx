/**
 * Under a table of risks, services affected, mitigations or equality rows: each row's comment
 * thread and how many comments it has, so a resident can go straight to the discussion of the
 * one risk they care about.
 */
import { Link } from "@remix-run/react";
import type { ThreadLink } from "./types";

function countText(n: number) {
  if (n === 0) return "no comments yet";
  return n === 1 ? "1 comment" : `${n.toLocaleString("en-GB")} comments`;
}

export function ItemThreadList({ heading, links, id }: { heading: string; links: ThreadLink[]; id: string }) {
  if (links.length === 0) return null;
  return (
    <div className="app-thread-links">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={id}>
        {heading}
      </h3>
      <ul className="govuk-list" aria-labelledby={id}>
        {links.map((l) => (
          <li key={l.id}>
            <Link className="govuk-link" to={l.href}>
              <span className="govuk-visually-hidden">Comments on</span> {l.label}
            </Link>{" "}
            <span className="app-thread-links__count">({countText(l.count)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
