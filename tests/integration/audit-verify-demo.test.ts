/**
 * `npm run audit:verify` on the demo council: `npm run seed` into a scratch folder, staff
 * signing in and out there through the real sign-in page (the seed itself records nothing in
 * the audit log), then the command as npm runs it (node scripts/run.mjs, the compiled scripts)
 * walks the chain end to end ("N entries, intact"). Then one entry is changed by someone with
 * the database file but not the key (trigger dropped, every later hash recomputed), and the
 * command names it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "#db/client.server";
import { signOut } from "~/auth/session.server";
import { action as signInAction } from "~/routes/staff.sign-in";
import { tamperAuditEntry } from "../fixtures/audit-tamper";
import { runScript } from "../fixtures/run-script";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-audit-demo-"));
// The demo as `npm start` keeps it: its audit key beside the database, none in the environment.
const env = { DATABASE_PATH: path.join(dir, "plainsight.db"), UPLOADS_PATH: path.join(dir, "uploads"), PLAINSIGHT_DEMO: "1", AUDIT_KEY: undefined };
// This file's own requests use the same database (and so the same key file beside it).
process.env.DATABASE_PATH = env.DATABASE_PATH;
process.env.UPLOADS_PATH = env.UPLOADS_PATH;
delete process.env.AUDIT_KEY;

const STAFF = [
  ["officer@northmoor.example", "demo-officer-2026"],
  ["officer.youth@northmoor.example", "demo-officer-youth-2026"],
  ["officer.ict@northmoor.example", "demo-officer-ict-2026"],
  ["officer.parks@northmoor.example", "demo-officer-parks-2026"],
  ["rep.unison@northmoor.example", "demo-unison-2026"],
  ["moderator@northmoor.example", "demo-moderator-2026"],
];

beforeAll(async () => {
  const seeded = await runScript("seed", [], env);
  expect(seeded.code, seeded.out).toBe(0);
  expect(seeded.stdout).toContain("Seeded the demo council");
  for (const [email, password] of STAFF) {
    const signedIn = (await signInAction({ request: new Request("http://localhost/staff/sign-in", { method: "POST", body: new URLSearchParams({ email, password }) }), params: {}, context: {} })) as Response;
    expect(signedIn.status, email).toBe(302);
    const cookie = (signedIn.headers.get("Set-Cookie") ?? "").split(";")[0];
    await signOut(new Request("http://localhost/staff/sign-out", { method: "POST", headers: { Cookie: cookie } }));
  }
  closeDatabase();
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Row = { id: number; at: string; actor_id: number | null; action: string; entity_type: string; entity_id: number | null; detail: string | null; hash: string };

/** Put one entry down to someone else, without the key (tests/fixtures/audit-tamper.ts). */
function tamper(pick: (rows: Row[]) => Row): Row {
  const sqlite = new Database(env.DATABASE_PATH);
  try {
    const target = pick(sqlite.prepare("SELECT * FROM audit_log ORDER BY id").all() as Row[]);
    const other = (sqlite.prepare("SELECT id FROM users WHERE id <> ? ORDER BY id LIMIT 1").get(target.actor_id) as { id: number }).id;
    tamperAuditEntry(sqlite, target.id, (row) => (row.actor_id = other));
    return target;
  } finally {
    sqlite.close();
  }
}

function chainLength(): { entries: number; headId: number } {
  const sqlite = new Database(env.DATABASE_PATH, { readonly: true });
  try {
    return sqlite.prepare("SELECT count(*) AS entries, max(id) AS headId FROM audit_log").get() as { entries: number; headId: number };
  } finally {
    sqlite.close();
  }
}

describe("npm run audit:verify on the demo database", () => {
  it("prints the chain's length and 'intact'", async () => {
    const { entries, headId } = chainLength();
    // A sign-in and a sign-out each.
    expect(entries).toBe(STAFF.length * 2);
    const run = await runScript("audit-verify", [], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(new RegExp(`^Audit log: ${entries} entries, intact\\. Head: entry ${headId} [0-9a-f]{64}$`));
  });

  it("names the entry someone changed without the key, and exits 1", async () => {
    // The fourth person's sign-in, put down to someone else, with entries after it.
    const target = tamper((rows) => rows.filter((r) => r.action === "auth.sign_in")[3]);
    const run = await runScript("audit-verify", [], env);
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toBe(
      `Audit log: NOT intact. Entry ${target.id} (${target.action} at ${target.at}) is the first that does not verify: its content does not match its keyed hash (it was changed).`,
    );
  });
});
