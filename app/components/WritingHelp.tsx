/**
 * A long text field written in Markdown, with help as the officer writes: the words against
 * what this proposal's size requires, a readability figure, and acronyms not yet spelled out.
 * The figures come from the same functions the gate uses (text-quality.ts), so what the officer
 * sees here is what the gate will say. "Preview" asks the server to render the Markdown
 * (marked, then sanitize-html), so the preview is exactly what the public page will show.
 */
import { useState, type ReactNode } from "react";
import { readability, unexpandedAcronyms, wordCount } from "~/proposals/text-quality";
import { easyReadSentences } from "~/reach/easy-read";
import { Textarea } from "./form-fields";

export type WordRule = { min: number; max?: number; scaled: boolean };

export type WritingHelpOptions = {
  /** the gate's length rule for this field, if it has one */
  words?: WordRule | null;
  /** show the readability figure (the summary) */
  readability?: boolean;
  /** check acronyms (the summary and what will change) */
  acronyms?: boolean;
  acronymAllowList?: readonly string[];
  /** easy read: the longest a sentence may be, and the readability figure needed */
  easyRead?: { maxSentenceWords: number; minReadability: number };
};

export function WritingHelp({ text, options, id }: { text: string; options: WritingHelpOptions; id: string }) {
  const count = wordCount(text);
  const rule = options.words;
  const acronyms = options.acronyms ? unexpandedAcronyms(text, options.acronymAllowList ?? []) : [];
  const score = options.readability && count > 0 ? readability(text) : null;
  const lines: ReactNode[] = [];
  if (rule) {
    const need = rule.max ? `${rule.min} to ${rule.max} words` : `at least ${rule.min} words${rule.scaled ? " for a proposal of this size" : ""}`;
    const ok = count >= rule.min && (!rule.max || count <= rule.max);
    lines.push(
      <li key="words">
        {count} {count === 1 ? "word" : "words"}: {need} needed{ok ? "" : rule.max && count > rule.max ? ` (${count - rule.max} too many)` : ` (${rule.min - count} to go)`}
      </li>,
    );
  } else {
    lines.push(<li key="words">{count} {count === 1 ? "word" : "words"}</li>);
  }
  const easy = options.easyRead;
  if (score) {
    lines.push(
      <li key="readability">
        Readability: {score.score} out of 100 ({score.band}). {easy ? `${easy.minReadability} or more is needed for easy read.` : "60 or more is plain English."}
      </li>,
    );
  }
  if (easy && count > 0) {
    const long = easyReadSentences(text).filter((s) => wordCount(s) > easy.maxSentenceWords).length;
    lines.push(
      <li key="sentences">
        {long === 0 ? `Every sentence has ${easy.maxSentenceWords} words or fewer.` : `${long} ${long === 1 ? "sentence has" : "sentences have"} more than ${easy.maxSentenceWords} words.`}
      </li>,
    );
  }
  if (options.acronyms) {
    lines.push(
      <li key="acronyms">
        {acronyms.length
          ? `Spell out the first time you use: ${acronyms.join(", ")}. For example, 'Child and Adolescent Mental Health Services (CAMHS)'.`
          : "Every acronym is spelled out the first time it is used."}
      </li>,
    );
  }
  return (
    <div className="govuk-inset-text govuk-!-margin-top-0" id={id} data-testid={id}>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Writing help</p>
      <ul className="govuk-list govuk-!-margin-bottom-0">{lines}</ul>
    </div>
  );
}

/** A Textarea that takes Markdown, with writing help under it and a server-rendered preview. */
export function MarkdownField({
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 8,
  isPageHeading,
  labelSize = "m",
  help = {},
  previewHtml,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string[];
  defaultValue: string;
  rows?: number;
  isPageHeading?: boolean;
  labelSize?: "s" | "m" | "l";
  help?: WritingHelpOptions;
  /** the server's rendering of this field, after "Preview" */
  previewHtml?: string;
}) {
  const [text, setText] = useState(defaultValue);
  const markdownHint = (
    <>
      {hint ? <>{hint} </> : null}
      You can use Markdown: a blank line starts a new paragraph, start a line with “- ” for a list, and put **two stars** around words for bold.
    </>
  );
  return (
    <div className="app-markdown-field">
      <Textarea
        id={name}
        name={name}
        label={label}
        hint={markdownHint}
        error={error}
        rows={rows}
        isPageHeading={isPageHeading}
        labelSize={labelSize}
        defaultValue={defaultValue}
        spellCheck
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <WritingHelp text={text} options={help} id={`${name}-writing-help`} />
      <button type="submit" name="intent" value={`preview:${name}`} className="govuk-button govuk-button--secondary govuk-!-margin-bottom-4" data-module="govuk-button">
        Preview <span className="govuk-visually-hidden">{typeof label === "string" ? label.toLowerCase() : "this text"}</span>
      </button>
      {previewHtml !== undefined ? (
        <section className="govuk-!-margin-bottom-6 app-preview" aria-labelledby={`${name}-preview-heading`} id={`${name}-preview`}>
          <p className="govuk-body govuk-!-font-weight-bold" id={`${name}-preview-heading`}>
            Preview: how the public will see it
          </p>
          {previewHtml ? (
            <div className="app-prose" style={{ borderLeft: "5px solid #b1b4b6", paddingLeft: 15 }} dangerouslySetInnerHTML={{ __html: previewHtml }} />
          ) : (
            <p className="govuk-body">There is nothing to preview yet.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
