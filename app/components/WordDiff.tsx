/**
 * A word-level difference, readable without colour: added words are underlined and marked
 * "added" for screen readers, removed words struck through and marked "removed".
 */
import type { DiffPart, SectionChange } from "~/proposals/diff";

const ADDED = { background: "#cce2d8", color: "#005a30", textDecoration: "underline" } as const;
const REMOVED = { background: "#f4cdc6", color: "#942514", textDecoration: "line-through" } as const;

export function WordDiff({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="govuk-body app-word-diff" style={{ whiteSpace: "pre-wrap" }}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={ADDED}>
            <span className="govuk-visually-hidden">[added: </span>
            {part.value}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          <del key={i} style={REMOVED}>
            <span className="govuk-visually-hidden">[removed: </span>
            {part.value}
            <span className="govuk-visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/** Each changed section under its own heading (h3 by default, under the page's h2). */
export function SectionChanges({ changes, headingLevel = 3 }: { changes: SectionChange[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {changes.map((c) => (
        <div key={c.section} data-section={c.section}>
          <Heading className="govuk-heading-s">{c.title}</Heading>
          <WordDiff parts={c.parts} />
        </div>
      ))}
    </>
  );
}
