/** The privacy notice (UK GDPR), from content/. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { languageOfRequest, languageOfUrl } from "~/i18n/languages";
import { useLoaderData } from "@remix-run/react";
import { loadContentPage, privacyNoticeValues } from "~/components/content-page.server";
import { ContentPageView } from "~/components/ContentPageView";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const settings = loadSettings();
  const { council } = settings;
  const page = await loadContentPage(
    "privacy-notice.md",
    {
      title: "Privacy notice",
      markdown: `${council.name} is the data controller for the personal information you give this service. We use it to run consultations, under our public task.\n\nThe full privacy notice is being prepared. To ask about your information, email [${council.contactEmail}](mailto:${council.contactEmail}).`,
    },
    privacyNoticeValues(settings),
    languageOfRequest(request),
  );
  return { title: page.title, titleHtml: page.titleHtml, html: page.html, lang: page.lang };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [{ title: pageTitle(matches, data?.lang ? translator(languageOfUrl(location.pathname + location.search))("layout.footer.privacy") : (data?.title ?? "Privacy notice")) }];

export default function Privacy() {
  const { title, titleHtml, html, lang } = useLoaderData<typeof loader>();
  return <ContentPageView title={title} titleHtml={titleHtml} html={html} lang={lang} />;
}
