/**
 * Residents' email updates through the real routes: nothing starts until the address is
 * confirmed by a link; the form says the same whatever the address; it cannot flood an inbox;
 * only public consultations can be followed; unsubscribing needs no sign-in and a GET changes
 * nothing; followers of a consultation hear when it closes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { applyTransition } from "~/proposals/lifecycle.server";
import { action as confirmAction, loader as confirmLoader } from "~/routes/subscribe.confirm.$token";
import { action as subscribeAction, loader as subscribeLoader } from "~/routes/subscribe._index";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";
import { DAY, SEED_DATE, get, linkIn, outboxFor, post, proposal, run, seedCouncil } from "../fixtures/notifications-council";

beforeAll(seedCouncil, 60_000);
afterAll(() => setClock(null));

const subscribe = (form: Record<string, string>, query = "") => run(() => subscribeAction({ request: post(`/subscribe${query}`, form), params: {}, context: {} }));
const rows = (email: string) => db().select().from(t.subscriptions).where(eq(t.subscriptions.email, email)).all();

describe("subscribing to new consultations", () => {
  it("sends a confirmation link and starts nothing until it is used", async () => {
    const result = await subscribe({ email: " Ann@Example.com " });
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe("/subscribe?sent=1");
    const [row] = rows("ann@example.com");
    expect(row).toMatchObject({ scope: "new_consultations", confirmedAt: null, proposalId: null });
    const email = outboxFor("subscribe_confirm").at(-1)!;
    expect(email.toAddress).toBe("ann@example.com");
    expect(email.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });

    const path = linkIn(email.textBody, "/subscribe/confirm/");
    const token = path.split("/").pop()!;
    // Only a hash of the confirmation token is kept.
    expect(JSON.stringify(rows("ann@example.com"))).not.toContain(token);
    // Opening the link confirms nothing; pressing the button does.
    expect((await run(() => confirmLoader({ request: get(path), params: { token }, context: {} }))).status).toBe(200);
    expect(rows("ann@example.com")[0].confirmedAt).toBeNull();
    expect((await run(() => confirmAction({ request: post(path, {}), params: { token }, context: {} }))).status).toBe(200);
    expect(rows("ann@example.com")[0].confirmedAt).not.toBeNull();
  });

  it("answers the same for an address already subscribed, and sends nothing more", async () => {
    const before = outboxFor("subscribe_confirm").length;
    const result = await subscribe({ email: "ann@example.com" });
    expect(result.response!.headers.get("Location")).toBe("/subscribe?sent=1");
    expect(outboxFor("subscribe_confirm")).toHaveLength(before);
  });

  it("sends at most one confirmation an hour to an address", async () => {
    await subscribe({ email: "bob@example.com" });
    await subscribe({ email: "bob@example.com" });
    await subscribe({ email: "bob@example.com" });
    expect(outboxFor("subscribe_confirm").filter((r) => r.toAddress === "bob@example.com")).toHaveLength(1);
    setClock(new Date(SEED_DATE.getTime() + 61 * 60 * 1000));
    await subscribe({ email: "bob@example.com" });
    expect(outboxFor("subscribe_confirm").filter((r) => r.toAddress === "bob@example.com")).toHaveLength(2);
    setClock(SEED_DATE);
  });

  it("refuses an address that is not one, beside the field", async () => {
    const result = await subscribe({ email: "not-an-address" });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.value)).toContain("Enter an email address in the correct format");
  });
});

describe("following one consultation", () => {
  it("only a public consultation can be followed; a draft or embargoed one is the 404", async () => {
    expect((await run(() => subscribeLoader({ request: get("/subscribe?consultation=allotment-rents"), params: {}, context: {} }))).status).toBe(200);
    for (const slug of ["youth-service-review", "reopening-a-closed-park", "no-such-thing"]) {
      expect((await run(() => subscribeLoader({ request: get(`/subscribe?consultation=${slug}`), params: {}, context: {} }))).status, slug).toBe(404);
      expect((await subscribe({ email: "eve@example.com", consultation: slug }, `?consultation=${slug}`)).status, slug).toBe(404);
    }
    expect(rows("eve@example.com")).toEqual([]);
  });

  it("a follower hears when the consultation closes, with a one-click unsubscribe link that needs no sign-in", async () => {
    const camhs = proposal("camhs-social-work");
    await subscribe({ email: "cat@example.com", consultation: camhs.slug }, `?consultation=${camhs.slug}`);
    const confirm = linkIn(outboxFor("subscribe_confirm").at(-1)!.textBody, "/subscribe/confirm/");
    await run(() => confirmAction({ request: post(confirm, {}), params: { token: confirm.split("/").pop() }, context: {} }));

    setClock(new Date(Date.parse(`${camhs.closesOn}T00:00:00.000Z`) + DAY));
    expect(applyTransition("close", camhs.id, { kind: "system" }).ok).toBe(true);
    const update = outboxFor("consultation_update").find((r) => r.toAddress === "cat@example.com")!;
    expect(update.subject).toBe(`Consultation update – ${camhs.title}`);
    expect(update.textBody).toContain("has closed");

    const token = update.headers!["List-Unsubscribe"].replace(/[<>]/g, "").split("/").pop()!;
    expect((await run(() => unsubscribeLoader({ request: get(`/unsubscribe/${token}`), params: { token }, context: {} }))).status).toBe(200);
    const oneClick = new Request(`http://localhost/unsubscribe/${token}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect((await run(() => unsubscribeAction({ request: oneClick, params: { token }, context: {} }))).status).toBe(200);
    const row = db().select().from(t.subscriptions).where(and(eq(t.subscriptions.email, "cat@example.com"), eq(t.subscriptions.proposalId, camhs.id))).get()!;
    expect(row.unsubscribedAt).not.toBeNull();
    // Doing it again is harmless; a made-up token is 410 Gone, with a page saying what to do.
    expect((await run(() => unsubscribeAction({ request: post(`/unsubscribe/${token}`, {}), params: { token }, context: {} }))).status).toBe(200);
    expect((await run(() => unsubscribeAction({ request: post("/unsubscribe/x", {}), params: { token: "A".repeat(43) }, context: {} }))).status).toBe(410);
    setClock(SEED_DATE);
  });
});
