/**
 * The second factor for staff, through the real route actions on a migrated temp database:
 * the password alone is not a session once a second factor is on; the council's requirement
 * sends admins and approvers through setting one up; a code works once; a recovery code works
 * once; guesses are throttled; the step between password and code cannot be forged; and it
 * can be turned off only with a code, and not while required.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { hashPassword } from "~/auth/password.server";
import { getViewer } from "~/auth/session.server";
import { resetThrottleForTests } from "~/auth/sign-in.server";
import { currentCodeForTests, twoFactorStatus } from "~/auth/two-factor.server";
import { advanceClock, setClock } from "~/lib/clock";
import { sectionBySlug } from "~/settings/sections";
import { saveSection } from "~/settings/settings.server";
import { action as accountAction, loader as accountLoader } from "~/routes/staff.account.two-factor";
import { action as signInAction } from "~/routes/staff.sign-in";
import { action as setUpAction, loader as setUpLoader } from "~/routes/staff.sign-in_.set-up-two-factor";
import { action as codeAction, loader as codeLoader } from "~/routes/staff.sign-in_.two-factor";

const PASSWORD = "correct horse battery staple";
const START = new Date("2026-03-02T09:00:00.000Z");
const context = { clientAddress: "203.0.113.7" };

const ids = { admin: 0, officer: 0, approver: 0 };

beforeAll(async () => {
  if (!URL.canParse(process.env.BASE_URL ?? "")) process.env.BASE_URL = "http://localhost:3000";
  setClock(START);
  migrateDatabase(db());
  const passwordHash = await hashPassword(PASSWORD);
  for (const [key, role] of [["admin", "admin"], ["officer", "officer"], ["approver", "approver"]] as const) {
    ids[key] = db().insert(t.users).values({ email: `${key}@council.example`, name: key, passwordHash }).returning().get().id;
    db().insert(t.userRoles).values({ userId: ids[key], role }).run();
  }
});

beforeEach(() => resetThrottleForTests());
afterAll(() => setClock(null));

function post(url: string, fields: Record<string, string>, cookie = "") {
  return new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
}

function cookiesOf(response: Response, existing = ""): string {
  const jar = new Map(existing.split(/;\s*/).filter(Boolean).map((pair) => [pair.split("=")[0], pair] as const));
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    if (pair.endsWith("=")) jar.delete(pair.slice(0, -1));
    else jar.set(pair.split("=")[0], pair);
  }
  return [...jar.values()].join("; ");
}

async function password(who: keyof typeof ids): Promise<Response> {
  const response = await signInAction({ request: post("/staff/sign-in", { email: `${who}@council.example`, password: PASSWORD }), params: {}, context });
  expect(response).toBeInstanceOf(Response);
  return response as Response;
}

type Failed = { type: string; data: { error: string }; init: { status: number } | null };

async function expectRedirect(promise: Promise<unknown>, to: string) {
  const thrown = await promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(Response);
  expect((thrown as Response).headers.get("Location")).toBe(to);
}

async function viewerOf(cookie: string) {
  return getViewer(new Request("http://localhost/staff", { headers: { Cookie: cookie } }));
}

/** Turn a second factor on for someone through the account page; their recovery codes. */
async function enrol(who: keyof typeof ids): Promise<string[]> {
  const session = cookiesOf(await password(who));
  expect((await viewerOf(session))?.id).toBe(ids[who]);
  const page = await accountLoader({ request: new Request("http://localhost/staff/account/two-factor?do=set-up", { headers: { Cookie: session } }), params: {}, context });
  expect(page.enrolment?.secret).toMatch(/^[A-Z2-7 ]+$/);
  const done = (await accountAction({ request: post("/staff/account/two-factor?do=set-up", { intent: "set-up", code: currentCodeForTests(ids[who]) }, session), params: {}, context })) as { recoveryCodes: string[] };
  expect(done.recoveryCodes).toHaveLength(10);
  advanceClock(30_000);
  return done.recoveryCodes;
}

