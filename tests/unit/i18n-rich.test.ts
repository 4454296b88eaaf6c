/**
 * Elements inside a translated sentence (app/i18n/rich.tsx), and the Bengali possessive joined
 * as Bengali writes it (app/i18n/possessive.ts): "বাসিন্দার", not "বাসিন্দা-এর"; "CAMHS-এর" stays.
 */
import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { richText } from "~/i18n/rich";
import { translator } from "~/i18n/i18n";
import { bengaliPossessiveSuffix, joinBengaliPossessives } from "~/i18n/possessive";

const html = (node: unknown) => renderToStaticMarkup(node as never);
const asWritten = (name: string) => createElement("span", { "data-as-written": "" }, name);

describe("richText: elements inside a translated sentence", () => {
  it("puts each element where its language puts it (Bengali: the name before the words)", () => {
    const name = asWritten("Amina");
    expect(html(richText(translator("en"), "commentPages.comment.headingBy", { name }))).toBe('Comment by <span data-as-written="">Amina</span>');
    expect(html(richText(translator("bn"), "commentPages.comment.headingBy", { name }))).toBe('<span data-as-written="">Amina</span>-এর মন্তব্য');
  });

  it("keeps plain values as values and several elements in order", () => {
    const rules = createElement("a", { href: "/house-rules" }, "house rules");
    expect(html(richText(translator("en"), "commentPages.form.hint", { max: "2,000", rules }))).toContain('Up to 2,000 characters');
    expect(html(richText(translator("en"), "commentPages.form.hint", { max: "2,000", rules }))).toContain('<a href="/house-rules">house rules</a>');
  });
});

describe("the Bengali possessive", () => {
  it("joins after a Bengali vowel with র and after a consonant with ের; keeps -এর after Latin letters and figures", () => {
    expect(bengaliPossessiveSuffix("বাসিন্দা")).toBe("র");
    expect(bengaliPossessiveSuffix("বন্ধু")).toBe("র");
    expect(bengaliPossessiveSuffix("রহিম")).toBe("ের");
    expect(bengaliPossessiveSuffix("কাউন্সিল")).toBe("ের");
    expect(bengaliPossessiveSuffix("CAMHS")).toBe("-এর");
    expect(bengaliPossessiveSuffix("5")).toBe("-এর");
    expect(bengaliPossessiveSuffix("“খরচ”")).toBe("-এর");
  });

  it("rewrites only a hyphenated possessive that follows a Bengali word", () => {
    expect(joinBengaliPossessives("বাসিন্দা-এর মন্তব্য")).toBe("বাসিন্দার মন্তব্য");
    expect(joinBengaliPossessives("রহিমা খাতুন-এর মন্তব্য")).toBe("রহিমা খাতুনের মন্তব্য");
    expect(joinBengaliPossessives("CAMHS-এর নার্স, 5-এর কম")).toBe("CAMHS-এর নার্স, 5-এর কম");
  });

  it("is applied to Bengali messages with their values, and to a Bengali name given as an element", () => {
    const bn = translator("bn");
    const resident = bn("commentPages.item.resident");
    expect(bn("commentPages.titles.commentBy", { name: resident })).toBe(`${resident}র মন্তব্য`);
    expect(bn("commentPages.titles.commentBy", { name: "Amina" })).toBe("Amina-এর মন্তব্য");
    expect(html(richText(bn, "commentPages.comment.headingBy", { name: asWritten("রহিম") }))).toBe('<span data-as-written="">রহিমের</span> মন্তব্য');
    // A vowel sign must touch its letter: the suffix goes inside the elements that hold the last word.
    const nested = createElement("strong", null, createElement(Fragment, null, resident));
    expect(html(richText(bn, "commentPages.comment.headingBy", { name: nested }))).toBe(`<strong>${resident}র</strong> মন্তব্য`);
    // English pages never change.
    expect(translator("en")("commentPages.titles.commentBy", { name: "বাসিন্দা" })).toBe("Comment by বাসিন্দা");
  });
});
