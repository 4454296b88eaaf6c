/**
 * Answers or comments with the themes each one carries, coded from the keyboard. Every item has
 * a plain form (tick themes, "Save themes": works without JavaScript). With JavaScript a change
 * saves at once through a fetcher, and there are shortcuts: 1 to 9 tick or untick that theme
 * for the item you are on, J and K move to the next and previous item, T goes to "New theme".
 * Each item says what was saved in a status message, so a screen reader hears it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Form, useFetcher } from "@remix-run/react";
import type { CodingReply } from "./types";

export type CodingTheme = { id: number; name: string; respondents: number };

export type CodingItem = {
  key: string;
  from: string;
  capacity: string | null;
  /** short facts shown as tags: the channel, who they responded as, the stance */
  tags: string[];
  /** plain text (shown as written, never as HTML) */
  text: string | null;
  /** extra facts for staff: "Agreed to publish", "Hidden by a moderator" */
  notes: string[];
  themeIds: number[];
};

export const SHORTCUT_KEYS = 9;

export function CodingList({ items, themes, canCode, action, itemNoun }: { items: CodingItem[]; themes: CodingTheme[]; canCode: boolean; action: string; itemNoun: "answer" | "comment" }) {
  const listRef = useRef<HTMLOListElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest("textarea, select, input[type=text], input[type=search], [contenteditable]")) return;
    const article = target.closest<HTMLElement>("[data-item]");
    if (!article) return;
    if (/^[1-9]$/.test(event.key) && canCode) {
      const box = article.querySelectorAll<HTMLInputElement>("input[name=theme]")[Number(event.key) - 1];
      if (box) {
        event.preventDefault();
        box.click();
      }
      return;
    }
    if (event.key === "j" || event.key === "k") {
      const all = Array.from(listRef.current?.querySelectorAll<HTMLElement>("[data-item]") ?? []);
      const next = all[all.indexOf(article) + (event.key === "j" ? 1 : -1)];
      if (next) {
        event.preventDefault();
        next.focus();
        next.scrollIntoView({ block: "nearest" });
      }
    }
  }

  if (items.length === 0) return <p className="govuk-body">There are no {itemNoun}s to show with these filters.</p>;
  return (
    // The list handles the shortcuts of the items inside it; each item is focusable itself.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ol className="app-coding" ref={listRef} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <CodingEntry key={item.key} item={item} n={i + 1} themes={themes} canCode={canCode} action={action} itemNoun={itemNoun} />
      ))}
    </ol>
  );
}

