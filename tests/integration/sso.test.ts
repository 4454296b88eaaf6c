/**
 * Single sign-on against a real OpenID Connect provider running in this process (oidc-provider
 * on an ephemeral port), through the real routes: the "Sign in with …" button, the provider's
 * authorization and token endpoints, and the callback. A member of staff an admin invited signs
 * in with the roles their groups give; a response with a wrong state, nonce or issuer, an
 * address the provider does not vouch for, someone not invited and a deactivated account are
 * refused, with nobody signed in, nothing changed and the attempt in the audit log.
 */
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import Provider from "oidc-provider";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { getViewer } from "~/auth/session.server";
import { setSsoFetchForTests } from "~/auth/sso.server";
import { setClock } from "~/lib/clock";
import { resetEnvForTests } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import { loader as callbackLoader } from "~/routes/staff.sso.callback";
import { action as startAction } from "~/routes/staff.sso.start";
import { cookieFrom, post, run, seedCouncil, user } from "../fixtures/notifications-council";

const CLIENT_ID = "plainsight-test";
const CLIENT_SECRET = "a-test-secret-that-is-long-enough";
const REDIRECT_URI = "http://localhost:3000/staff/sso/callback";

type Person = { email?: string; email_verified?: boolean; preferred_username?: string; name?: string; groups?: string[] };
/** The provider's directory: subject → claims. */
const directory = new Map<string, Person>();
/** Who signs in at the provider next (the interaction finishes as them at once). */
let signingInAs = "";

let server: http.Server;
let issuer: string;
let privateKey: KeyObject;

beforeAll(async () => {
  await seedCouncil();
  const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  privateKey = keys.privateKey;
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  let handler: http.RequestListener = (_req, res) => res.end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "client_secret_post" }],
    jwks: { keys: [jwk] },
    cookies: { keys: ["cookie-key-for-tests"] },
    // The ID token carries the claims (as Entra ID's and Google's do), not only the userinfo endpoint.
    conformIdTokenClaims: false,
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username", "groups"] },
    pkce: { required: () => true, methods: ["S256"] },
    features: { devInteractions: { enabled: false } },
    findAccount: async (_ctx, sub) => (directory.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...directory.get(sub) }) } : undefined),
  });
  // The person at the keyboard signs in and consents at once, as `signingInAs`.
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith("/interaction/")) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId: signingInAs, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    ctx.respond = false;
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: signingInAs }, consent: { grantId } }, { mergeWithLastSubmission: false });
  });
  handler = provider.callback();

  process.env.OIDC_ISSUER = issuer;
  process.env.OIDC_CLIENT_ID = CLIENT_ID;
  process.env.OIDC_CLIENT_SECRET = CLIENT_SECRET;
  process.env.OIDC_LABEL = "Northmoor Microsoft account";
  resetEnvForTests();
}, 60_000);

afterAll(async () => {
  delete process.env.OIDC_ISSUER;
  delete process.env.OIDC_CLIENT_ID;
  delete process.env.OIDC_CLIENT_SECRET;
  delete process.env.OIDC_LABEL;
  resetEnvForTests();
  setSsoFetchForTests(undefined);
  setClock(null);
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  setSsoFetchForTests(undefined);
  writeSignIn({ groupRoles: [], allowedDomains: [], createAccounts: false });
});

function writeSignIn(sso: Partial<ReturnType<typeof loadSettings>["signIn"]["sso"]>) {
  const current = loadSettings().signIn;
  const value = { ...current, sso: { ...current.sso, ...sso } };
  db().insert(t.settings).values({ key: "signIn", value }).onConflictDoUpdate({ target: t.settings.key, set: { value } }).run();
}

