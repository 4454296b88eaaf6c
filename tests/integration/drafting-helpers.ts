/**
 * Shared by the drafting, documents, versions and review integration tests: sign people in,
 * call a route's real action or loader as a browser would, and take a snapshot of everything a
 * save could write, so a test can say "nothing was written".
 */
import fs from "node:fs";
import { and, count, eq, inArray } from "drizzle-orm";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { createUserSession } from "~/auth/session.server";
import { env } from "~/lib/env.server";

export async function seeded() {
  migrateDatabase(db());
  await seedDemo(db(), new Date());
}

const cookies = new Map<string, string>();

export async function cookieFor(email: string): Promise<string> {
  const known = cookies.get(email);
  if (known) return known;
  const user = db().select().from(t.users).where(eq(t.users.email, email)).get();
  if (!user) throw new Error(`No user ${email}`);
  const response = await createUserSession(user.id, "/staff");
  const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
  cookies.set(email, cookie);
  return cookie;
}

type Action = (args: ActionFunctionArgs) => Promise<unknown>;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

export type Called = { status: number; body: unknown; location: string | null; context: Record<string, unknown> };

function settle(result: unknown, context: Record<string, unknown>): Called {
  if (result instanceof Response) return { status: result.status, body: null, location: result.headers.get("Location"), context };
  const init = (result as { init?: { status?: number } } | null)?.init;
  const body = result && typeof result === "object" && "data" in result && init !== undefined ? (result as { data: unknown }).data : result;
  return { status: init?.status ?? 200, body, location: null, context };
}

/** POST a form (fields, repeated names as arrays, or a ready FormData) to a route's action. */
export async function post(action: Action, path: string, params: Record<string, string>, email: string | null, form: Record<string, string | string[]> | FormData): Promise<Called> {
  let body: FormData | URLSearchParams;
  if (form instanceof FormData) body = form;
  else {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  }
  const headers: Record<string, string> = {};
  if (email) headers.Cookie = await cookieFor(email);
  const request = new Request(`http://localhost${path}`, { method: "POST", headers, body });
  const context: Record<string, unknown> = {};
  try {
    return settle(await action({ request, params, context }), context);
  } catch (thrown) {
    return settle(thrown, context);
  }
}

export async function get(loader: Loader, path: string, params: Record<string, string>, email: string | null): Promise<Called> {
  const headers: Record<string, string> = {};
  if (email) headers.Cookie = await cookieFor(email);
  const context: Record<string, unknown> = {};
  try {
    return settle(await loader({ request: new Request(`http://localhost${path}`, { headers }), params, context }), context);
  } catch (thrown) {
    return settle(thrown, context);
  }
}

export function proposalId(slug: string): number {
  return db().select({ id: t.proposals.id }).from(t.proposals).where(eq(t.proposals.slug, slug)).get()!.id;
}

export function revisionOf(id: number): number {
  return db().select({ r: t.proposals.revision }).from(t.proposals).where(eq(t.proposals.id, id)).get()!.r;
}

function countWhere<T extends typeof t.risks | typeof t.proposalOptions | typeof t.dependencies | typeof t.mitigations | typeof t.consultationQuestions | typeof t.equalityRows | typeof t.documents | typeof t.proposalVersions>(table: T, id: number) {
  return db().select({ n: count() }).from(table).where(eq(table.proposalId, id)).get()!.n;
}

function uploadsCount(): number {
  const dir = env().UPLOADS_PATH;
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
}

/** Everything a save could have written for this proposal, for "nothing was written". */
export function everything(id: number) {
  const docIds = db().select({ id: t.documents.id }).from(t.documents).where(eq(t.documents.proposalId, id)).all().map((d) => d.id);
  const mitigationIds = db().select({ id: t.mitigations.id }).from(t.mitigations).where(eq(t.mitigations.proposalId, id)).all().map((m) => m.id);
  return {
    proposal: db().select().from(t.proposals).where(eq(t.proposals.id, id)).get(),
    options: db().select().from(t.proposalOptions).where(eq(t.proposalOptions.proposalId, id)).all(),
    risks: db().select().from(t.risks).where(eq(t.risks.proposalId, id)).all(),
    dependencies: countWhere(t.dependencies, id),
    mitigations: db().select().from(t.mitigations).where(eq(t.mitigations.proposalId, id)).all(),
    mitigationLinks: mitigationIds.length ? db().select({ n: count() }).from(t.mitigationRisks).where(inArray(t.mitigationRisks.mitigationId, mitigationIds)).get()!.n : 0,
    questions: countWhere(t.consultationQuestions, id),
    equality: db().select().from(t.equalityRows).where(eq(t.equalityRows.proposalId, id)).all(),
    documents: countWhere(t.documents, id),
    withheld: docIds.length ? db().select({ n: count() }).from(t.withheldParts).where(inArray(t.withheldParts.documentId, docIds)).get()!.n : 0,
    staffGroups: db().select({ n: count() }).from(t.proposalStaffGroups).where(eq(t.proposalStaffGroups.proposalId, id)).get()!.n,
    versions: countWhere(t.proposalVersions, id),
    audit: db().select({ n: count() }).from(t.auditLog).where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, id))).get()!.n,
    outbox: db().select({ n: count() }).from(t.outbox).get()!.n,
    uploads: uploadsCount(),
  };
}

/** Conform's reply as the action returns it. */
export type Reply = { lastResult: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; revision: number };

export function errorsOf(called: Called): Record<string, string[]> {
  return (called.body as Reply).lastResult.error ?? {};
}
