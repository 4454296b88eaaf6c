/**
 * Remix behind Express, with the body already read and checked (server/request-guards.ts).
 * Written here rather than taken from @remix-run/express because that adapter streams the raw
 * request into Remix, before any limit, and passes every header through.
 */
import type express from "express";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { RequestError } from "./http-errors";

export type LoadContextFactory = (req: express.Request, res: express.Response) => AppLoadContext;

/** Response headers decided by the server around what Remix answered (cache policy, for one). */
export type ResponseHeaderPolicy = (req: express.Request, headers: Headers) => void;

function remixRequest(req: express.Request, res: express.Response): Request {
  // req.protocol and the Host follow the TRUST_PROXY setting; a Host that is not a host is refused.
  const host = req.get("host") ?? "";
  let url: URL;
  try {
    const base = new URL(`${req.protocol}://${host}`);
    if (!host || base.pathname !== "/" || base.username || base.password || base.search || base.hash) throw new Error("host");
    // Origin-form ("/path?query") is joined as text, so "//x" stays a path; an absolute-form
    // request line keeps only its path and query.
    const target = req.originalUrl.startsWith("/") ? req.originalUrl : (() => {
      const u = new URL(req.originalUrl);
      return u.pathname + u.search;
    })();
    url = new URL(base.origin + target);
    if (url.origin !== base.origin) throw new Error("origin");
  } catch {
    throw new RequestError(400, "The request's address could not be read.");
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    // Forwarding headers are the server's business (TRUST_PROXY), never the routes'.
    if (name.startsWith("x-forwarded-") || name === "forwarded") continue;
    // The origin check ran for every POST (originGuard); Remix's own copy of it would answer a
    // mismatch with an empty 500 rather than a 403.
    if (name === "origin" && res.locals.originChecked) continue;
    try {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    } catch {
      throw new RequestError(400, "A request header could not be read.");
    }
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = res.locals.body as Buffer | undefined;
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(req.method === "POST" ? { body: (body ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array(0)) as unknown as BodyInit } : {}),
  });
}

export function remixHandler(build: ServerBuild, options: { mode?: string; getLoadContext: LoadContextFactory; headerPolicy?: ResponseHeaderPolicy }): express.RequestHandler {
  const handle = createRequestHandler(build, options.mode);
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res);
      const response = await handle(request, options.getLoadContext(req, res));
      const headers = new Headers(response.headers);
      options.headerPolicy?.(req, headers);
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of headers.entries()) {
        if (name === "set-cookie") continue;
        res.setHeader(name, value);
      }
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
