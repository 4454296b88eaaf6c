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
import { loader as apiConsultationLoader } from "~/routes/api.v1.consultations.$slug";
import { loader as consultationPageLoader } from "~/routes/consultations.$slug";
import { fetchRoute, parseCsv, seededWithResponses } from "./open-data-fixtures";
import { call } from "./responses-fixtures";

const csv = (dataset: string, query = "", method = "GET") => fetchRoute(csvLoader, `/api/v1/${dataset}.csv${query}`, { params: { file: `${dataset}.csv` }, method });

let camhsId = 0;
let personalQuestionId = 0;
const PRIVATE_WORDS = "My daughter Amelia at Northmoor Primary relies on the Saturday opening.";
const PUBLISHED_WORDS = "Saturday mornings are when working parents can come; please keep them.";
const PERSONAL_WORDS = "I care for my mother, who has dementia, and the library is her one outing.";
const LETTER_LABEL = "Letter from Mr J. Whitfield, 4 Mill Lane";

beforeAll(async () => {
  await seededWithResponses();
  camhsId = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!.id;
  // Answers on the decided library consultation: one online in words and one letter an officer
  // entered, neither agreeing to publish; and one resident who agreed, answering an ordinary
  // question and one the officer marked personal.
  const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
  const question = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, library.id)).get()!;
  const resident = db().select().from(t.respondents).get()!;
  const online = db().insert(t.responses).values({ proposalId: library.id, respondentId: resident.id, channel: "online" }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: online, questionId: question.id, stance: "disagree", text: PRIVATE_WORDS }).run();
  const paper = db().insert(t.responses).values({ proposalId: library.id, channel: "paper", respondentLabel: LETTER_LABEL }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: paper, questionId: question.id, stance: null, text: "Please keep the late opening on Thursdays." }).run();
  personalQuestionId = db().insert(t.consultationQuestions).values({ proposalId: library.id, position: 99, question: "Do you care for someone who uses the library?", personal: true }).returning({ id: t.consultationQuestions.id }).get().id;
  const agreed = db().insert(t.responses).values({ proposalId: library.id, channel: "email", publishAnswers: true }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: agreed, questionId: question.id, stance: "agree", text: PUBLISHED_WORDS }).run();
  db().insert(t.responseAnswers).values({ responseId: agreed, questionId: personalQuestionId, stance: null, text: PERSONAL_WORDS }).run();
});

