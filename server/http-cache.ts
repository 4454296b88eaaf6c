/**
 * HTTP done properly for every GET (issue 13, item 2), as one middleware in front of the rest:
 *
 * - Anonymous public pages get a strong ETag (a hash of the bytes), Last-Modified (when this
 *   server first sent those bytes for that address), `Cache-Control: public, max-age=0,
 *   must-revalidate, s-maxage=…`, and a 304 when the client's copy is current. Anything that
 *   depends on a session (our cookie in the request or in the response, or a private area) is
 *   `private, no-store`, with `Vary: Cookie` everywhere so no shared cache mixes them up.
 * - Text is sent with brotli or gzip as the client accepts; each compressed body is kept in a
 *   bounded cache by its hash, so a page many people read is compressed once, not per request.
 * - The CSP nonce of an anonymous page is derived from the page itself (an HMAC of the bytes
 *   under a secret made at start), not drawn per response: the same page is the same bytes, so
 *   ETags, 304s and the compressed copies work, and a 304 never pairs a cached page with a
 *   nonce it does not carry. An injected script cannot know the nonce: it depends on the page
 *   with the injection in it, and on a secret that never leaves the process. The page is
 *   rendered with a random placeholder (never sent) that is replaced by the derived nonce.
 *
 * - Anonymous public pages are kept, rendered, by address, the generation of what they show and
 *   the minute (the render cache, below), and served from there until that changes.
 *
 * Conditional headers that cannot be read are ignored, so the request is answered normally.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type express from "express";
import { now as clockNow } from "~/lib/clock";
import {
  PRIVATE_CACHE_CONTROL,
  PUBLIC_CACHE_CONTROL,
  carriesSessionCookie,
  isCompressible,
  isFresh,
  isPrivatePath,
  negotiateEncoding,
  withVary,
  type Encoding,
} from "./http-rules";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Smaller bodies are sent as they are: compressing them saves less than the header costs. */
const MIN_COMPRESS_BYTES = 1024;

/** A bounded map, least recently used first out, by entries and by total bytes. */
export class BoundedCache<V> {
  private map = new Map<string, { value: V; size: number }>();
  private bytes = 0;
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = Infinity,
  ) {}
  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }
  set(key: string, value: V, size = 0) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.map.set(key, { value, size });
    this.bytes += size;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) this.delete(this.map.keys().next().value!);
  }
  delete(key: string) {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.bytes -= hit.size;
  }
  clear() {
    this.map.clear();
    this.bytes = 0;
  }
  get size() {
    return this.map.size;
  }
  get totalBytes() {
    return this.bytes;
  }
}

const compressed = new BoundedCache<Buffer>(2_000, 48 * 1024 * 1024);
/** address → the ETag last sent for it and since when (Last-Modified) */
const seen = new BoundedCache<{ etag: string; since: Date }>(5_000);

async function compress(body: Buffer, hash: string, encoding: Exclude<Encoding, "identity">): Promise<Buffer> {
  const key = `${hash}:${encoding}`;
  const hit = compressed.get(key);
  if (hit) return hit;
  const out =
    encoding === "br"
      ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : await gzip(body, { level: 6 });
  compressed.set(key, out, out.length);
  return out;
}

/** Whether this request is for an anonymous public page (cacheable, nonce derived from the page). */
export function isAnonymousRead(req: express.Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && !carriesSessionCookie(req.headers.cookie) && !isPrivatePath(req.path);
}

/** A page as sent to anonymous readers: kept by the render cache, served without rendering. */
type CachedPage = {
  headers: [string, string | number | string[]][];
  body: Buffer;
  hash: string;
  since: Date;
  /** the route set its own validators (the open-data API, feeds, sitemap): replayed as they are */
  ownValidators?: boolean;
};

/**
 * The render cache (issue 13, item 1): anonymous public pages, kept by address and by the
 * generation of what the page shows (`version(path)`: a consultation's own generation and the
 * site's for its pages, all public content's for the rest). Database triggers move the
 * generations in the same transaction as every write that changes a page, by any connection in
 * any process (a comment, a hide, an edit, a transition, a scheduled opening by the worker), so
 * a write and the end of every page rendered before it are one and the same commit; a sign-in,
 * a session or an email queued moves nothing (db/migrations/0012_page_generations.sql,
 * decision 029). The key is read before the page is rendered: a page rendered from older data
 * is kept under the older key, which no later request asks for. Signed-in views are never
 * stored in it and never served from it. Bounded by entries and by bytes.
 */
