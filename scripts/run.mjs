#!/usr/bin/env node
/**
 * Runs a production script on plain node: `node scripts/run.mjs start --demo` builds what is
 * missing or stale (the app for `start`, unless --no-build; the scripts always), then runs
 * build/scripts/start.js in this process. The npm scripts in package.json go through here.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SCRIPTS_BUILD, ensureBuilt } from "./lib/build.mjs";

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z-]*$/.test(name)) {
  console.error("usage: node scripts/run.mjs <script> [arguments]");
  process.exit(2);
}
try {
  await ensureBuilt({ app: name === "start" && !args.includes("--no-build") });
} catch (error) {
  console.error(`Plainsight cannot start: the build failed (${error.message})`);
  process.exit(1);
}
const file = path.join(SCRIPTS_BUILD, `${name}.js`);
// The script reads its own arguments as if it had been started directly.
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
