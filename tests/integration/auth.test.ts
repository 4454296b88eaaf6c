/**
 * Staff sign-in and sessions, through the real route actions on a migrated temp database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { hashPassword } from "~/auth/password.server";
import { createHash, randomBytes } from "node:crypto";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  changePassword,
  cookiesAreSecure,
  endSessionsBefore,
  getViewer,
  requirePermission,
  requireStaff,
  requireViewer,
  revokeUserSessions,
  safeRedirect,
} from "~/auth/session.server";
import { resetThrottleForTests } from "~/auth/sign-in.server";
import { beginAttempt, finishAttempt } from "~/auth/throttle.server";
import { advanceClock, setClock } from "~/lib/clock";
import { resetEnvForTests } from "~/lib/env.server";
import { action as signInAction, loader as signInLoader } from "~/routes/staff.sign-in";
import { action as signOutAction, loader as signOutLoader } from "~/routes/staff.sign-out";

const PASSWORD = "correct horse battery staple";
const MINUTE = 60 * 1000;
const START = new Date("2026-03-02T09:00:00.000Z");

let officerId: number;
let serviceId: number;
let unionId: number;

beforeAll(async () => {
  // Vitest sets BASE_URL to Vite's base ("/"), which the env schema rightly rejects as a URL.
  if (!URL.canParse(process.env.BASE_URL ?? "")) process.env.BASE_URL = "http://localhost:3000";
  migrateDatabase(db());
  const passwordHash = await hashPassword(PASSWORD);
  const database = db();
  serviceId = database.insert(t.services).values({ name: "CAMHS", slug: "camhs", workforcePosts: 48 }).returning().get().id;
  unionId = database.insert(t.unions).values({ name: "UNISON", shortName: "UNISON" }).returning().get().id;
  officerId = database
    .insert(t.users)
    .values({ email: "Officer@council.example", name: "Olu Officer", passwordHash, serviceId })
    .returning()
    .get().id;
  database.insert(t.userRoles).values([{ userId: officerId, role: "officer" }, { userId: officerId, role: "union_rep" }]).run();
  database.insert(t.unionReps).values({ unionId, userId: officerId }).run();
  database.insert(t.users).values({ email: "gone@council.example", name: "Gone", passwordHash, disabledAt: START.toISOString() }).run();
  const repId = database.insert(t.users).values({ email: "rep@union.example", name: "Rita Rep", passwordHash }).returning().get().id;
  database.insert(t.userRoles).values({ userId: repId, role: "union_rep" }).run();
  database.insert(t.unionReps).values({ unionId, userId: repId }).run();
});

beforeEach(() => {
  setClock(START);
  resetThrottleForTests();
});

afterAll(() => setClock(null));

type Reply = { status?: string; initialValue?: Record<string, unknown>; error?: Record<string, string[] | null> };
type DataResult = { type: "DataWithResponseInit"; data: Reply; init: ResponseInit | null };

function signInRequest(fields: Record<string, string>) {
  return new Request("http://localhost/staff/sign-in", { method: "POST", body: new URLSearchParams(fields) });
}

async function submitSignIn(fields: Record<string, string>, context: Record<string, unknown> = {}) {
  return signInAction({ request: signInRequest(fields), params: {}, context });
}

/** A failed submission: with single fetch the action returns `data(reply, { status })`. */
async function failedSignIn(fields: Record<string, string>, context: Record<string, unknown> = {}) {
  const result = (await submitSignIn(fields, context)) as unknown;
  expect(result).not.toBeInstanceOf(Response);
  const { data, init } = result as DataResult;
  expect((result as DataResult).type).toBe("DataWithResponseInit");
  return { status: init?.status, reply: data, formErrors: data.error?.[""] ?? null };
}

async function signIn(fields: Record<string, string> = { email: "officer@council.example", password: PASSWORD }) {
  const response = await submitSignIn(fields);
  expect(response).toBeInstanceOf(Response);
  return response as Response;
}

/** The cookie a browser would send back after this response. */
function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0];
}

function requestWith(cookie: string, url = "http://localhost/staff") {
  return new Request(url, { headers: { Cookie: cookie } });
}

