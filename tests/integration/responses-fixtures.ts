/**
 * Set-up for the responses tests: the demo council on this file's own database, residents who
 * have already verified their email, cookies for residents and staff, and a way to call a route
 * action or loader the way Remix does (thrown responses caught and returned).
 */
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { createUserSession } from "~/auth/session.server";
import { now } from "~/lib/clock";
import { RESPONDENT_SESSION_TTL_MS } from "~/responses/rules";
import { sessionCookieHeader } from "~/responses/respondents.server";

export async function seeded() {
  migrateDatabase(db());
  await seedDemo(db(), now());
}

export function proposalBySlug(slug: string) {
  return db().select().from(t.proposals).where(eq(t.proposals.slug, slug)).get()!;
}

let counter = 0;

/** A resident who has verified their email, read the privacy notice and chosen how they appear. */
export function makeRespondent(profile: Partial<typeof t.respondents.$inferInsert> = {}): number {
  counter += 1;
  const at = now().toISOString();
  return db()
    .insert(t.respondents)
    .values({
      email: `resident${counter}-${randomBytes(3).toString("hex")}@example.org`,
      name: `Resident ${counter}`,
      showName: true,
      respondingAs: "individual",
      privacyAcceptedAt: at,
      verifiedAt: at,
      createdAt: at,
      ...profile,
    })
    .returning({ id: t.respondents.id })
    .get().id;
}

/** The Cookie header a signed-in resident's browser would send. */
export async function respondentCookie(respondentId: number): Promise<string> {
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
  return (await sessionCookieHeader(token)).split(";")[0];
}

export async function staffCookie(email: string): Promise<string> {
  const user = db().select().from(t.users).where(eq(t.users.email, email)).get()!;
  const response = await createUserSession(user.id, "/staff");
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

export type Called = { status: number; location: string | null; data: unknown; setCookie: string | null };

// Loaders and actions take Remix's argument types; the call below builds them the same way.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteFn = (args: any) => unknown;

/** Call a loader or action as Remix would, and say what came back. */
export async function call(
  fn: RouteFn,
  url: string,
  options: { params?: Record<string, string>; form?: Record<string, string> | FormData; cookie?: string; address?: string } = {},
): Promise<Called> {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form);
  }
  const request = new Request(`http://localhost${url}`, { method: options.form ? "POST" : "GET", headers, body });
  let result: unknown;
  try {
    result = await fn({ request, params: options.params ?? {}, context: { clientAddress: options.address ?? "203.0.113.1" } });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), data: null, setCookie: result.headers.get("Set-Cookie") };
  }
  const init = (result as { init?: { status?: number } } | null)?.init;
  const isData = result != null && typeof result === "object" && "type" in result && (result as { type: unknown }).type === "DataWithResponseInit";
  return { status: init?.status ?? 200, location: null, data: isData ? (result as { data: unknown }).data : result, setCookie: null };
}

/** The error messages in a Conform reply, flattened. */
export function messages(data: unknown): string[] {
  const error = (data as { error?: Record<string, string[] | null> } | null)?.error ?? {};
  return Object.values(error).flatMap((m) => m ?? []);
}