describe("signing in with a second factor", () => {
  it("without one, the password starts the session", async () => {
    const response = await password("officer");
    expect(response.headers.get("Location")).toBe("/staff");
    expect((await viewerOf(cookiesOf(response)))?.id).toBe(ids.officer);
  });

  it("with one, the password leads to the code page and is no session; the right code starts it, and works once", async () => {
    const codes = await enrol("officer");
    const first = await password("officer");
    expect(first.headers.get("Location")).toBe("/staff/sign-in/two-factor");
    const pending = cookiesOf(first);
    expect(pending).toMatch(/__plainsight_2fa=/);
    expect(pending).not.toMatch(/__plainsight_session=/);
    expect(await viewerOf(pending)).toBeNull();
    expect(await codeLoader({ request: new Request("http://localhost/staff/sign-in/two-factor", { headers: { Cookie: pending } }), params: {}, context })).toBeNull();

    const wrong = (await codeAction({ request: post("/staff/sign-in/two-factor", { code: "000000" }, pending), params: {}, context })) as Failed;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.error).toMatch(/6-digit code/);

    const code = currentCodeForTests(ids.officer);
    const signedIn = (await codeAction({ request: post("/staff/sign-in/two-factor", { code }, pending), params: {}, context })) as Response;
    expect(signedIn.headers.get("Location")).toBe("/staff");
    const session = cookiesOf(signedIn, pending);
    expect(session).not.toMatch(/__plainsight_2fa=/);
    expect((await viewerOf(session))?.id).toBe(ids.officer);

    // The same code, seconds later, from someone who watched it typed: refused.
    const again = cookiesOf(await password("officer"));
    const replay = (await codeAction({ request: post("/staff/sign-in/two-factor", { code }, again), params: {}, context })) as Failed;
    expect(replay.init?.status).toBe(400);

    // A recovery code works once.
    const recovered = (await codeAction({ request: post("/staff/sign-in/two-factor", { code: codes[0].toUpperCase() }, again), params: {}, context })) as Response;
    expect(recovered.status).toBe(302);
    const reused = (await codeAction({ request: post("/staff/sign-in/two-factor", { code: codes[0] }, cookiesOf(await password("officer"))), params: {}, context })) as Failed;
    expect(reused.init?.status).toBe(400);
    expect(twoFactorStatus(ids.officer).recoveryCodesLeft).toBe(9);
  });

  it("a burst of guessed codes is throttled after five, with the time to wait", async () => {
    const pending = cookiesOf(await password("officer"));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => codeAction({ request: post("/staff/sign-in/two-factor", { code: String(100000 + i) }, pending), params: {}, context }) as Promise<Failed>),
    );
    const statuses = answers.map((a) => a.init?.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(answers.find((a) => a.init?.status === 429)!.data.error).toMatch(/Wait \d+ (seconds?|minutes?)/);
    // Even the right code waits its turn.
    const right = (await codeAction({ request: post("/staff/sign-in/two-factor", { code: currentCodeForTests(ids.officer) }, pending), params: {}, context })) as Failed;
    expect(right.init?.status).toBe(429);
  });

  it("the step between password and code cannot be skipped, forged or kept", async () => {
    await expectRedirect(codeLoader({ request: new Request("http://localhost/staff/sign-in/two-factor"), params: {}, context }), "/staff/sign-in");
    await expectRedirect(codeAction({ request: post("/staff/sign-in/two-factor", { code: "123456" }), params: {}, context }), "/staff/sign-in");
    const pending = cookiesOf(await password("officer"));
    const [name, value] = pending.split("=");
    const forged = `${name}=${value.replace(/^./, (c) => (c === "e" ? "f" : "e"))}`;
    await expectRedirect(codeLoader({ request: new Request("http://localhost/staff/sign-in/two-factor", { headers: { Cookie: forged } }), params: {}, context }), "/staff/sign-in");
    // Ten minutes later the password step has to be done again.
    advanceClock(11 * 60_000);
    await expectRedirect(codeLoader({ request: new Request("http://localhost/staff/sign-in/two-factor", { headers: { Cookie: pending } }), params: {}, context }), "/staff/sign-in");
  });

  it("a malformed body to the code pages is a 400, never a 500", async () => {
    const pending = cookiesOf(await password("officer"));
    for (const fields of [{}, { code: "" }, { code: "x".repeat(500) }]) {
      const answer = (await codeAction({ request: post("/staff/sign-in/two-factor", fields as Record<string, string>, pending), params: {}, context })) as Failed;
      expect(answer.init?.status).toBe(400);
    }
    const session = cookiesOf((await codeAction({ request: post("/staff/sign-in/two-factor", { code: currentCodeForTests(ids.officer) }, pending), params: {}, context })) as Response);
    for (const fields of [{}, { intent: "set-up" }, { intent: "nonsense", code: "123456" }]) {
      const answer = (await accountAction({ request: post("/staff/account/two-factor", fields as Record<string, string>, session), params: {}, context })) as Failed;
      expect(answer.init?.status).toBe(400);
    }
    advanceClock(30_000);
  });
});

