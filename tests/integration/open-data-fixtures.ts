/**
 * Set-up for the open-data tests: the demo council (with its responses) on this file's own
 * database, and a way to call a resource route's loader or action as Remix does, getting the
 * Response back.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { env } from "~/lib/env.server";
import { seedDemo } from "#db/seed.server";
import { now } from "~/lib/clock";
import { seedDemoResponses } from "~/responses/seed.server";

export const ORIGIN = "http://plainsight.test";

export async function seededWithResponses() {
  migrateDatabase(db());
  await seedDemo(db(), now());
  seedDemoResponses(db(), now());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteFn = (args: any) => unknown;

/** Call a resource route the way Remix does; thrown Responses are returned. */
export async function fetchRoute(
  fn: RouteFn,
  path: string,
  options: { params?: Record<string, string>; headers?: Record<string, string>; method?: string; cookie?: string } = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  const request = new Request(`${ORIGIN}${path}`, { method: options.method ?? "GET", headers });
  let result: unknown;
  try {
    result = await fn({ request, params: options.params ?? {}, context: { clientAddress: "203.0.113.9" } });
  } catch (thrown) {
    result = thrown;
  }
  if (!(result instanceof Response)) throw new Error(`expected a Response from ${path}, got ${JSON.stringify(result)?.slice(0, 200)}`);
  return result;
}

export async function json<T = any>(response: Response): Promise<T> {
  expectJson(response);
  return (await response.json()) as T;
}

function expectJson(response: Response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/json")) throw new Error(`expected JSON, got ${type} (status ${response.status})`);
}

/** A small RFC 4180 reader, enough to check what we write (quotes, commas and line breaks in cells). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ─── Atom (RFC 4287) ───
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const atomParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "author", "category"].includes(name), textNodeName: "#text" });
export const text = (node: unknown): string => (typeof node === "string" ? node : ((node as { "#text"?: string })?.["#text"] ?? ""));

type Entry = { id: string; title: unknown; updated: string; link: { "@href": string; "@rel"?: string }[]; summary?: unknown; content?: unknown; published?: string };

/** The checks of RFC 4287 that a feed reader relies on; returns the parsed feed. */
export function expectValidAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = atomParser.parse(xml);
  const feed = doc.feed;
  expect(feed, "root element is <feed>").toBeTruthy();
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(() => new URL(text(feed.id))).not.toThrow();
  expect(text(feed.title)).not.toBe("");
  expect(text(feed.updated)).toMatch(RFC3339);
  expect(feed.author?.[0]?.name).toBeTruthy();
  const self = (feed.link as { "@rel": string; "@href": string }[]).find((l) => l["@rel"] === "self");
  expect(self?.["@href"]).toMatch(/^http/);
  const entries: Entry[] = feed.entry ?? [];
  const ids = new Set<string>();
  for (const e of entries) {
    expect(() => new URL(text(e.id))).not.toThrow();
    expect(ids.has(text(e.id)), `duplicate id ${e.id}`).toBe(false);
    ids.add(text(e.id));
    expect(text(e.title)).not.toBe("");
    expect(text(e.updated)).toMatch(RFC3339);
    if (e.published) expect(text(e.published)).toMatch(RFC3339);
    expect(e.link.some((l) => !l["@rel"] || l["@rel"] === "alternate"), "an alternate link").toBe(true);
    // An entry with no content must have a summary (RFC 4287 §4.1.2).
    expect(e.content != null || e.summary != null).toBe(true);
    // The feed's updated is not older than any entry's.
    expect(Date.parse(text(feed.updated))).toBeGreaterThanOrEqual(Date.parse(text(e.updated)));
  }
  return { feed, entries };
}

// ─── The canary: material that must never leave through an open-data surface ───
/** A word that appears nowhere in the demo content; placed in everything the public must not see. */
export const CANARY = "Zqvcanary";
/** Slugs of the demo's proposals that are not public (draft, in review, under union notice). */
export const HIDDEN_SLUGS = ["youth-service-review", "garden-waste-collections", "reopening-a-closed-park"] as const;

/**
 * Puts the canary into: a draft, a proposal in review and one under union notice (title,
 * summary, a risk, an equality row); the internal parts of a public consultation (the reason it
 * was returned, the s.188 letter, a document withheld in full and its file, union feedback, the
 * audit trail); a hidden, a held and a deleted comment, a report and a moderator's note; private
 * answers and an offline response's label; and the name of a resident who chose not to show it.
 * Returns a marker that is public (a visible comment), so a test can show it does look.
 */
