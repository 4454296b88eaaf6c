/**
 * The render cache's keys (issue 13, item 1; decision 029), on the seeded demo council: a write
 * moves the key of every page that shows what it changed, in the same transaction, and nothing
 * else. A comment on one consultation leaves the others' pages cached; a sign-in, a session, an
 * email queued or an audit entry moves no page at all. And every table is either watched by the
 * triggers or named here as showing on no public page, so a new table cannot be forgotten.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { setClock } from "~/lib/clock";
import { deliverDue, localTransport } from "~/notifications/delivery.server";
import { applyTransition, runScheduledTransitions } from "~/proposals/lifecycle.server";
import { postComment } from "~/responses/comments.server";
import { moderate } from "~/responses/moderation.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import { seedDemoResponses } from "~/responses/seed.server";
import { pageGeneration } from "../../server/app";
import { viewerFor } from "../fixtures/notifications-council";

const SEED_DATE = new Date("2026-11-20T10:00:00Z");
const CAMHS = "/consultations/camhs-social-work";
const LIBRARY = "/consultations/library-opening-hours";
const PAGES = [CAMHS, `${CAMHS}/comments`, `/api/v1${CAMHS}`, LIBRARY, "/", "/consultations", "/search", "/consultations/no-such-consultation"] as const;

/** Tables whose rows appear on no public page (private, confidential or bookkeeping). */
const SHOWN_NOWHERE = [
  "staff_invitations",
  "recovery_codes",
  "sign_in_attempts",
  "rate_limit_hits",
  "user_roles",
  "sessions",
  "union_reps",
  "audit_log",
  "audit_checks",
  "outbox",
  "notice_links",
  "notice_views",
  "respondent_links",
  "respondent_sessions",
  "staff_challenge_keys",
  "monitoring_forms",
];

let version: (path: string) => string;
const sqlite = () => db().$client;
const keys = () => Object.fromEntries(PAGES.map((p) => [p, version(p)])) as Record<(typeof PAGES)[number], string>;
const proposalId = (slug: string) => (sqlite().prepare("SELECT id FROM proposals WHERE slug = ?").get(slug) as { id: number }).id;

/** Which pages' keys a write moved. */
function moved(write: () => void): string[] {
  const before = keys();
  write();
  const after = keys();
  return PAGES.filter((p) => before[p] !== after[p]);
}

beforeAll(async () => {
  setClock(SEED_DATE);
  migrateDatabase(db());
  await seedDemo(db(), SEED_DATE);
  seedDemoResponses(db(), SEED_DATE);
  version = pageGeneration()!;
});

afterAll(() => setClock(null));

/** A signed-up resident who may comment (verified, privacy notice read, profile done). */
function resident(email: string): number {
  const at = SEED_DATE.toISOString();
  return sqlite()
    .prepare("INSERT INTO respondents (email, name, show_name, responding_as, privacy_accepted_at, verified_at, created_at) VALUES (?, 'Test Resident', 0, 'individual', ?, ?, ?) RETURNING id")
    .pluck()
    .get(email, at, at, at) as number;
}