/** A tiny cookie jar for the browser's conversation with the provider. */
class Jar {
  cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Press "Sign in with …", go through the provider as `sub`, and come back: the callback URL
 * the provider sent the browser to, and the browser's cookie for this site. `tamper` changes
 * the authorization request on its way to the provider, as an attacker would.
 */
async function throughProvider(sub: string, tamper: (url: URL) => void = () => {}) {
  signingInAs = sub;
  const start = await run(() => startAction({ request: post("/staff/sso/start", { redirectTo: "" }), params: {}, context: {} }));
  expect(start.status).toBe(302);
  const siteCookie = cookieFrom(start.response!);
  expect(siteCookie).toMatch(/^__plainsight_sso=/);
  let next = new URL(start.response!.headers.get("Location")!);
  expect(next.origin).toBe(issuer);
  expect(next.searchParams.get("code_challenge_method")).toBe("S256");
  expect(next.searchParams.get("state")).toBeTruthy();
  expect(next.searchParams.get("nonce")).toBeTruthy();
  tamper(next);
  const jar = new Jar();
  for (let hops = 0; hops < 10; hops++) {
    const response = await fetch(next, { redirect: "manual", headers: { Cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get("Location");
    if (!location) throw new Error(`The provider stopped at ${next} with ${response.status}: ${await response.text()}`);
    next = new URL(location, next);
    if (next.href.startsWith(REDIRECT_URI)) return { callback: next, siteCookie };
  }
  throw new Error("The provider never sent the browser back");
}

async function callback(url: URL, cookie: string) {
  return run(() => callbackLoader({ request: new Request(url.href.replace("http://localhost:3000", "http://localhost"), { headers: { Cookie: cookie } }), params: {}, context: {} }));
}

function lastAudit() {
  return db().select().from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1).get()!;
}

function sessionCount() {
  return db().select({ n: sql<number>`count(*)` }).from(t.sessions).get()!.n;
}

function invite(email: string, name: string, roles: t.Role[], serviceSlug?: string) {
  const serviceId = serviceSlug ? db().select().from(t.services).where(eq(t.services.slug, serviceSlug)).get()!.id : null;
  const id = db().insert(t.users).values({ email, name, serviceId }).returning().get().id;
  db().insert(t.userRoles).values(roles.map((role) => ({ userId: id, role }))).run();
  return id;
}

/** Everything about the account that a refused attempt must not change. */
function snapshot(id: number) {
  return JSON.stringify([db().select().from(t.users).where(eq(t.users.id, id)).get(), db().select().from(t.userRoles).where(eq(t.userRoles.userId, id)).all()]);
}

describe("signing in through the council's identity provider", () => {
  it("signs in an invited officer, links the account, and lands them where their work is", async () => {
    const id = invite("lena.ward@northmoor.example", "Lena Ward", ["officer"], "camhs");
    directory.set("entra-lena", { email: "lena.ward@northmoor.example", email_verified: true, name: "Lena Ward" });
    const { callback: url, siteCookie } = await throughProvider("entra-lena");
    expect(url.searchParams.get("iss")).toBe(issuer);
    const result = await callback(url, siteCookie);
    expect(result.status).toBe(302);
    expect(result.response!.headers.get("Location")).toBe("/staff");
    const setCookies = result.response!.headers.getSetCookie();
    expect(setCookies.some((c) => c.startsWith("__plainsight_sso=;"))).toBe(true);
    const viewer = await getViewer(new Request("http://localhost/staff", { headers: { Cookie: setCookies.find((c) => c.startsWith("__plainsight_session="))!.split(";")[0] } }));
    expect(viewer).toMatchObject({ id, roles: ["officer"] });
    expect(user("lena.ward@northmoor.example")).toMatchObject({ ssoIssuer: issuer, ssoSubject: "entra-lena", lastSignedInAt: expect.any(String) });
    const actions = db().select().from(t.auditLog).where(eq(t.auditLog.entityId, id)).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.sso_linked", "auth.sign_in"]));

    // Later sign-ins match the provider's id, even after the address changes there.
    directory.set("entra-lena", { email: "l.ward@northmoor.example", email_verified: true });
    const again = await throughProvider("entra-lena");
    expect((await callback(again.callback, again.siteCookie)).status).toBe(302);
  });

  it("gives the roles the person's groups map to, at every sign-in", async () => {
    const id = invite("raj.patel@northmoor.example", "Raj Patel", ["officer"], "camhs");
    writeSignIn({ groupRoles: [{ group: "grp-approvers", role: "approver" }, { group: "grp-officers", role: "officer" }], allowedDomains: ["northmoor.example"] });
    // Microsoft Entra ID sends no email_verified: the council's own domain is what vouches.
    directory.set("entra-raj", { preferred_username: "Raj.Patel@northmoor.example", groups: ["grp-approvers", "grp-other"] });
    const { callback: url, siteCookie } = await throughProvider("entra-raj");
    const result = await callback(url, siteCookie);
    expect(result.status).toBe(302);
    expect(db().select().from(t.userRoles).where(eq(t.userRoles.userId, id)).all().map((r) => r.role)).toEqual(["approver"]);
    expect(lastAudit().action).toBe("auth.sign_in");
    expect(db().select().from(t.auditLog).where(eq(t.auditLog.action, "user.roles_synced")).all().at(-1)).toMatchObject({ entityId: id, detail: { from: ["officer"], to: ["approver"] } });
  });

  it("creates an account for someone not invited only when the council allows it, from its domains, with a role from their groups", async () => {
    directory.set("entra-new", { email: "new.starter@northmoor.example", email_verified: true, name: "New Starter", groups: ["grp-mods"] });
    const refused = await throughProvider("entra-new");
    const before = db().select({ n: sql<number>`count(*)` }).from(t.users).get()!.n;
    const notInvited = await callback(refused.callback, refused.siteCookie);
    expect(notInvited.status).toBe(403);
    expect(JSON.stringify(notInvited.value)).toContain("Ask an admin to invite you");
    expect(db().select({ n: sql<number>`count(*)` }).from(t.users).get()!.n).toBe(before);
    expect(lastAudit()).toMatchObject({ action: "auth.sso_refused", detail: { reason: "not_invited", email: "new.starter@northmoor.example" } });

    writeSignIn({ createAccounts: true, allowedDomains: ["northmoor.example"], groupRoles: [{ group: "grp-mods", role: "moderator" }] });
    const allowed = await throughProvider("entra-new");
    expect((await callback(allowed.callback, allowed.siteCookie)).status).toBe(302);
    const created = user("new.starter@northmoor.example");
    expect(created).toMatchObject({ name: "New Starter", passwordHash: null, ssoSubject: "entra-new" });
    expect(db().select().from(t.userRoles).where(eq(t.userRoles.userId, created.id)).all().map((r) => r.role)).toEqual(["moderator"]);
  });
});

describe("refused, with nobody signed in and nothing changed", () => {
  let id: number;
  beforeAll(() => {
    id = invite("tom.hale@northmoor.example", "Tom Hale", ["approver"]);
    directory.set("entra-tom", { email: "tom.hale@northmoor.example", email_verified: true });
  });

  async function expectRefused(result: Awaited<ReturnType<typeof callback>>, reason: string, before: string, sessions: number) {
    expect(result.status).toBe(400);
    expect(result.response).toBeUndefined();
    expect(JSON.stringify(result.value)).toContain("Single sign-on could not be completed");
    expect(snapshot(id)).toBe(before);
    expect(sessionCount()).toBe(sessions);
    expect(lastAudit(), JSON.stringify(lastAudit().detail)).toMatchObject({ action: "auth.sso_refused", detail: { reason } });
  }

  it("a token minted for another nonce", async () => {
    const before = snapshot(id);
    const sessions = sessionCount();
    const { callback: url, siteCookie } = await throughProvider("entra-tom", (u) => u.searchParams.set("nonce", "a-nonce-this-browser-never-chose"));
    await expectRefused(await callback(url, siteCookie), "nonce", before, sessions);
  });

  it("an answer with a state this browser did not send", async () => {
    const before = snapshot(id);
    const sessions = sessionCount();
    const { callback: url, siteCookie } = await throughProvider("entra-tom");
    url.searchParams.set("state", "forged-state");
    await expectRefused(await callback(url, siteCookie), "state", before, sessions);

    // Another browser's answer, brought to this one (login CSRF): the states differ too.
    const other = await throughProvider("entra-tom");
    const mine = await run(() => startAction({ request: post("/staff/sso/start", { redirectTo: "" }), params: {}, context: {} }));
    await expectRefused(await callback(other.callback, cookieFrom(mine.response!)), "state", before, sessions);
  });

  it("an answer from another issuer, and an ID token signed for another issuer", async () => {
    const before = snapshot(id);
    const sessions = sessionCount();
    const { callback: url, siteCookie } = await throughProvider("entra-tom");
    url.searchParams.set("iss", "https://login.evil.example/");
    await expectRefused(await callback(url, siteCookie), "issuer", before, sessions);

    // The token endpoint's answer carries an ID token that names another issuer, validly signed.
    setSsoFetchForTests(async (url, options) => {
      const response = await fetch(url, options as RequestInit);
      if (!String(url).endsWith("/token")) return response;
      const body = (await response.json()) as { id_token: string };
      body.id_token = resign(body.id_token, { iss: "https://login.evil.example/" });
      return new Response(JSON.stringify(body), { status: response.status, headers: { "Content-Type": "application/json" } });
    });
    const forged = await throughProvider("entra-tom");
    await expectRefused(await callback(forged.callback, forged.siteCookie), "issuer", before, sessions);
  });

  it("a callback with no sign-in started in this browser, and the provider's own refusal", async () => {
    const before = snapshot(id);
    const sessions = sessionCount();
    const { callback: url } = await throughProvider("entra-tom");
    await expectRefused(await callback(url, ""), "no_attempt", before, sessions);
    const start = await run(() => startAction({ request: post("/staff/sso/start", { redirectTo: "" }), params: {}, context: {} }));
    const denied = new URL(`${REDIRECT_URI}?error=access_denied&state=x`);
    const result = await callback(denied, cookieFrom(start.response!));
    expect(result.status).toBe(400);
    expect(lastAudit()).toMatchObject({ action: "auth.sso_refused", detail: { reason: "provider_error", error: "access_denied" } });
    expect(snapshot(id)).toBe(before);
  });

  it("an address the provider does not vouch for, outside the council's domains, never unlocks an invited account", async () => {
    const before = snapshot(id);
    directory.set("personal-tom", { email: "tom.hale@northmoor.example", email_verified: false });
    const { callback: url, siteCookie } = await throughProvider("personal-tom");
    const result = await callback(url, siteCookie);
    expect(result.status).toBe(403);
    expect(snapshot(id)).toBe(before);
    expect(lastAudit()).toMatchObject({ action: "auth.sso_refused", detail: { reason: "email_not_trusted" } });
  });

  it("a deactivated account", async () => {
    const gone = invite("gone@northmoor.example", "Gone Away", ["officer"], "camhs");
    db().update(t.users).set({ disabledAt: new Date().toISOString() }).where(eq(t.users.id, gone)).run();
    directory.set("entra-gone", { email: "gone@northmoor.example", email_verified: true });
    const { callback: url, siteCookie } = await throughProvider("entra-gone");
    const result = await callback(url, siteCookie);
    expect(result.status).toBe(403);
    expect(JSON.stringify(result.value)).toContain("deactivated");
    expect(user("gone@northmoor.example").ssoSubject).toBeNull();
    expect(lastAudit()).toMatchObject({ action: "auth.sso_refused", entityId: gone, detail: { reason: "deactivated" } });
  });

  it("the start and callback routes answer 404 when single sign-on is not set up", async () => {
    const saved = { OIDC_ISSUER: process.env.OIDC_ISSUER, OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET };
    for (const key of Object.keys(saved)) delete process.env[key];
    resetEnvForTests();
    try {
      expect((await run(() => startAction({ request: post("/staff/sso/start", {}), params: {}, context: {} }))).status).toBe(404);
      expect((await callback(new URL(`${REDIRECT_URI}?code=x&state=y`), "")).status).toBe(404);
    } finally {
      Object.assign(process.env, saved);
      resetEnvForTests();
    }
  });
});

/** The same ID token with some claims changed, signed again with the provider's own key. */
function resign(token: string, changes: Record<string, unknown>): string {
  const [header, payload] = token.split(".");
  const claims = { ...JSON.parse(Buffer.from(payload, "base64url").toString()), ...changes };
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${sign("sha256", Buffer.from(body), privateKey).toString("base64url")}`;
}
