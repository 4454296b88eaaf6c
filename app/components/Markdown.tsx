/**
 * HTML that the server produced with renderMarkdown() (~/lib/markdown.server): marked, then
 * sanitize-html with an allow-list. Only ever pass that function's output here; this
 * component trusts its input.
 */
import type { ReactNode } from "react";

export function Markdown({ html, className, fallback = null }: { html: string | null | undefined; className?: string; fallback?: ReactNode }) {
  if (!html) return <>{fallback}</>;
  return <div className={`app-prose${className ? ` ${className}` : ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
