import { Markdown } from "./Markdown";

/**
 * A page of council-edited words: the title as the h1, the body in the reading column. `lang`:
 * the words' language when it is not the page's (the English file on a page in Bengali).
 */
export function ContentPageView({ title, html, lang }: { title: string; html: string; lang?: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" lang={lang}>
        <h1 className="govuk-heading-xl">{title}</h1>
        <Markdown html={html} />
      </div>
    </div>
  );
}
