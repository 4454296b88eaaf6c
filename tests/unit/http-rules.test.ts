/** The HTTP rules as pure functions: encodings a client accepts, conditional requests, cache policy inputs. */
import { describe, expect, it } from "vitest";
import { carriesSessionCookie, consultationSlugOf, isCompressible, isFresh, isPrivatePath, negotiateEncoding, parseHttpDate, parseIfNoneMatch, withVary } from "../../server/http-rules";

describe("negotiateEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1, br;q=0.5", "gzip"],
    ["*", "br"],
    ["*;q=0", "identity"],
    ["identity", "identity"],
    ["x-gzip", "gzip"],
    ["br;q=banana, gzip;q=2, ;;;", "identity"],
    ["BR", "br"],
  ])("%j → %s", (header, expected) => expect(negotiateEncoding(header)).toBe(expected));
});

describe("conditional requests", () => {
  const current = { etag: "abc123", lastModified: new Date("2026-11-30T09:00:00.000Z") };
  it("reads entity tags, weak or strong, or gives up on the whole header", () => {
    expect(parseIfNoneMatch('"a", W/"b"')).toEqual(["a", "b"]);
    expect(parseIfNoneMatch("*")).toBe("*");
    expect(parseIfNoneMatch("a")).toBeNull();
    expect(parseIfNoneMatch('"a" junk')).toBeNull();
    expect(parseIfNoneMatch('"unterminated')).toBeNull();
    expect(parseIfNoneMatch("")).toBeNull();
    expect(parseIfNoneMatch(undefined)).toBeNull();
  });
  it("a tag for any encoding of the same bytes is current; another is not", () => {
    expect(isFresh({ ifNoneMatch: '"abc123"' }, current)).toBe(true);
    expect(isFresh({ ifNoneMatch: '"abc123-br"' }, current)).toBe(true);
    expect(isFresh({ ifNoneMatch: 'W/"abc123-gz"' }, current)).toBe(true);
    expect(isFresh({ ifNoneMatch: '"abc12"' }, current)).toBe(false);
    expect(isFresh({ ifNoneMatch: "garbage", ifModifiedSince: "Mon, 30 Nov 2026 09:00:00 GMT" }, current)).toBe(false);
  });
  it("If-Modified-Since counts only without If-None-Match, and only when it is a date", () => {
    expect(isFresh({ ifModifiedSince: "Mon, 30 Nov 2026 09:00:00 GMT" }, current)).toBe(true);
    expect(isFresh({ ifModifiedSince: "Mon, 30 Nov 2026 08:59:59 GMT" }, current)).toBe(false);
    expect(isFresh({ ifModifiedSince: "yesterday" }, current)).toBe(false);
    expect(isFresh({ ifModifiedSince: "x".repeat(5000) }, current)).toBe(false);
    expect(parseHttpDate("Mon, 99 Foo 99999 99:99:99 GMT")).toBeNull();
  });
});

describe("who is anonymous, what is private, what compresses", () => {
  it("knows our cookies from others", () => {
    expect(carriesSessionCookie("theme=dark; __plainsight_session=x")).toBe(true);
    expect(carriesSessionCookie("theme=dark; other__plainsight=x")).toBe(false);
    expect(carriesSessionCookie(undefined)).toBe(false);
  });
  it("private areas", () => {
    expect(isPrivatePath("/staff")).toBe(true);
    expect(isPrivatePath("/staff/proposals/1")).toBe(true);
    expect(isPrivatePath("/staffing")).toBe(false);
    expect(isPrivatePath("/consultations/x")).toBe(false);
  });
  it("text compresses, images and documents do not", () => {
    expect(isCompressible("text/html")).toBe(true);
    expect(isCompressible("application/json; charset=utf-8")).toBe(true);
    expect(isCompressible("application/pdf")).toBe(false);
    expect(isCompressible(undefined)).toBe(false);
  });
  it("Vary names each header once", () => {
    expect(withVary("Cookie", "cookie", "Accept-Encoding")).toBe("Cookie, Accept-Encoding");
    expect(withVary(undefined, "Cookie")).toBe("Cookie");
  });
});

describe("consultationSlugOf: which consultation an address shows (the render cache's key)", () => {
  it.each([
    ["/consultations/camhs-social-work", "camhs-social-work"],
    ["/consultations/camhs-social-work/comments/risk/12", "camhs-social-work"],
    ["/consultations/camhs-social-work/feed.atom", "camhs-social-work"],
    ["/consultations/camhs-social-work.atom", "camhs-social-work"],
    ["/api/v1/consultations/camhs-social-work", "camhs-social-work"],
    ["/api/v1/consultations/camhs-social-work/comments", "camhs-social-work"],
    ["/consultations/CAMHS-Social-Work", "camhs-social-work"],
  ])("%s shows %s", (path, slug) => expect(consultationSlugOf(path)).toBe(slug));

  it.each(["/", "/consultations", "/consultations/", "/api/v1/consultations", "/search", "/feeds/consultations.atom", "/api/v1/risks.csv", "/staff/proposals/3", "/consultations/%E0%A4%A"])(
    "%s shows many consultations, or none by a readable slug",
    (path) => expect(consultationSlugOf(path)).toBeNull(),
  );
});
