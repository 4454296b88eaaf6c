/**
 * The HTTP server: static assets from the client build, everything else through Remix.
 * One process also runs the scheduler (opening and closing consultations) unless told not to.
 */
import { randomBytes } from "node:crypto";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

export function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction) {
  // A fresh nonce per response: only scripts that carry it run (app/entry.server.tsx).
  const nonce = randomBytes(16).toString("base64");
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
  next();
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

export function createApp(build: ServerBuild, clientDir: string) {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  // req.ip is the socket address (no proxy trust configured): the sign-in throttle keys on it.
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req, res) => ({ clientAddress: req.ip, cspNonce: res.locals.cspNonce, flowControl: () => whenDrained(res) }) }));
  return app;
}
