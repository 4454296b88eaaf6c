/**
 * How many responses came in, and how: online ones and those officers entered from paper,
 * phone, email and events, counted together. In the page's language (issue 14).
 */
import { translator, type Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/react";
import type { Channel } from "./rules";

/** The channels in the order a sentence names them: "41 on paper, 6 at events". */
const CHANNELS: Channel[] = ["online", "paper", "phone", "event", "email"];

export type ResponseCountsView = Record<Channel, number> & { total: number };

export function responsesSentence(counts: ResponseCountsView, t: Translate = translator("en")): string {
  if (counts.total === 0) return t("responseCounts.none");
  const parts = CHANNELS.filter((c) => counts[c] > 0).map((c) => t(`responseCounts.channels.${c}`, { n: counts[c].toLocaleString("en-GB") }));
  const total = t("responseCounts.total", { count: counts.total });
  return parts.length > 1 ? t("responseCounts.several", { total, parts: parts.join(", ") }) : t("responseCounts.one", { total, part: parts[0] });
}

export function ResponseCounts({ counts }: { counts: ResponseCountsView }) {
  const { t } = useTranslation();
  return <p className="govuk-body">{responsesSentence(counts, t)}</p>;
}