function CodingEntry({ item, n, themes, canCode, action, itemNoun }: { item: CodingItem; n: number; themes: CodingTheme[]; canCode: boolean; action: string; itemNoun: string }) {
  const fetcher = useFetcher<CodingReply>();
  const formRef = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState("");
  const headingId = `item-${n}-heading`;
  const names = new Map(themes.map((t) => [t.id, t.name]));

  useEffect(() => {
    const reply = fetcher.data;
    if (!reply || fetcher.state !== "idle") return;
    if (!reply.ok) setStatus(`Not saved: ${reply.message}`);
    else if (reply.intent === "code") setStatus(reply.themeIds.length ? `Saved. Themes: ${reply.themeIds.map((id) => names.get(id) ?? "").join(", ")}` : "Saved. In no theme");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state]);

  const save = () => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("js", "1");
    setStatus("Saving…");
    fetcher.submit(data, { method: "post", action });
  };

  return (
    <li className="app-coding__item">
      <article className="app-coding__article" aria-labelledby={headingId} data-item={item.key} id={`item-${item.key.replace(/:/g, "-")}`} tabIndex={-1}>
        <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
          <span className="govuk-visually-hidden">{`${itemNoun[0].toUpperCase()}${itemNoun.slice(1)} ${n}: `}</span>
          {item.from}
          {item.capacity ? <span className="govuk-!-font-weight-regular">, {item.capacity}</span> : null}
        </h3>
        <ul className="app-coding__tags" aria-label="About this response">
          {item.tags.map((tag) => (
            <li key={tag}>
              <strong className="govuk-tag govuk-tag--grey">{tag}</strong>
            </li>
          ))}
          {item.notes.map((note) => (
            <li key={note}>
              <strong className="govuk-tag govuk-tag--yellow">{note}</strong>
            </li>
          ))}
        </ul>
        {item.text ? <p className="govuk-body app-coding__text">{item.text}</p> : <p className="govuk-body app-not-provided">No words given.</p>}
        {canCode ? (
          <Form
            method="post"
            action={action}
            ref={formRef}
            className="app-coding__form"
            onChange={save}
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <input type="hidden" name="intent" value="code" />
            <input type="hidden" name="item" value={item.key} />
            {themes.length === 0 ? (
              <p className="govuk-body-s">Start a theme to code this {itemNoun}.</p>
            ) : (
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Themes<span className="govuk-visually-hidden"> for {item.from}’s {itemNoun}</span>
                </legend>
                <div className="govuk-checkboxes govuk-checkboxes--small app-coding__themes">
                  {themes.map((t, i) => {
                    const id = `code-${item.key.replace(/:/g, "-")}-${t.id}`;
                    return (
                      <div className="govuk-checkboxes__item" key={t.id}>
                        <input className="govuk-checkboxes__input" id={id} name="theme" type="checkbox" value={t.id} defaultChecked={item.themeIds.includes(t.id)} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {i < SHORTCUT_KEYS ? (
                            <kbd className="app-coding__key" aria-hidden="true">
                              {i + 1}
                            </kbd>
                          ) : null}
                          {t.name}
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            )}
            {themes.length ? (
              <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                Save themes<span className="govuk-visually-hidden"> for {item.from}’s {itemNoun}</span>
              </button>
            ) : null}
            <p className="govuk-body-s app-coding__status" role="status">
              {status}
            </p>
          </Form>
        ) : item.themeIds.length ? (
          <p className="govuk-body-s">Themes: {item.themeIds.map((id) => names.get(id)).filter(Boolean).join(", ")}</p>
        ) : null}
      </article>
    </li>
  );
}

/** "New theme": a name, and the theme appears on every item. T jumps here. */
export function NewThemeForm({ action }: { action: string }) {
  const fetcher = useFetcher<CodingReply>();
  const inputRef = useRef<HTMLInputElement>(null);
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = reply && !reply.ok ? reply.message : null;
  useEffect(() => {
    if (reply?.ok && inputRef.current) inputRef.current.value = "";
  }, [reply]);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "t" || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("textarea, select, input[type=text], input[type=search], [contenteditable]")) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <fetcher.Form method="post" action={action} className="app-new-theme">
      <input type="hidden" name="intent" value="create-theme" />
      <input type="hidden" name="js" value="1" />
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor="new-theme-name">
          New theme
        </label>
        <div className="govuk-hint" id="new-theme-name-hint">
          A few words for what people raised, such as “Saturday opening”.
        </div>
        {error ? (
          <p className="govuk-error-message" id="new-theme-name-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          ref={inputRef}
          className={`govuk-input${error ? " govuk-input--error" : ""}`}
          id="new-theme-name"
          name="name"
          type="text"
          maxLength={80}
          autoComplete="off"
          aria-describedby={`new-theme-name-hint${error ? " new-theme-name-error" : ""}`}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Add theme
      </button>
      <p className="govuk-body-s" role="status">
        {reply?.ok && reply.intent === "create-theme" ? `Added the theme “${reply.name}”.` : ""}
      </p>
    </fetcher.Form>
  );
}

export function ShortcutsHelp() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          <li>
            <kbd>1</kbd> to <kbd>9</kbd>: tick or untick that theme for the answer or comment you are on (it saves at once)
          </li>
          <li>
            <kbd>J</kbd> and <kbd>K</kbd>: go to the next or previous one
          </li>
          <li>
            <kbd>T</kbd>: go to “New theme”
          </li>
          <li>Tab and Space work as usual: tick the boxes, then “Save themes”.</li>
        </ul>
      </div>
    </details>
  );
}