const pages = new BoundedCache<CachedPage>(500, 32 * 1024 * 1024);

export function clearPageCache() {
  pages.clear();
}

export function httpCache(options: { now?: () => Date; version?: (path: string) => string | number } = {}): express.RequestHandler {
  const secret = randomBytes(32);
  // Letters and digits only, so React writes it into attributes unchanged.
  const placeholder = `n${randomBytes(18).toString("hex")}`;
  const now = options.now ?? (() => new Date());

  return (req, res, next) => {
    if (req.method !== "GET") return next();
    const anonymous = isAnonymousRead(req);
    // The minute too: text worked out from the time alone ("closes in 3 days") is at most a minute old.
    const cacheKey = anonymous && options.version ? `${options.version(req.path)}|${Math.floor(clockNow().getTime() / 60_000)}|${req.originalUrl}` : null;
    const cached = cacheKey ? pages.get(cacheKey) : undefined;
    if (cached) {
      void sendCached(req, res, cached).catch(next);
      return;
    }
    // The page renders with the placeholder; securityHeaders (server/app.ts) and entry.server use it.
    if (anonymous) res.locals.cspNonce = placeholder;

    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
    let mode: "buffer" | "pass" | null = null;
    const chunks: Buffer[] = [];

    const decide = () => {
      if (mode) return mode;
      const type = String(res.getHeader("Content-Type") ?? "");
      // Every text answer is finished here, whatever its status: an anonymous error page carries
      // the placeholder too, which must never leave the process.
      // Downloads (the CSV exports) stream with flow control and are passed through as they come.
      const download = /^text\/csv/i.test(type) || /attachment/i.test(String(res.getHeader("Content-Disposition") ?? ""));
      const buffer = isCompressible(type) && !download && !res.getHeader("Content-Encoding") && !res.headersSent;
      mode = buffer ? "buffer" : "pass";
      if (mode === "pass" && anonymous && !res.headersSent) {
        // Not a page we finish here: its policy header must not name the placeholder.
        const csp = res.getHeader("Content-Security-Policy");
        if (typeof csp === "string") res.setHeader("Content-Security-Policy", csp.split(placeholder).join(randomBytes(16).toString("base64")));
      }
      if (mode === "pass" && !res.headersSent) applyCachePolicy(req, res, anonymous);
      return mode;
    };

    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      if (decide() === "pass") return write(chunk, encoding, cb);
      if (chunk != null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      if (typeof encoding === "function") (encoding as () => void)();
      else if (typeof cb === "function") (cb as () => void)();
      return true;
    }) as typeof res.write;

    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (typeof chunk === "function") {
        cb = chunk;
        chunk = undefined;
      } else if (typeof encoding === "function") {
        cb = encoding;
        encoding = undefined;
      }
      if (decide() === "pass") return end(chunk, encoding, cb);
      if (chunk != null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      void finish(Buffer.concat(chunks)).then(
        () => typeof cb === "function" && (cb as () => void)(),
        (error: unknown) => {
          console.error("Could not finish a response:", (error as Error).message);
          if (!res.headersSent) res.statusCode = 500;
          end();
        },
      );
      return res;
    }) as typeof res.end;

    async function finish(raw: Buffer) {
      let body = raw;
      if (anonymous) {
        // The nonce from the page itself (see above), in the page and in its policy.
        const text = raw.toString("utf8");
        if (text.includes(placeholder) || String(res.getHeader("Content-Security-Policy") ?? "").includes(placeholder)) {
          const nonce = createHmac("sha256", secret).update(text).digest("base64").slice(0, 22);
          body = Buffer.from(text.split(placeholder).join(nonce), "utf8");
          const csp = res.getHeader("Content-Security-Policy");
          if (typeof csp === "string") res.setHeader("Content-Security-Policy", csp.split(placeholder).join(nonce));
        }
      }
      const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
      const publicPage = applyCachePolicy(req, res, anonymous);
      res.setHeader("Vary", withVary(res.getHeader("Vary") as string | undefined, "Accept-Encoding"));

      if (!publicPage || res.getHeader("ETag")) {
        // The open-data API, the feeds and the sitemap set their own ETag, Last-Modified and
        // Cache-Control: kept too (each costs a full query and serialisation to build), and
        // replayed with the route's own validators.
        if (cacheKey && res.statusCode === 200 && res.getHeader("ETag") && res.getHeader("Set-Cookie") === undefined && !/private|no-store/i.test(String(res.getHeader("Cache-Control") ?? ""))) {
          res.setHeader("X-Render-Cache", "miss");
          pages.set(cacheKey, { headers: storedHeaders(res), body, hash, since: new Date(0), ownValidators: true }, body.length);
        }
        await sendBody(req, res, body, hash, false, end);
        return;
      }
      let entry = seen.get(req.originalUrl);
      if (!entry || entry.etag !== hash) {
        entry = { etag: hash, since: new Date(Math.floor(now().getTime() / 1000) * 1000) };
        seen.set(req.originalUrl, entry);
      }
      res.setHeader("Last-Modified", entry.since.toUTCString());
      if (cacheKey) {
        res.setHeader("X-Render-Cache", "miss");
        pages.set(cacheKey, { headers: storedHeaders(res), body, hash, since: entry.since }, body.length);
      }
      await sendBody(req, res, body, hash, true, end);
    }

    next();
  };
}