describe("every table is watched, or named as shown on no public page", () => {
  it("has insert, update and delete triggers on each table a public page shows", () => {
    const tables = (sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND name NOT LIKE 'search%' AND name <> 'page_generations'").pluck().all() as string[]).sort();
    const triggers = new Set(sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'page_gen_%'").pluck().all() as string[]);
    const unwatched = tables.filter((t) => !SHOWN_NOWHERE.includes(t) && !["ai", "au", "ad"].every((s) => triggers.has(`page_gen_${t}_${s}`)));
    expect(unwatched, "tables neither watched nor named as shown nowhere").toEqual([]);
    // And the list names real tables, so a rename is noticed.
    expect(SHOWN_NOWHERE.filter((t) => !tables.includes(t))).toEqual([]);
  });
});

describe("a write moves the pages that show it, and only those", () => {
  it("a comment edited on CAMHS moves CAMHS's pages and the lists, not the library's", () => {
    const comment = sqlite().prepare("SELECT id FROM comments WHERE proposal_id = ? ORDER BY id LIMIT 1").pluck().get(proposalId("camhs-social-work"));
    expect(comment, "a seeded CAMHS comment").toBeTruthy();
    expect(moved(() => sqlite().prepare("UPDATE comments SET body_markdown = body_markdown || ' (edited)' WHERE id = ?").run(comment))).toEqual([
      CAMHS,
      `${CAMHS}/comments`,
      `/api/v1${CAMHS}`,
      "/",
      "/consultations",
      "/search",
      "/consultations/no-such-consultation",
    ]);
  });

  it("a moderator's action, found through its comment, moves that consultation's pages and no other's", () => {
    const action = sqlite().prepare("SELECT m.id, c.proposal_id AS proposalId FROM moderation_actions m JOIN comments c ON c.id = m.comment_id LIMIT 1").get() as { id: number; proposalId: number } | undefined;
    expect(action, "a seeded moderation action").toBeTruthy();
    const slug = sqlite().prepare("SELECT slug FROM proposals WHERE id = ?").pluck().get(action!.proposalId) as string;
    const other = slug === "library-opening-hours" ? CAMHS : LIBRARY;
    const before = [version(`/consultations/${slug}`), version(other)];
    sqlite().prepare("UPDATE moderation_actions SET id = id WHERE id = ?").run(action!.id);
    expect(version(`/consultations/${slug}`)).not.toBe(before[0]);
    expect(version(other)).toBe(before[1]);
  });

  it("an answer, found through its response, moves its consultation's pages", () => {
    const answer = sqlite().prepare("SELECT ra.response_id AS responseId, ra.question_id AS questionId FROM response_answers ra JOIN responses r ON r.id = ra.response_id WHERE r.proposal_id = ? LIMIT 1").get(proposalId("camhs-social-work")) as { responseId: number; questionId: number } | undefined;
    expect(answer, "a seeded CAMHS answer").toBeTruthy();
    const changed = moved(() => sqlite().prepare("UPDATE response_answers SET text = text WHERE response_id = ? AND question_id = ?").run(answer!.responseId, answer!.questionId));
    expect(changed).toContain(CAMHS);
    expect(changed).not.toContain(LIBRARY);
  });

  it("a transition on the library consultation (as the worker would write it) moves its pages and the lists", () => {
    const changed = moved(() => sqlite().prepare("UPDATE proposals SET state = state WHERE slug = 'library-opening-hours'").run());
    expect(changed).toEqual([LIBRARY, "/", "/consultations", "/search", "/consultations/no-such-consultation"]);
  });

  it("a change to the council's settings or a staff name moves every page", () => {
    expect(moved(() => sqlite().prepare("UPDATE settings SET value = value WHERE rowid = (SELECT min(rowid) FROM settings)").run())).toEqual([...PAGES]);
    expect(moved(() => sqlite().prepare("UPDATE users SET name = name WHERE id = (SELECT min(id) FROM users)").run())).toEqual([...PAGES]);
  });

  it("a sign-in, a session, an email queued or an audit entry moves no page", () => {
    const user = sqlite().prepare("SELECT min(id) FROM users").pluck().get();
    const at = SEED_DATE.toISOString();
    expect(moved(() => sqlite().prepare("UPDATE users SET last_signed_in_at = ? WHERE id = ?").run(at, user))).toEqual([]);
    expect(
      moved(() => sqlite().prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)").run("page-generation-test", user, at, at, at)),
    ).toEqual([]);
    expect(
      moved(() =>
        sqlite()
          .prepare("INSERT INTO outbox (idempotency_key, event, to_address, subject, text_body, next_attempt_at, created_at) VALUES ('page-gen-test', 'test', 'a@example.org', 'Subject', 'Body', ?, ?)")
          .run(at, at),
      ),
    ).toEqual([]);
    expect(moved(() => sqlite().prepare("UPDATE sign_in_attempts SET id = id").run())).toEqual([]);
  });

  it("a write that is rolled back moves nothing", () => {
    const before = keys();
    try {
      sqlite().transaction(() => {
        sqlite().prepare("UPDATE proposals SET state = state WHERE slug = 'camhs-social-work'").run();
        throw new Error("rolled back");
      })();
    } catch {
      // expected
    }
    expect(keys()).toEqual(before);
  });
});

describe("the writes a resident or the scheduler makes through the app move the pages that show them", () => {
  it("a comment posted and published at once moves its consultation's pages and the lists, not the library's", () => {
    resetRateLimitsForTests(db());
    const camhs = { id: proposalId("camhs-social-work") };
    // (A new resident's name can show on every page: signed up before the keys are read.)
    const respondentId = resident("generations.poster@example.org");
    let result: ReturnType<typeof postComment> | undefined;
    const changed = moved(() => {
      result = postComment({ proposal: camhs, author: { kind: "respondent", respondentId }, body: "The waiting list figures should be published every month, by area.", address: "192.0.2.10" });
    });
    expect(result).toMatchObject({ ok: true, status: "visible" });
    expect(changed).toEqual([CAMHS, `${CAMHS}/comments`, `/api/v1${CAMHS}`, "/", "/consultations", "/search", "/consultations/no-such-consultation"]);
  });

  it("a comment held for pre-moderation moves its consultation's pages again when a moderator approves it", async () => {
    resetRateLimitsForTests(db());
    const camhs = proposalId("camhs-social-work");
    sqlite().prepare("UPDATE proposals SET premoderate_comments = 1 WHERE id = ?").run(camhs);
    try {
      const held = postComment({ proposal: { id: camhs }, author: { kind: "respondent", respondentId: resident("generations.held@example.org") }, body: "Please publish the staffing model before the decision is taken.", address: "192.0.2.11" });
      expect(held).toMatchObject({ ok: true, status: "pending" });
      const moderator = await viewerFor("moderator@northmoor.example");
      let approved: ReturnType<typeof moderate> | undefined;
      const changed = moved(() => {
        approved = moderate({ commentId: (held as { commentId: number }).commentId, intent: "approve", rule: null, note: "", moderator, rules: [] });
      });
      expect(approved).toMatchObject({ ok: true });
      expect(sqlite().prepare("SELECT status FROM comments WHERE id = ?").pluck().get((held as { commentId: number }).commentId)).toBe("visible");
      expect(changed).toContain(CAMHS);
      expect(changed).toContain(`${CAMHS}/comments`);
      expect(changed).not.toContain(LIBRARY);
    } finally {
      sqlite().prepare("UPDATE proposals SET premoderate_comments = 0 WHERE id = ?").run(camhs);
    }
  });

  it("a consultation opened by the scheduler at its opening date moves its pages and the lists", async () => {
    const slug = "garden-waste-collections";
    const page = `/consultations/${slug}`;
    const approver = await viewerFor("approver@northmoor.example");
    expect(applyTransition("approve", proposalId(slug), { kind: "person", viewer: approver }).ok).toBe(true);
    // The notice period runs from the union notices' delivery.
    while ((await deliverDue({ transport: localTransport() })).sent);
    const opensOn = sqlite().prepare("SELECT opens_on FROM proposals WHERE slug = ?").pluck().get(slug) as string;
    const before = { page: version(page), lists: keys() };
    const opened = runScheduledTransitions(new Date(`${opensOn}T12:00:00.000Z`));
    expect(opened.opened).toContain(slug);
    expect(version(page)).not.toBe(before.page);
    const after = keys();
    expect(PAGES.filter((p) => before.lists[p] !== after[p])).toEqual(expect.arrayContaining(["/", "/consultations", "/search"]));
    expect(after[LIBRARY]).toBe(before.lists[LIBRARY]);
  });
});
