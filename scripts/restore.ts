/**
 * `npm run restore -- <backup folder>`: put a backup made by `npm run backup` back. Stop the
 * server first. The backup is checked before anything is touched, and the current database and
 * uploads are moved aside, not deleted (scripts/lib/backup-core.ts).
 */
import path from "node:path";
import { env } from "~/lib/env.server";
import { restore } from "./lib/backup-core";

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
