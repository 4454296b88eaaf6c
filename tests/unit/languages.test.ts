import { describe, expect, it } from "vitest";
import { languageFromCookie, languageInfo, languageOfUrl, languageOrDefault, rememberedLanguageTarget, withLanguage } from "~/i18n/languages";

describe("the language of a page", () => {
  it("comes from ?lang, English for anything we have no catalogue for", () => {
    expect(languageOfUrl("/consultations?lang=bn")).toBe("bn");
    expect(languageOfUrl("/consultations")).toBe("en");
    for (const code of ["xx", "", "BN", "bn-BD", "__proto__", "toString", "constructor"]) expect(languageOfUrl(`/consultations?lang=${code}`), code).toBe("en");
    expect(languageOrDefault(["bn"])).toBe("en");
  });

  it("is English on staff pages whatever the address says", () => {
    expect(languageOfUrl("/staff/proposals/1?lang=bn")).toBe("en");
    expect(languageOfUrl("/staff?lang=bn")).toBe("en");
    expect(languageOfUrl("/staffing?lang=bn")).toBe("bn");
  });

  it("takes its name, lang attribute and direction from the catalogue", () => {
    expect(languageInfo("bn")).toEqual({ code: "bn", name: "বাংলা", htmlLang: "bn", dir: "ltr" });
    expect(languageInfo("en")).toEqual({ code: "en", name: "English", htmlLang: "en-GB", dir: "ltr" });
  });
});

describe("withLanguage", () => {
  it("sets lang for Bengali and removes it for English, keeping the rest of the address", () => {
    expect(withLanguage("/consultations", "bn")).toBe("/consultations?lang=bn");
    expect(withLanguage("/search?q=parks&page=2#results", "bn")).toBe("/search?q=parks&page=2&lang=bn#results");
    expect(withLanguage("/search?lang=bn&q=parks", "en")).toBe("/search?q=parks");
    expect(withLanguage("/consultations?lang=bn", "bn")).toBe("/consultations?lang=bn");
  });

  it("leaves other sites, staff pages and fragments alone", () => {
    expect(withLanguage("https://example.org/", "bn")).toBe("https://example.org/");
    expect(withLanguage("//evil.example/", "bn")).toBe("//evil.example/");
    expect(withLanguage("#main", "bn")).toBe("#main");
    expect(withLanguage("/staff/sign-in", "bn")).toBe("/staff/sign-in");
  });
});

describe("a remembered language", () => {
  it("reads only our cookie, and only a language we have", () => {
    expect(languageFromCookie("a=1; plainsight_lang=bn; b=2")).toBe("bn");
    expect(languageFromCookie("plainsight_lang=xx")).toBeNull();
    expect(languageFromCookie("xplainsight_lang=bn")).toBeNull();
    expect(languageFromCookie(undefined)).toBeNull();
  });

  it("sends a page without lang to the same page with it, and nothing else", () => {
    const cookie = "plainsight_lang=bn";
    expect(rememberedLanguageTarget({ method: "GET", url: "/consultations/camhs?x=1", cookie })).toBe("/consultations/camhs?x=1&lang=bn");
    expect(rememberedLanguageTarget({ method: "HEAD", url: "/", cookie })).toBe("/?lang=bn");
    // Already in a language (even English, chosen on purpose), a form post, no cookie, English chosen:
    expect(rememberedLanguageTarget({ method: "GET", url: "/?lang=en", cookie })).toBeNull();
    expect(rememberedLanguageTarget({ method: "POST", url: "/consultations/camhs/respond", cookie })).toBeNull();
    expect(rememberedLanguageTarget({ method: "GET", url: "/", cookie: undefined })).toBeNull();
    expect(rememberedLanguageTarget({ method: "GET", url: "/", cookie: "plainsight_lang=en" })).toBeNull();
    // Files, feeds, the API, the switch itself and staff pages are the same in every language:
    for (const url of ["/robots.txt", "/sitemap.xml", "/feeds/consultations.atom", "/api/v1/consultations", "/assets/x.js", "/language/en", "/staff", "/staff/proposals/1", "/healthz", "//evil.example/"]) {
      expect(rememberedLanguageTarget({ method: "GET", url, cookie }), url).toBeNull();
    }
    // Remix's data requests follow the page.
    expect(rememberedLanguageTarget({ method: "GET", url: "/consultations.data?_routes=x", cookie })).toBe("/consultations.data?_routes=x&lang=bn");
  });
});
