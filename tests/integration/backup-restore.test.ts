/**
 * Backup and restore, run as npm runs them (`node scripts/run.mjs backup`, on the compiled
 * scripts): a backup taken while another process writes as fast as it can is a consistent
 * snapshot (integrity check ok, no half-written pair of rows, nothing acknowledged before the
 * backup started missing), with the uploads beside it, and restoring it gives back exactly that
 * state. Once, the compiled `backup` printed nothing, wrote nothing and exited 0: restore.ts
 * imported backup.ts, and the build moved backup's start-up check into a shared chunk.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "#db/client.server";
import { integrityOk } from "../../scripts/lib/backup-core";
import { productionScripts } from "../../scripts/lib/build.mjs";
import { runScript } from "../fixtures/run-script";

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

const env = { DATABASE_PATH: databasePath, UPLOADS_PATH: uploadsPath };

/** `npm run backup -- --to <to>`: the folder it reports. */
async function backupCli(to: string) {
  const run = await runScript("backup", ["--to", to], env);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const folder = /^Backup done: (\S+) \(database [\d.]+ MB, integrity ok; (\d+) uploaded files\)$/.exec(run.stdout.trim());
  expect(folder, run.out).not.toBeNull();
  return { folder: folder![1], uploadedFiles: Number(folder![2]) };
}

describe("npm run backup and npm run restore", () => {
  it("takes a consistent backup under write load, and restores it", async () => {
    const writer = startWriter();
    try {
      await expect.poll(() => writer.written(), { timeout: 30_000 }).toBeGreaterThan(1000);
      const before = counts(databasePath).parents;
      const { folder, uploadedFiles } = await backupCli(path.join(dir, "backups"));
      expect(path.dirname(folder)).toBe(path.join(dir, "backups"));
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf8")) as { database: { tables: Record<string, number> }; uploads: { files: number } };
      await expect.poll(() => writer.written(), { timeout: 30_000 }).toBeGreaterThan(before + 1000);
      writer.child.kill("SIGKILL");
      expect(uploadedFiles).toBe(5);

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

      const restored = await runScript("restore", [folder], env);
      expect(restored.code, restored.out).toBe(0);
      expect(restored.stdout).toContain(`Restored ${folder} to ${databasePath} and ${uploadsPath}. The previous files are kept as ${databasePath}.before-restore-`);
      expect(integrityOk(databasePath)).toBe("ok");
      expect(counts(databasePath)).toEqual(snapshot);
      expect(fs.readdirSync(uploadsPath).sort()).toEqual(["doc-0.pdf", "doc-1.pdf", "doc-2.pdf", "doc-3.pdf", "doc-4.pdf"]);
      expect(fs.readFileSync(path.join(uploadsPath, "doc-3.pdf"), "utf8")).toBe("%PDF-1.7 document 3");
    } finally {
      writer.child.kill("SIGKILL");
    }
  }, 120_000);

  it("refuses a backup whose database was changed after it was taken, and leaves the live files alone", async () => {
    const { folder } = await backupCli(path.join(dir, "backups2"));
    fs.appendFileSync(path.join(folder, "plainsight.db"), "tampered");
    const live = counts(databasePath);
    const files = fs.readdirSync(path.dirname(databasePath)).sort();
    const refused = await runScript("restore", [folder], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Restore failed: ${path.join(folder, "plainsight.db")} does not match its checksum`);
    expect(counts(databasePath)).toEqual(live);
    expect(fs.readdirSync(path.dirname(databasePath)).sort()).toEqual(files);
  });

  // What broke the compiled backup: a script imported by another is split into a shared chunk,
  // and its top level no longer runs as that script. What scripts share lives in scripts/lib/.
  it("no production script imports another", () => {
    const scripts = productionScripts().map((f: string) => path.basename(f, ".ts"));
    for (const file of productionScripts()) {
      const source = fs.readFileSync(file, "utf8");
      const imported = [...source.matchAll(/from\s+["']\.\/([\w-]+)(?:\.[jt]s)?["']/g)].map((m) => m[1]);
      expect(imported.filter((name) => scripts.includes(name)), path.basename(file)).toEqual([]);
    }
  });
});
