/**
 * Residents' sign-in, rule by rule, on a database of this file's own (no demo seed, so a mutation
 * run can afford it): the link and its email, the limits on asking, using a link once within the
 * hour, the 30-day session and signing out, and the steps before a first response.
 * The journey through the pages is tests/integration/respondents-auth.test.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { advanceClock, now, setClock } from "~/lib/clock";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import {
  acceptPrivacyNotice,
  getRespondent,
  isTokenShaped,
  linkIsUsable,
  normaliseEmail,
  redeemSignInLink,
  requestSignInLink,
  requireReadyRespondent,
  requireRespondent,
  saveProfile,
  sessionCookieHeader,
  signOutRespondent,
} from "~/responses/respondents.server";
import { LINK_TTL_MS, RATE_LIMITS, RESPONDENT_SESSION_TTL_MS, TOO_MANY_LINKS } from "~/responses/rules";

const START = new Date("2026-06-01T09:00:00.000Z");
const MINUTE = 60 * 1000;
let seq = 0;

beforeAll(() => {
  setClock(START);
  migrateDatabase(db());
});

beforeEach(() => {
  setClock(START);
  resetRateLimitsForTests();
});

afterAll(() => setClock(null));

function uniqueEmail() {
  seq += 1;
  return `resident${seq}@example.org`;
}

function lastEmailTo(address: string) {
  return db().select().from(t.outbox).where(eq(t.outbox.toAddress, address)).orderBy(desc(t.outbox.id)).get();
}

function tokenFrom(text: string): string {
  const match = /\/verify\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1];
}

/** Ask for a link and return the token from the email, as the resident would read it. */
function linkFor(email: string, redirectTo = "/consultations/x/respond", address = `addr-${email}`) {
  expect(requestSignInLink({ email, redirectTo, address })).toEqual({ ok: true });
  return tokenFrom(lastEmailTo(normaliseEmail(email))!.textBody);
}

function respondentRow(email: string) {
  return db().select().from(t.respondents).where(eq(t.respondents.email, email)).get();
}

function requestWith(cookie: string | null, url = "http://localhost/consultations/x/respond?step=2") {
  return new Request(url, { headers: cookie ? { Cookie: cookie } : {} });
}

async function signedIn(email = uniqueEmail()) {
  const use = redeemSignInLink(linkFor(email));
  if (!use.ok) throw new Error("link refused");
  return { email, respondentId: use.respondentId, cookie: (await sessionCookieHeader(use.sessionToken)).split(";")[0] };
}

async function thrownBy(p: Promise<unknown>): Promise<Response> {
  const thrown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(Response);
  return thrown as Response;
}

describe("asking for a link", () => {
  it("emails a link to the address as typed but lower-cased, naming the council, saying it works once for an hour", () => {
    expect(normaliseEmail("  Ada.Resident@Example.ORG ")).toBe("ada.resident@example.org");
    const token = linkFor("  Ada.Resident@Example.ORG ");
    expect(isTokenShaped(token)).toBe(true);
    const mail = lastEmailTo("ada.resident@example.org")!;
    expect(mail.subject).toBe("Your link to respond to Example Borough Council consultations");
    expect(mail.event).toBe("respondent.sign_in_link");
    expect(mail.textBody).toContain(`http://localhost:3000/verify/${token}`);
    expect(mail.textBody).toContain("The link works once and stops working after 1 hour.");
    expect(mail.textBody).toContain("nobody can respond in your name without the link");
    // The whole email, as the resident reads it.
    expect(mail.textBody).toBe(
      [
        "Use this link to confirm your email address and continue your response:",
        "",
        `http://localhost:3000/verify/${token}`,
        "",
        "The link works once and stops working after 1 hour.",
        "",
        "If you did not ask for it, you can ignore this email: nobody can respond in your name without the link.",
        "",
        "Example Borough Council",
      ].join("\n"),
    );
    // One resident however often they ask.
    linkFor("ada.resident@example.org");
    expect(db().select().from(t.respondents).where(eq(t.respondents.email, "ada.resident@example.org")).all()).toHaveLength(1);
    expect(respondentRow("ada.resident@example.org")?.createdAt).toBe(START.toISOString());
  });

  it(`sends ${RATE_LIMITS.linkPerEmail.limit} links to one address in ${RATE_LIMITS.linkPerEmail.windowMs / MINUTE} minutes, then refuses with a message until the window has passed`, () => {
    const email = uniqueEmail();
    const { limit, windowMs } = RATE_LIMITS.linkPerEmail;
    for (let i = 0; i < limit; i++) expect(requestSignInLink({ email, redirectTo: "/", address: `10.2.0.${i}` })).toEqual({ ok: true });
    const outbox = () => db().select().from(t.outbox).where(eq(t.outbox.toAddress, email)).all().length;
    expect(requestSignInLink({ email, redirectTo: "/", address: "10.2.1.1" })).toEqual({ ok: false, message: TOO_MANY_LINKS });
    expect(outbox()).toBe(limit);
    advanceClock(windowMs - MINUTE);
    expect(requestSignInLink({ email, redirectTo: "/", address: "10.2.1.2" })).toEqual({ ok: false, message: TOO_MANY_LINKS });
    advanceClock(MINUTE);
    expect(requestSignInLink({ email, redirectTo: "/", address: "10.2.1.3" })).toEqual({ ok: true });
    expect(outbox()).toBe(limit + 1);
  });

  it("limits links asked for from one client address, whoever they are for", () => {
    const [{ limit }] = RATE_LIMITS.linkPerAddress;
    for (let i = 0; i < limit; i++) expect(requestSignInLink({ email: uniqueEmail(), redirectTo: "/", address: "10.3.0.1" }).ok).toBe(true);
    const refused = uniqueEmail();
    expect(requestSignInLink({ email: refused, redirectTo: "/", address: "10.3.0.1" })).toEqual({ ok: false, message: TOO_MANY_LINKS });
    expect(lastEmailTo(refused)).toBeUndefined();
    expect(respondentRow(refused)).toBeUndefined();
    expect(requestSignInLink({ email: refused, redirectTo: "/", address: "10.3.0.2" })).toEqual({ ok: true });
  });

  it("limits emails to an address nobody has proven, across the hour, even when each link window has passed", () => {
    const email = uniqueEmail();
    const [{ limit }] = RATE_LIMITS.unprovenEmailPerRecipient;
    let sent = 0;
    for (let i = 0; i < limit; i++) {
      if (requestSignInLink({ email, redirectTo: "/", address: `10.4.0.${i}` }).ok) sent += 1;
      advanceClock(RATE_LIMITS.linkPerEmail.windowMs / RATE_LIMITS.linkPerEmail.limit + 1000);
    }
    expect(sent).toBe(limit);
    expect(requestSignInLink({ email, redirectTo: "/", address: "10.4.1.1" })).toEqual({ ok: false, message: TOO_MANY_LINKS });
  });
});

