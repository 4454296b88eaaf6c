/**
 * `npm run backup [-- --to <folder>]`: a consistent copy of the database and the uploads folder
 * into a dated folder (scripts/lib/backup-core.ts). Runs when started: it is never imported, so
 * the script build keeps it whole (see backup-core.ts for what went wrong when it was).
 */
import path from "node:path";
import { env } from "~/lib/env.server";
import { backup } from "./lib/backup-core";

const e = env();
const toArg = process.argv.indexOf("--to");
const to = toArg > 0 ? process.argv[toArg + 1] : (process.env.BACKUP_PATH ?? path.join(path.dirname(path.resolve(e.DATABASE_PATH)), "backups"));
if (!to) {
  console.error("Usage: npm run backup [-- --to <folder>]");
  process.exit(2);
}
try {
  const { folder, manifest } = await backup({ databasePath: e.DATABASE_PATH, uploadsPath: e.UPLOADS_PATH, to });
  console.log(`Backup done: ${folder} (database ${(manifest.database.bytes / 1024 / 1024).toFixed(1)} MB, integrity ok; ${manifest.uploads.files} uploaded files)`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