function auditActions() {
  return db().select({ action: t.auditLog.action, actorId: t.auditLog.actorId }).from(t.auditLog).all();
}

describe("signing in", () => {
  it("redirects to /staff with an httpOnly session cookie, and the viewer carries roles, service and unions", async () => {
    const response = await signIn();
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/staff");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__plainsight_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const viewer = await getViewer(requestWith(cookieFrom(response)));
    expect(viewer).toEqual({
      id: officerId,
      name: "Olu Officer",
      email: "Officer@council.example",
      roles: expect.arrayContaining(["officer", "union_rep"]),
      serviceId,
      unionIds: [unionId],
    });
    expect(auditActions()).toContainEqual({ action: "auth.sign_in", actorId: officerId });
  });

  it("stores only a SHA-256 of the token, never the cookie's value", async () => {
    const cookie = cookieFrom(await signIn());
    const rows = db().select().from(t.sessions).where(eq(t.sessions.userId, officerId)).all();
    const latest = rows[rows.length - 1];
    expect(latest.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cookie).not.toContain(latest.tokenHash);
  });

  it("accepts the email in any case and goes to a same-site redirectTo", async () => {
    const response = await signIn({ email: " OFFICER@council.example ", password: PASSWORD, redirectTo: "/staff/proposals/3?tab=risks" });
    expect(response.headers.get("Location")).toBe("/staff/proposals/3?tab=risks");
  });

  it("gives one message for a wrong password and for an unknown email, keeps the email and drops the password", async () => {
    const wrongPassword = await failedSignIn({ email: "officer@council.example", password: "not the password" });
    const unknownEmail = await failedSignIn({ email: "nobody@council.example", password: "not the password" });
    for (const attempt of [wrongPassword, unknownEmail]) {
      expect(attempt.status).toBe(400);
      expect(attempt.formErrors).toEqual(["Enter a correct email address and password"]);
      expect(attempt.reply.initialValue?.password).toBeUndefined();
    }
    expect(wrongPassword.reply.initialValue?.email).toBe("officer@council.example");
    expect(unknownEmail.reply.initialValue?.email).toBe("nobody@council.example");
    expect(JSON.stringify(wrongPassword.reply)).not.toContain("not the password");
  });

  it("refuses a disabled user with the same message", async () => {
    const attempt = await failedSignIn({ email: "gone@council.example", password: PASSWORD });
    expect(attempt.status).toBe(400);
    expect(attempt.formErrors).toEqual(["Enter a correct email address and password"]);
  });

  it("asks for missing fields beside each field", async () => {
    const attempt = await failedSignIn({ email: "", password: "" });
    expect(attempt.status).toBe(400);
    expect(attempt.reply.error?.email).toEqual(["Enter your email address"]);
    expect(attempt.reply.error?.password).toEqual(["Enter your password"]);
    const badEmail = await failedSignIn({ email: "officer", password: "x" });
    expect(badEmail.reply.error?.email?.[0]).toMatch(/^Enter an email address in the correct format/);
  });

  it("never redirects off the site", async () => {
    for (const redirectTo of ["//evil.example", "https://evil.example/", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", "staff"]) {
      const response = await signIn({ email: "officer@council.example", password: PASSWORD, redirectTo });
      expect(response.headers.get("Location"), redirectTo).toBe("/staff");
    }
    expect(safeRedirect("/consultations?x=1#y")).toBe("/consultations?x=1#y");
    expect(safeRedirect(null)).toBe("/staff");
  });

  it("with nowhere asked for, a union rep lands on their notices and staff on the staff area", async () => {
    const rep = await signIn({ email: "rep@union.example", password: PASSWORD });
    expect(rep.headers.get("Location")).toBe("/notices");
    const officer = await signIn({ email: "officer@council.example", password: PASSWORD });
    expect(officer.headers.get("Location")).toBe("/staff");
  });

  it("sends a signed-in visitor from the sign-in page to where they were going", async () => {
    const cookie = cookieFrom(await signIn());
    const request = new Request("http://localhost/staff/sign-in?redirectTo=%2F%2Fevil.example", { headers: { Cookie: cookie } });
    const thrown = await signInLoader({ request, params: {}, context: {} }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/staff");
  });
});

describe("throttling", () => {
  it("refuses after five failures for an account from one address, even with the right password, saying how long to wait, and backs off", async () => {
    const context = { clientAddress: "203.0.113.7" };
    for (let i = 0; i < 5; i++) {
      const attempt = await failedSignIn({ email: "officer@council.example", password: `wrong ${i}` }, context);
      expect(attempt.formErrors).toEqual(["Enter a correct email address and password"]);
    }
    const refused = await failedSignIn({ email: "officer@council.example", password: PASSWORD }, context);
    expect(refused.status).toBe(429);
    expect(refused.formErrors).toEqual(["Too many attempts. Wait 1 minute and try again."]);

    // Another address is not locked out by this one's failures.
    const elsewhere = await submitSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "198.51.100.2" });
    expect(elsewhere).toBeInstanceOf(Response);

    // The wait doubles with each failure after it.
    advanceClock(MINUTE);
    expect((await failedSignIn({ email: "officer@council.example", password: "wrong again" }, context)).status).toBe(400);
    const longer = await failedSignIn({ email: "officer@council.example", password: PASSWORD }, context);
    expect(longer.status).toBe(429);
    expect(longer.formErrors).toEqual(["Too many attempts. Wait 2 minutes and try again."]);
    advanceClock(2 * MINUTE);
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, context)).toBeInstanceOf(Response);
  });

  it("throttles unknown emails the same way, so the throttle reveals nothing either", async () => {
    for (let i = 0; i < 5; i++) await failedSignIn({ email: "nobody@council.example", password: "x" });
    const refused = await failedSignIn({ email: "nobody@council.example", password: "x" });
    expect(refused.formErrors).toEqual(["Too many attempts. Wait 1 minute and try again."]);
  });

  it("limits one address across accounts (password spraying)", async () => {
    const context = { clientAddress: "192.0.2.50" };
    const statuses: (number | undefined)[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await failedSignIn({ email: `sprayed${i}@council.example`, password: "Winter2026!" }, context)).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Someone else, from another address, is not affected.
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "192.0.2.51" })).toBeInstanceOf(Response);
  });
});