export function plantCanaries(): { visibleMarker: string } {
  const database = db();
  const at = now().toISOString();
  const bySlug = (slug: string) => database.select().from(t.proposals).where(eq(t.proposals.slug, slug)).get()!;
  for (const slug of HIDDEN_SLUGS) {
    const p = bySlug(slug);
    database.update(t.proposals).set({ summary: `${CANARY} summary of ${slug}`, whatChanges: `${CANARY} details` }).where(eq(t.proposals.id, p.id)).run();
    database.insert(t.risks).values({ proposalId: p.id, description: `${CANARY} risk of ${slug}`, whoBears: `${CANARY} people`, likelihood: 5, impact: 5, position: 99 }).run();
    database.update(t.equalityRows).set({ evidence: `${CANARY} evidence` }).where(eq(t.equalityRows.proposalId, p.id)).run();
  }
  const camhs = bySlug("camhs-social-work");
  const library = bySlug("library-opening-hours");
  database
    .update(t.proposals)
    .set({ returnedReason: `${CANARY} returned`, redundancyReasons: `${CANARY} s188 reasons`, staffDescriptions: `${CANARY} staff`, selectionMethod: `${CANARY} selection`, dismissalMethodAndTiming: `${CANARY} timing` })
    .where(eq(t.proposals.id, camhs.id))
    .run();
  // A document withheld in full, with the canary in its file.
  const key = randomBytes(18).toString("hex");
  fs.mkdirSync(env().UPLOADS_PATH, { recursive: true });
  fs.writeFileSync(path.join(env().UPLOADS_PATH, key), `%PDF-1.4 ${CANARY} withheld contents`);
  const doc = database
    .insert(t.documents)
    .values({ proposalId: camhs.id, kind: "other", title: "Staffing model", filename: "staffing.pdf", mimeType: "application/pdf", sizeBytes: 40, storageKey: key, disclosure: "withheld" })
    .returning({ id: t.documents.id })
    .get();
  database.insert(t.withheldParts).values({ documentId: doc.id, part: "The whole staffing model", ground: "foia_s40_personal", publicInterestNote: "It names individual staff.", reviewOn: "2027-06-30" }).run();
  const officer = database.select().from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get()!;
  const union = database.select().from(t.unions).get()!;
  database.insert(t.noticeFeedback).values({ proposalId: camhs.id, unionId: union.id, authorId: officer.id, body: `${CANARY} union feedback` }).run();
  appendAudit(database, { actorId: officer.id, action: "test.canary", entityType: "proposal", entityId: camhs.id, detail: { note: `${CANARY} audit` } });

  // A resident who chose not to show their name, with a visible comment (public as "Resident").
  const shy = database
    .insert(t.respondents)
    .values({ email: `${CANARY.toLowerCase()}@example.org`, name: `${CANARY} Surname`, showName: false, respondingAs: "individual", privacyAcceptedAt: at, verifiedAt: at, createdAt: at })
    .returning({ id: t.respondents.id })
    .get().id;
  const comment = (status: "visible" | "hidden" | "pending" | "deleted", body: string, proposalId = camhs.id) =>
    database
      .insert(t.comments)
      .values({ proposalId, targetType: "proposal", targetId: proposalId, respondentId: shy, bodyMarkdown: body, bodyHtml: `<p>${body}</p>`, bodyHash: `${status}-${body}`, status, createdAt: at })
      .returning({ id: t.comments.id })
      .get().id;
  const visibleMarker = "Visiblemarkerword";
  const visible = comment("visible", `${visibleMarker}: a published comment`);
  const hidden = comment("hidden", `${CANARY} hidden comment`);
  comment("pending", `${CANARY} held comment`);
  comment("deleted", `${CANARY} deleted comment`);
  comment("hidden", `${CANARY} hidden on the closed consultation`, library.id);
  const moderator = database.select().from(t.users).where(eq(t.users.email, "moderator@northmoor.example")).get()!;
  database.insert(t.moderationActions).values({ commentId: hidden, action: "hide", rule: "personal-information", note: `${CANARY} moderator note`, moderatorId: moderator.id, at }).run();
  database.insert(t.commentReports).values({ commentId: visible, reason: `personal-information\n${CANARY} report`, createdAt: at }).run();

  // Private answers, online and offline, on an open and on a closed consultation.
  for (const p of [camhs, library]) {
    const question = database.select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, p.id)).get()!;
    const online = database.insert(t.responses).values({ proposalId: p.id, respondentId: shy, channel: "online", createdAt: at, updatedAt: at }).returning({ id: t.responses.id }).get().id;
    database.insert(t.responseAnswers).values({ responseId: online, questionId: question.id, stance: "disagree", text: `${CANARY} private answer` }).run();
    const paper = database
      .insert(t.responses)
      .values({ proposalId: p.id, channel: "paper", enteredById: officer.id, respondentLabel: `${CANARY} letter writer`, createdAt: at, updatedAt: at })
      .returning({ id: t.responses.id })
      .get().id;
    database.insert(t.responseAnswers).values({ responseId: paper, questionId: question.id, stance: "agree", text: `${CANARY} private paper answer` }).run();
  }
  return { visibleMarker };
}
