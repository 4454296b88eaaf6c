/**
 * The route walk: every module under app/routes/ is either public by design (listed, with the
 * reason, in tests/fixtures/route-access.ts) or refuses everyone it is not for, in its loader
 * and its action. Staff routes refuse the public, a resident who confirmed their email and a
 * union rep (a rep must not open /staff/proposals/:id); resident routes refuse the public; the
 * rep's notices refuse the public and residents. Run on the seeded demo council, with real
 * sessions made the way sign-in makes them.
 */
import fs from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { createUserSession } from "~/auth/session.server";
import { setClock } from "~/lib/clock";
import { redeemSignInLink, requestSignInLink, sessionCookieHeader } from "~/responses/respondents.server";
import { accessOf, type Access } from "../fixtures/route-access";

const ROUTES_DIR = path.resolve("app/routes");
const files = fs.readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f)).sort();
const modules = import.meta.glob<{ loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown }>("../../app/routes/*.{ts,tsx}");

type Identity = "public" | "resident" | "rep";
const cookies: Record<Identity, string> = { public: "", resident: "", rep: "" };

function cookiePair(setCookie: string | null): string {
  return (setCookie ?? "").split(";")[0];
}

beforeAll(async () => {
  const at = new Date("2026-11-25T12:00:00Z");
  setClock(at);
  migrateDatabase(db());
  await seedDemo(db(), at);
  const rep = db().select().from(t.users).where(eq(t.users.email, "rep.unison@northmoor.example")).get()!;
  cookies.rep = cookiePair((await createUserSession(rep.id, "/notices")).headers.get("Set-Cookie"));
  expect(requestSignInLink({ email: "walker@example.com", redirectTo: "/consultations", address: "198.51.100.9" }).ok).toBe(true);
  const email = db().select().from(t.outbox).where(eq(t.outbox.toAddress, "walker@example.com")).orderBy(desc(t.outbox.id)).get()!;
  const token = /\/verify\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1];
  const used = redeemSignInLink(token);
  if (!used.ok) throw new Error("the resident's link did not work");
  cookies.resident = cookiePair(await sessionCookieHeader(used.sessionToken));
}, 120_000);

afterAll(() => setClock(null));

/** Route params from the file name and the sample address (same segments, in order). */
function paramsFor(file: string, address: string): Record<string, string> {
  const names = file.replace(/\.tsx?$/, "").split(".").map((s) => s.replace(/_$/, "")).filter((s) => s !== "_index");
  const values = address.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name.startsWith("$") && name.length > 1) params[name.slice(1)] = decodeURIComponent(values[i] ?? "");
  });
  return params;
}

function requestFor(address: string, identity: Identity, method: "GET" | "POST"): Request {
  const headers = new Headers();
  if (cookies[identity]) headers.set("Cookie", cookies[identity]);
  if (method === "POST") headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`http://localhost:3000${address}`, { method, headers, body: method === "POST" ? "intent=approve&body=x&reason=x" : undefined });
}

/** What a loader or action did: returned data (let in), or threw/returned a redirect or an error status. */
async function outcome(fn: (args: unknown) => unknown, request: Request, params: Record<string, string>): Promise<{ kind: "data" } | { kind: "status"; status: number; location: string | null }> {
  let result: unknown;
  try {
    result = await fn({ request, params, context: { clientAddress: "203.0.113.1" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { kind: "status", status: result.status, location: result.headers.get("Location") };
  const init = (result as { type?: string; init?: ResponseInit | null } | null)?.type === "DataWithResponseInit" ? (result as { init?: ResponseInit | null }).init : null;
  if (init?.status && init.status >= 300) return { kind: "status", status: init.status, location: null };
  if (result instanceof Error) throw result;
  return { kind: "data" };
}

/** Refused: sent to a sign-in page, or 403, or 404 (the same answer as for nothing there). */
function refused(o: Awaited<ReturnType<typeof outcome>>): boolean {
  if (o.kind === "data") return false;
  if (o.status === 403 || o.status === 404) return true;
  return (o.status === 302 || o.status === 303) && /^\/(staff|respondents)\/sign-in/.test(o.location ?? "");
}

function whoMustBeRefused(access: Access): Identity[] {
  if (access.access === "staff") return ["public", "resident", "rep"];
  if (access.access === "resident") return ["public"];
  if (access.access === "rep") return ["public", "resident"];
  return [];
}

describe("the route walk", () => {
  it("finds every route module listed: public by design, or for residents, reps or staff", () => {
    const unlisted = files.filter((f) => !accessOf(f));
    expect(unlisted, "route modules that are not classified in tests/fixtures/route-access.ts").toEqual([]);
    expect(files.length).toBeGreaterThan(60);
  });

  for (const file of files) {
    const access = accessOf(file);
    if (!access || access.access === "public") continue;
    for (const identity of whoMustBeRefused(access)) {
      it(`${file} refuses ${identity === "public" ? "the public" : `a ${identity}`} (${access.path})`, async () => {
        const module = await modules[`../../app/routes/${file}`]();
        expect(module.loader || module.action, `${file} has neither a loader nor an action`).toBeTruthy();
        const params = paramsFor(file, access.path);
        if (module.loader) {
          const o = await outcome(module.loader, requestFor(access.path, identity, "GET"), params);
          expect(refused(o), `loader of ${file} let ${identity} in: ${JSON.stringify(o)}`).toBe(true);
        }
        if (module.action) {
          const o = await outcome(module.action, requestFor(access.path, identity, "POST"), params);
          expect(refused(o), `action of ${file} let ${identity} in: ${JSON.stringify(o)}`).toBe(true);
        }
      });
    }
  }
});
