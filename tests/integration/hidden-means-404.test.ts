/**
 * Hidden means 404, everywhere, proven by a table: every public surface (public-surfaces.ts)
 * × every proposal the public may not see × every viewer without the need to know answers
 * exactly what a made-up address answers. And no listing names a hidden proposal.
 *
 * The proposals are the demo council's, read from the seeded database and checked to be in the
 * expected state before anything is asserted, so a renamed or re-stated fixture fails here
 * loudly instead of turning the table into checks of missing pages. The demo has no proposal
 * that is scheduled or withdrawn before opening, so those two are made from the draft.
 *
 * Who lacks the need to know is the visibility module's decision (visibility.ts, owned by the
 * need-to-know table): every demo account is asked, and each one it refuses goes in the table.
 * Anonymous visitors, residents, officers of other services, reps of other unions and moderators
 * must be among them, whatever else changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { seedDemoOnce } from "../fixtures/seed-template";
import { getViewer } from "~/auth/session.server";
import type { Viewer } from "~/auth/permissions";
import { setClock } from "~/lib/clock";
import { canSeeProposal } from "~/proposals/visibility";
import { makeRespondent, respondentCookie, staffCookie } from "./responses-fixtures";
import { LISTINGS, MISSING, PUBLIC_SURFACES, type Surface, type Target } from "./public-surfaces";

const SEED_AT = new Date("2027-03-10T10:00:00.000Z");

/** The demo's proposals the public may not see, by the state they must be in. */
const SEEDED_HIDDEN = [
  { slug: "youth-service-review", state: "draft" },
  { slug: "garden-waste-collections", state: "in_review" },
  { slug: "reopening-a-closed-park", state: "union_notice" },
] as const;
/**
 * Made here from seeded proposals (with their unions): the demo has none scheduled or withdrawn
 * before opening, and its proposal under notice was sent to every union, so none of its reps
 * lacks the need to know; the garden waste proposal under notice goes to one union only.
 */
const MADE_HIDDEN = [
  { slug: "youth-service-review-scheduled", state: "scheduled", from: "youth-service-review" },
  { slug: "youth-service-review-withdrawn", state: "withdrawn", from: "youth-service-review" },
  { slug: "garden-waste-collections-under-notice", state: "union_notice", from: "garden-waste-collections" },
] as const;

type Answer = { status: number; body: string; contentType: string | null };

