/**
 * Checks every request passes before Remix runs, each one small middleware that the server
 * composes (server/app.ts). Each refuses with a RequestError, which the server's one error
 * handler answers (server/http-errors.ts): 405, 403, 415, 413, 400.
 */
import type express from "express";
import { encodeMultipart, parseMultipart, readBoundedBody, type BodyLimits } from "./body";
import { RequestError } from "./http-errors";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/**
 * 400 for an address that cannot be decoded (a "%" not followed by two hex digits, bytes that
 * are not UTF-8): it names no page, and the router would only log a warning about it.
 */
export function addressGuard(): express.RequestHandler {
  return (req, _res, next) => {
    try {
      decodeURIComponent(req.path);
      next();
    } catch {
      next(new RequestError(400, "The web address could not be read. Check it is correct."));
    }
  };
}

/** The open data (app/open-data/): read by other sites' scripts, so OPTIONS is their CORS preflight. */
const CORS_PATHS = /^\/(api\/|feeds\/|sitemap\.xml$|robots\.txt$|consultations\/[^/]+\/feed\.atom$)/;

/** 405 for anything but GET, HEAD and POST (and OPTIONS on the open data): no page here answers PUT, DELETE or the rest. */
export function methodGuard(): express.RequestHandler {
  return (req, _res, next) => {
    if (ALLOWED_METHODS.includes(req.method) || (req.method === "OPTIONS" && CORS_PATHS.test(req.path))) return next();
    next(new RequestError(405, `This address accepts ${ALLOWED_METHODS.join(", ")} requests only.`, { Allow: ALLOWED_METHODS.join(", ") }));
  };
}

/**
 * 403 for a form posted from another site. A browser sends Origin with every POST; it must be
 * this site, as the request reached it (its Host, or X-Forwarded-Host behind a trusted proxy)
 * or as the council configured it (BASE_URL). "null" (a sandboxed frame, a redirect across
 * sites) is refused too. Clients that send no Origin (curl, monitoring) are not browsers
 * carrying someone's cookies. Sec-Fetch-Site, where sent, must not say another site.
 */
export function originGuard(options: { baseUrl?: string }): express.RequestHandler {
  const configured = options.baseUrl ? new URL(options.baseUrl).origin : null;
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const refuse = () => next(new RequestError(403, "The form was sent from another website, so it was not accepted. Go back to this site and try again."));
    if (fetchSite === "cross-site" || fetchSite === "same-site") return refuse();
    if (origin === undefined) return next();
    const own = `${req.protocol}://${req.get("host") ?? ""}`;
    let parsed: string;
    try {
      parsed = new URL(origin).origin;
    } catch {
      return refuse();
    }
    if (origin === "null" || (parsed !== configured && parsed !== own)) return refuse();
    // Checked here, once, for every action: see remixHandler (server/remix.ts).
    res.locals.originChecked = true;
    next();
  };
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The media type of the request, lower case, without parameters; "" when none was sent. */
function mediaType(req: express.Request): string {
  return (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/**
 * 415 for a POST that is not a form (JSON, text/plain, XML...). A POST with no body and no
 * Content-Type is an empty form (a sign-out button, a fetch with no body).
 */
export function contentTypeGuard(): express.RequestHandler {
  return (req, _res, next) => {
    if (req.method !== "POST") return next();
    const type = mediaType(req);
    if (type === "" && (req.headers["content-length"] === "0" || (req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined))) {
      req.headers["content-type"] = "application/x-www-form-urlencoded";
      return next();
    }
    if (!FORM_TYPES.includes(type)) {
      return next(new RequestError(415, "This address accepts forms only (application/x-www-form-urlencoded or multipart/form-data).", { Accept: FORM_TYPES.join(", ") }));
    }
    if (type === "multipart/form-data" && !/;\s*boundary=/i.test(req.get("content-type") ?? "")) {
      return next(new RequestError(400, "The form could not be read: it says it is multipart but gives no boundary."));
    }
    next();
  };
}

/**
 * Read the body (bounded) and leave it on res.locals.body for the Remix handler; a multipart
 * body is parsed and passed on re-encoded (server/body.ts).
 */
export function bodyReader(limits: BodyLimits): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== "POST") return next();
    const limit = limits.limitFor(req);
    // The client waits for "100 Continue" before sending (server/serve.ts leaves it to us):
    // a body declared too large is refused without the client sending a byte of it.
    if (req.headers.expect?.toLowerCase() === "100-continue" && !(Number(req.headers["content-length"]) > limit)) res.writeContinue();
    readBoundedBody(req, limit)
      .then(async (body) => {
        if (mediaType(req) === "multipart/form-data") {
          const parts = await parseMultipart(req.headers, body, { fileSize: limit });
          const encoded = encodeMultipart(parts);
          req.headers["content-type"] = encoded.contentType;
          body = encoded.body;
        }
        res.locals.body = body;
        next();
      })
      .catch(next);
  };
}