/** The column naming the consultation a row belongs to: its slug in consultations.csv, `consultation` in the others. */
const consultationColumn = (dataset: (typeof DATASETS)[number]) => dataset.columns.findIndex((c) => c.name === (dataset.name === "consultations" ? "slug" : "consultation"));
/** What a column holds by its name and meaning: a date (YYYY-MM-DD) or a moment in UTC. */
const timeKind = (column: { name: string; description: string }) =>
  /date and time/.test(column.description) || /(^|_)at$/.test(column.name) ? "moment" : /(^|_)on$/.test(column.name) ? "date" : null;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("every dataset", () => {
  for (const dataset of DATASETS) {
    describe(`${dataset.name}.csv`, () => {
      it("is UTF-8 text/csv without a BOM, a download named after the dataset, readable from any origin, with the header row and rows as wide as it", async () => {
        const response = await csv(dataset.name);
        expect(response.status).toBe(200);
        expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
        expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${dataset.name}.csv"`);
        expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)], "no byte order mark").not.toEqual([0xef, 0xbb, 0xbf]);
        const rows = parseCsv(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        expect(rows[0]).toEqual(dataset.columns.map((c) => c.name));
        expect(rows.length, "at least one record from the demo").toBeGreaterThan(1);
        for (const row of rows) expect(row, row.join(",")).toHaveLength(dataset.columns.length);
      });

      it("writes its dates as YYYY-MM-DD and its moments as ISO 8601 in UTC", async () => {
        const [header, ...rows] = parseCsv(await (await csv(dataset.name)).text());
        const timed = dataset.columns.map((c, i) => [i, timeKind(c)] as const).filter(([, kind]) => kind);
        for (const row of rows) {
          for (const [i, kind] of timed) if (row[i] !== "") expect(row[i], `${header[i]} in ${row.join(",")}`).toMatch(kind === "date" ? ISO_DATE : ISO_MOMENT);
        }
      });

      it("?consultation= gives that consultation's rows, all of them and no others, in a file named after it", async () => {
        const [header, ...rows] = parseCsv(await (await csv(dataset.name)).text());
        const col = consultationColumn(dataset);
        expect(col, "a column names the consultation").toBeGreaterThanOrEqual(0);
        const slugs = [...new Set(rows.map((r) => r[col]))];
        expect(slugs.length).toBeGreaterThan(0);
        for (const slug of slugs) {
          const response = await csv(dataset.name, `?consultation=${slug}`);
          expect(response.status).toBe(200);
          expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-${dataset.name}.csv"`);
          const [ownHeader, ...own] = parseCsv(await response.text());
          expect(ownHeader).toEqual(header);
          expect(own, slug).toEqual(rows.filter((r) => r[col] === slug));
        }
        // A published consultation with none of this dataset's records: the header alone.
        const published = parseCsv(await (await csv("consultations")).text()).slice(1).map((r) => r[1]);
        for (const slug of published.filter((s) => !slugs.includes(s))) {
          expect(parseCsv(await (await csv(dataset.name, `?consultation=${slug}`)).text()), slug).toEqual([header]);
        }
      });

      it("answers HEAD with the same headers and no body", async () => {
        const head = await csv(dataset.name, "", "HEAD");
        expect(head.status).toBe(200);
        expect(head.body).toBeNull();
        expect(head.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
        expect(head.headers.get("Content-Disposition")).toBe(`attachment; filename="${dataset.name}.csv"`);
        expect(head.headers.get("Access-Control-Allow-Origin")).toBe("*");
      });
    });
  }

  it("one consultation's file has only its rows even where others have some: the CAMHS risks", async () => {
    const all = parseCsv(await (await csv("risks")).text()).slice(1);
    expect(new Set(all.map((r) => r[0])).size, "the demo has risks on several consultations").toBeGreaterThan(1);
    const rows = parseCsv(await (await csv("risks", "?consultation=camhs-social-work")).text()).slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["camhs-social-work"]));
  });

  it("consultations.csv writes dates and times as ISO 8601, and numbers as numbers", async () => {
    const rows = parseCsv(await (await csv("consultations")).text());
    const header = rows[0];
    const camhs = rows.find((r) => r[1] === "camhs-social-work")!;
    const col = (name: string) => camhs[header.indexOf(name)];
    expect(col("opens_on")).toMatch(ISO_DATE);
    expect(col("closes_on")).toMatch(ISO_DATE);
    expect(col("opened_at")).toMatch(ISO_MOMENT);
    expect(col("updated_at")).toMatch(ISO_MOMENT);
    expect(col("budget_change_gbp")).toBe("-604000"); // a negative number is not neutralised as a formula
    expect(col("posts_affected")).toBe("12");
    expect(col("workforce_share")).toBe("0.25");
    expect(col("responses_total")).toBe("8");
    const numeric = ["id", "posts_affected", "fte_affected", "service_workforce_posts", "workforce_share", "service_users_per_year", "budget_change_gbp", "risks", "equality_negative_impacts", "responses_total", "comments_published"];
    for (const row of rows.slice(1)) for (const name of numeric) expect(row[header.indexOf(name)], `${name} of ${row[1]}`).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });

  it("refuses unknown parameters and hidden consultations", async () => {
    expect((await csv("risks", "?consultation=youth-service-review")).status).toBe(404);
    expect((await csv("risks", "?consultation=../../etc/passwd")).status).toBe(404);
    expect((await csv("risks", "?format=xlsx")).status).toBe(400);
  });
});

