/**
 * Messages with parts that are elements (issue 14, item 1: language of parts): a catalogue
 * sentence such as "{service} is run by {council}." whose values are the council's own English
 * words, each wrapped in `<span lang="en-GB">`, a link, or a name shown `data-as-written`, in
 * the order the language puts them. i18next returns a string, so each element value goes in as
 * a marker (private-use characters no message contains) and the sentence is cut at the markers
 * and the elements put back. The one way to do this (app/i18n/fill.tsx, a second one, is gone).
 */
import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import type { Translate } from "./i18n";
import { afterPossessive, bengaliPossessiveSuffix, startsWithPossessive } from "./possessive";
import { useContentLang, useTranslation } from "./react";

const MARK = /\uE000(\d+)\uE001/;

/** The text an element shows (its children's strings, in order). Pure. */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement(node)) return textOf((node.props as { children?: ReactNode }).children);
  return "";
}

/** `node` with `suffix` added to its last piece of text, inside the elements that hold it (a Bengali vowel sign must touch its letter). */
function withSuffix(node: ReactNode, suffix: string): ReactNode {
  if (typeof node === "string" || typeof node === "number") return `${node}${suffix}`;
  if (Array.isArray(node) || (isValidElement(node) && node.type === Fragment)) {
    const list = Children.toArray(Array.isArray(node) ? node : (node as ReactElement<{ children?: ReactNode }>).props.children);
    const last = list.length - 1;
    return <>{list.map((child, i) => (i === last ? <Fragment key={i}>{withSuffix(child, suffix)}</Fragment> : child))}</>;
  }
  if (isValidElement(node)) {
    const element = node as ReactElement<{ children?: ReactNode }>;
    return cloneElement(element, undefined, withSuffix(element.props.children, suffix));
  }
  return node;
}

/**
 * Splits a translated sentence at the markers and puts the elements back. A Bengali possessive
 * after an element ("{name}-এর") is joined to the element's last word when that word is Bengali.
 * Pure.
 */
export function withParts(text: string, nodes: ReactNode[]): ReactNode[] {
  const pieces = text.split(MARK);
  const out: ReactNode[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      if (pieces[i] !== "") out.push(pieces[i]);
      continue;
    }
    let node = nodes[Number(pieces[i])];
    const next = pieces[i + 1] ?? "";
    if (startsWithPossessive(next)) {
      const suffix = bengaliPossessiveSuffix(textOf(node));
      if (suffix !== "-এর") {
        node = withSuffix(node, suffix);
        pieces[i + 1] = afterPossessive(next);
      }
    }
    out.push(<Fragment key={i}>{node}</Fragment>);
  }
  return out;
}

/** `t(key, values)` where a value may be an element (kept as it is, in its place). */
export function richText(t: Translate, key: string, values: Record<string, unknown> = {}): ReactNode {
  const nodes: ReactNode[] = [];
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (isValidElement(value)) {
      plain[name] = `\uE000${nodes.length}\uE001`;
      nodes.push(value);
    } else plain[name] = value;
  }
  return <>{withParts(String((t as unknown as (k: string, v: Record<string, unknown>) => string)(key, plain)), nodes)}</>;
}

/** `rt(key, values)`: like `t`, but a value may be an element (kept as it is, in its place). */
export function useRichTranslation() {
  const { t } = useTranslation();
  return (key: string, values: Record<string, unknown> = {}): ReactNode => richText(t as unknown as Translate, key, values);
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
