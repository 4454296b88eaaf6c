/**
 * How many responses came in, and how: online ones and those officers entered from paper,
 * phone, email and events, counted together.
 */
import type { Channel } from "./rules";

/** How each channel reads inside a sentence: "41 on paper, 6 at events". */
const IN_A_SENTENCE: Record<Channel, string> = { online: "online", paper: "on paper", phone: "by phone", event: "at events", email: "by email" };

export type ResponseCountsView = Record<Channel, number> & { total: number };

export function responsesSentence(counts: ResponseCountsView): string {
  if (counts.total === 0) return "No responses yet.";
  const parts = (Object.keys(IN_A_SENTENCE) as Channel[]).filter((c) => counts[c] > 0).map((c) => `${counts[c].toLocaleString("en-GB")} ${IN_A_SENTENCE[c]}`);
  const total = counts.total === 1 ? "1 response" : `${counts.total.toLocaleString("en-GB")} responses`;
  return parts.length > 1 ? `${total}: ${parts.join(", ")}.` : `${total} (${parts[0]}).`;
}

export function ResponseCounts({ counts }: { counts: ResponseCountsView }) {
  return <p className="govuk-body">{responsesSentence(counts)}</p>;
}
