import { describe, expect, it } from "vitest";
import { isSafeHref, markdownToPlainText, renderMarkdown } from "~/lib/markdown.server";

const PROFILES = ["officer", "comment"] as const;

/** No executable markup at all, whatever the profile. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<style/i);
  // inside a real tag: the same characters escaped as text (&lt;img onerror=...&gt;) are harmless
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<[^>]*href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
}

describe("renderMarkdown: what people write renders", () => {
  it("renders paragraphs, emphasis and lists", () => {
    const html = renderMarkdown("Some **bold** and _emphasis_.\n\n- one\n- two\n\n1. first\n2. second", "officer");
    expect(html).toContain("<p>Some <strong>bold</strong> and <em>emphasis</em>.</p>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>/);
  });

  it("keeps a single line break in a comment as a line break", () => {
    expect(renderMarkdown("line one\nline two", "comment")).toBe("<p>line one<br />line two</p>");
  });

  it("joins hard-wrapped officer text into one paragraph", () => {
    expect(renderMarkdown("aged 11 to\n17. Ask us.", "officer")).toBe("<p>aged 11 to\n17. Ask us.</p>");
  });

  it("renders officer tables and headings from h2 down", () => {
    const html = renderMarkdown("# Costs\n\n| Year | Saving |\n|---|---|\n| 2027 | £420,000 |", "officer");
    expect(html).toContain("<h2>Costs</h2>");
    expect(html).toContain("<th>Year</th>");
    expect(html).toContain("<td>£420,000</td>");
  });

  it("nests headings under a section with headingOffset, never deeper than h4", () => {
    expect(renderMarkdown("## Staffing", "officer", { headingOffset: 1 })).toBe("<h3>Staffing</h3>");
    expect(renderMarkdown("#### Deep", "officer", { headingOffset: 1 })).toBe("<h4>Deep</h4>");
  });

  it("gives comments no headings or tables: the words survive as text", () => {
    const html = renderMarkdown("# Shouting\n\n| a |\n|---|\n| b |", "comment");
    expect(html).not.toMatch(/<h\d|<table|<td/);
    expect(html).toContain("<p><strong>Shouting</strong></p>");
    expect(html).toContain("b");
  });

  it("renders blockquotes and code", () => {
    const html = renderMarkdown("> quoted\n\n`inline` and\n\n```\nblock\n```", "comment");
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toContain("<code>inline</code>");
    expect(html).toMatch(/<pre><code>block/);
  });

  it("marks officer links nofollow noopener and comment links nofollow ugc", () => {
    expect(renderMarkdown("[report](https://example.org/report)", "officer")).toBe(
      '<p><a href="https://example.org/report" rel="nofollow noopener">report</a></p>',
    );
    expect(renderMarkdown("[site](https://example.org)", "comment")).toBe('<p><a href="https://example.org" rel="nofollow ugc">site</a></p>');
  });

  it("allows mailto links and links to pages on this site", () => {
    expect(renderMarkdown("[email us](mailto:consultations@example.gov.uk)", "officer")).toContain('href="mailto:consultations@example.gov.uk"');
    expect(renderMarkdown("[privacy notice](/privacy)", "officer")).toContain('href="/privacy"');
  });

  it("returns an empty string for nothing", () => {
    expect(renderMarkdown(null, "officer")).toBe("");
    expect(renderMarkdown("   \n ", "comment")).toBe("");
  });
});

describe.each(PROFILES)("renderMarkdown (%s): hostile input", (profile) => {
  it("never passes a script tag through; it shows as text", () => {
    const html = renderMarkdown("<script>alert(1)</script>hello", profile);
    expectInert(html);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("never passes event-handler attributes", () => {
    for (const input of ['<img src=x onerror="alert(1)">', '<p onclick="alert(1)">hi</p>', "**<em onmouseover=alert(1)>hi</em>**", '<svg onload="alert(1)">']) {
      expectInert(renderMarkdown(input, profile));
    }
  });

  it("drops javascript: links but keeps their words", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "java&#09;script:alert(1)"]) {
      const html = renderMarkdown(`[click me](${href})`, profile);
      expectInert(html);
      expect(html).not.toContain("<a");
      expect(html).toContain("click me");
    }
  });

  it("drops data: and vbscript: links", () => {
    for (const href of ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)"]) {
      const html = renderMarkdown(`[open](${href})`, profile);
      expectInert(html);
      expect(html).not.toContain("<a");
    }
  });

  it("drops protocol-relative links", () => {
    expect(renderMarkdown("[elsewhere](//evil.example)", profile)).not.toContain("<a");
  });

  it("shows raw HTML links as text rather than making them live", () => {
    const html = renderMarkdown('<a href="javascript:alert(1)">click</a>', profile);
    expectInert(html);
    expect(html).not.toMatch(/<a\s/);
  });

  it("renders no images, from Markdown or HTML", () => {
    expectInert(renderMarkdown("![chart](https://example.org/chart.png)", profile));
    expectInert(renderMarkdown('<img src="https://example.org/x.png">', profile));
  });

  it("neutralises nested and malformed markup", () => {
    for (const input of [
      "<div><p><script>alert(1)</script></p></div>",
      "<<script>script>alert(1)<</script>/script>",
      "> - **[x](javascript:alert(1))**\n>   <iframe src=//evil></iframe>",
      "<scr<script>ipt>alert(1)</script>",
      '<a href="https://ok.example" onclick="alert(1)">ok</a>',
      "<style>body{display:none}</style>",
      '[x](https://ok.example "title" onmouseover="alert(1)")',
    ]) {
      expectInert(renderMarkdown(input, profile));
    }
  });

  it("keeps attributes other than href and rel off links", () => {
    const html = renderMarkdown('[x](https://ok.example "a title")', profile);
    expect(html).not.toContain("title=");
    expect(html).not.toContain("target=");
  });
});

describe("isSafeHref", () => {
  it("accepts http, https, mailto and site paths", () => {
    for (const href of ["http://a.example", "https://a.example/x?y#z", "mailto:a@b.example", "/privacy", "#risks", "page"]) expect(isSafeHref(href)).toBe(true);
  });
  it("refuses other schemes and protocol-relative addresses", () => {
    for (const href of ["javascript:x", "java\tscript:x", "data:x", "file:///etc/passwd", "//evil.example", "\\\\evil.example", "/\\evil.example", "", undefined]) {
      expect(isSafeHref(href)).toBe(false);
    }
  });
});

describe("markdownToPlainText", () => {
  it("gives words without markup, for excerpts", () => {
    expect(markdownToPlainText("**Bold** move: [read](https://x.example) &amp; <b>tags</b>\n\n- a")).toBe("Bold move: read & <b>tags</b> a");
  });
});