/** Call a loader or action as Remix would; a thrown Response is the answer, like a returned one. */
async function answer(surface: Surface, target: Target, cookie: string | undefined): Promise<Answer> {
  const mod = await surface.load();
  const fn = surface.method === "loader" ? mod.loader : mod.action;
  if (!fn) throw new Error(`${surface.name} has no ${surface.method}`);
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: URLSearchParams | undefined;
  if (surface.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(surface.form(target));
  }
  const request = new Request(`http://localhost${surface.url(target)}`, { method: surface.form ? "POST" : "GET", headers, body });
  let result: unknown;
  try {
    result = await fn({ request, params: surface.params(target), context: { clientAddress: "203.0.113.7", cspNonce: "n" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, body: (await result.text()).replaceAll(target.slug, "SLUG"), contentType: result.headers.get("Content-Type") };
  // Anything else is page data: a 200 (or a data() status), which a hidden proposal must never get.
  const init = (result as { init?: { status?: number } } | null)?.init;
  return { status: init?.status ?? 200, body: JSON.stringify(result).slice(0, 300), contentType: null };
}

type Role = { name: string; cookie: string | undefined; viewer: Viewer };
const roles: Role[] = [];
const targets: (Target & { state: string; facts: Parameters<typeof canSeeProposal>[1]; title: string })[] = [];

function proposalRow(slug: string) {
  return db().select().from(t.proposals).where(eq(t.proposals.slug, slug)).get();
}

beforeAll(async () => {
  setClock(SEED_AT);
  await seedDemoOnce(SEED_AT);

  // The seeded proposals must be where this table expects them.
  for (const { slug, state } of SEEDED_HIDDEN) expect(proposalRow(slug)?.state, `the demo's ${slug}`).toBe(state);

  for (const { slug, state, from } of MADE_HIDDEN) {
    const { id: fromId, ...columns } = proposalRow(from)!;
    const withdrawn = state === "withdrawn";
    const { id } = db()
      .insert(t.proposals)
      .values({ ...columns, slug, state, openedAt: null, withdrawnAt: withdrawn ? SEED_AT.toISOString() : null, withdrawnReason: withdrawn ? "The service review was paused by the cabinet." : null })
      .returning({ id: t.proposals.id })
      .get();
    for (const u of db().select().from(t.proposalUnions).where(eq(t.proposalUnions.proposalId, fromId)).all()) db().insert(t.proposalUnions).values({ proposalId: id, unionId: u.unionId }).run();
    expect(proposalRow(slug)?.state).toBe(state);
  }

  // Viewers: anonymous, a resident who has done everything needed to respond, every demo account.
  const residentId = makeRespondent();
  roles.push({ name: "an anonymous visitor", cookie: undefined, viewer: null });
  roles.push({ name: "a resident", cookie: await respondentCookie(residentId), viewer: null });
  for (const user of db().select().from(t.users).orderBy(t.users.id).all()) {
    const cookie = await staffCookie(user.email);
    roles.push({ name: user.email, cookie, viewer: await getViewer(new Request("http://localhost/", { headers: { Cookie: cookie } })) });
  }

  // Each hidden proposal with a comment (by that resident, on the proposal as a real one is
  // stored, so only the visibility rule stands between it and a reader), a document and a risk.
  const aDocument = db().select().from(t.documents).get()!;
  for (const { slug, state } of [...SEEDED_HIDDEN, ...MADE_HIDDEN]) {
    const p = proposalRow(slug)!;
    const commentId = db()
      .insert(t.comments)
      .values({ proposalId: p.id, targetType: "proposal", targetId: p.id, respondentId: residentId, bodyMarkdown: "Hidden words", bodyHtml: "<p>Hidden words</p>", bodyHash: `hidden-${slug}`, createdAt: SEED_AT.toISOString() })
      .returning({ id: t.comments.id })
      .get().id;
    const documentId =
      db().select({ id: t.documents.id }).from(t.documents).where(eq(t.documents.proposalId, p.id)).get()?.id ??
      db()
        .insert(t.documents)
        .values({ ...aDocument, id: undefined, proposalId: p.id, disclosure: "published" })
        .returning({ id: t.documents.id })
        .get().id;
    const riskId =
      db().select({ id: t.risks.id }).from(t.risks).where(eq(t.risks.proposalId, p.id)).get()?.id ??
      db().insert(t.risks).values({ proposalId: p.id, description: "A risk", whoBears: "Residents", likelihood: 2, impact: 2 }).returning({ id: t.risks.id }).get().id;
    const unionIds = db().select().from(t.proposalUnions).where(eq(t.proposalUnions.proposalId, p.id)).all().map((u) => u.unionId);
    targets.push({ slug, state, proposalId: p.id, commentId, documentId, riskId, title: p.title, facts: { ...p, unionIds } });
  }
}, 60_000);

/** The viewers the visibility rule refuses this proposal. */
function withoutNeedToKnow(target: (typeof targets)[number]): Role[] {
  return roles.filter((r) => !canSeeProposal(r.viewer, target.facts));
}

describe("who lacks the need to know (the table is not vacuous)", () => {
  it("every hidden proposal is refused to anonymous visitors, residents, officers of other services, moderators and reps of unions not notified", () => {
    let underNoticeToAnotherUnion = 0;
    for (const target of targets) {
      const refused = new Set(withoutNeedToKnow(target).map((r) => r.name));
      expect(refused.has("an anonymous visitor"), target.slug).toBe(true);
      expect(refused.has("a resident"), target.slug).toBe(true);
      const otherOfficers = roles.filter((r) => r.viewer?.roles.length === 1 && r.viewer.roles[0] === "officer" && r.viewer.serviceId !== target.facts.serviceId && r.viewer.id !== target.facts.createdById);
      expect(otherOfficers.length, `officers of other services than ${target.slug}'s`).toBeGreaterThan(0);
      for (const o of otherOfficers) expect(refused.has(o.name), `${o.name} on ${target.slug}`).toBe(true);
      // Moderators have no need to know of anything before it is published (visibility.ts).
      const moderators = roles.filter((r) => r.viewer?.roles.length === 1 && r.viewer.roles[0] === "moderator");
      expect(moderators.length, "a moderator among the demo accounts").toBeGreaterThan(0);
      for (const m of moderators) expect(refused.has(m.name), `${m.name} on ${target.slug}`).toBe(true);
      const otherReps = roles.filter((r) => r.viewer?.roles.includes("union_rep") && !r.viewer.unionIds.some((u) => target.facts.unionIds.includes(u)));
      for (const rep of otherReps) expect(refused.has(rep.name), `${rep.name} on ${target.slug}`).toBe(true);
      if (target.state === "union_notice" && otherReps.length) underNoticeToAnotherUnion++;
    }
    expect(underNoticeToAnotherUnion, "a proposal under notice, and a rep of a union not notified of it").toBeGreaterThan(0);
  });
});

describe.each(PUBLIC_SURFACES.map((s) => [s.name, s] as const))("%s", (_name, surface) => {
  it("answers every hidden proposal, for every viewer without the need to know, exactly as a made-up address", async () => {
    const checked: string[] = [];
    const missingFor = new Map<string, Answer>();
    for (const target of targets) {
      for (const role of withoutNeedToKnow(target)) {
        if (!missingFor.has(role.name)) missingFor.set(role.name, await answer(surface, MISSING, role.cookie));
        const missing = missingFor.get(role.name)!;
        expect(missing.status, `${surface.name}, a made-up address, as ${role.name}`).toBe(404);
        const hidden = await answer(surface, target, role.cookie);
        expect(hidden, `${surface.name} for ${target.slug} (${target.state}) as ${role.name}`).toEqual(missing);
        checked.push(`${target.state}:${role.name}`);
      }
    }
    expect(new Set(checked.map((c) => c.split(":")[0]))).toEqual(new Set(["draft", "in_review", "union_notice", "scheduled", "withdrawn"]));
  });
});

describe("listings", () => {
  it.each(LISTINGS.map((l) => [l.name, l] as const))("%s names no hidden proposal", async (_name, listing) => {
    const mod = await listing.load();
    for (const role of roles.filter((r) => r.viewer == null)) {
      const headers = new Headers(role.cookie ? { Cookie: role.cookie } : {});
      const result = await mod.loader!({ request: new Request(`http://localhost${listing.url}`, { headers }), params: {}, context: {} });
      const text = result instanceof Response ? await result.text() : JSON.stringify(result);
      for (const target of targets) {
        expect(text, `${listing.name} as ${role.name}`).not.toContain(target.slug);
        expect(text, `${listing.name} as ${role.name}`).not.toContain(target.title);
      }
    }
  });
  it("the listings do list the public proposals (so the check above can fail)", async () => {
    const { loader } = await import("~/routes/consultations._index");
    const text = JSON.stringify(await loader({ request: new Request("http://localhost/consultations"), params: {}, context: {} }));
    const open = db().select().from(t.proposals).where(inArray(t.proposals.state, ["open"])).all();
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) expect(text).toContain(p.slug);
  });
});
