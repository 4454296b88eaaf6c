/**
 * Residents sign in without a password: a single-use link that expires, of which only a hash is
 * stored; the privacy notice and "how you appear" come before the first response; asking for
 * links is rate limited per email address and per client address.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { count, desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { advanceClock, setClock } from "~/lib/clock";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { getRespondent, redeemSignInLink, requestSignInLink, safeReturnPath, signOutRespondent } from "~/responses/respondents.server";
import { TOO_MANY_LINKS } from "~/responses/rules";
import { loader as respondLoader } from "~/routes/consultations.$slug_.respond";
import { action as aboutYouAction, loader as aboutYouLoader } from "~/routes/respondents.about-you";
import { action as privacyAction, loader as privacyLoader } from "~/routes/respondents.privacy";
import { action as signInAction } from "~/routes/respondents.sign-in";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify.$token";
import { call, messages, seeded } from "./responses-fixtures";

const SLUG = "camhs-social-work";

function lastEmailTo(address: string) {
  return db().select().from(t.outbox).where(eq(t.outbox.toAddress, address)).orderBy(desc(t.outbox.id)).get();
}

function tokenFrom(text: string): string {
  const match = /\/verify\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1];
}

/** Every text value in every table, to prove a secret is stored nowhere. */
function databaseText(): string {
  const tables = db().$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return tables
    .filter((x) => x.name !== "outbox")
    .map((x) => JSON.stringify(db().$client.prepare(`SELECT * FROM "${x.name}"`).all()))
    .join("\n");
}

beforeAll(seeded);
beforeEach(() => resetRateLimitsForTests());
afterEach(() => setClock(null));

