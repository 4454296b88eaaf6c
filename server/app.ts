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

export function createApp(build: ServerBuild, clientDir: string) {
  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  // req.ip is the socket address (no proxy trust configured): the sign-in throttle keys on it.
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (req, res) => ({ clientAddress: req.ip, cspNonce: res.locals.cspNonce }) }));
  return app;
}
