/**
 * HTML that the server produced with renderMarkdown() (~/lib/markdown.server): marked, then
 * sanitize-html with an allow-list. Only ever pass that function's output here; this
 * component trusts its input.
 */
import type { ReactNode } from "react";

/** `lang`: the council's own English on a page in another language (useContentLang). */
export function Markdown({ html, className, fallback = null, lang }: { html: string | null | undefined; className?: string; fallback?: ReactNode; lang?: string }) {
  if (!html) return <>{fallback}</>;
  return <div className={`app-prose${className ? ` ${className}` : ""}`} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
