/** The pure parts of the open data: reading query strings, CSV cells, search input, conditional GET. */
import { describe, expect, it } from "vitest";
import { conditionalResponse, httpDate, isFresh, newest, validatorsFor } from "~/lib/conditional-get.server";
import { csvChunk, neutraliseFormula } from "~/open-data/csv.server";
import { DATASETS } from "~/open-data/datasets";
import { ApiError, decodeCursor, encodeCursor, parseInstant, parseLimit, parseListParameters } from "~/open-data/params";
import { parseSearchQuery, snippetHtml, snippetParts } from "~/search/query";
import { questionStatistics } from "~/responses/statistics";

const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.status : "other";
  }
  return "accepted";
};

describe("query strings", () => {
  it("reads every list filter", () => {
    expect(
      parseListParameters(new URLSearchParams("status=open,closed&status=decided&service=camhs&opensFrom=2026-01-01&opensTo=2026-12-31&closesFrom=2026-02-01&closesTo=2026-03-01&updatedSince=2026-01-01&limit=5")),
    ).toEqual({
      states: ["open", "closed", "decided"],
      serviceSlug: "camhs",
      opensFrom: "2026-01-01",
      opensTo: "2026-12-31",
      closesFrom: "2026-02-01",
      closesTo: "2026-03-01",
      updatedSince: "2026-01-01T00:00:00.000Z",
      limit: 5,
      afterId: undefined,
    });
  });

  it("takes instants with a zone and turns them into UTC", () => {
    expect(parseInstant("x", "2026-06-01T10:00:00+01:00")).toBe("2026-06-01T09:00:00.000Z");
    expect(parseInstant("x", "2026-06-01T10:00Z")).toBe("2026-06-01T10:00:00.000Z");
    for (const bad of ["2026-06-01T10:00:00", "2026-02-29", "1e9", "2026-06-01 10:00:00Z", "now"]) expect(refused(() => parseInstant("x", bad)), bad).toBe(400);
  });

  it("limits the page size and refuses anything that is not a whole number in range", () => {
    expect(parseLimit(null)).toBe(20);
    expect(parseLimit("100")).toBe(100);
    for (const bad of ["0", "101", "-1", "1.5", " 5", "5 ", "0x10", "", "١٠"]) expect(refused(() => parseLimit(bad)), JSON.stringify(bad)).toBe(400);
  });

  it("gives out cursors only it can read back", () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    for (const bad of ["42", "-1", "YzE6LTE", "YzI6NA", "", "a".repeat(200), "YzE6OTk5OTk5OTk5OTk5OTk5OTk5"]) expect(refused(() => decodeCursor(bad)), bad).toBe(400);
  });

  it("refuses statuses the public cannot see", () => {
    for (const s of ["draft", "in_review", "union_notice", "scheduled", "OPEN"]) expect(refused(() => parseListParameters(new URLSearchParams({ status: s }))), s).toBe(400);
  });
});

describe("CSV cells", () => {
  it("neutralises what a spreadsheet would run, and nothing else", () => {
    for (const f of ["=1+1", "+1", "-1", "@x", "\t=x", "\r=x", "  =x", "＝x", "＋x", "－x", "＠x"]) expect(neutraliseFormula(f), f).toBe(`'${f}`);
    for (const ok of ["1+1", "a=b", "hello", "", "'already", "€5"]) expect(neutraliseFormula(ok), ok).toBe(ok);
  });

  it("writes a header once, CRLF records, quotes what needs it, numbers and booleans plainly", () => {
    expect(csvChunk(["a", "b", "c", "d"], [[1, "x,y", true, null], [-2.5, 'say "hi"', false, "line\nbreak"]], true)).toBe('a,b,c,d\r\n1,"x,y",true,\r\n-2.5,"say ""hi""",false,"line\nbreak"\r\n');
    expect(csvChunk(["a"], [["=x"]], false)).toBe("'=x\r\n");
  });

  it("names each dataset's columns once, uniquely", () => {
    for (const d of DATASETS) expect(new Set(d.columns.map((c) => c.name)).size, d.name).toBe(d.columns.length);
  });
});

