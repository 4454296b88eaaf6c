import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/redirects";
import { openRedirectPayloads, SAFE_PATHS } from "../fixtures/open-redirects";

const SITE = "https://consult.northmoor.example";

/** What a browser would do with the value in a Location header on this site. */
function landsOnThisSite(location: string): boolean {
  return new URL(location, SITE).origin === SITE;
}

describe("safeRedirect", () => {
  it("refuses the vectors found against the sign-in pages", () => {
    for (const v of ["/.//evil.example", "/%2e//evil.example", "/a/..//evil.example"]) {
      expect(safeRedirect(v, "/staff"), v).toBe("/staff");
    }
  });

  it("never gives a browser an address on another origin, over the whole corpus", () => {
    const payloads = openRedirectPayloads();
    expect(payloads.length).toBeGreaterThan(400);
    for (const payload of payloads) {
      const result = safeRedirect(payload, "/fallback");
      expect(landsOnThisSite(result), `${JSON.stringify(payload)} -> ${result}`).toBe(true);
      expect(result.startsWith("//") || result.startsWith("/\\"), JSON.stringify(payload)).toBe(false);
      // Nothing that could split a header line.
      expect(/[\r\n\u0000]/.test(result), JSON.stringify(payload)).toBe(false);
    }
  });

  it("keeps ordinary paths, normalised", () => {
    for (const [input, expected] of SAFE_PATHS) expect(safeRedirect(input, "/fallback")).toBe(expected);
  });

  it("falls back on anything that is not a string path", () => {
    for (const v of [undefined, null, 42, {}, "", "staff", "?x", "#y", "x".repeat(5000)]) expect(safeRedirect(v, "/f")).toBe("/f");
  });
});
