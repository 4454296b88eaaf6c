/**
 * Downloads a proposal's document. The proposal must be visible to this viewer and the
 * document downloadable by them (a document withheld in full is for staff only); anything
 * else, including a document id that belongs to another proposal, is the same 404.
 * Files live in the upload store (UPLOADS_PATH), never served statically.
 */
import fs from "node:fs";
import path from "node:path";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import * as t from "#db/schema";
import { getViewer } from "~/auth/session.server";
import { env } from "~/lib/env.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";

/** `attachment; filename="plain-ascii.pdf"; filename*=UTF-8''the%20real%20name.pdf` (RFC 6266). */
export function contentDisposition(filename: string): string {
  // Only the last path segment, without control characters.
  // eslint-disable-next-line no-control-regex
  const name = (filename.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim() || "document";
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^[-.]+|-+$/g, "") || "document";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, params.slug ?? "");
  if (!params.documentId || !/^\d{1,12}$/.test(params.documentId)) throw notFound();

  const doc = db()
    .select()
    .from(t.documents)
    .where(and(eq(t.documents.id, Number(params.documentId)), eq(t.documents.proposalId, proposal.id)))
    .get();
  if (!doc || !canDownloadDocument(viewer, visibilityFacts(proposal), doc)) throw notFound();

  // The storage key is ours, but resolve it inside the store and check, in case it is not.
  const store = path.resolve(env().UPLOADS_PATH);
  const file = path.resolve(store, doc.storageKey);
  if (!file.startsWith(store + path.sep)) throw notFound();

  let size: number;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) throw notFound();
    size = stat.size;
  } catch {
    throw notFound();
  }

  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), {
    status: 200,
    headers: {
      "Content-Type": doc.mimeType || "application/octet-stream",
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(doc.filename),
      "X-Content-Type-Options": "nosniff",
      // Even if a browser did open it, it could run nothing and reach nothing.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      // Visibility can change (a proposal withdrawn, a document withheld): shared caches keep nothing.
      "Cache-Control": "private, no-cache",
    },
  });
}
