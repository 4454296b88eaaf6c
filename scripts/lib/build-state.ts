/** Whether the production build in build/ is missing or older than the source it was built from. */
import fs from "node:fs";
import path from "node:path";

export const SERVER_BUILD = path.resolve("build/server/index.js");

export function buildIsStale(): boolean {
  return !fs.existsSync(SERVER_BUILD) || newestSource() > fs.statSync(SERVER_BUILD).mtimeMs;
}

function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["app", "vite.config.ts", "package-lock.json"]) visit(path.resolve(p));
  return newest;
}
