/**
 * A word-level difference, readable without colour: added words are underlined and marked
 * "added" for screen readers, removed words struck through and marked "removed".
 */
import type { DiffPart, SectionChange } from "~/proposals/diff";
import { useTranslation } from "~/i18n/react";

const ADDED = { background: "#cce2d8", color: "#005a30", textDecoration: "underline" } as const;
const REMOVED = { background: "#f4cdc6", color: "#942514", textDecoration: "line-through" } as const;

export function WordDiff({ parts, markLang }: { parts: DiffPart[]; /** `lang` of the "added"/"removed" marks */ markLang?: string }) {
  const { t } = useTranslation();
  return (
    <p className="govuk-body app-word-diff" style={{ whiteSpace: "pre-wrap" }}>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} style={ADDED}>
            <span className="govuk-visually-hidden" lang={markLang}>
              {t("consultationPages.history.added")}
            </span>
            {part.value}
            <span className="govuk-visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          <del key={i} style={REMOVED}>
            <span className="govuk-visually-hidden" lang={markLang}>
              {t("consultationPages.history.removed")}
            </span>
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
/** `titleLang`: the headings' language when the changed text around them is marked as the council's English. */
export function SectionChanges({ changes, headingLevel = 3, titleLang }: { changes: SectionChange[]; headingLevel?: 3 | 4; titleLang?: string }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {changes.map((c) => (
        <div key={c.section} data-section={c.section}>
          <Heading className="govuk-heading-s" lang={titleLang}>
            {c.title}
          </Heading>
          <WordDiff parts={c.parts} markLang={titleLang} />
        </div>
      ))}
    </>
  );
}
