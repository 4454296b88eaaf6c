/**
 * Request bodies, bounded before the framework sees them.
 *
 * - A body declared larger than its limit is refused with 413 before a byte of it is read; a
 *   body that grows past it while arriving is refused the moment it does, and the connection
 *   closed, so memory stays flat whatever is sent (a 300 MB post costs what one limit costs).
 * - A client that stops sending mid-body is answered 408 after BODY_IDLE_MS.
 * - A multipart body is parsed here with a maintained parser (@fastify/busboy, which reads
 *   quoted file names with ";" and "=", RFC 5987 names and any bytes), refused with 400 if it
 *   is not multipart at all, and passed on re-encoded the way browsers encode it, so the
 *   framework's own parser only ever meets a well-formed body.
 */
import { randomBytes } from "node:crypto";
import type express from "express";
import Busboy, { type BusboyHeaders, type BusboyInstance } from "@fastify/busboy";
import { RequestError } from "./http-errors";

export const BODY_IDLE_MS = 30_000;

export type BodyLimits = {
  /** the largest body accepted for this request, in bytes */
  limitFor(req: express.Request): number;
};

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function tooLarge(limit: number): RequestError {
  return new RequestError(413, `What you sent is larger than this form accepts (${megabytes(limit)}). Make it shorter, or send a smaller file.`);
}

/** Read the whole body into memory, up to `limit` bytes. */
export function readBoundedBody(req: express.Request, limit: number): Promise<Buffer> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
      if (error) {
        // Stop reading; the error answer closes the connection.
        req.pause();
        chunks.length = 0;
        reject(error);
      } else resolve(body!);
    };
    let idle = setTimeout(() => finish(new RequestError(408, "The request stopped arriving before it was complete.")), BODY_IDLE_MS);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
      idle.refresh();
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, size));
    const onError = (error: Error) => finish(new RequestError(400, `The request could not be read (${error.message}).`));
    const onAborted = () => finish(new RequestError(400, "The request was cut off before it was complete."));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };

/** Parse a multipart body completely, or fail with 400 saying it could not be read. */
export function parseMultipart(headers: Record<string, string | string[] | undefined>, body: Buffer, limits: { fileSize: number }): Promise<Part[]> {
  return new Promise<Part[]>((resolve, reject) => {
    const parts: Part[] = [];
    const unreadable = (why: string) => new RequestError(400, `The form could not be read: ${why}.`);
    let parser: BusboyInstance;
    try {
      parser = new Busboy({
        headers: headers as BusboyHeaders,
        // Each part's name and file name are UTF-8 (what browsers send); bad bytes become U+FFFD.
        defCharset: "utf8",
        limits: { fieldSize: body.length, fields: 2000, files: 20, parts: 2000, headerPairs: 50, fileSize: limits.fileSize },
      });
    } catch (error) {
      reject(unreadable((error as Error).message.replace(/\.$/, "").toLowerCase()));
      return;
    }
    let pending = 0;
    let finished = false;
    const done = () => {
      if (finished && pending === 0) resolve(parts);
    };
    parser.on("field", (name: string, value: string) => parts.push({ name, value }));
    parser.on("file", (name: string, stream: NodeJS.ReadableStream, filename: string | undefined, _encoding: string, type: string) => {
      pending++;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("limit", () => reject(tooLarge(limits.fileSize)));
      stream.on("end", () => {
        parts.push({ name, filename: filename ?? "", type: type || "application/octet-stream", data: Buffer.concat(chunks) });
        pending--;
        done();
      });
    });
    parser.on("partsLimit", () => reject(unreadable("it has too many parts")));
    parser.on("fieldsLimit", () => reject(unreadable("it has too many fields")));
    parser.on("filesLimit", () => reject(unreadable("it has too many files")));
    parser.on("error", (error: unknown) => reject(unreadable(String((error as Error)?.message ?? error).replace(/\.$/, "").toLowerCase())));
    parser.on("finish", () => {
      finished = true;
      done();
    });
    parser.end(body);
  });
}

/**
 * Quote a name the way browsers do in multipart (WHATWG HTML: '"' as %22, CR as %0D, LF as
 * %0A); every other character, ";" and "=" included, is safe inside the quotes.
 */
function quoted(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

/** A well-formed multipart body with the same fields and files, and its Content-Type. */
export function encodeMultipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----plainsight${randomBytes(12).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ("filename" in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}; filename=${quoted(part.filename)}\r\nContent-Type: ${part.type.replace(/[\r\n]/g, "")}\r\n\r\n`));
      chunks.push(part.data, Buffer.from("\r\n"));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
