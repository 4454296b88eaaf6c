import { Markdown } from "./Markdown";

/** A page of council-edited words: the title as the h1, the body in the reading column. */
export function ContentPageView({ title, html }: { title: string; html: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{title}</h1>
        <Markdown html={html} />
      </div>
    </div>
  );
}
