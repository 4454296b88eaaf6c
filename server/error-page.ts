/**
 * The site's error page for requests refused before Remix runs (wrong method, another site's
 * form, a body too large or unreadable). Plain HTML in the council's frame and stylesheet,
 * with no script: nothing to hydrate, and it renders even when the database cannot be read.
 */
import type { ServerBuild } from "@remix-run/node";
import { loadSettings } from "~/lib/settings.server";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The stylesheets the root route links, read from the build (their names carry a content hash). */
function stylesheets(build: ServerBuild): string[] {
  try {
    const links = build.routes.root?.module.links?.() ?? [];
    return links.filter((l): l is { rel: string; href: string } => "rel" in l && l.rel === "stylesheet" && typeof (l as { href?: unknown }).href === "string").map((l) => l.href);
  } catch {
    return [];
  }
}

function councilName(): { name: string; serviceName: string } {
  try {
    const { council } = loadSettings();
    return { name: council.name, serviceName: council.serviceName };
  } catch {
    return { name: "Consultations", serviceName: "Consultations" };
  }
}

export function errorPageRenderer(build: ServerBuild) {
  const css = stylesheets(build);
  return (status: number, title: string, detail: string): string => {
    const council = councilName();
    return `<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(council.serviceName)}</title>
${css.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("\n")}
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="govuk-header app-header" role="banner"><div class="govuk-header__container govuk-width-container"><a href="/" class="govuk-header__link govuk-header__service-name">${escapeHtml(council.name)}</a></div></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>
<p class="govuk-body">${escapeHtml(detail)}</p>
<p class="govuk-body">Error ${status}. <a class="govuk-link" href="/">Go to the home page</a></p>
</div></div>
</main></div>
</body>
</html>`;
  };
}
