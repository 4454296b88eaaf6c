/**
 * The CSV files through the real route: a header row and one row per record for every dataset,
 * ISO 8601 dates, UTF-8 that survives any script, cells that a spreadsheet would run as a
 * formula neutralised, and a 10,000-comment export that streams in bounded memory (measured).
 */
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { DATASETS } from "~/open-data/datasets";
import { loader as csvLoader } from "~/routes/api.v1.$file";
import { fetchRoute, seededWithResponses } from "./open-data-fixtures";

const csv = (dataset: string, query = "", method = "GET") => fetchRoute(csvLoader, `/api/v1/${dataset}.csv${query}`, { params: { file: `${dataset}.csv` }, method });

/** A small RFC 4180 reader, enough to check what we write (quotes, commas and line breaks in cells). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

let camhsId = 0;

beforeAll(async () => {
  await seededWithResponses();
  camhsId = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!.id;
  // Answers on the closed library consultation: one online in words, one letter an officer entered.
  const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
  const question = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, library.id)).get()!;
  const resident = db().select().from(t.respondents).get()!;
  const online = db().insert(t.responses).values({ proposalId: library.id, respondentId: resident.id, channel: "online" }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: online, questionId: question.id, stance: "disagree", text: "My daughter Amelia at Northmoor Primary relies on the Saturday opening." }).run();
  const paper = db().insert(t.responses).values({ proposalId: library.id, channel: "paper", respondentLabel: "Letter from Mr J. Whitfield, 4 Mill Lane" }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: paper, questionId: question.id, stance: null, text: "Please keep the late opening on Thursdays." }).run();
});

describe("every dataset", () => {
  for (const dataset of DATASETS) {
    it(`${dataset.name}.csv: UTF-8 text/csv, an attachment, the header row, and rows as wide as the header`, async () => {
      const response = await csv(dataset.name);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${dataset.name}.csv"`);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      const text = await response.text();
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(dataset.columns.map((c) => c.name));
      expect(rows.length, "at least one record from the demo").toBeGreaterThan(1);
      for (const row of rows) expect(row).toHaveLength(dataset.columns.length);
    });
  }

  it("one consultation's file has only its rows, and a file name that says so", async () => {
    const response = await csv("risks", "?consultation=camhs-social-work");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="camhs-social-work-risks.csv"');
    const rows = parseCsv(await response.text()).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["camhs-social-work"]));
  });

  it("writes dates and times as ISO 8601, and numbers as numbers", async () => {
    const rows = parseCsv(await (await csv("consultations")).text());
    const header = rows[0];
    const camhs = rows.find((r) => r[1] === "camhs-social-work")!;
    const col = (name: string) => camhs[header.indexOf(name)];
    expect(col("opens_on")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(col("opened_at")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(col("budget_change_gbp")).toBe("-604000"); // a negative number is not neutralised as a formula
    expect(col("posts_affected")).toBe("12");
    expect(col("workforce_share")).toBe("0.25");
    expect(col("responses_total")).toBe("8");
  });

  it("answers HEAD with the headers alone, and refuses unknown parameters and hidden consultations", async () => {
    const head = await csv("comments", "", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await csv("risks", "?consultation=youth-service-review")).status).toBe(404);
    expect((await csv("risks", "?consultation=../../etc/passwd")).status).toBe(404);
    expect((await csv("risks", "?format=xlsx")).status).toBe(400);
  });
});

describe("answers", () => {
  it("are published once a consultation has closed: channel, question and stance, never the words or who gave them", async () => {
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    expect(["closed", "decided"]).toContain(library.state);
    const stored = db()
      .select({ responseId: t.responses.id, label: t.responses.respondentLabel, respondentId: t.responses.respondentId, text: t.responseAnswers.text, stance: t.responseAnswers.stance })
      .from(t.responseAnswers)
      .innerJoin(t.responses, eq(t.responses.id, t.responseAnswers.responseId))
      .where(eq(t.responses.proposalId, library.id))
      .all();
    const withWords = stored.filter((a) => (a.text ?? "").trim() !== "");
    expect(withWords.length, "the demo has answers in words to check against").toBeGreaterThan(0);

    const text = await (await csv("answers", "?consultation=library-opening-hours")).text();
    const [header, ...rows] = parseCsv(text);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows).toHaveLength(stored.length);
    for (const row of rows) {
      const answer = stored.find((a) => String(a.responseId) === col(row, "response_id") && (a.stance ?? "") === col(row, "stance"));
      expect(answer, row.join(",")).toBeDefined();
      expect(["online", "paper", "phone", "event", "email"]).toContain(col(row, "channel"));
      expect(col(row, "question")).not.toBe("");
    }
    expect(rows.filter((r) => col(r, "answered_in_words") === "true")).toHaveLength(withWords.length);
    for (const a of withWords) expect(text).not.toContain(a.text!.trim().slice(0, 40));
    for (const a of stored) if (a.label) expect(text).not.toContain(a.label);
    expect(header).not.toContain("respondent");
  });

  it("are not published while the consultation is open", async () => {
    const camhsAnswers = db().select().from(t.responses).where(eq(t.responses.proposalId, camhsId)).all();
    expect(camhsAnswers.length).toBeGreaterThan(0);
    const rows = parseCsv(await (await csv("answers", "?consultation=camhs-social-work")).text());
    expect(rows).toHaveLength(1);
    expect(parseCsv(await (await csv("answers")).text()).some((r) => r[0] === "camhs-social-work")).toBe(false);
  });

  it("are not published for a consultation withdrawn before it closed", async () => {
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    const withAnswers = parseCsv(await (await csv("answers", "?consultation=library-opening-hours")).text());
    expect(withAnswers.length).toBeGreaterThan(1);
    try {
      db().update(t.proposals).set({ state: "withdrawn", closedAt: null, withdrawnAt: library.closedAt, withdrawnReason: "The council will keep the current opening hours." }).where(eq(t.proposals.id, library.id)).run();
      expect(parseCsv(await (await csv("answers", "?consultation=library-opening-hours")).text())).toHaveLength(1);
    } finally {
      db().update(t.proposals).set({ state: library.state, closedAt: library.closedAt, withdrawnAt: library.withdrawnAt, withdrawnReason: library.withdrawnReason }).where(eq(t.proposals.id, library.id)).run();
    }
  });
});

describe("text that could hurt a spreadsheet", () => {
  it("neutralises formulas, quotes commas, quotes and line breaks, and keeps every script intact", async () => {
    const bodies = [
      "=HYPERLINK(\"http://evil.example\",\"click\")",
      "+44 1632 960000",
      "-2+3",
      "@SUM(A1:A2)",
      "\t=1+1",
      "＝1+1",
      "Plain text, with a comma and \"quotes\"\nand a second line",
      "বাংলা ভাষায় মন্তব্য · Komentarz po polsku · تعليق 😀",
    ];
    const ids = bodies.map(
      (body, i) =>
        db()
          .insert(t.comments)
          .values({ proposalId: camhsId, targetType: "proposal", targetId: camhsId, bodyMarkdown: body, bodyHtml: `<p>${i}</p>`, bodyHash: `formula-${i}`, status: "visible" })
          .returning({ id: t.comments.id })
          .get().id,
    );
    const rows = parseCsv(await (await csv("comments", "?consultation=camhs-social-work")).text());
    const text = (id: number) => rows.find((r) => r[1] === String(id))![10];
    expect(text(ids[0])).toBe("'=HYPERLINK(\"http://evil.example\",\"click\")");
    expect(text(ids[1])).toBe("'+44 1632 960000");
    expect(text(ids[2])).toBe("'-2+3");
    expect(text(ids[3])).toBe("'@SUM(A1:A2)");
    expect(text(ids[4])).toBe("'\t=1+1");
    expect(text(ids[5])).toBe("'＝1+1");
    expect(text(ids[6])).toBe("Plain text, with a comma and \"quotes\"\nand a second line");
    expect(text(ids[7])).toBe(bodies[7]);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@＝＋－＠\t\r]/);
  });
});

describe("a consultation with 10,000 comments", () => {
  it("streams its export without holding it in memory", async () => {
    // Ten thousand published comments of about 1.5 kB each: a 15 MB file.
    const sqlite = db().$client;
    const insert = sqlite.prepare(
      "INSERT INTO comments (proposal_id, target_type, target_id, body_markdown, body_html, body_hash, status) VALUES (?, 'proposal', ?, ?, ?, ?, 'visible')",
    );
    const paragraph = "The waiting list for an assessment is already long and children's mental health gets worse while they wait. ".repeat(14);
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(camhsId, camhsId, `Comment ${i}. ${paragraph}`, `<p>Comment ${i}.</p>`, `bulk-${i}`);
    })();

    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    gc();
    const baseline = used();
    let peak = 0;
    let bytes = 0;
    let rows = 0;
    let chunks = 0;
    const started = performance.now();
    const response = await csv("comments", "?consultation=camhs-social-work");
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(0x0a); i !== -1; i = value.indexOf(0x0a, i + 1)) rows++;
      chunks++;
      // Sampling every few chunks keeps the test quick; the batch size bounds what lies between.
      if (chunks % 4 === 0) {
        gc();
        peak = Math.max(peak, used() - baseline);
      }
    }
    gc();
    peak = Math.max(peak, used() - baseline);
    const seconds = (performance.now() - started) / 1000;
    const growthMb = peak / 1024 / 1024;
    console.log(`10,000-comment export: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(2)} s; peak memory growth while streaming ${growthMb.toFixed(2)} MB`);
    expect(bytes).toBeGreaterThan(15 * 1024 * 1024);
    expect(rows).toBeGreaterThan(10_000);
    // Holding the file would grow memory by at least its 15 MB (twice that as JavaScript strings).
    expect(growthMb).toBeLessThan(5);
  });
});
