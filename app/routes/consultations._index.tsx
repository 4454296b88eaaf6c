/**
 * The public list of consultations (also served at "/", which re-exports this module).
 * Filter and page come from the query string; anything malformed falls back to the default
 * (all consultations, first page) rather than failing.
 */
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { ConsultationListPage, STATUS_FILTERS, type ConsultationListData, type StatusFilter } from "~/components/ConsultationList";
import type { FrameData } from "~/components/Frame";
import { pageTitle } from "~/components/page-title";
import { LIST_ALTERNATES } from "~/open-data/links";
import { markdownToPlainText } from "~/lib/markdown.server";
import { listPublicConsultations } from "~/proposals/proposals.server";
import { now } from "~/lib/clock";
import { outcomeClock } from "~/outcomes/overdue";
import { councilTimeZone } from "~/lib/settings.server";
import { translator } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

const EXCERPT_CHARS = 220;

function parseStatus(value: string | null): StatusFilter {
  return STATUS_FILTERS.find((f) => f.value === value)?.value ?? "all";
}

function parsePage(value: string | null): number {
  // Digits only, and no absurd offsets: anything else is page 1 (the query clamps to the last page).
  return value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

function excerpt(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

export async function loader({ request }: LoaderFunctionArgs): Promise<ConsultationListData> {
  const url = new URL(request.url);
  // Words typed into an old link or a browser's site search go to the search page.
  const q = url.searchParams.get("q");
  if (q != null && q.trim()) throw redirect(withLanguage(`/search?${new URLSearchParams({ q: q.slice(0, 200) })}`, languageOfUrl(url)));
  const status = parseStatus(url.searchParams.get("status"));
  const result = listPublicConsultations(status, parsePage(url.searchParams.get("page")));
  const at = now();
  return {
    isHome: url.pathname === "/",
    status,
    page: result.page,
    pages: result.pages,
    total: result.total,
    items: result.items.map((item) => ({
      slug: item.slug,
      title: item.title,
      state: item.state,
      serviceName: item.serviceName,
      excerpt: excerpt(markdownToPlainText(item.summary)),
      opensOn: item.opensOn,
      closesOn: item.closesOn,
      challenges: item.challenges,
      decidedOn: item.decidedOn,
      withdrawnAt: item.withdrawnAt,
      closedAt: item.closedAt,
      withdrawnReason: item.withdrawnReason ? excerpt(markdownToPlainText(item.withdrawnReason)) : null,
      daysOverdue: outcomeClock(item, at, councilTimeZone()).daysOverdue,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  if (!data || data.isHome) return [{ title: pageTitle(matches) }, ...LIST_ALTERNATES];
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  const base = data.status === "all" ? t("list.heading") : t(`list.titles.${data.status}`);
  return [{ title: pageTitle(matches, data.pages > 1 ? t("list.titlePaged", { base, page: data.page, pages: data.pages }) : base) }, ...LIST_ALTERNATES];
};

export default function Consultations() {
  const data = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const frame = useRouteLoaderData<FrameData>("root");
  return <ConsultationListPage data={data} basePath={pathname === "/" ? "/" : "/consultations"} councilName={frame?.council.name} />;
}
