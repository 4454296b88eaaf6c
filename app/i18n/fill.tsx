/**
 * A translated sentence with elements inside it (a link, a name marked `data-as-written`), in
 * the order the language puts them: ask the catalogue for the message with a placeholder token
 * for each element, then put the elements where the tokens fell.
 *
 *   fill(t("commentPages.report.intro", tokens("rules")), { rules: <Link …>{t("…houseRules")}</Link> })
 */
import { Fragment, type ReactNode } from "react";

const OPEN = "\u27E6";
const CLOSE = "\u27E7";

/** Values for t(): each name stands for itself as a token that fill() finds again. */
export function tokens<K extends string>(...names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, `${OPEN}${name}${CLOSE}`])) as Record<K, string>;
}

/** The message cut at its tokens: text, then a token's name, alternately (pure, for tests). */
export function splitAtTokens(message: string): (string | { token: string })[] {
  const out: (string | { token: string })[] = [];
  const pattern = new RegExp(`${OPEN}([A-Za-z0-9_]+)${CLOSE}`, "g");
  let last = 0;
  for (const m of message.matchAll(pattern)) {
    if (m.index! > last) out.push(message.slice(last, m.index));
    out.push({ token: m[1] });
    last = m.index! + m[0].length;
  }
  if (last < message.length) out.push(message.slice(last));
  return out;
}

/** The message with each token replaced by its element; a token with no element stays as text. */
export function fill(message: string, parts: Record<string, ReactNode>): ReactNode {
  return (
    <>
      {splitAtTokens(message).map((piece, i) =>
        typeof piece === "string" ? (
          <Fragment key={i}>{piece}</Fragment>
        ) : (
          <Fragment key={i}>{piece.token in parts ? parts[piece.token] : `${OPEN}${piece.token}${CLOSE}`}</Fragment>
        ),
      )}
    </>
  );
}
