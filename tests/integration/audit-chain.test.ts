/**
 * The audit chain under attack: someone with the database file drops the append-only trigger,
 * changes the actor of an approval and recomputes every later hash (as the tester did).
 * Without the key the recomputed chain does not verify; `npm run audit:verify` names the entry;
 * the daily check records it for the admin page; and cutting the newest entries off is caught
 * against the head an earlier check recorded.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, migrateDatabase, writeTransaction } from "#db/client.server";
import { appendAudit, latestAuditCheck, runDailyAuditCheck, verifyChain } from "~/audit/audit.server";
import { setClock } from "~/lib/clock";
import { tamperAuditEntry } from "../fixtures/audit-tamper";

const START = new Date("2026-06-01T09:00:00Z");

beforeAll(() => {
  setClock(START);
  migrateDatabase(db());
  db().$client.exec("INSERT INTO users (id, email, name) VALUES (1, 'approver@council.example', 'The real approver'), (2, 'other@council.example', 'Someone else')");
  writeTransaction((tx) => {
    for (let i = 1; i <= 20; i++) {
      appendAudit(tx, { actorId: i === 10 ? 1 : null, action: i === 10 ? "proposal.approve" : "proposal.edit", entityType: "proposal", entityId: 1, detail: { step: i } });
    }
  });
});

afterAll(() => setClock(null));

function verifyCli() {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: { ...process.env }, encoding: "utf8" });
  return { code: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

/** What an attacker without the key can do: recompute plain SHA-256 hashes from an entry on. */
const tamper = (fromId: number, change: (row: Record<string, unknown>) => void) => tamperAuditEntry(db().$client, fromId, change);

describe("the keyed audit chain", () => {
  it("verifies intact, and audit:verify prints the length and 'intact'", () => {
    expect(verifyChain(db())).toMatchObject({ intact: true, entries: 20 });
    const cli = verifyCli();
    expect(cli.code).toBe(0);
    expect(cli.out).toMatch(/^Audit log: 20 entries, intact\. Head: entry 20 [0-9a-f]{64}$/);
  });

  it("the daily check records the head and logs it, once a day", () => {
    const lines: string[] = [];
    expect(runDailyAuditCheck(db(), START, (l) => lines.push(l)).ran).toBe(true);
    expect(runDailyAuditCheck(db(), new Date(START.getTime() + 60_000), (l) => lines.push(l)).ran).toBe(false);
    expect(lines).toEqual([expect.stringMatching(/^Audit log: 20 entries, intact\. Head: entry 20 /)]);
    expect(latestAuditCheck(db())).toMatchObject({ ok: true, entries: 20, headId: 20 });
  });

  it("finds a changed actor even when every later hash was recomputed", () => {
    tamper(10, (row) => (row.actor_id = 2));
    const report = verifyChain(db());
    expect(report.intact).toBe(false);
    if (!report.intact) expect(report.firstBad).toMatchObject({ id: 10, action: "proposal.approve" });
    const cli = verifyCli();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain("Entry 10 (proposal.approve");
    expect(cli.out).toContain("NOT intact");

    const lines: string[] = [];
    runDailyAuditCheck(db(), new Date(START.getTime() + 25 * 60 * 60 * 1000), (l) => lines.push(l));
    expect(latestAuditCheck(db())).toMatchObject({ ok: false, firstBadId: 10 });
    expect(lines[0]).toContain("NOT intact");
  });

  it("finds the newest entries cut off, against the head recorded earlier", () => {
    const sqlite = db().$client;
    // Put entry 10 back as it was is impossible without the key; start a fresh chain instead.
    sqlite.exec("DROP TRIGGER audit_log_no_delete");
    sqlite.exec("DELETE FROM audit_log WHERE id >= 10");
    sqlite.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    const cut = verifyChain(db(), { anchor: { id: 20, hash: "a".repeat(64) } });
    expect(cut.intact).toBe(false);
    if (!cut.intact) expect(cut.firstBad.reason).toContain("cut short");
    // Without an anchor the shortened chain is still a valid chain: the daily head line is what catches it.
    expect(verifyChain(db()).intact).toBe(true);
  });
});