describe("answers", () => {
  it("to a personal question are not counted in public either: the page's charts and the API list the same questions, without it", async () => {
    const slug = "library-opening-hours";
    const page = (await call(consultationPageLoader, `/consultations/${slug}`, { params: { slug } })).data as { responseCharts: { questions: { id: number; answered: number }[] } };
    const api = (await (await fetchRoute(apiConsultationLoader, `/api/v1/consultations/${slug}`, { params: { slug } })).json()) as { responses: { questions: { id: number; answered: number }[] } };
    const onPage = page.responseCharts.questions.map((q) => q.id);
    expect(onPage.length).toBeGreaterThan(0);
    expect(onPage).not.toContain(personalQuestionId);
    expect(api.responses.questions.map((q) => q.id)).toEqual(onPage);
    // The other questions' counts are still there.
    expect(page.responseCharts.questions.some((q) => q.answered > 0)).toBe(true);
  });

  it("are published with the outcome only from respondents who agreed, never for a personal question, never with who gave them", async () => {
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    expect(library.state).toBe("decided");
    const stored = db()
      .select({ responseId: t.responses.id, publish: t.responses.publishAnswers, questionId: t.responseAnswers.questionId, personal: t.consultationQuestions.personal, label: t.responses.respondentLabel, text: t.responseAnswers.text, stance: t.responseAnswers.stance })
      .from(t.responseAnswers)
      .innerJoin(t.responses, eq(t.responses.id, t.responseAnswers.responseId))
      .innerJoin(t.consultationQuestions, eq(t.consultationQuestions.id, t.responseAnswers.questionId))
      .where(eq(t.responses.proposalId, library.id))
      .all();
    const publishable = stored.filter((a) => a.publish && !a.personal);
    expect(publishable.length, "the demo has answers its respondents agreed to publish").toBeGreaterThan(0);
    expect(stored.filter((a) => !a.publish).length, "and answers from respondents who did not").toBeGreaterThan(0);

    const text = await (await csv("answers", "?consultation=library-opening-hours")).text();
    const [header, ...rows] = parseCsv(text);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows).toHaveLength(publishable.length);
    for (const row of rows) {
      const answer = publishable.find((a) => String(a.responseId) === col(row, "response_id") && String(a.questionId) === col(row, "question_id"));
      expect(answer, row.join(",")).toBeDefined();
      expect(col(row, "stance")).toBe(answer!.stance ?? "");
      expect(["online", "paper", "phone", "event", "email"]).toContain(col(row, "channel"));
      expect(col(row, "question")).not.toBe("");
    }
    // The words, once the outcome is published, only where the respondent agreed.
    expect(text).toContain(PUBLISHED_WORDS);
    expect(text).not.toContain(PRIVATE_WORDS);
    expect(text).not.toContain(PERSONAL_WORDS);
    expect(rows.some((r) => col(r, "question_id") === String(personalQuestionId))).toBe(false);
    for (const a of stored.filter((x) => !x.publish)) expect(rows.some((r) => col(r, "response_id") === String(a.responseId))).toBe(false);
    for (const a of stored) if (a.label) expect(text).not.toContain(a.label);
    expect(text).not.toContain(LETTER_LABEL);
    expect(header).not.toContain("respondent");
    expect(header).not.toContain("name");
  });

  it("are not published after closing until the outcome report is", async () => {
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    expect(parseCsv(await (await csv("answers", "?consultation=library-opening-hours")).text()).length).toBeGreaterThan(1);
    try {
      db().update(t.proposals).set({ state: "closed" }).where(eq(t.proposals.id, library.id)).run();
      expect(parseCsv(await (await csv("answers", "?consultation=library-opening-hours")).text())).toHaveLength(1);
    } finally {
      db().update(t.proposals).set({ state: library.state }).where(eq(t.proposals.id, library.id)).run();
    }
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
    // 15 MB written and read back: seconds alone, longer while another test file shares the cores.
  }, 90_000);
});
