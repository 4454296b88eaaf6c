/** The staff reading pages' filters and paging, as they travel in the address. Pure. */
import { RESPONDING_AS, STANCES, type Channel, type RespondingAs, type Stance } from "~/responses/rules";

const CHANNELS = ["online", "paper", "phone", "event", "email"] as const satisfies readonly Channel[];

export type Filters = { channel: Channel | null; respondingAs: RespondingAs | null; stance: Stance | null };

/** Filters from the address; anything unknown is ignored rather than refused. */
export function filtersFrom(url: URL): Filters {
  const pick = <T extends string>(list: readonly T[], value: string | null): T | null => (list as readonly string[]).includes(value ?? "") ? (value as T) : null;
  return {
    channel: pick(CHANNELS, url.searchParams.get("channel")),
    respondingAs: pick(RESPONDING_AS, url.searchParams.get("as")),
    stance: pick(STANCES, url.searchParams.get("stance")),
  };
}

/** The filters as a query string (without paging), for links that keep them. */
export function filterQuery(f: Partial<Filters>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.channel) params.set("channel", f.channel);
  if (f.respondingAs) params.set("as", f.respondingAs);
  if (f.stance) params.set("stance", f.stance);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : "";
}

/** Where keyset paging resumes: a positive id, or the start. */
export function afterFrom(url: URL): number {
  const v = url.searchParams.get("after");
  return v && /^\d{1,12}$/.test(v) ? Number(v) : 0;
}

