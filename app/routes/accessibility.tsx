/** The accessibility statement (Public Sector Bodies Accessibility Regulations 2018), from content/. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { languageOfRequest, languageOfUrl } from "~/i18n/languages";
import { useLoaderData } from "@remix-run/react";
import { loadContentPage } from "~/components/content-page.server";
import { ContentPageView } from "~/components/ContentPageView";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const { council } = loadSettings();
  const page = await loadContentPage(
    "accessibility-statement.md",
    {
      title: "Accessibility statement",
      markdown: `${council.name} wants as many people as possible to be able to use this website. The full accessibility statement is being prepared.\n\nIf you cannot use any part of this website, or you need information in a different format, email [${council.contactEmail}](mailto:${council.contactEmail}) and we will help.`,
    },
    { "council.name": council.name, "council.serviceName": council.serviceName, "council.contactEmail": council.contactEmail },
    languageOfRequest(request),
  );
  return { title: page.title, titleHtml: page.titleHtml, html: page.html, lang: page.lang };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [{ title: pageTitle(matches, data?.lang ? translator(languageOfUrl(location.pathname + location.search))("layout.footer.accessibility") : (data?.title ?? "Accessibility statement")) }];

export default function Accessibility() {
  const { title, titleHtml, html, lang } = useLoaderData<typeof loader>();
  return <ContentPageView title={title} titleHtml={titleHtml} html={html} lang={lang} />;
}
