/**
 * Backup and restore: a backup taken while another process writes as fast as it can is a
 * consistent snapshot (integrity check ok, no half-written pair of rows, nothing acknowledged
 * before the backup started missing), with the uploads beside it, and restoring it gives back
 * exactly that state.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "#db/client.server";
import { backup, integrityOk } from "../../scripts/backup";
import { restore } from "../../scripts/restore";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plainsight-backup-"));
const databasePath = path.join(dir, "live", "plainsight.db");
const uploadsPath = path.join(dir, "live", "uploads");

beforeAll(() => {
  const database = openDatabase(databasePath);
  migrateDatabase(database);
  // Pairs written in one transaction each: a backup that caught half a pair would be torn.
  database.$client.exec("CREATE TABLE load_parent (id INTEGER PRIMARY KEY, at INTEGER); CREATE TABLE load_child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES load_parent(id));");
  database.$client.close();
  fs.mkdirSync(uploadsPath, { recursive: true });
  for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(uploadsPath, `doc-${i}.pdf`), `%PDF-1.7 document ${i}`);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process writing pairs of rows, as fast as it can, until killed. */
function startWriter() {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
    const db = new Database(${JSON.stringify(databasePath)});
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000"); db.pragma("synchronous = FULL");
    const parent = db.prepare("INSERT INTO load_parent (at) VALUES (?)");
    const child = db.prepare("INSERT INTO load_child (parent_id) VALUES (?)");
    const pair = db.transaction(() => { const id = parent.run(Date.now()).lastInsertRowid; child.run(id); child.run(id); });
    let n = 0;
    const loop = () => { for (let i = 0; i < 20; i++) { pair(); n++; } if (n % 200 === 0) process.stdout.write(n + "\\n"); setImmediate(loop); };
    loop();
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let written = 0;
  child.stdout.on("data", (c: Buffer) => (written = Number(c.toString().trim().split("\n").pop())));
  return { child, written: () => written };
}

function counts(file: string) {
  const database = new Database(file, { readonly: true });
  try {
    const parents = (database.prepare("SELECT count(*) AS n FROM load_parent").get() as { n: number }).n;
    const children = (database.prepare("SELECT count(*) AS n FROM load_child").get() as { n: number }).n;
    const torn = (database.prepare("SELECT count(*) AS n FROM load_parent p WHERE (SELECT count(*) FROM load_child c WHERE c.parent_id = p.id) <> 2").get() as { n: number }).n;
    return { parents, children, torn };
  } finally {
    database.close();
  }
}

describe("npm run backup and npm run restore", () => {
  it("takes a consistent backup under write load, and restores it", async () => {
    const writer = startWriter();
    try {
      await expect.poll(() => writer.written(), { timeout: 30_000 }).toBeGreaterThan(1000);
      const before = counts(databasePath).parents;
      const { folder, manifest } = await backup({ databasePath, uploadsPath, to: path.join(dir, "backups") });
      await expect.poll(() => writer.written(), { timeout: 30_000 }).toBeGreaterThan(before + 1000);
      writer.child.kill("SIGKILL");

      const copy = path.join(folder, "plainsight.db");
      expect(integrityOk(copy)).toBe("ok");
      const snapshot = counts(copy);
      expect(snapshot.torn).toBe(0);
      expect(snapshot.parents).toBeGreaterThanOrEqual(before);
      expect(snapshot.children).toBe(snapshot.parents * 2);
      expect(manifest.database.tables.load_parent).toBe(snapshot.parents);
      expect(manifest.uploads.files).toBe(5);
      // The live database moved on after the backup.
      expect(counts(databasePath).parents).toBeGreaterThan(snapshot.parents);

      const restored = restore({ from: folder, databasePath, uploadsPath });
      expect(restored.movedAside.length).toBeGreaterThan(0);
      expect(integrityOk(databasePath)).toBe("ok");
      expect(counts(databasePath)).toEqual(snapshot);
      expect(fs.readdirSync(uploadsPath).sort()).toEqual(["doc-0.pdf", "doc-1.pdf", "doc-2.pdf", "doc-3.pdf", "doc-4.pdf"]);
      expect(fs.readFileSync(path.join(uploadsPath, "doc-3.pdf"), "utf8")).toBe("%PDF-1.7 document 3");
    } finally {
      writer.child.kill("SIGKILL");
    }
  }, 120_000);

  it("refuses a backup whose database was changed after it was taken", async () => {
    const { folder } = await backup({ databasePath, uploadsPath, to: path.join(dir, "backups2") });
    fs.appendFileSync(path.join(folder, "plainsight.db"), "tampered");
    expect(() => restore({ from: folder, databasePath, uploadsPath })).toThrow(/does not match its checksum/);
  });
});