describe("when the council requires it of admins and approvers", () => {
  it("is a sign-in setting: on, it applies to admins and approvers only", async () => {
    saveSection(ids.admin, sectionBySlug("sign-in")!, { requireTwoFactor: true });
    expect(twoFactorStatus(ids.admin).required).toBe(true);
    expect(twoFactorStatus(ids.approver).required).toBe(true);
    expect(twoFactorStatus(ids.officer).required).toBe(false);
    // The officer (who has one) still goes through the code; nobody else is asked to set one up.
    expect((await password("officer")).headers.get("Location")).toBe("/staff/sign-in/two-factor");
  });

  it("an approver without one sets it up at sign-in before any session, sees the recovery codes once, and cannot turn it off", async () => {
    const first = await password("approver");
    expect(first.headers.get("Location")).toBe("/staff/sign-in/set-up-two-factor");
    const pending = cookiesOf(first);
    expect(await viewerOf(pending)).toBeNull();
    // The code page is not the way round it.
    await expectRedirect(codeLoader({ request: new Request("http://localhost/staff/sign-in/two-factor", { headers: { Cookie: pending } }), params: {}, context }), "/staff/sign-in");

    const page = await setUpLoader({ request: new Request("http://localhost/staff/sign-in/set-up-two-factor", { headers: { Cookie: pending } }), params: {}, context });
    expect(page.qrSvg).toMatch(/^<svg/);
    // Shown again (a reload, a wrong code), the page keeps the key the app already holds.
    const again = await setUpLoader({ request: new Request("http://localhost/staff/sign-in/set-up-two-factor", { headers: { Cookie: pending } }), params: {}, context });
    expect(again.secret).toBe(page.secret);

    const wrong = (await setUpAction({ request: post("/staff/sign-in/set-up-two-factor", { code: "000000" }, pending), params: {}, context })) as Failed;
    expect(wrong.init?.status).toBe(400);
    const done = (await setUpAction({ request: post("/staff/sign-in/set-up-two-factor", { code: currentCodeForTests(ids.approver) }, pending), params: {}, context })) as unknown as {
      data: { recoveryCodes: string[]; next: string };
      init: { headers: Headers };
    };
    expect(done.data.recoveryCodes).toHaveLength(10);
    expect(done.data.next).toBe("/staff");
    const session = new Headers(done.init.headers).getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("=")).join("; ");
    expect((await viewerOf(session))?.id).toBe(ids.approver);
    advanceClock(30_000);

    const turnOff = (await accountAction({ request: post("/staff/account/two-factor", { intent: "turn-off", code: currentCodeForTests(ids.approver) }, session), params: {}, context })) as Failed;
    expect(turnOff.init?.status).toBe(400);
    expect(twoFactorStatus(ids.approver).enabled).toBe(true);
    // From now on the password leads to the code.
    expect((await password("approver")).headers.get("Location")).toBe("/staff/sign-in/two-factor");
  });

  it("an officer may turn theirs off with a code; then the password alone signs in again", async () => {
    const pending = cookiesOf(await password("officer"));
    const session = cookiesOf((await codeAction({ request: post("/staff/sign-in/two-factor", { code: currentCodeForTests(ids.officer) }, pending), params: {}, context })) as Response);
    advanceClock(30_000);
    const wrong = (await accountAction({ request: post("/staff/account/two-factor", { intent: "turn-off", code: "000000" }, session), params: {}, context })) as Failed;
    expect(wrong.init?.status).toBe(400);
    const off = (await accountAction({ request: post("/staff/account/two-factor", { intent: "turn-off", code: currentCodeForTests(ids.officer) }, session), params: {}, context })) as { done: string };
    expect(off.done).toBe("turn-off");
    expect(twoFactorStatus(ids.officer)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect((await password("officer")).headers.get("Location")).toBe("/staff");
    saveSection(ids.admin, sectionBySlug("sign-in")!, { requireTwoFactor: false });
    expect(twoFactorStatus(ids.approver).required).toBe(false);
  });
});