describe("using a link", () => {
  it("works once: verifies the address, starts a session and goes back to the page on this site it was asked from", async () => {
    const email = uniqueEmail();
    const token = linkFor(email, "/consultations/x/respond?from=link");
    expect(linkIsUsable(token)).toBe(true);
    advanceClock(MINUTE);
    const use = redeemSignInLink(token);
    expect(use).toMatchObject({ ok: true, redirectTo: "/consultations/x/respond?from=link" });
    if (!use.ok) return;
    const row = respondentRow(email)!;
    expect(use.respondentId).toBe(row.id);
    expect(row.verifiedAt).toBe(new Date(START.getTime() + MINUTE).toISOString());
    const cookie = (await sessionCookieHeader(use.sessionToken)).split(";")[0];
    expect((await getRespondent(requestWith(cookie)))?.id).toBe(row.id);

    expect(linkIsUsable(token)).toBe(false);
    expect(redeemSignInLink(token)).toEqual({ ok: false });

    // A later link does not change when the address was first proven.
    advanceClock(MINUTE);
    redeemSignInLink(linkFor(email));
    expect(respondentRow(email)!.verifiedAt).toBe(new Date(START.getTime() + MINUTE).toISOString());
  });

  it("never sends anyone off the site", () => {
    for (const redirectTo of ["//evil.example", "https://evil.example/x", "/\\evil.example"]) {
      expect(redeemSignInLink(linkFor(uniqueEmail(), redirectTo))).toMatchObject({ ok: true, redirectTo: "/consultations" });
    }
  });

  it(`stops working ${LINK_TTL_MS / MINUTE} minutes after it was sent`, () => {
    const token = linkFor(uniqueEmail());
    advanceClock(LINK_TTL_MS - 1000);
    expect(linkIsUsable(token)).toBe(true);
    advanceClock(1000);
    expect(linkIsUsable(token)).toBe(false);
    expect(redeemSignInLink(token)).toEqual({ ok: false });
    const fresh = linkFor(uniqueEmail());
    advanceClock(LINK_TTL_MS - 1000);
    expect(redeemSignInLink(fresh).ok).toBe(true);
  });

  it("refuses a token that is not the right shape, or that nobody was sent", () => {
    for (const token of ["", "short", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}!`, `${"a".repeat(42)}=`]) {
      expect(isTokenShaped(token)).toBe(false);
      expect(linkIsUsable(token)).toBe(false);
      expect(redeemSignInLink(token)).toEqual({ ok: false });
    }
    const nobody = randomBytes(32).toString("base64url");
    expect(isTokenShaped(nobody)).toBe(true);
    expect(linkIsUsable(nobody)).toBe(false);
    expect(redeemSignInLink(nobody)).toEqual({ ok: false });
  });
});

describe("the session", () => {
  it(`lasts ${RESPONDENT_SESSION_TTL_MS / (24 * 60 * MINUTE)} days, in the browser as on the server`, async () => {
    const use = redeemSignInLink(linkFor(uniqueEmail()));
    if (!use.ok) throw new Error("link refused");
    const header = await sessionCookieHeader(use.sessionToken);
    expect(header).toMatch(/^__plainsight_respondent=/);
    expect(header).toContain(`Max-Age=${RESPONDENT_SESSION_TTL_MS / 1000}`);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    const cookie = header.split(";")[0];
    advanceClock(RESPONDENT_SESSION_TTL_MS - 1000);
    expect(await getRespondent(requestWith(cookie))).not.toBeNull();
    advanceClock(1000);
    expect(await getRespondent(requestWith(cookie))).toBeNull();
  });

  it("ends on signing out, on the server as well as in the browser; signing out with no session clears the cookie too", async () => {
    const { cookie } = await signedIn();
    advanceClock(MINUTE);
    const cleared = await signOutRespondent(requestWith(cookie));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await getRespondent(requestWith(cookie))).toBeNull();
    expect(await signOutRespondent(requestWith(null))).toMatch(/^__plainsight_respondent=;.*Expires=Thu, 01 Jan 1970/);
  });

  it("refuses a real session token in a cookie the server did not sign, and no cookie at all", async () => {
    const respondentId = db().insert(t.respondents).values({ email: uniqueEmail(), createdAt: now().toISOString() }).returning().get().id;
    const token = randomBytes(32).toString("base64url");
    db()
      .insert(t.respondentSessions)
      .values({
        tokenHash: createHash("sha256").update(token).digest("hex"),
        respondentId,
        createdAt: now().toISOString(),
        expiresAt: new Date(now().getTime() + RESPONDENT_SESSION_TTL_MS).toISOString(),
      })
      .run();
    expect(await getRespondent(requestWith(`__plainsight_respondent=${Buffer.from(JSON.stringify(token)).toString("base64")}`))).toBeNull();
    expect(await getRespondent(requestWith(null))).toBeNull();
    const signed = (await sessionCookieHeader(token)).split(";")[0];
    expect((await getRespondent(requestWith(signed)))?.id).toBe(respondentId);
  });
});

describe("before a first response", () => {
  it("sends someone not signed in to sign in, coming back to the page they were on", async () => {
    const thrown = await thrownBy(requireRespondent(requestWith(null)));
    expect(thrown.headers.get("Location")).toBe(`/respondents/sign-in?redirectTo=${encodeURIComponent("/consultations/x/respond?step=2")}`);
    const elsewhere = await thrownBy(requireRespondent(requestWith(null), "//evil.example"));
    expect(elsewhere.headers.get("Location")).toBe(`/respondents/sign-in?redirectTo=${encodeURIComponent("/consultations")}`);
  });

  it("asks for the privacy notice, then how they appear, then lets them through", async () => {
    const { cookie, respondentId } = await signedIn();
    const here = encodeURIComponent("/consultations/x/respond?step=2");
    expect((await thrownBy(requireReadyRespondent(requestWith(cookie)))).headers.get("Location")).toBe(`/respondents/privacy?redirectTo=${here}`);
    expect((await requireRespondent(requestWith(cookie))).id).toBe(respondentId);

    acceptPrivacyNotice(respondentId);
    const acceptedAt = () => db().select().from(t.respondents).where(eq(t.respondents.id, respondentId)).get()!.privacyAcceptedAt;
    expect(acceptedAt()).toBe(START.toISOString());
    advanceClock(MINUTE);
    acceptPrivacyNotice(respondentId);
    expect(acceptedAt()).toBe(START.toISOString());
    expect((await thrownBy(requireReadyRespondent(requestWith(cookie)))).headers.get("Location")).toBe(`/respondents/about-you?redirectTo=${here}`);
    expect((await thrownBy(requireReadyRespondent(requestWith(cookie), "https://evil.example"))).headers.get("Location")).toBe(
      `/respondents/about-you?redirectTo=${encodeURIComponent("/consultations")}`,
    );

    saveProfile(respondentId, { name: "Ada", showName: true, respondingAs: "organisation", organisationName: "Parents' Forum" });
    expect((await requireReadyRespondent(requestWith(cookie))).organisationName).toBe("Parents' Forum");
    // Responding for themselves again: the organisation's name is not kept.
    saveProfile(respondentId, { name: "Ada", showName: false, respondingAs: "individual", organisationName: "Parents' Forum" });
    expect(await requireReadyRespondent(requestWith(cookie))).toMatchObject({ name: "Ada", showName: false, respondingAs: "individual", organisationName: null });
  });
});
