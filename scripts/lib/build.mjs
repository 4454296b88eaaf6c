/**
 * The production build, in plain JavaScript so that plain `node` can run it before anything is
 * compiled: the Remix app (Vite, into build/server and build/client) and the server and scripts
 * (esbuild, into build/scripts). Production runs only what is in build/; tsx stays a development
 * tool (docs/decisions/019-fast-for-the-public.md).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_BUILD = path.join(ROOT, "build/server/index.js");
export const SCRIPTS_BUILD = path.join(ROOT, "build/scripts");
/** Written last by compileScripts: its time is the scripts build's time. */
const SCRIPTS_STAMP = path.join(SCRIPTS_BUILD, ".built");
/** Development tools that stay on tsx: never part of a deployment. */
const DEV_ONLY = new Set(["bench.ts", "mutation.ts"]);

function newestSource(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return newest;
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/** Whether the Remix build is missing or older than the source it was built from. */
export function buildIsStale() {
  return !fs.existsSync(SERVER_BUILD) || newestSource(["app", "vite.config.ts", "package-lock.json"]) > mtime(SERVER_BUILD);
}

/** Whether build/scripts is missing or older than anything a script imports. */
export function scriptsAreStale() {
  return newestSource(["app", "db", "server", "scripts", "package-lock.json", "tsconfig.json"]) > mtime(SCRIPTS_STAMP);
}

export function productionScripts() {
  return fs
    .readdirSync(path.join(ROOT, "scripts"))
    .filter((f) => f.endsWith(".ts") && !DEV_ONLY.has(f))
    .map((f) => path.join(ROOT, "scripts", f));
}

export function buildApp() {
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error(`remix vite:build failed (${result.status})`);
}

/**
 * Compile every production script with what it imports from app/, db/ and server/ into ES
 * modules under build/scripts. Packages stay external (node loads them from node_modules), and
 * code only some scripts need (the demo seed, argon2) is split into chunks loaded on demand.
 * esbuild is the one Vite already depends on, so nothing is installed for this.
 */
export async function compileScripts() {
  const esbuild = createRequire(createRequire(path.join(ROOT, "package.json")).resolve("vite")).resolve("esbuild");
  const { build, stop } = await import(pathToFileURLString(esbuild));
  fs.rmSync(SCRIPTS_BUILD, { recursive: true, force: true });
  try {
    await build({
      absWorkingDir: ROOT,
      entryPoints: productionScripts(),
      outdir: SCRIPTS_BUILD,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      tsconfig: path.join(ROOT, "tsconfig.json"),
      chunkNames: "chunks/[name]-[hash]",
      sourcemap: "linked",
      logLevel: "warning",
    });
  } finally {
    // esbuild's service process would otherwise live as long as the server it built.
    await stop?.();
  }
  fs.writeFileSync(SCRIPTS_STAMP, new Date().toISOString());
}

function pathToFileURLString(p) {
  return new URL(`file://${p}`).href;
}

/** Build what is stale: the scripts always (a second or two), the app when asked. */
export async function ensureBuilt({ app }) {
  if (app && buildIsStale()) {
    console.log("Building the app (first start or the source changed)…");
    buildApp();
  }
  if (scriptsAreStale()) await compileScripts();
}