describe("sign-in links", () => {
  it("emails a link whose token is stored only as a hash, and that works once", async () => {
    const email = "Ada.Resident@Example.org";
    const asked = await call(signInAction, "/respondents/sign-in", { form: { email, redirectTo: `/consultations/${SLUG}/respond` } });
    expect(asked.status).toBe(200);
    expect(asked.data).toEqual({ sent: "Ada.Resident@Example.org", result: null });

    const mail = lastEmailTo("ada.resident@example.org")!;
    expect(mail.subject).toMatch(/Your link to respond/);
    expect(mail.textBody).toMatch(/works once and stops working after 1 hour/);
    const token = tokenFrom(mail.textBody);
    expect(databaseText()).not.toContain(token);

    // Opening the link (as a mail scanner would) does not use it.
    expect((await call(verifyLoader, `/verify/${token}`, { params: { token } })).data).toEqual({ usable: true });
    const used = await call(verifyAction, `/verify/${token}`, { params: { token }, form: {} });
    expect(used.status).toBe(302);
    expect(used.location).toBe(`/consultations/${SLUG}/respond`);
    expect(used.setCookie).toMatch(/^__plainsight_respondent=/);
    expect(used.setCookie).toMatch(/HttpOnly/i);
    expect(used.setCookie).toMatch(/SameSite=Lax/i);

    const respondent = db().select().from(t.respondents).where(eq(t.respondents.email, "ada.resident@example.org")).get()!;
    expect(respondent.verifiedAt).not.toBeNull();
    const cookie = used.setCookie!.split(";")[0];
    expect((await getRespondent(new Request("http://localhost/", { headers: { Cookie: cookie } })))?.id).toBe(respondent.id);

    // Twice: refused, and the page says so.
    expect((await call(verifyLoader, `/verify/${token}`, { params: { token } })).data).toEqual({ usable: false });
    const again = await call(verifyAction, `/verify/${token}`, { params: { token }, form: {} });
    expect(again.setCookie).toBeNull();
    expect(again.location).toBe(`/verify/${token}`);

    // Signing out ends the session on the server, not just in the browser.
    await signOutRespondent(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    expect(await getRespondent(new Request("http://localhost/", { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("stops working after an hour", () => {
    setClock(new Date("2026-12-01T09:00:00Z"));
    expect(requestSignInLink({ email: "late@example.org", redirectTo: "/", address: "a" })).toEqual({ ok: true });
    const token = tokenFrom(lastEmailTo("late@example.org")!.textBody);
    advanceClock(60 * 60 * 1000 + 1000);
    expect(redeemSignInLink(token)).toEqual({ ok: false });
  });

  it("refuses tokens that are not the right shape without touching the database", () => {
    for (const token of ["", "short", "' OR 1=1 --", "a".repeat(200)]) expect(redeemSignInLink(token)).toEqual({ ok: false });
  });

  it("limits links per email address, and per client address, with a message", async () => {
    for (let i = 0; i < 3; i++) expect(requestSignInLink({ email: "busy@example.org", redirectTo: "/", address: `10.0.0.${i}` })).toEqual({ ok: true });
    expect(requestSignInLink({ email: "BUSY@example.org", redirectTo: "/", address: "10.0.0.9" })).toEqual({ ok: false, message: TOO_MANY_LINKS });
    expect(db().select({ n: count() }).from(t.outbox).where(eq(t.outbox.toAddress, "busy@example.org")).get()!.n).toBe(3);

    for (let i = 0; i < 10; i++) expect(requestSignInLink({ email: `person${i}@example.org`, redirectTo: "/", address: "10.1.1.1" }).ok).toBe(true);
    const refused = await call(signInAction, "/respondents/sign-in", { form: { email: "one.more@example.org" }, address: "10.1.1.1" });
    expect(refused.status).toBe(429);
    expect(messages((refused.data as { result: unknown }).result)).toEqual([TOO_MANY_LINKS]);
    expect(lastEmailTo("one.more@example.org")).toBeUndefined();
  });

  it("sends nothing when the honeypot is filled, but says the same as for anyone", async () => {
    const r = await call(signInAction, "/respondents/sign-in", { form: { email: "robot@example.org", website: "x" } });
    expect(r.data).toEqual({ sent: "robot@example.org", result: null });
    expect(lastEmailTo("robot@example.org")).toBeUndefined();
  });

  it("answers a malformed address with a message and sends nothing", async () => {
    const r = await call(signInAction, "/respondents/sign-in", { form: { email: "not an email" } });
    expect(r.status).toBe(400);
    expect(messages((r.data as { result: unknown }).result)).toEqual(["Enter an email address in the correct format, like name@example.com"]);
  });

  it("only ever sends people back to a page on this site", () => {
    expect(safeReturnPath("/consultations/x/respond")).toBe("/consultations/x/respond");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", null]) expect(safeReturnPath(bad)).toBe("/consultations");
  });
});

describe("before the first response", () => {
  it("goes sign in → privacy notice → how you appear → the questions", async () => {
    const respond = `/consultations/${SLUG}/respond`;
    const first = await call(respondLoader, respond, { params: { slug: SLUG } });
    expect(first.location).toBe(`/respondents/sign-in?redirectTo=${encodeURIComponent(respond)}`);

    requestSignInLink({ email: "new.resident@example.org", redirectTo: respond, address: "b" });
    const used = await call(verifyAction, "/verify/x", { params: { token: tokenFrom(lastEmailTo("new.resident@example.org")!.textBody) }, form: {} });
    const cookie = used.setCookie!.split(";")[0];

    const second = await call(respondLoader, respond, { params: { slug: SLUG }, cookie });
    expect(second.location).toBe(`/respondents/privacy?redirectTo=${encodeURIComponent(respond)}`);
    const notice = await call(privacyLoader, second.location!, { cookie });
    expect((notice.data as { html: string }).html).toMatch(/lawful basis/i);
    // "How you appear" cannot be skipped to: it sends people back to the notice.
    expect((await call(aboutYouLoader, `/respondents/about-you?redirectTo=${encodeURIComponent(respond)}`, { cookie })).location).toMatch(/^\/respondents\/privacy/);

    const accepted = await call(privacyAction, second.location!, { cookie, form: {} });
    expect(accepted.location).toBe(`/respondents/about-you?redirectTo=${encodeURIComponent(respond)}`);

    const third = await call(respondLoader, respond, { params: { slug: SLUG }, cookie });
    expect(third.location).toBe(`/respondents/about-you?redirectTo=${encodeURIComponent(respond)}`);

    const missing = await call(aboutYouAction, third.location!, { cookie, form: { showName: "name", respondingAs: "organisation", redirectTo: respond } });
    expect(missing.status).toBe(400);
    expect(messages(missing.data)).toEqual(["Enter your name, or choose to appear as Resident", "Enter the name of the organisation or group you are responding for"]);
    const tooLong = await call(aboutYouAction, third.location!, { cookie, form: { showName: "name", name: "x".repeat(101), respondingAs: "individual", redirectTo: respond } });
    expect(messages(tooLong.data)).toEqual(["Your name must be 100 characters or fewer"]);
    const respondent = () => db().select().from(t.respondents).where(eq(t.respondents.email, "new.resident@example.org")).get()!;
    expect(respondent().respondingAs).toBeNull();

    const saved = await call(aboutYouAction, third.location!, {
      cookie,
      form: { showName: "resident", name: " Ada  ", respondingAs: "organisation", organisationName: "Northmoor Parents' Forum", redirectTo: respond },
    });
    expect(saved.location).toBe(respond);
    expect(respondent()).toMatchObject({ name: "Ada", showName: false, respondingAs: "organisation", organisationName: "Northmoor Parents' Forum" });

    const ready = await call(respondLoader, respond, { params: { slug: SLUG }, cookie });
    expect(ready.status).toBe(200);
    expect(ready.data).toMatchObject({ kind: "form", you: { name: "Resident", capacity: "for Northmoor Parents' Forum" } });
  });
});
