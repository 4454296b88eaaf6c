/**
 * How much a request may send, in one place. Forms are small; the two upload pages take a
 * document or a scan. Documented for deployers in the README ("Running behind a reverse proxy").
 */
import type express from "express";
import { MAX_UPLOAD_BYTES } from "~/proposals/sections/documents";
import { SCAN_MAX_BYTES } from "~/responses/answers.server";
import { carriesSessionCookie } from "./cache-policy";

/** Every form: the longest section of a proposal (200,000 characters) fits, percent-encoded. */
export const FORM_BODY_LIMIT = 1024 * 1024;
/** Room for the other fields of an upload form beside its file. */
const FORM_OVERHEAD = 256 * 1024;

const UPLOADS: { path: RegExp; fileBytes: number }[] = [
  { path: /^\/staff\/proposals\/\d+\/documents(\.data)?$/, fileBytes: MAX_UPLOAD_BYTES },
  { path: /^\/staff\/responses\/\d+\/new(\.data)?$/, fileBytes: SCAN_MAX_BYTES },
];

/**
 * The limit for this request. The upload pages are for signed-in staff, so an upload's limit
 * applies only to a request that carries a session cookie (the page itself checks who it is);
 * anyone else gets the form limit there too.
 */
export function bodyLimitFor(req: express.Request): number {
  const upload = UPLOADS.find((u) => u.path.test(req.path));
  if (upload && carriesSessionCookie(req)) return upload.fileBytes + FORM_OVERHEAD;
  return FORM_BODY_LIMIT;
}

/** Slow clients: how long the server waits for headers, a whole request, and an idle connection. */
export const TIMEOUTS = {
  headersMs: 20_000,
  /** a 20 MB upload over a slow 2 Mbit/s line takes about 80 s */
  requestMs: 120_000,
  keepAliveMs: 5_000,
};
