/**
 * The HTTP server: static assets from the client build, everything else through Remix, with
 * the checks every request passes first. Read top to bottom, a request meets:
 *
 *   remembered language (302) → security headers → static files → address (400) → method (405) → origin (403) → content type (415)
 *   → bounded body (413, 400) → Remix (cache policy on its answer) → one error handler
 *
 * Each step is a small middleware in its own module, so a later change (public caching,
 * compression) slots in between without touching the others.
 */
import { randomBytes } from "node:crypto";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { sessionCachePolicy } from "./cache-policy";
import Database from "better-sqlite3";
import { env } from "~/lib/env.server";
import { httpCache } from "./http-cache";
import { rememberedLanguage } from "./language";
import { consultationSlugOf } from "./http-rules";
import { errorPageRenderer } from "./error-page";
import { errorHandler, RequestError } from "./http-errors";
import { bodyLimitFor } from "./limits";
import { remixHandler } from "./remix";
import { addressGuard, bodyReader, contentTypeGuard, methodGuard, originGuard } from "./request-guards";

export type AppOptions = {
  /** the public address (BASE_URL, when set): allowed as a form's origin; HTTPS turns HSTS on */
  baseUrl?: string;
  /** Express's "trust proxy": false, a number of proxies, or their addresses (TRUST_PROXY) */
  trustProxy: false | number | string[];
  mode?: string;
};

export function securityHeaders(options: { hsts: boolean }): express.RequestHandler {
  return (_req, res, next) => {
    // A fresh nonce per response: only scripts that carry it run (app/entry.server.tsx).
    // server/http-cache.ts may have chosen it already (an anonymous page's nonce comes from the page).
    const nonce: string = res.locals.cspNonce ?? randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // Styles keep 'unsafe-inline' for the council's brand colour (docs/decisions/004-content-security-policy.md).
    res.setHeader(
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
    );
    // Served over HTTPS: browsers must not try plain http for a year.
    if (options.hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/**
 * Resolves when the client has taken what was sent (true), or has gone away (false). Streamed
 * responses (CSV exports) wait on it before reading the next batch, so a slow client never makes
 * the server buffer a whole export (Remix writes a stream without waiting for "drain").
 */
export function whenDrained(res: express.Response): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  if (!res.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

/**
 * The render cache's key for an address (server/http-cache.ts): the generation of what the page
 * shows, read through a connection of its own, which sees every commit by any connection in this
 * process (the app's, the scheduler's) or another (the worker's). A consultation's pages go by
 * its own generation and the site's; every other page by all public content's. Triggers move
 * them with each write (db/migrations/0012_page_generations.sql, decision 029).
 */
export function pageGeneration(): ((path: string) => string) | undefined {
  const file = env().DATABASE_PATH;
  if (file === ":memory:") return undefined;
  const watcher = new Database(file, { readonly: true, fileMustExist: true });
  const read = watcher.prepare<[string | null], { content: number; site: number; proposal: number | null }>(
    `SELECT (SELECT generation FROM page_generations WHERE scope = 'content') AS content,
            (SELECT generation FROM page_generations WHERE scope = 'site') AS site,
            (SELECT coalesce((SELECT generation FROM page_generations WHERE scope = 'proposal:' || p.id), 0)
               FROM proposals p WHERE p.slug = ?) AS proposal`,
  );
  return (path) => {
    const slug = consultationSlugOf(path);
    const row = read.get(slug)!;
    // A slug that names no proposal (a made-up address, an old one) goes by all content, so
    // the page changes when a proposal takes that slug.
    return slug !== null && row.proposal !== null ? `s${row.site}.p${row.proposal}` : `c${row.content}`;
  };
}

export function createApp(build: ServerBuild, clientDir: string, options: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Off by default: req.ip is then the socket's address, whatever X-Forwarded-For says.
  app.set("trust proxy", options.trustProxy);
  const renderPage = errorPageRenderer(build);

  // A reader who chose a language keeps it on addresses without one (issue 14); before the
  // cache, which keys pages by address.
  app.use(rememberedLanguage());
  // ETags, 304s, public caching, the render cache, gzip and brotli (issue 13).
  app.use(httpCache({ version: pageGeneration() }));
  app.use(securityHeaders({ hsts: options.baseUrl?.startsWith("https://") ?? false }));
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  app.use(addressGuard());
  app.use(methodGuard());
  app.use(originGuard({ baseUrl: options.baseUrl }));
  app.use(contentTypeGuard());
  app.use(bodyReader({ limitFor: bodyLimitFor }));
  app.use(
    remixHandler(build, {
      mode: options.mode ?? process.env.NODE_ENV,
      // The client's address as TRUST_PROXY resolves it: the rate limits and the sign-in throttle key on it.
      getLoadContext: (req, res) => {
        // What Remix answers gets the page cache policy (server/http-cache.ts); static files keep theirs.
        res.locals.remix = true;
        return { clientAddress: req.ip, cspNonce: res.locals.cspNonce, flowControl: () => whenDrained(res) };
      },
      headerPolicy: sessionCachePolicy,
    }),
  );
  app.use((_req, _res, next) => next(new RequestError(404, "If you typed the web address, check it is correct.")));
  app.use(errorHandler(renderPage));
  return app;
}
