/**
 * Messages with parts that are elements (issue 14, item 1: language of parts): a catalogue
 * sentence such as "{service} is run by {council}." whose values are the council's own English
 * words, each wrapped in `<span lang="en-GB">`, or a name shown `data-as-written`. i18next
 * returns a string, so each element value goes in as a marker (private-use characters no
 * message contains) and the sentence is cut at the markers and the elements put back.
 */
import { Fragment, isValidElement, type ReactNode } from "react";
import { useContentLang, useTranslation } from "./react";

const MARK = /\uE000(\d+)\uE001/;

/** Splits a translated sentence at the markers and puts the elements back. Pure. */
export function withParts(text: string, nodes: ReactNode[]): ReactNode[] {
  return text.split(MARK).map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{nodes[Number(part)]}</Fragment> : part)).filter((part) => part !== "");
}

/** `rt(key, values)`: like `t`, but a value may be an element (kept as it is, in its place). */
export function useRichTranslation() {
  const { t } = useTranslation();
  return (key: string, values: Record<string, unknown> = {}): ReactNode => {
    const nodes: ReactNode[] = [];
    const plain: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(values)) {
      if (isValidElement(value)) {
        plain[name] = `\uE000${nodes.length}\uE001`;
        nodes.push(value);
      } else plain[name] = value;
    }
    return <>{withParts(String((t as (k: string, v: Record<string, unknown>) => string)(key, plain)), nodes)}</>;
  };
}

/** The council's own words (a name, a title, a description) in English on a page in another language. */
export function Content({ children }: { children: ReactNode }) {
  const lang = useContentLang();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}

/** What a person wrote, or a person's name: shown as written, no language claimed. */
export function AsWritten({ children }: { children: ReactNode }) {
  return <span data-as-written="">{children}</span>;
}
