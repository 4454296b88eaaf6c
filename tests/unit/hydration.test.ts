import { describe, expect, it } from "vitest";
import { pageNeedsScripts, whileCommenting } from "~/components/hydration";

const root = { id: "root", handle: undefined, data: {} };

describe("which pages load the client bundle", () => {
  it("every page does unless it says otherwise", () => {
    expect(pageNeedsScripts([root, { id: "routes/staff", handle: undefined }])).toBe(true);
    expect(pageNeedsScripts([root, { id: "routes/subscribe._index", handle: { other: 1 } }])).toBe(true);
  });

  it("a page whose routes all opt out gets none", () => {
    expect(pageNeedsScripts([root, { id: "routes/consultations._index", handle: { hydrate: false } }])).toBe(false);
  });

  it("one route that needs scripts is enough", () => {
    expect(pageNeedsScripts([root, { id: "routes/a", handle: { hydrate: false } }, { id: "routes/a.b", handle: undefined }])).toBe(true);
  });

  it("the root alone (an error before any route matched) keeps them", () => {
    expect(pageNeedsScripts([root])).toBe(true);
  });

  it("a route may decide from its data: scripts only for a reader who sees the comment form", () => {
    const thread = (mode: string | null) => [root, { id: "routes/thread", handle: { hydrate: whileCommenting }, data: mode ? { form: { mode } } : null }];
    expect(pageNeedsScripts(thread("sign-in"))).toBe(false);
    expect(pageNeedsScripts(thread("closed"))).toBe(false);
    expect(pageNeedsScripts(thread(null))).toBe(false);
    expect(pageNeedsScripts(thread("respondent"))).toBe(true);
    expect(pageNeedsScripts(thread("official"))).toBe(true);
  });
});
