/**
 * The settings pages through the real route modules on the demo council: a change is saved,
 * read by the rules at once and audited with what it was before; a refused one changes nothing
 * and is audited too; list items in use can be renamed but not removed; and with single sign-on
 * set up, switching passwords off stops staff (not union reps) signing in with one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { resetThrottleForTests } from "~/auth/sign-in.server";
import { setClock } from "~/lib/clock";
import { resetEnvForTests } from "~/lib/env.server";
import { equalityCharacteristics } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { loader as rootLoader } from "~/root";
import { action as itemAction } from "~/routes/staff.admin.settings.lists.$list_.$key";
import { action as listAction, loader as listLoader } from "~/routes/staff.admin.settings.lists.$list";
import { action as sectionAction, loader as sectionLoader } from "~/routes/staff.admin.settings.$section";
import { loader as indexLoader } from "~/routes/staff.admin.settings._index";
import { action as signInAction, loader as signInLoader } from "~/routes/staff.sign-in";
import { cookieFor, get, post, run, seedCouncil } from "../fixtures/notifications-council";

let admin: string;

beforeAll(async () => {
  await seedCouncil();
  admin = await cookieFor("admin@northmoor.example");
}, 60_000);

afterAll(() => setClock(null));

function lastAudit() {
  return db().select().from(t.auditLog).orderBy(desc(t.auditLog.id)).limit(1).get()!;
}

function storedSettings() {
  return JSON.stringify(db().select().from(t.settings).orderBy(t.settings.key).all());
}

const section = (slug: string, form: Record<string, string>, cookie = admin) =>
  run(() => sectionAction({ request: post(`/staff/admin/settings/${slug}`, form, cookie), params: { section: slug }, context: {} }));

/** The form as the page fills it in, with some answers changed. */
async function current(slug: string): Promise<Record<string, string>> {
  const page = await run(() => sectionLoader({ request: get(`/staff/admin/settings/${slug}`, admin), params: { section: slug }, context: {} }));
  return (page.value as { defaults: Record<string, string> }).defaults;
}

describe("the settings pages", () => {
  it("lists every page, and only admins get in", async () => {
    const index = await run(() => indexLoader({ request: get("/staff/admin/settings", admin), params: {}, context: {} }));
    expect((index.value as { sections: { slug: string }[] }).sections.map((s) => s.slug)).toEqual(["council", "publication-check", "consultation-period", "pre-election-periods", "union-notice", "challenges", "personal-data", "sign-in", "easy-read", "paper-packs", "other-formats", "equality-monitoring"]);
    const officer = await cookieFor("officer@northmoor.example");
    expect((await run(() => indexLoader({ request: get("/staff/admin/settings", officer), params: {}, context: {} }))).status).toBe(403);
    expect((await section("council", { name: "Hijack" }, officer)).status).toBe(403);
    expect((await run(() => sectionLoader({ request: get("/staff/admin/settings/nope", admin), params: { section: "nope" }, context: {} }))).status).toBe(404);
  });

  it("saves the council's name and the gate's thresholds, used at once and audited with before and after", async () => {
    const council = { ...(await current("council")), name: "Northmoor Metropolitan Borough Council" };
    expect((await section("council", council)).status).toBe(302);
    const frame = await rootLoader({ request: get("/"), params: {}, context: {} });
    expect(frame.council.name).toBe("Northmoor Metropolitan Borough Council");
    expect(lastAudit()).toMatchObject({ action: "settings.changed", detail: { section: "council", changes: { name: { from: "Northmoor Borough Council", to: "Northmoor Metropolitan Borough Council" } } } });

    const gate = { ...(await current("publication-check")), "thresholds-posts": "5", "thresholds-workforceShare": "7.5" };
    expect((await section("publication-check", gate)).status).toBe(302);
    expect(loadSettings().gate.thresholds).toEqual({ posts: 5, workforceShare: 0.075, budgetGbp: 250_000 });
    expect(lastAudit().detail).toEqual({ section: "gate", changes: { "thresholds.posts": { from: 10, to: 5 }, "thresholds.workforceShare": { from: 0.1, to: 0.075 } } });

    // Saving again with nothing changed writes nothing.
    const before = lastAudit().id;
    const again = await section("publication-check", await current("publication-check"));
    expect(again.response?.headers.get("Location")).toBe("/staff/admin/settings?done=unchanged");
    expect(lastAudit().id).toBe(before);
  });

  it("refuses bad values beside the field, changes nothing, and records the attempt", async () => {
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ["council", { brandColour: "#f0f0f0" }, "brandColour", /too light/],
      ["publication-check", { summaryMinWords: "400", summaryMaxWords: "250" }, "summaryMaxWords", /longer than the shortest/],
      ["consultation-period", { minimumWeeks: "2" }, "minimumWeeks", /6 weeks or more/],
      ["union-notice", { noticeWorkingDays: "-3" }, "noticeWorkingDays", /0 working days or more/],
      ["sign-in", { "sso-groupRoles": "Everyone = superuser" }, "sso-groupRoles", /“superuser” is not a role/],
      ["sign-in", { localPasswords: "no" }, "localPasswords", /Single sign-on is not set up/],
    ];
    for (const [slug, change, field, message] of cases) {
      const stored = storedSettings();
      const refused = await section(slug, { ...(await current(slug)), ...change });
      expect(refused.status, slug).toBe(400);
      expect((refused.value as { data: { error: Record<string, string[]> } }).data.error[field]?.join(" ")).toMatch(message);
      expect(storedSettings()).toBe(stored);
      expect(lastAudit()).toMatchObject({ action: "settings.change_refused" });
    }
    // A malformed body: a 400, not a 500.
    const raw = await run(() =>
      sectionAction({ request: new Request("http://localhost/staff/admin/settings/council", { method: "POST", headers: { Cookie: admin, "Content-Type": "application/x-www-form-urlencoded" }, body: "name[]=x&%ZZ=1" }), params: { section: "council" }, context: {} }),
    );
    expect(raw.status).toBe(400);
  });
});

