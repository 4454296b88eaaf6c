/**
 * Page titles: "Page – Service – Council" (GOV.UK pattern), read from the root loader's data
 * so every route's `meta` says the same thing the same way:
 *
 *   export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
 *     [{ title: pageTitle(matches, data?.proposal.title) }];
 *
 * Remix v2 does not merge meta: a route that exports `meta` must set the title itself.
 */
import type { FrameData } from "./Frame";
import { translator } from "~/i18n/i18n";
import { languageOrDefault } from "~/i18n/languages";

type MatchLike = { id: string; data?: unknown };

export function pageTitle(matches: readonly MatchLike[] | undefined, page?: string | null, options: { error?: boolean } = {}): string {
  const root = matches?.find((m) => m.id === "root")?.data as Partial<FrameData> | undefined;
  const parts = [page, root?.council?.serviceName, root?.council?.name].filter((p): p is string => Boolean(p && p.trim()));
  const title = parts.join(" – ") || "Consultations";
  // A form posted without JavaScript and refused (entry.server.tsx marks the root's data), or a
  // route that knows it shows errors: GOV.UK asks for "Error: " first in the title.
  // "Error:" in the page's language (the root loader's word for it).
  return options.error || root?.formError ? `${translator(languageOrDefault(root?.lang))("errors.errorPrefix")} ${title}` : title;
}
