/**
 * Nothing that depends on who is signed in may be kept by a browser's or a proxy's cache:
 * `Cache-Control: private, no-store` on every response to a request that carries one of our
 * cookies, that sets one, or that belongs to a signed-in area; `Vary: Cookie` on every page, so
 * a shared cache never gives one person's page to another. Public caching of anonymous pages
 * (issue 13) builds on this, never below it.
 */
import type express from "express";

/** Every cookie this site sets starts so (staff and resident sessions, the second-factor step). */
export const COOKIE_PREFIX = "__plainsight";

/** Areas whose pages are about the person asking, signed in or not. */
const PRIVATE_PREFIXES = ["/staff", "/notices", "/respondents", "/verify", "/subscribe/confirm", "/unsubscribe"];

export function carriesSessionCookie(req: express.Request): boolean {
  const header = req.headers.cookie;
  if (!header) return false;
  return header.split(";").some((pair) => pair.trim().startsWith(COOKIE_PREFIX));
}

export function isPrivatePath(path: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`));
}

function addVary(headers: Headers, name: string) {
  const current = headers.get("Vary");
  if (!current) headers.set("Vary", name);
  else if (!current.split(",").some((v) => v.trim().toLowerCase() === name.toLowerCase() || v.trim() === "*")) headers.set("Vary", `${current}, ${name}`);
}

export function sessionCachePolicy(req: express.Request, headers: Headers) {
  addVary(headers, "Cookie");
  if (carriesSessionCookie(req) || headers.has("Set-Cookie") || isPrivatePath(req.path)) {
    headers.set("Cache-Control", "private, no-store");
  }
}