describe("the council's own equality characteristics", () => {
  const list = (form: Record<string, string>) => run(() => listAction({ request: post("/staff/admin/settings/lists/equality-characteristics", form, admin), params: { list: "equality-characteristics" }, context: {} }));
  const item = (key: string, form: Record<string, string>) =>
    run(() => itemAction({ request: post(`/staff/admin/settings/lists/equality-characteristics/${key}`, form, admin), params: { list: "equality-characteristics", key }, context: {} }));

  it("adds one that every assessment then covers, renames it, and removes it while unused", async () => {
    expect((await list({ label: "Armed forces community" })).status).toBe(302);
    expect(equalityCharacteristics(loadSettings()).map((c) => c.key)).toContain("armed_forces_community");
    expect(lastAudit()).toMatchObject({ action: "settings.changed", detail: { section: "localCharacteristics", added: "armed_forces_community" } });

    expect((await item("armed_forces_community", { intent: "rename", label: "Armed forces community and veterans" })).status).toBe(302);
    expect(loadSettings().localCharacteristics.find((c) => c.key === "armed_forces_community")?.label).toBe("Armed forces community and veterans");
    expect((await item("armed_forces_community", { intent: "remove" })).status).toBe(302);
    expect(loadSettings().localCharacteristics.some((c) => c.key === "armed_forces_community")).toBe(false);
  });

  it("refuses removing one in use, a statutory one again, and a duplicate name", async () => {
    const page = await run(() => listLoader({ request: get("/staff/admin/settings/lists/equality-characteristics", admin), params: { list: "equality-characteristics" }, context: {} }));
    const carers = (page.value as { items: { key: string; used: number }[] }).items.find((i) => i.key === "carers")!;
    expect(carers.used).toBeGreaterThan(0);
    const stored = storedSettings();
    const removed = await item("carers", { intent: "remove" });
    expect(removed.status).toBe(400);
    expect(JSON.stringify(removed.value)).toMatch(/cannot be removed/);
    expect((await list({ label: "Disability" })).status).toBe(400);
    expect((await list({ label: "carers" })).status).toBe(400);
    expect((await list({ label: "" })).status).toBe(400);
    expect(storedSettings()).toBe(stored);
    expect(lastAudit()).toMatchObject({ action: "settings.change_refused" });
    expect((await item("no_such_thing", { intent: "remove" })).status).toBe(404);
  });
});

describe("switching staff passwords off", () => {
  const signIn = (email: string, password: string) => {
    resetThrottleForTests();
    return run(() => signInAction({ request: post("/staff/sign-in", { email, password }), params: {}, context: {} }));
  };

  it("with single sign-on set up, staff must use it and union reps keep their passwords", async () => {
    process.env.OIDC_ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0";
    process.env.OIDC_CLIENT_ID = "plainsight";
    process.env.OIDC_CLIENT_SECRET = "secret";
    process.env.OIDC_LABEL = "Northmoor Microsoft account";
    resetEnvForTests();
    const signInPage = await run(() => signInLoader({ request: get("/staff/sign-in"), params: {}, context: {} }));
    expect(signInPage.value).toMatchObject({ sso: { label: "Northmoor Microsoft account", only: false } });
    const value = { ...loadSettings().signIn, localPasswords: false };
    db().insert(t.settings).values({ key: "signIn", value }).onConflictDoUpdate({ target: t.settings.key, set: { value } }).run();
    try {
      const officer = await signIn("officer@northmoor.example", "demo-officer-2026");
      expect(officer.status).toBe(403);
      expect(JSON.stringify(officer.value)).toContain("Staff sign in with Northmoor Microsoft account");
      expect(officer.response).toBeUndefined();
      // A wrong password still gets the usual answer, saying nothing about the account.
      expect(JSON.stringify((await signIn("officer@northmoor.example", "wrong")).value)).toContain("Enter a correct email address and password");
      expect((await signIn("rep.gmb@northmoor.example", "demo-gmb-2026")).status).toBe(302);
    } finally {
      db().delete(t.settings).where(eq(t.settings.key, "signIn")).run();
      delete process.env.OIDC_ISSUER;
      delete process.env.OIDC_CLIENT_ID;
      delete process.env.OIDC_CLIENT_SECRET;
      delete process.env.OIDC_LABEL;
      resetEnvForTests();
    }
    expect((await signIn("officer@northmoor.example", "demo-officer-2026")).status).toBe(302);
  });
});
