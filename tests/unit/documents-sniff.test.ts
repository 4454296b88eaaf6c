/**
 * What an uploaded file is, read from its bytes and never from its name: PDF, Word (.docx, .doc),
 * OpenDocument and CSV (valid UTF-8 text) are accepted; anything else is refused.
 */
import { describe, expect, it } from "vitest";
import { checkUpload, sniffDocumentType, storedFilename } from "~/proposals/documents.server";
import { MAX_UPLOAD_BYTES } from "~/proposals/sections/documents";
import { zip } from "../fixtures/documents-zip";

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const ole = (stream: string) => new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500), Buffer.from(stream, "utf16le")]));

describe("sniffDocumentType", () => {
  it("knows a PDF by %PDF-", () => {
    expect(sniffDocumentType(bytes("%PDF-1.7\n..."))?.mimeType).toBe("application/pdf");
  });

  it("knows a Word document (.docx) by its parts, not just by being a ZIP", () => {
    const docx = zip([
      ["[Content_Types].xml", "<Types/>"],
      ["word/document.xml", "<w:document/>"],
    ]);
    expect(sniffDocumentType(docx)).toMatchObject({ extension: "docx", label: "Word document" });
    expect(sniffDocumentType(zip([["notes.txt", "hello"]]))).toBeNull();
    expect(sniffDocumentType(zip([["[Content_Types].xml", "<Types/>"], ["xl/workbook.xml", "<workbook/>"]]))).toBeNull();
  });

  it("knows OpenDocument files by the mimetype entry they start with", () => {
    expect(sniffDocumentType(zip([["mimetype", "application/vnd.oasis.opendocument.text"], ["content.xml", "<x/>"]]))?.extension).toBe("odt");
    expect(sniffDocumentType(zip([["mimetype", "application/vnd.oasis.opendocument.spreadsheet"]]))?.extension).toBe("ods");
    expect(sniffDocumentType(zip([["mimetype", "application/x-something-else"]]))).toBeNull();
  });

  it("knows a Word 97–2003 document by its WordDocument stream, and refuses other OLE files", () => {
    expect(sniffDocumentType(ole("WordDocument"))?.mimeType).toBe("application/msword");
    expect(sniffDocumentType(ole("Workbook"))).toBeNull();
  });

  it("refuses text that is not a table: a letter, rows of different lengths, an unclosed quote", () => {
    expect(sniffDocumentType(bytes("Dear Councillor\nI am writing about the closure of the library.\nYours sincerely\n"))).toBeNull();
    expect(sniffDocumentType(bytes("service,posts\nCAMHS,12,extra,fields\nYouth\n"))).toBeNull();
    expect(sniffDocumentType(bytes('service,posts\n"CAMHS social work,12\n'))).toBeNull();
    expect(sniffDocumentType(bytes("just one column\nand another row\n"))).toBeNull();
    expect(sniffDocumentType(bytes('name,note\n"Smith, J","said ""no"""\n'))?.mimeType).toBe("text/csv");
  });

  it("takes valid UTF-8 text as CSV, with or without a byte-order mark", () => {
    expect(sniffDocumentType(bytes("service,posts\nCAMHS social work,12\n"))?.mimeType).toBe("text/csv");
    expect(sniffDocumentType(bytes("\ufeffcharacteristic,rating\nAge,negative\r\n"))?.mimeType).toBe("text/csv");
    expect(sniffDocumentType(bytes("Caf\u00e9 opening hours,3\n"))?.mimeType).toBe("text/csv");
  });

  it("refuses everything else: images, programs, text that is not UTF-8, binary that happens to decode, nothing at all", () => {
    expect(sniffDocumentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(sniffDocumentType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull();
    expect(sniffDocumentType(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x31]))).toBeNull(); // Latin-1 é
    expect(sniffDocumentType(bytes("a,b\u0000c"))).toBeNull();
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });

  it("is not fooled by a name: a program called report.pdf is still refused", () => {
    const check = checkUpload(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), 4);
    expect(check).toEqual({ ok: false, message: "The file must be a PDF, Word document, OpenDocument file or CSV file" });
  });
});

describe("checkUpload", () => {
  it("asks for a file when there is none, and refuses one over the limit", () => {
    expect(checkUpload(null, 0)).toEqual({ ok: false, message: "Choose a file to upload" });
    expect(checkUpload(bytes("%PDF-1.4"), MAX_UPLOAD_BYTES + 1)).toEqual({ ok: false, message: "The file must be smaller than 20 MB" });
  });
});

describe("storedFilename", () => {
  it("keeps the uploaded name without its path or control characters, with the extension of what the file really is", () => {
    const pdf = sniffDocumentType(bytes("%PDF-1.4"))!;
    expect(storedFilename("../../etc/business case.pdf", pdf)).toBe("business case.pdf");
    expect(storedFilename("C:\\Users\\sam\\report.exe", pdf)).toBe("report.pdf");
    expect(storedFilename("bad\u0000name\r\n.pdf", pdf)).toBe("badname.pdf");
    expect(storedFilename("", pdf)).toBe("document.pdf");
  });
});
