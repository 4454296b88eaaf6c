import { Markdown } from "./Markdown";

/**
 * A page of council-edited words: the title as the h1, the body in the reading column. `lang`:
 * the words' language when it is not the page's (the English file on a page in Bengali).
 * `titleHtml`: the title with the council's names marked as English (content-page.server.ts).
 */
export function ContentPageView({ title, titleHtml, html, lang }: { title: string; titleHtml?: string; html: string; lang?: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" lang={lang}>
        {titleHtml ? <h1 className="govuk-heading-xl" dangerouslySetInnerHTML={{ __html: titleHtml }} /> : <h1 className="govuk-heading-xl">{title}</h1>}
        <Markdown html={html} />
      </div>
    </div>
  );
}
