/**
 * Uploaded documents. The type is read from the file's first bytes, never from its name or the
 * browser's word for it: a PDF, a Word document (.docx, or .doc), an OpenDocument file, or CSV
 * (valid UTF-8 that parses as a table of at least two columns). Anything else is refused, as is
 * anything over the size limit.
 *
 * Files are stored under UPLOADS_PATH with a random name and are never served statically: the
 * download route applies the visibility rule and sends a safe filename (RFC 6266).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { SignedInViewer } from "~/auth/permissions";
import { env } from "~/lib/env.server";
import { editProposal, refuse, type DocumentValues, type EditInput, type EditResult } from "./editing.server";
import { ACCEPTED_TYPES_TEXT, MAX_UPLOAD_BYTES } from "./sections/documents";

export { ACCEPTED_TYPES_TEXT, MAX_UPLOAD_BYTES };


export type SniffedType = { mimeType: string; extension: string; label: string };

const PDF: SniffedType = { mimeType: "application/pdf", extension: "pdf", label: "PDF" };
const DOCX: SniffedType = { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", label: "Word document" };
const DOC: SniffedType = { mimeType: "application/msword", extension: "doc", label: "Word document" };
const CSV: SniffedType = { mimeType: "text/csv", extension: "csv", label: "CSV" };
const ODF: Record<string, SniffedType> = {
  "application/vnd.oasis.opendocument.text": { mimeType: "application/vnd.oasis.opendocument.text", extension: "odt", label: "OpenDocument text" },
  "application/vnd.oasis.opendocument.spreadsheet": { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods", label: "OpenDocument spreadsheet" },
  "application/vnd.oasis.opendocument.presentation": { mimeType: "application/vnd.oasis.opendocument.presentation", extension: "odp", label: "OpenDocument presentation" },
};


const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** Names of the entries in a ZIP file's local headers (enough to tell DOCX from any other ZIP). */
function zipEntryNames(bytes: Uint8Array, limit = 200): string[] {
  const names: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + 30 <= bytes.length && names.length < limit && startsWith(bytes, [0x50, 0x4b, 0x03, 0x04], offset)) {
    const flags = view.getUint16(offset + 6, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    names.push(new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength)));
    // A streamed entry (bit 3) does not give its size up front: stop reading headers there.
    if (flags & 0x08) break;
    offset += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Text, not a binary file that happens to decode: no control characters but tab and line ends.
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** What a file is, from its content alone; null for anything the council does not accept. */
export function sniffDocumentType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
    const names = zipEntryNames(bytes);
    if (names[0] === "mimetype") {
      const nameLength = bytes[26] | (bytes[27] << 8);
      const extraLength = bytes[28] | (bytes[29] << 8);
      const size = bytes[18] | (bytes[19] << 8) | (bytes[20] << 16) | (bytes[21] << 24);
      const start = 30 + nameLength + extraLength;
      const declared = new TextDecoder().decode(bytes.subarray(start, start + Math.min(size, 100))).trim();
      return ODF[declared] ?? null;
    }
    if (names.some((n) => n.startsWith("word/")) && names.includes("[Content_Types].xml")) return DOCX;
    return null;
  }
  // Word 97–2003: an OLE compound file holding a "WordDocument" stream (not a spreadsheet).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const wordDocument = Buffer.from("WordDocument", "utf16le");
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(wordDocument) ? DOC : null;
  }
  return isUtf8Text(bytes) && isCsv(bytes) ? CSV : null;
}

/**
 * Text that parses as CSV (RFC 4180: quotes closed, every row the same number of fields) with
 * at least two columns: a letter or a note saved as .csv is not a table.
 */
function isCsv(bytes: Uint8Array): boolean {
  try {
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: false, bom: true }) as string[][];
    return rows.length > 0 && rows[0].length >= 2;
  } catch {
    return false;
  }
}

/** The name people see when they download it: the uploaded name, cleaned, with the true extension. */
export function storedFilename(uploadedName: string, type: SniffedType): string {
  // eslint-disable-next-line no-control-regex
  const base = (uploadedName.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, "").slice(0, 120).trim() || "document";
  return `${stem}.${type.extension}`;
}

export type UploadCheck = { ok: true; type: SniffedType } | { ok: false; message: string };

export function checkUpload(bytes: Uint8Array | null, size: number): UploadCheck {
  if (!bytes || size === 0) return { ok: false, message: "Choose a file to upload" };
  if (size > MAX_UPLOAD_BYTES) return { ok: false, message: `The file must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
  const type = sniffDocumentType(bytes);
  if (!type) return { ok: false, message: `The file must be ${ACCEPTED_TYPES_TEXT}` };
  return { ok: true, type };
}

function store(): string {
  const dir = path.resolve(env().UPLOADS_PATH);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Store the file, then record it in the proposal's transaction. The file is written first (the
 * transaction cannot wait for a disk write to finish elsewhere); if the save is refused, it is
 * removed again, so a refusal leaves nothing behind.
 */
export function addDocument(
  viewer: SignedInViewer,
  proposalId: number,
  input: EditInput,
  values: DocumentValues,
  file: { bytes: Uint8Array; name: string; type: SniffedType },
  database: DB = defaultDb(),
): EditResult {
  const storageKey = crypto.randomBytes(18).toString("hex");
  const filePath = path.join(store(), storageKey);
  fs.writeFileSync(filePath, file.bytes, { flag: "wx", mode: 0o600 });
  let result: EditResult;
  try {
    result = editProposal(viewer, proposalId, input, { section: "documents", summary: `Uploaded '${values.title}'` }, (tx, p) =>
      tx
        .insert(t.documents)
        .values({
          ...values,
          proposalId: p.id,
          filename: storedFilename(file.name, file.type),
          mimeType: file.type.mimeType,
          sizeBytes: file.bytes.length,
          storageKey,
        })
        .returning({ id: t.documents.id })
        .get().id,
    database);
  } catch (error) {
    fs.rmSync(filePath, { force: true });
    throw error;
  }
  if (!result.ok) fs.rmSync(filePath, { force: true });
  return result;
}

export function removeDocument(viewer: SignedInViewer, proposalId: number, documentId: number, input: EditInput, database: DB = defaultDb()): EditResult {
  let storageKey: string | null = null;
  const result = editProposal(viewer, proposalId, input, { section: "documents", summary: "Removed a document" }, (tx, p) => {
    const doc = tx.select().from(t.documents).where(and(eq(t.documents.id, documentId), eq(t.documents.proposalId, p.id))).get();
    if (!doc) refuse(404, "not_found", "This document does not exist");
    storageKey = doc.storageKey;
    tx.delete(t.documents).where(eq(t.documents.id, documentId)).run();
  }, database);
  // Only once the row is gone for good: a rolled-back removal keeps its file.
  if (result.ok && storageKey) {
    const file = path.resolve(store(), storageKey);
    if (file.startsWith(store() + path.sep)) fs.rmSync(file, { force: true });
  }
  return result;
}
