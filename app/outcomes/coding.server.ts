/**
 * What the staff reading pages share: who may read the responses (visibility.canReadResponses),
 * the filters in the address, and the one action that codes an answer or a comment into themes
 * or starts a new theme. The pages post here with JavaScript (a fetcher, answered with data so
 * focus stays where the officer is working) and without (answered with a redirect back).
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireViewer } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { idFrom } from "~/proposals/sections/route.server";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import type { Proposal } from "~/proposals/types";
import { canReadResponses, visibilityFacts } from "~/proposals/visibility";
import { loadOutcome } from "./read.server";
import type { CodingReply } from "./types";
import { canCodeThemes, itemKey, parseItemKey } from "./rules";
import { createTheme, setItemThemes, themesOfItems } from "./themes.server";

export { afterFrom, filterQuery, filtersFrom, type Filters } from "./filters";

export type Reading = { viewer: SignedInViewer; proposal: Proposal; canCode: boolean };

/** The proposal whose responses this person may read: 404 if they cannot see it, 403 if they may not read its responses. */
export async function requireReading(request: Request, params: Record<string, string | undefined>): Promise<Reading> {
  const viewer = await requireViewer(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(params.id));
  if (!canReadResponses(viewer, visibilityFacts(proposal))) {
    throw new Response("Only officers of the service running this consultation, approvers and decision makers can read its responses", { status: 403 });
  }
  const status = loadOutcome(proposal.id)?.status ?? null;
  return { viewer, proposal, canCode: canCodeThemes(viewer, proposal, status) };
}

const codingSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("code"), item: z.string(), theme: z.array(z.string()).default([]), js: z.string().optional() }),
  z.object({ intent: z.literal("create-theme"), name: z.string().max(1000), item: z.string().optional(), js: z.string().optional() }),
]);


/**
 * Code an item (its themes become exactly those ticked) or start a theme (and, given an item,
 * code it there too). Malformed input is a 400; a refusal keeps its status.
 */
export async function codingAction(request: Request, reading: Reading, back: string) {
  const form = await request.formData();
  const parsed = codingSchema.safeParse({ ...Object.fromEntries(form), theme: form.getAll("theme").map(String) });
  const js = form.get("js") === "1";
  // Without JavaScript, back to the same page at the item just coded.
  const answer = (reply: CodingReply, status = 200) =>
    js || !reply.ok ? data(reply, { status }) : redirect(reply.intent === "code" ? `${back}#item-${reply.item.replace(/:/g, "-")}` : back);
  if (!parsed.success) return answer({ ok: false, intent: String(form.get("intent") ?? ""), message: "Choose what to do" }, 400);
  const input = parsed.data;
  if (input.intent === "code") {
    const item = parseItemKey(input.item);
    const ids = input.theme.map((v) => (/^[1-9]\d{0,9}$/.test(v) ? Number(v) : NaN));
    if (!item || ids.some(Number.isNaN)) return answer({ ok: false, intent: "code", item: input.item, message: "Choose themes for this answer" }, 400);
    const result = setItemThemes(reading.viewer, reading.proposal.id, item, ids);
    if (!result.ok) return answer({ ok: false, intent: "code", item: input.item, message: result.message }, result.status);
    return answer({ ok: true, intent: "code", item: input.item, themeIds: result.themeIds });
  }
  const created = createTheme(reading.viewer, reading.proposal.id, input.name);
  if (!created.ok) return answer({ ok: false, intent: "create-theme", message: created.message, field: "name" }, created.status);
  const item = input.item ? parseItemKey(input.item) : null;
  if (item) {
    const current = themesOfItems(reading.proposal.id, [itemKey(item)])[itemKey(item)] ?? [];
    setItemThemes(reading.viewer, reading.proposal.id, item, [...current, created.themeId]);
  }
  return answer({ ok: true, intent: "create-theme", themeId: created.themeId, name: input.name.trim() });
}