describe("throttling, continued", () => {
  it("starts the count again after a successful sign-in from that address", async () => {
    const context = { clientAddress: "203.0.113.40" };
    const fail = () => failedSignIn({ email: "officer@council.example", password: "wrong" }, context);
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(400);
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, context)).toBeInstanceOf(Response);
    for (let i = 0; i < 4; i++) expect((await fail()).status).toBe(400);
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, context)).toBeInstanceOf(Response);
  });

  it("counts attempts whose client address the server could not read as coming from one address", async () => {
    for (const context of [{}, { clientAddress: "" }, { clientAddress: 7 }, { clientAddress: null }, {}]) {
      expect((await failedSignIn({ email: "officer@council.example", password: "wrong" }, context)).status).toBe(400);
    }
    for (const context of [{}, { clientAddress: "" }, { clientAddress: 7 }]) {
      expect((await failedSignIn({ email: "officer@council.example", password: PASSWORD }, context)).status).toBe(429);
    }
  });
});

describe("throttling across addresses", () => {
  it("limits one account from anywhere: after 20 failures from 20 addresses the next is refused, even with the right password", async () => {
    // One guess from each address: no address reaches its own limit of five.
    for (let i = 1; i <= 20; i++) {
      expect((await failedSignIn({ email: "officer@council.example", password: `guess ${i}` }, { clientAddress: `198.18.0.${i}` })).status).toBe(400);
    }
    const refused = (await submitSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "198.18.1.1" })) as unknown as DataResult;
    expect(refused.init?.status).toBe(429);
    expect(refused.data.error?.[""]).toEqual(["Too many attempts. Wait 1 minute and try again."]);
    expect(new Headers(refused.init?.headers).get("Retry-After")).toBe("60");
    // Other accounts, from the same addresses, are not slowed.
    expect(await submitSignIn({ email: "rep@union.example", password: PASSWORD }, { clientAddress: "198.18.0.1" })).toBeInstanceOf(Response);
    // The wait passes, and the right password works again.
    advanceClock(MINUTE);
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "198.18.1.1" })).toBeInstanceOf(Response);
  });

  it("limits everything together: after 500 failures in 15 minutes, from any addresses for any accounts, the next attempt is refused", async () => {
    // Each from its own address for its own account, so no other limit is reached. Most are
    // recorded as the sign-in page records them (the throttle's own calls, without the password
    // hash check each would cost); the last ten go through the page.
    const address = (n: number) => `100.64.${Math.floor(n / 250)}.${n % 250}`;
    // (One commit for them all, so the disk is not the slow part.)
    db().$client.transaction(() => {
      for (let n = 0; n < 490; n++) {
        const attempt = beginAttempt({ account: `spray${n}@council.example`, address: address(n) });
        if (!attempt.ok) throw new Error(`attempt ${n} was refused: ${attempt.message}`);
        finishAttempt(attempt.attemptId, "failed");
      }
    })();
    for (let n = 490; n < 500; n++) {
      expect((await failedSignIn({ email: `spray${n}@council.example`, password: "Summer2026!" }, { clientAddress: address(n) })).status, `attempt ${n}`).toBe(400);
    }
    advanceClock(5 * MINUTE);
    const refused = await failedSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "203.0.113.200" });
    expect(refused.status).toBe(429);
    expect(refused.formErrors).toEqual(["Too many attempts. Wait 10 minutes and try again."]);
    // 15 minutes after the burst it has left the window.
    advanceClock(10 * MINUTE);
    expect(await submitSignIn({ email: "officer@council.example", password: PASSWORD }, { clientAddress: "203.0.113.200" })).toBeInstanceOf(Response);
  });
});

