/**
 * CSV for spreadsheets and scripts: UTF-8, a header row, one row per record, ISO 8601 dates,
 * and no cell a spreadsheet would run as a formula. Streamed: rows come a batch at a time from a
 * generator, each batch is written out with csv-stringify and handed on only when the reader
 * wants more, so an export of any size holds one batch in memory, never the whole file.
 */
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A cell that starts with =, +, -, @ (or their full-width forms), a tab or a carriage return is
 * read by Excel, LibreOffice and Google Sheets as a formula, which can run commands or leak
 * data ("CSV injection", OWASP). Such text is prefixed with an apostrophe, which spreadsheets
 * show as text and scripts can strip.
 */
export function neutraliseFormula(value: string): string {
  return /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/.test(value) ? `'${value}` : value;
}

const OPTIONS = {
  eof: true,
  record_delimiter: "\r\n" as const,
  // RFC 4180 ends records with CRLF; a bare line break inside a cell must be quoted as well.
  quoted_match: /[\r\n]/,
  cast: {
    string: (value: string) => neutraliseFormula(value),
    boolean: (value: boolean) => (value ? "true" : "false"),
    // Numbers are written as numbers (a negative budget change stays a number, not text).
    number: (value: number) => (Number.isFinite(value) ? String(value) : ""),
  },
};

/** One chunk of CSV: the header row (first chunk only) and some records. */
export function csvChunk(columns: readonly string[], rows: CsvValue[][], withHeader: boolean): string {
  const records = rows.map((row) => row.map((v) => (v === undefined ? null : v)));
  return stringify(withHeader ? [columns as string[], ...records] : records, OPTIONS);
}

export type FlowControl = {
  /** resolves true when the client can take more, false when it has gone away */
  ready?: () => Promise<boolean>;
  signal?: AbortSignal;
};

/**
 * A byte stream of CSV pulled from `batches`: the next batch is read from the database only
 * when the previous one has been taken (and, behind the real server, when the socket has
 * drained). Each batch is its own short query, so nothing holds the database connection between
 * chunks.
 */
export function csvStream(columns: readonly string[], batches: Iterator<CsvValue[][]>, flow: FlowControl = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (flow.signal?.aborted || (flow.ready && !(await flow.ready()))) {
          controller.close();
          return;
        }
        // Skip empty batches, but give the event loop a turn between database reads.
        for (;;) {
          const next = batches.next();
          if (next.done) {
            if (!headerSent) controller.enqueue(encoder.encode(csvChunk(columns, [], true)));
            controller.close();
            return;
          }
          if (next.value.length === 0) continue;
          controller.enqueue(encoder.encode(csvChunk(columns, next.value, !headerSent)));
          headerSent = true;
          return;
        }
      },
      cancel() {
        batches.return?.(undefined);
      },
    },
    // One chunk at a time: nothing is read ahead of the reader.
    { highWaterMark: 0 },
  );
}
