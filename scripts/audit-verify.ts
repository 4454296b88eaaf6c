/**
 * `npm run audit:verify`: walk the audit log's chain and print its length and "intact", or the
 * first entry that does not verify (exit code 1). Reads DATABASE_PATH and AUDIT_KEY (in the
 * demo, the key kept beside the database). `--head <id>:<hash>` also checks the chain still
 * reaches a head recorded earlier (a line from the daily log, kept elsewhere).
 */
import fs from "node:fs";
import path from "node:path";
import { describeDatabaseError, openDatabase } from "#db/client.server";
import { describeChain, verifyChain } from "~/audit/audit.server";
import { env } from "~/lib/env.server";

const file = env().DATABASE_PATH;
if (!fs.existsSync(file)) {
  console.error(`audit:verify: there is no database at ${path.resolve(file)} (set DATABASE_PATH)`);
  process.exit(2);
}
let database;
try {
  database = openDatabase(file);
} catch (error) {
  console.error(`audit:verify: ${describeDatabaseError(file, error)}`);
  process.exit(2);
}
const headArg = process.argv.indexOf("--head");
const anchor = headArg > 0 ? /^(\d+):([0-9a-f]{64})$/.exec(process.argv[headArg + 1] ?? "") : null;
if (headArg > 0 && !anchor) {
  console.error("audit:verify: --head takes <entry id>:<64 hex digits>, as the daily log line gives them");
  process.exit(2);
}
const report = verifyChain(database, { anchor: anchor ? { id: Number(anchor[1]), hash: anchor[2] } : null });
console.log(describeChain(report));
process.exit(report.intact ? 0 : 1);