describe("session lifetime", () => {
  it("ends after 30 minutes idle, and activity keeps it going", async () => {
    const cookie = cookieFrom(await signIn());
    advanceClock(29 * MINUTE);
    expect(await getViewer(requestWith(cookie))).not.toBeNull();
    advanceClock(29 * MINUTE);
    expect(await getViewer(requestWith(cookie))).not.toBeNull();
    advanceClock(IDLE_TIMEOUT_MS);
    expect(await getViewer(requestWith(cookie))).toBeNull();
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const cookie = cookieFrom(await signIn());
    const lastSeen = () =>
      db().select({ at: t.sessions.lastSeenAt }).from(t.sessions).orderBy(t.sessions.id).all().at(-1)!.at;
    advanceClock(30 * 1000);
    await getViewer(requestWith(cookie));
    expect(lastSeen()).toBe(START.toISOString());
    advanceClock(31 * 1000);
    await getViewer(requestWith(cookie));
    expect(lastSeen()).toBe(new Date(START.getTime() + 61 * 1000).toISOString());
  });

  it("ends 12 hours after sign-in however active the user is", async () => {
    const cookie = cookieFrom(await signIn());
    for (let elapsed = 0; elapsed < ABSOLUTE_TIMEOUT_MS - 20 * MINUTE; elapsed += 20 * MINUTE) {
      advanceClock(20 * MINUTE);
      expect(await getViewer(requestWith(cookie))).not.toBeNull();
    }
    setClock(new Date(START.getTime() + ABSOLUTE_TIMEOUT_MS));
    expect(await getViewer(requestWith(cookie))).toBeNull();
  });

  it("ends when the user's sessions are revoked", async () => {
    const cookie = cookieFrom(await signIn());
    expect(revokeUserSessions(officerId)).toBeGreaterThanOrEqual(1);
    expect(await getViewer(requestWith(cookie))).toBeNull();
  });

  it("ends when the user is disabled", async () => {
    const cookie = cookieFrom(await signIn());
    db().update(t.users).set({ disabledAt: START.toISOString() }).where(eq(t.users.id, officerId)).run();
    try {
      expect(await getViewer(requestWith(cookie))).toBeNull();
    } finally {
      db().update(t.users).set({ disabledAt: null }).where(eq(t.users.id, officerId)).run();
    }
  });

  it("ignores a cookie that was tampered with or made up", async () => {
    const cookie = cookieFrom(await signIn());
    const [name, value] = cookie.split("=");
    expect(await getViewer(requestWith(`${name}=${value.slice(0, -2)}xx`))).toBeNull();
    expect(await getViewer(requestWith(`${name}=${Buffer.from(JSON.stringify("made-up")).toString("base64")}`))).toBeNull();
    expect(await getViewer(new Request("http://localhost/staff"))).toBeNull();
  });
});

