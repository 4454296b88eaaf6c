/** The privacy notice (UK GDPR), from content/. */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadContentPage, privacyNoticeValues } from "~/components/content-page.server";
import { ContentPageView } from "~/components/ContentPageView";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader() {
  const settings = loadSettings();
  const { council } = settings;
  const page = await loadContentPage(
    "privacy-notice.md",
    {
      title: "Privacy notice",
      markdown: `${council.name} is the data controller for the personal information you give this service. We use it to run consultations, under our public task.\n\nThe full privacy notice is being prepared. To ask about your information, email [${council.contactEmail}](mailto:${council.contactEmail}).`,
    },
    privacyNoticeValues(settings),
  );
  return { title: page.title, html: page.html };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.title ?? "Privacy notice") }];

export default function Privacy() {
  const { title, html } = useLoaderData<typeof loader>();
  return <ContentPageView title={title} html={html} />;
}
