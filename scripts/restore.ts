/**
 * `npm run restore -- <backup folder>`: put a backup made by `npm run backup` back. Stop the
 * server first. The backup is checked (checksum from its manifest, integrity check) before
 * anything is touched; the current database and uploads are moved aside, not deleted.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "~/lib/env.server";
import type { Manifest } from "./backup";
import { integrityOk } from "./backup";

export function restore(options: { from: string; databasePath: string; uploadsPath: string; at?: Date }): { movedAside: string[] } {
  const manifestFile = path.join(options.from, "manifest.json");
  if (!fs.existsSync(manifestFile)) throw new Error(`${options.from} is not a backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  const copy = path.join(options.from, manifest.database.file);
  const digest = createHash("sha256").update(fs.readFileSync(copy)).digest("hex");
  if (digest !== manifest.database.sha256) throw new Error(`${copy} does not match its checksum: the backup was changed or damaged`);
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

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  const from = process.argv[2];
  if (!from) {
    console.error("Usage: npm run restore -- <backup folder> (stop the server first)");
    process.exit(2);
  }
  const e = env();
  try {
    const { movedAside } = restore({ from, databasePath: e.DATABASE_PATH, uploadsPath: e.UPLOADS_PATH });
    console.log(`Restored ${from} to ${path.resolve(e.DATABASE_PATH)} and ${path.resolve(e.UPLOADS_PATH)}.${movedAside.length ? ` The previous files are kept as ${movedAside.join(", ")}.` : ""}`);
  } catch (error) {
    console.error(`Restore failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
