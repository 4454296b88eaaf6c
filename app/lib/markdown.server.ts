/**
 * Markdown to safe HTML, on the server only.
 *
 * marked does NOT sanitise (STACK.md), so every result goes through sanitize-html with a small
 * allow-list per profile. Two layers, on purpose:
 *  1. raw HTML written inside the Markdown is never passed through: marked's `html` tokens are
 *     escaped and shown as text, so `<b>` in a comment appears as "<b>", not bold;
 *  2. sanitize-html then keeps only the tags, attributes and link schemes the profile allows
 *     (no images, no scripts or event handlers, no javascript: or data: links).
 *
 * Officers write proposals (headings, tables); the public write comments (a smaller set, and
 * their links carry rel="ugc" so search engines do not reward spam).
 */
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

export type MarkdownProfile = "officer" | "comment";

export type RenderOptions = {
  /**
   * Added to every heading level before it is clamped to h2–h4, so that Markdown placed under
   * an existing heading nests below it (1 turns "## Costs" into an h3 inside a section with an h2).
   */
  headingOffset?: number;
};

const LINK_SCHEMES = ["http", "https", "mailto"];

const ALLOWED_TAGS: Record<MarkdownProfile, string[]> = {
  officer: ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "table", "thead", "tbody", "tr", "th", "td", "code", "pre"],
  comment: ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "a", "code", "pre"],
};

const LINK_REL: Record<MarkdownProfile, string> = {
  officer: "nofollow noopener",
  comment: "nofollow ugc",
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function markedFor(profile: MarkdownProfile, headingOffset: number): Marked {
  // Officers' text often arrives hard-wrapped (content files, pasted reports): a single newline
  // is a space, as in standard Markdown. The public type comments in a box and expect the
  // lines they typed.
  const instance = new Marked({ gfm: true, breaks: profile === "comment" });
  instance.use({
    renderer: {
      // Raw HTML in the source is shown as the characters typed, never interpreted.
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      // A link to anywhere but http, https, mailto or this site is written as its words alone.
      // (Done here rather than only in sanitize-html: there, turning an <a> into a dropped tag
      // confuses its tag stack, and the next real link gets closed with the wrong tag.)
      link(token: Tokens.Link) {
        const inner = this.parser.parseInline(token.tokens);
        if (!isSafeHref(decodeEntities(token.href))) return inner;
        return false;
      },
      heading(token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        if (profile === "comment") return `<p><strong>${inner}</strong></p>\n`;
        // The page owns its h1; Markdown headings start at h2 and stop at h4.
        const level = Math.min(4, Math.max(2, token.depth + headingOffset));
        return `<h${level}>${inner}</h${level}>\n`;
      },
    },
  });
  return instance;
}

/** Character references as a browser would read them in an attribute ("jav&#x61;script:"). */
function decodeEntities(value: string): string {
  const char = (code: number) => (Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd");
  return value
    .replace(/&#x([0-9a-f]{1,8});?/gi, (_, hex: string) => char(parseInt(hex, 16)))
    .replace(/&#(\d{1,10});?/g, (_, dec: string) => char(Number(dec)))
    .replace(/&(tab|newline|colon);/gi, (_, name: string) => ({ tab: "\t", newline: "\n", colon: ":" })[name.toLowerCase()] ?? "");
}

/**
 * A link target the profile allows: http, https, mailto or a path on this site. Browsers ignore
 * tabs, newlines and control characters inside a scheme ("java\tscript:"), so they are removed
 * before the scheme is read. sanitize-html checks schemes again afterwards.
 */
export function isSafeHref(href: string | undefined): href is string {
  if (!href) return false;
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (compact.startsWith("//") || compact.startsWith("\\\\") || compact.startsWith("/\\")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return LINK_SCHEMES.includes(scheme[1].toLowerCase());
  return true;
}

function sanitizeOptions(profile: MarkdownProfile): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS[profile],
    allowedAttributes: { a: ["href", "rel"] },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { a: LINK_SCHEMES },
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      // A link to anywhere else keeps its words and loses the link ("span" is not allowed, so
      // sanitize-html drops the tag and keeps the text).
      a: (tagName, attribs): sanitizeHtml.Tag =>
        isSafeHref(attribs.href)
          ? { tagName, attribs: { href: attribs.href.trim(), rel: LINK_REL[profile] } }
          : { tagName: "span", attribs: {} },
    },
    // An image alone in a paragraph leaves nothing behind.
    exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.trim() && !frame.mediaChildren.length,
  };
}

/** Markdown written by an officer or a member of the public, as HTML safe to put in a page. */
export function renderMarkdown(text: string | null | undefined, profile: MarkdownProfile, options: RenderOptions = {}): string {
  if (!text || !text.trim()) return "";
  // Rendering is a pure function of its inputs, and a consultation page renders dozens of the
  // same long fields on every view: keep recent results (bounded, oldest dropped first).
  const key = `${profile}\u0000${options.headingOffset ?? 0}\u0000${text}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const html = sanitizeHtml(markedFor(profile, options.headingOffset ?? 0).parse(text, { async: false }), sanitizeOptions(profile)).trim();
  if (rendered.size >= RENDER_CACHE_ENTRIES) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, html);
  return html;
}

const RENDER_CACHE_ENTRIES = 2000;
const rendered = new Map<string, string>();

/** Plain text from Markdown, for excerpts and titles: no markup, whitespace collapsed. */
export function markdownToPlainText(text: string | null | undefined): string {
  if (!text) return "";
  const html = markedFor("comment", 0).parse(text, { async: false });
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
