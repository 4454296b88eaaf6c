/** The accessibility statement (Public Sector Bodies Accessibility Regulations 2018), from content/. */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadContentPage } from "~/components/content-page.server";
import { ContentPageView } from "~/components/ContentPageView";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader() {
  const { council } = loadSettings();
  const page = await loadContentPage(
    "accessibility-statement.md",
    {
      title: "Accessibility statement",
      markdown: `${council.name} wants as many people as possible to be able to use this website. The full accessibility statement is being prepared.\n\nIf you cannot use any part of this website, or you need information in a different format, email [${council.contactEmail}](mailto:${council.contactEmail}) and we will help.`,
    },
    { "council.name": council.name, "council.serviceName": council.serviceName, "council.contactEmail": council.contactEmail },
  );
  return { title: page.title, html: page.html };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.title ?? "Accessibility statement") }];

export default function Accessibility() {
  const { title, html } = useLoaderData<typeof loader>();
  return <ContentPageView title={title} html={html} />;
}
