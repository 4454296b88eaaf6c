/**
 * Uploading documents through the real action: the type is checked from the content, a refused
 * upload writes nothing (no row, no file left behind), the file is stored under a random name
 * in the upload store, and it is downloaded only through the route that applies visibility.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { env } from "~/lib/env.server";
import { createProposal } from "~/proposals/editing.server";
import { MAX_UPLOAD_BYTES } from "~/proposals/sections/documents";
import * as documents from "~/routes/staff.proposals.$id_.documents";
import * as documentPage from "~/routes/staff.proposals.$id_.documents_.$documentId";
import * as download from "~/routes/consultations.$slug.documents.$documentId";
import { errorsOf, everything, get, post, revisionOf, seeded } from "./drafting-helpers";
import { zip } from "../fixtures/documents-zip";

const OFFICER = "officer@northmoor.example";
let id: number;
let slug: string;

beforeAll(async () => {
  await seeded();
  const officer = db().select().from(t.users).where(eq(t.users.email, OFFICER)).get()!;
  const made = createProposal({ id: officer.id, name: officer.name, email: officer.email, roles: ["officer"], serviceId: officer.serviceId, unionIds: [] }, { title: "Documents test proposal", serviceId: officer.serviceId!, leadOfficer: "Sam" });
  if (!made.ok) throw new Error(made.message);
  id = made.id;
  slug = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!.slug;
});

function upload(file: { bytes: Uint8Array; name: string; type?: string } | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("intent", "continue");
  form.set("revision", String(revisionOf(id)));
  form.set("title", "Business case");
  form.set("kind", "business_case");
  form.set("disclosure", "published");
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new File([Buffer.from(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return post(documents.action as never, `/staff/proposals/${id}/documents`, { id: String(id) }, OFFICER, form);
}

const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"));

describe("uploading", () => {
  it("refuses a program named like a PDF with 400, leaving no row and no file", async () => {
    const before = everything(id);
    const r = await upload({ bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), name: "business-case.pdf" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).file).toEqual(["The file must be a PDF, Word document, OpenDocument file or CSV file"]);
    expect(everything(id)).toEqual(before);
  });

  it("asks for a file, and for the title, keeping the rest of what was typed", async () => {
    const before = everything(id);
    const r = await upload(null, { title: "" });
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toMatchObject({ file: ["Choose a file to upload"], title: ["Enter a title for the document"] });
    expect(everything(id)).toEqual(before);
  });

  it("refuses a file over the size limit, writing nothing", async () => {
    const before = everything(id);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1024);
    big.set(PDF);
    const r = await upload({ bytes: big, name: "huge.pdf" });
    expect(r.status).toBe(400);
    expect(errorsOf(r).file).toEqual(["The file must be smaller than 20 MB"]);
    expect(everything(id)).toEqual(before);
  });

  it("stores a Word document under a random name in the upload store, with the type its content shows", async () => {
    const docx = zip([
      ["[Content_Types].xml", "<Types/>"],
      ["word/document.xml", "<w:document/>"],
    ]);
    const r = await upload({ bytes: docx, name: "Equality assessment.bin", type: "application/octet-stream" }, { title: "Equality assessment", kind: "equality_assessment" });
    expect(r.status).toBe(302);
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, id)).all().pop()!;
    expect(doc).toMatchObject({ filename: "Equality assessment.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", sizeBytes: docx.length });
    expect(doc.storageKey).toMatch(/^[0-9a-f]{36}$/);
    const stored = path.join(env().UPLOADS_PATH, doc.storageKey);
    expect(new Uint8Array(fs.readFileSync(stored))).toEqual(docx);
  });

  it("a document published with parts withheld goes straight on to say what is withheld", async () => {
    const r = await upload({ bytes: PDF, name: "business case.pdf" }, { disclosure: "part_withheld" });
    expect(r.status).toBe(302);
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, id)).all().pop()!;
    expect(r.location).toBe(`/staff/proposals/${id}/documents/${doc.id}`);
  });
});

describe("downloading", () => {
  it("staff who may see the draft download it with a safe filename; the public get the same 404 as for nothing", async () => {
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, id)).all().pop()!;
    const params = { slug, documentId: String(doc.id) };
    const path = `/consultations/${slug}/documents/${doc.id}`;
    const staff = await callDownload(path, params, OFFICER);
    expect(staff.status).toBe(200);
    expect(staff.headers.get("Content-Disposition")).toBe(`attachment; filename="business-case.pdf"; filename*=UTF-8''business%20case.pdf`);
    expect(new Uint8Array(await staff.arrayBuffer())).toEqual(PDF);
    expect((await get(download.loader as never, path, params, null)).status).toBe(404);
    expect((await get(download.loader as never, path, params, "officer.youth@northmoor.example")).status).toBe(404);
  });
});

async function callDownload(path: string, params: Record<string, string>, email: string): Promise<Response> {
  const { cookieFor } = await import("./drafting-helpers");
  const result = await download.loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: await cookieFor(email) } }), params, context: {} });
  return result as Response;
}

describe("removing", () => {
  it("removes the row and the stored file", async () => {
    const doc = db().select().from(t.documents).where(eq(t.documents.proposalId, id)).all().pop()!;
    const stored = path.join(env().UPLOADS_PATH, doc.storageKey);
    const r = await post(documentPage.action as never, `/staff/proposals/${id}/documents/${doc.id}`, { id: String(id), documentId: String(doc.id) }, OFFICER, { intent: "remove", revision: String(revisionOf(id)) });
    expect(r.status).toBe(302);
    expect(db().select().from(t.documents).where(eq(t.documents.id, doc.id)).get()).toBeUndefined();
    expect(fs.existsSync(stored)).toBe(false);
  });
});