describe("search input", () => {
  it("keeps words and drops syntax", () => {
    expect(parseSearchQuery('"waiting times" NEAR(child*, 2) OR ^x').all).toBe('"waiting" AND "times" AND "NEAR" AND "child"* AND "2" AND "OR" AND "x"');
    expect(parseSearchQuery("a* wait*").all).toBe('"a" AND "wait"*');
    expect(parseSearchQuery("'; DROP TABLE x; --").all).toBe('"DROP" AND "TABLE" AND "x"');
    expect(parseSearchQuery("***").all).toBeNull();
    expect(parseSearchQuery("Wait wait WAIT").terms).toEqual(["Wait"]);
    expect(parseSearchQuery("বাংলা ভাষা").terms).toEqual(["বাংলা", "ভাষা"]);
    expect(parseSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")).terms).toHaveLength(12);
  });

  it("turns snippets into marked parts, escaping everything for HTML", () => {
    const parts = snippetParts("…the **\u0002waiting\u0003** list for <b>\u0002times\u0003</b> [link](http://x)…");
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(["waiting", "times"]);
    expect(snippetHtml(parts)).toBe("…the <mark>waiting</mark> list for &lt;b&gt;<mark>times</mark>&lt;/b&gt; link…");
  });
});

describe("conditional GET", () => {
  const request = (headers: Record<string, string>, method = "GET") => new Request("http://x/", { headers, method });
  const v = validatorsFor('{"a":1}', "2026-01-01T10:00:00.500Z");

  it("makes a strong ETag from the bytes and an HTTP date to the second", () => {
    expect(v.etag).toMatch(/^"/);
    expect(validatorsFor('{"a":2}').etag).not.toBe(v.etag);
    expect(v.lastModified).toBe("Thu, 01 Jan 2026 10:00:00 GMT");
    expect(httpDate("garbage")).toBeNull();
    expect(newest("2026-01-01T00:00:00Z", null, "2027-01-01T00:00:00Z", "not a date")).toBe("2027-01-01T00:00:00Z");
  });

  it("is fresh on a matching tag or a date not before Last-Modified, and never for writes or no-cache", () => {
    expect(isFresh(request({ "If-None-Match": v.etag }), v)).toBe(true);
    expect(isFresh(request({ "If-None-Match": `W/${v.etag}` }), v)).toBe(true);
    expect(isFresh(request({ "If-None-Match": "*" }), v)).toBe(true);
    expect(isFresh(request({ "If-Modified-Since": "Thu, 01 Jan 2026 10:00:00 GMT" }), v)).toBe(true);
    expect(isFresh(request({ "If-Modified-Since": "Thu, 01 Jan 2026 09:59:59 GMT" }), v)).toBe(false);
    expect(isFresh(request({ "If-None-Match": v.etag }, "POST"), v)).toBe(false);
    expect(isFresh(request({ "If-None-Match": v.etag, "Cache-Control": "no-cache" }), v)).toBe(false);
    expect(isFresh(request({ "If-Modified-Since": "32 Smarch" }), v)).toBe(false);
  });

  it("answers 304 without a body but with the headers a cache needs", async () => {
    const response = conditionalResponse(request({ "If-None-Match": v.etag }), '{"a":1}', { contentType: "application/json", headers: { "Cache-Control": "public, no-cache", Vary: "Accept" } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("ETag")).toBe(v.etag);
    expect(response.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(response.headers.get("Vary")).toBe("Accept");
  });
});

describe("answer counts per question", () => {
  it("counts stances and channels, with words-only answers apart", () => {
    const stats = questionStatistics(
      [
        { id: 1, question: "How much do you agree or disagree with the proposal?" },
        { id: 2, question: "What else should we know?" },
      ],
      [
        { questionId: 1, stance: "agree", channel: "online", n: 3 },
        { questionId: 1, stance: "agree", channel: "paper", n: 1 },
        { questionId: 1, stance: "strongly_disagree", channel: "online", n: 2 },
        { questionId: 2, stance: null, channel: "phone", n: 4 },
      ],
    );
    expect(stats[0]).toMatchObject({ asksForStance: true, answered: 6, stances: { agree: 4, strongly_disagree: 2, none: 0 }, byChannel: { online: 5, paper: 1 } });
    expect(stats[1]).toMatchObject({ asksForStance: false, answered: 4, stances: { none: 4 }, byChannel: { phone: 4 } });
  });
});
