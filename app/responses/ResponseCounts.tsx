/**
 * How many responses came in, and how: online ones and those officers entered from paper,
 * phone, email and events, counted together.
 */
import { CHANNEL_LABELS, type Channel } from "./rules";

export type ResponseCountsView = Record<Channel, number> & { total: number };

export function responsesSentence(counts: ResponseCountsView): string {
  if (counts.total === 0) return "No responses yet.";
  const parts = (Object.keys(CHANNEL_LABELS) as Channel[]).filter((c) => counts[c] > 0).map((c) => `${counts[c].toLocaleString("en-GB")} ${CHANNEL_LABELS[c].toLowerCase()}`);
  const total = counts.total === 1 ? "1 response" : `${counts.total.toLocaleString("en-GB")} responses`;
  return parts.length > 1 ? `${total}: ${parts.join(", ")}.` : `${total} (${parts[0]}).`;
}

export function ResponseCounts({ counts }: { counts: ResponseCountsView }) {
  return <p className="govuk-body">{responsesSentence(counts)}</p>;
}