describe("signing out", () => {
  it("revokes the session, clears the cookie and goes home", async () => {
    const cookie = cookieFrom(await signIn());
    const request = new Request("http://localhost/staff/sign-out", { method: "POST", headers: { Cookie: cookie } });
    const response = await signOutAction({ request, params: {}, context: {} });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await getViewer(requestWith(cookie))).toBeNull();
    expect(auditActions()).toContainEqual({ action: "auth.sign_out", actorId: officerId });
  });

  it("does nothing on GET", async () => {
    const response = signOutLoader();
    expect(response.headers.get("Location")).toBe("/");
  });
});

describe("guards", () => {
  it("requireViewer sends the public to sign in and back", async () => {
    const thrown = await requireViewer(new Request("http://localhost/staff/proposals?state=draft")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/staff/sign-in?redirectTo=%2Fstaff%2Fproposals%3Fstate%3Ddraft");
  });

  it("requirePermission answers 403 to a signed-in user without the role", async () => {
    const cookie = cookieFrom(await signIn());
    await expect(requirePermission(requestWith(cookie), "proposal:create")).resolves.toMatchObject({ id: officerId });
    const thrown = await requirePermission(requestWith(cookie), "admin:manage").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });
});

describe("sessions at their edges", () => {
  const changerEmail = "changer@council.example";
  let changerId: number;

  beforeAll(async () => {
    changerId = db()
      .insert(t.users)
      .values({ email: changerEmail, name: "Chris Changer", passwordHash: await hashPassword(PASSWORD), serviceId })
      .returning()
      .get().id;
    db().insert(t.userRoles).values({ userId: changerId, role: "officer" }).run();
  });

  function sessionRows(userId: number) {
    return db().select().from(t.sessions).where(eq(t.sessions.userId, userId)).orderBy(t.sessions.id).all();
  }

  it("counts idle time from the last page a minute or more after the previous one", async () => {
    const cookie = cookieFrom(await signIn());
    advanceClock(MINUTE);
    expect(await getViewer(requestWith(cookie))).not.toBeNull();
    // 30 minutes after sign-in but not after that page view: still signed in.
    advanceClock(IDLE_TIMEOUT_MS - 1000);
    expect(await getViewer(requestWith(cookie))).not.toBeNull();
  });

  it("after a password change, ends the sessions begun before it, keeps later ones, and takes only the new password", async () => {
    const before = cookieFrom(await signIn({ email: changerEmail, password: PASSWORD }));
    advanceClock(1000);
    await changePassword(changerId, "a much longer new passphrase", changerId);
    expect(await getViewer(requestWith(before))).toBeNull();
    expect(auditActions()).toContainEqual({ action: "auth.password_changed", actorId: changerId });

    expect((await failedSignIn({ email: changerEmail, password: PASSWORD })).formErrors).toEqual(["Enter a correct email address and password"]);
    advanceClock(1000);
    const after = cookieFrom(await signIn({ email: changerEmail, password: "a much longer new passphrase" }));
    expect((await getViewer(requestWith(after)))?.id).toBe(changerId);
  });

  it("ends every earlier session when an admin asks, and a sign-in afterwards works", async () => {
    const earlier = cookieFrom(await signIn({ email: changerEmail, password: "a much longer new passphrase" }));
    advanceClock(1000);
    expect(endSessionsBefore(changerId)).toBeGreaterThanOrEqual(1);
    expect(await getViewer(requestWith(earlier))).toBeNull();
    advanceClock(1000);
    const later = cookieFrom(await signIn({ email: changerEmail, password: "a much longer new passphrase" }));
    expect((await getViewer(requestWith(later)))?.id).toBe(changerId);
  });

  it("clears away a user's expired sessions at their next sign-in, and an old cookie for one is simply signed out", async () => {
    const old = cookieFrom(await signIn());
    const oldRow = sessionRows(officerId).at(-1)!;
    advanceClock(ABSOLUTE_TIMEOUT_MS + MINUTE);
    await signIn();
    expect(sessionRows(officerId).map((r) => r.id)).not.toContain(oldRow.id);
    expect(await getViewer(requestWith(old))).toBeNull();
  });

  it("refuses a real session token in a cookie the server did not sign", async () => {
    const token = randomBytes(32).toString("base64url");
    db()
      .insert(t.sessions)
      .values({
        tokenHash: createHash("sha256").update(token).digest("hex"),
        userId: officerId,
        createdAt: START.toISOString(),
        lastSeenAt: START.toISOString(),
        expiresAt: new Date(START.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      })
      .run();
    const unsigned = `__plainsight_session=${Buffer.from(JSON.stringify(token)).toString("base64")}`;
    expect(await getViewer(requestWith(unsigned))).toBeNull();
  });

  it("signing out with no session, or a second time, still goes home and records one sign-out", async () => {
    const noSession = await signOutAction({ request: new Request("http://localhost/staff/sign-out", { method: "POST" }), params: {}, context: {} });
    expect(noSession.headers.get("Location")).toBe("/");

    const response = await signIn();
    const cookie = cookieFrom(response);
    const signInEntry = db().select().from(t.auditLog).where(eq(t.auditLog.action, "auth.sign_in")).orderBy(t.auditLog.id).all().at(-1)!;
    const outs = () => db().select().from(t.auditLog).where(eq(t.auditLog.action, "auth.sign_out")).all();
    const before = outs().length;
    const post = () => signOutAction({ request: new Request("http://localhost/staff/sign-out", { method: "POST", headers: { Cookie: cookie } }), params: {}, context: {} });
    expect((await post()).headers.get("Location")).toBe("/");
    expect((await post()).headers.get("Location")).toBe("/");
    expect(outs()).toHaveLength(before + 1);
    // The history can tell which session ended: the sign-out names the session the sign-in began.
    const sessionId = (signInEntry.detail as { sessionId: number }).sessionId;
    expect(sessionRows(officerId).find((r) => r.id === sessionId)?.revokedAt).not.toBeNull();
    expect(outs().at(-1)!.detail).toEqual({ sessionId });
  });

  it("lets staff into the staff area and turns a union rep away with a message", async () => {
    await expect(requireStaff(requestWith(cookieFrom(await signIn())))).resolves.toMatchObject({ id: officerId });
    const rep = cookieFrom(await signIn({ email: "rep@union.example", password: PASSWORD }));
    const thrown = await requireStaff(requestWith(rep)).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(await (thrown as Response).text()).toBe("You do not have permission to do this");
  });

  describe("secure cookies", () => {
    const saved = { ...process.env };
    afterAll(() => {
      for (const key of ["BASE_URL", "NODE_ENV", "PLAINSIGHT_DEMO", "AUDIT_KEY"]) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
      resetEnvForTests();
    });

    function secureWith(vars: Record<string, string>) {
      Object.assign(process.env, { AUDIT_KEY: "a".repeat(32), ...vars });
      resetEnvForTests();
      return cookiesAreSecure();
    }

    it("are Secure over HTTPS and in production, but not on the http demo or in development", () => {
      expect(secureWith({ BASE_URL: "https://consult.council.example", NODE_ENV: "development", PLAINSIGHT_DEMO: "0" })).toBe(true);
      expect(secureWith({ BASE_URL: "http://localhost:3000", NODE_ENV: "development", PLAINSIGHT_DEMO: "0" })).toBe(false);
      expect(secureWith({ BASE_URL: "http://consult.council.example", NODE_ENV: "production", PLAINSIGHT_DEMO: "0" })).toBe(true);
      expect(secureWith({ BASE_URL: "http://localhost:3000", NODE_ENV: "production", PLAINSIGHT_DEMO: "1" })).toBe(false);
      expect(secureWith({ BASE_URL: "https://demo.council.example", NODE_ENV: "production", PLAINSIGHT_DEMO: "1" })).toBe(true);
    });
  });
});
