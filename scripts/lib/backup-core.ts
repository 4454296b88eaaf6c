/**
 * What `npm run backup` and `npm run restore` do (scripts/backup.ts, scripts/restore.ts), kept
 * out of both: the script build bundles each script as an entry and splits code two of them
 * share into a chunk, so one script importing the other moved the backup's own start-up check
 * into that chunk, where it never matched, and `npm run backup` silently did nothing.
 *
 * backup: a consistent copy of the database (SQLite's online backup, taken in one step so a
 * busy server cannot keep restarting it) and of the uploads folder, into a dated folder, with a
 * manifest of counts and checksums. The copy is checked (PRAGMA integrity_check) before the
 * backup is reported done. The database is copied first and the uploads after: an upload's
 * file is written before its row commits, so every file the copied database names is in the
 * copied folder.
 *
 * restore: the backup is checked (checksum from its manifest, integrity check) before anything
 * is touched; the current database and uploads are moved aside, not deleted.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Manifest = {
  takenAt: string;
  database: { file: string; bytes: number; sha256: string; tables: Record<string, number> };
  uploads: { files: number; bytes: number };
};

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function copyFolder(from: string, to: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return { files, bytes };
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith(".write-test-")) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      const sub = copyFolder(source, target);
      files += sub.files;
      bytes += sub.bytes;
    } else if (entry.isFile()) {
      fs.copyFileSync(source, target);
      files++;
      bytes += fs.statSync(target).size;
    }
  }
  return { files, bytes };
}

export function tableCounts(file: string): Record<string, number> {
  const database = new Database(file, { readonly: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (database.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    database.close();
  }
}

export function integrityOk(file: string): string {
  const database = new Database(file, { readonly: true });
  try {
    return String(database.pragma("integrity_check", { simple: true }));
  } finally {
    database.close();
  }
}

export async function backup(options: { databasePath: string; uploadsPath: string; to: string; at?: Date }): Promise<{ folder: string; manifest: Manifest }> {
  const at = options.at ?? new Date();
  const folder = path.join(options.to, at.toISOString().replace(/:/g, "-").replace(/\.\d+Z$/, "Z"));
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists`);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, "plainsight.db");
  const source = new Database(options.databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // One step (every page at once) inside one read transaction: a consistent snapshot even
    // while the server writes, where small steps would start again after each write.
    await source.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
  } finally {
    source.close();
  }
  const check = integrityOk(target);
  if (check !== "ok") throw new Error(`the copy of the database failed its integrity check: ${check}`);
  const uploads = copyFolder(options.uploadsPath, path.join(folder, "uploads"));
  const manifest: Manifest = {
    takenAt: at.toISOString(),
    database: { file: "plainsight.db", bytes: fs.statSync(target).size, sha256: sha256(target), tables: tableCounts(target) },
    uploads,
  };
  fs.writeFileSync(path.join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}

export function restore(options: { from: string; databasePath: string; uploadsPath: string; at?: Date }): { movedAside: string[] } {
  const manifestFile = path.join(options.from, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`${options.from} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  const copy = path.join(options.from, manifest.database.file);
  if (sha256(copy) !== manifest.database.sha256) throw new Error(`${copy} does not match its checksum: the backup was changed or damaged`);
  const check = integrityOk(copy);
  if (check !== "ok") throw new Error(`${copy} failed its integrity check: ${check}`);

  const stamp = (options.at ?? new Date()).toISOString().replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const movedAside: string[] = [];
  const aside = (p: string) => {
    if (!fs.existsSync(p)) return;
    const to = `${p}.before-restore-${stamp}`;
    fs.renameSync(p, to);
    movedAside.push(to);
  };
  const database = path.resolve(options.databasePath);
  fs.mkdirSync(path.dirname(database), { recursive: true });
  // The -wal and -shm files belong to the database being replaced.
  for (const p of [database, `${database}-wal`, `${database}-shm`]) aside(p);
  const incoming = `${database}.restoring`;
  fs.copyFileSync(copy, incoming);
  fs.renameSync(incoming, database);

  const uploads = path.resolve(options.uploadsPath);
  aside(uploads);
  fs.cpSync(path.join(options.from, "uploads"), uploads, { recursive: true });
  return { movedAside };
}
