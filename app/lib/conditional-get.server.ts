/**
 * Conditional GET (RFC 9110 §13): validators on a response whose body is known, and a 304 Not
 * Modified when the client already holds that body. Small on purpose so that any surface can
 * use it: the open-data API, the feeds and the sitemap today, cached public pages later.
 *
 * - The ETag is a strong hash of the exact bytes sent (`etag`), so it changes whenever anything
 *   in the body changes, including a comment that was hidden.
 * - Last-Modified is the caller's newest timestamp for what the body shows. Per RFC 9110,
 *   If-None-Match wins over If-Modified-Since when both are sent (`fresh`).
 * - A malformed If-Modified-Since or If-None-Match is treated as absent: a normal 200, never an
 *   error.
 */
import etag from "etag";
import fresh from "fresh";

export type Validators = { etag: string; lastModified: string | null };

/** Seconds precision, as HTTP dates carry no milliseconds; null for a missing or unreadable time. */
export function httpDate(value: string | Date | null | undefined): string | null {
  if (value == null) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(time)) return null;
  return new Date(Math.floor(time / 1000) * 1000).toUTCString();
}

/** The newest of several ISO timestamps (nulls ignored); null when there are none. */
export function newest(...values: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  let bestTime = -Infinity;
  for (const value of values) {
    if (!value) continue;
    const time = Date.parse(value);
    if (Number.isFinite(time) && time > bestTime) {
      best = value;
      bestTime = time;
    }
  }
  return best;
}

export function validatorsFor(body: string | Buffer, lastModified?: string | Date | null): Validators {
  return { etag: etag(body), lastModified: httpDate(lastModified ?? null) };
}

/** Whether the client's cached copy (its If-None-Match / If-Modified-Since) is still current. */
export function isFresh(request: Request, validators: Validators): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const requestHeaders = {
    "if-none-match": request.headers.get("If-None-Match") ?? undefined,
    "if-modified-since": request.headers.get("If-Modified-Since") ?? undefined,
    "cache-control": request.headers.get("Cache-Control") ?? undefined,
  };
  const responseHeaders = { etag: validators.etag, "last-modified": validators.lastModified ?? undefined };
  try {
    return fresh(requestHeaders, responseHeaders);
  } catch {
    return false;
  }
}

/**
 * A 200 with the body and its validators, or a 304 with the validators alone when the client
 * already has it. `headers` go on both (Cache-Control, Vary and CORS headers must be repeated on
 * a 304).
 */
export function conditionalResponse(
  request: Request,
  body: string,
  init: { contentType: string; lastModified?: string | Date | null; headers?: HeadersInit; status?: number },
): Response {
  const validators = validatorsFor(body, init.lastModified);
  const headers = new Headers(init.headers);
  headers.set("ETag", validators.etag);
  if (validators.lastModified) headers.set("Last-Modified", validators.lastModified);
  if ((init.status ?? 200) === 200 && isFresh(request, validators)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", init.contentType);
  return new Response(body, { status: init.status ?? 200, headers });
}