/** A body as the client asked: 304 when its copy is current, else compressed as it accepts. */
async function sendBody(req: express.Request, res: express.Response, body: Buffer, hash: string, publicPage: boolean, end: (...args: unknown[]) => unknown) {
  if (publicPage) {
    const since = new Date(String(res.getHeader("Last-Modified")));
    if (isFresh({ ifNoneMatch: header(req, "if-none-match"), ifModifiedSince: header(req, "if-modified-since") }, { etag: hash, lastModified: since })) {
      res.statusCode = 304;
      res.setHeader("ETag", `"${hash}"`);
      // The stored page keeps the policy that names its nonce.
      for (const name of ["Content-Type", "Content-Length", "Content-Security-Policy"]) res.removeHeader(name);
      end();
      return;
    }
  }
  const encoding = body.length >= MIN_COMPRESS_BYTES ? negotiateEncoding(header(req, "accept-encoding")) : "identity";
  const out = encoding === "identity" ? body : await compress(body, hash, encoding);
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  // A strong tag names these exact bytes, so each encoding has its own.
  if (publicPage) res.setHeader("ETag", `"${hash}${encoding === "br" ? "-br" : encoding === "gzip" ? "-gz" : ""}"`);
  res.setHeader("Content-Length", String(out.length));
  end(out);
}

function storedHeaders(res: express.Response): CachedPage["headers"] {
  return Object.entries(res.getHeaders()).filter(([name]) => name !== "content-length" && name !== "set-cookie" && name !== "content-encoding") as CachedPage["headers"];
}

async function sendCached(req: express.Request, res: express.Response, page: CachedPage) {
  res.statusCode = 200;
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader("X-Render-Cache", "hit");
  const end = (...args: unknown[]) => (res.end as (...a: unknown[]) => unknown)(...args);
  if (page.ownValidators) {
    // The route's own validators decide, as they did when it answered itself.
    const lastModified = res.getHeader("Last-Modified");
    const current = { etag: String(res.getHeader("ETag") ?? "").replace(/^W\//, "").replace(/^"|"$/g, ""), lastModified: new Date(lastModified ? String(lastModified) : NaN) };
    if (isFresh({ ifNoneMatch: header(req, "if-none-match"), ifModifiedSince: header(req, "if-modified-since") }, current)) {
      res.statusCode = 304;
      for (const name of ["Content-Type", "Content-Length"]) res.removeHeader(name);
      end();
      return;
    }
  }
  await sendBody(req, res, page.body, page.hash, !page.ownValidators, end);
}

function header(req: express.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * Cache-Control for what Remix answered (static files keep their own), unless the route chose
 * one: public for a 200 to an anonymous request that sets no cookie, `private, no-store` for
 * anything to or from a session. Returns whether it is a public page.
 */
function applyCachePolicy(req: express.Request, res: express.Response, anonymous: boolean): boolean {
  if (!res.locals.remix) return false;
  res.setHeader("Vary", withVary(res.getHeader("Vary") as string | undefined, "Cookie"));
  const setsCookie = res.getHeader("Set-Cookie") !== undefined;
  if (!anonymous || setsCookie) {
    res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
    return false;
  }
  if (res.getHeader("Cache-Control") !== undefined || res.statusCode !== 200) return false;
  res.setHeader("Cache-Control", PUBLIC_CACHE_CONTROL);
  return true;
}
