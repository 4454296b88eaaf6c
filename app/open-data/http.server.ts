/**
 * HTTP for the open data: JSON with validators (conditional GET), CORS for reading from any
 * origin, and errors as JSON with the right status. Routes wrap their loader in `apiLoader` and
 * export `apiAction` so that every method and every failure answers in JSON.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalResponse } from "~/lib/conditional-get.server";
import { ApiError } from "./params";

export { ApiError };

/** Anyone may read the open data from a web page on any site: no credentials, read-only methods. */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Content-Disposition",
} as const;

const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** Revalidate every time (a hidden comment must not linger in a cache); a 304 makes that cheap. */
export const CACHE_CONTROL = "public, no-cache";

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 500: "Internal Server Error" };

export function apiErrorResponse(status: ApiError["status"], message: string, extra: HeadersInit = {}): Response {
  const headers = new Headers(extra);
  for (const [k, v] of Object.entries(CORS_HEADERS)) headers.set(k, v);
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(JSON.stringify({ status, error: STATUS_TEXT[status], message }), { status, headers });
}

/** The same answer for a consultation that does not exist and one the public may not see. */
export const NOT_FOUND_MESSAGE = "There is no published consultation at this address.";

export function apiJson(request: Request, body: unknown, options: { lastModified?: string | null; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(options.headers);
  for (const [k, v] of Object.entries(CORS_HEADERS)) headers.set(k, v);
  headers.set("Cache-Control", CACHE_CONTROL);
  return conditionalResponse(request, JSON.stringify(body), { contentType: "application/json; charset=utf-8", lastModified: options.lastModified, headers });
}

function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since, Cache-Control",
      "Access-Control-Max-Age": "86400",
      Allow: ALLOWED_METHODS,
    },
  });
}

/** Turn anything a handler throws into a JSON answer; an unexpected error is logged and answered 500. */
export function asApiResponse(thrown: unknown): Response {
  if (thrown instanceof ApiError) return apiErrorResponse(thrown.status, thrown.message);
  if (thrown instanceof Response) {
    if (thrown.status === 404) return apiErrorResponse(404, NOT_FOUND_MESSAGE);
    if (thrown.status >= 400 && thrown.status < 500) return apiErrorResponse(400, "The request could not be understood.");
    return thrown;
  }
  console.error(thrown);
  return apiErrorResponse(500, "Something went wrong on our side. Try again later.");
}

/** A GET handler for the open data: OPTIONS is the CORS preflight; failures answer in JSON. */
export function apiLoader(handler: (args: LoaderFunctionArgs, url: URL) => Response | Promise<Response>) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    // Remix hands OPTIONS to the loader.
    if (args.request.method === "OPTIONS") return preflight();
    try {
      return await handler(args, new URL(args.request.url));
    } catch (thrown) {
      return asApiResponse(thrown);
    }
  };
}

/** POST, PUT, PATCH, DELETE: the open data is read-only. */
export async function apiAction(): Promise<Response> {
  return apiErrorResponse(405, "The open data is read-only: use GET.", { Allow: ALLOWED_METHODS });
}

/** Absolute addresses on the host the request came to (so links work behind any proxy or port). */
export function urlFor(request: Request): (path: string) => string {
  const origin = new URL(request.url).origin;
  return (path: string) => `${origin}${path}`;
}
