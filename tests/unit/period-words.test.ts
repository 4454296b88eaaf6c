/** A consultation's length in the page's language, by the catalogue's plural rules (issue 14: no "12 weeks" on a Bengali page). */
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { periodText } from "~/components/content-words";
import { translator } from "~/i18n/i18n";
import { LanguageProvider } from "~/i18n/react";
import { datesMovedAtOpening } from "~/proposals/period";
import { DatesMoved } from "~/routes/consultations.$slug_.history";

describe("a consultation's length", () => {
  it("is said with the catalogue's plurals in each language", () => {
    const en = translator("en");
    const bn = translator("bn");
    expect(periodText(84, en)).toBe("12 weeks");
    expect(periodText(7, en)).toBe("1 week");
    expect(periodText(17, en)).toBe("2 weeks and 3 days");
    expect(periodText(1, en)).toBe("1 day");
    expect(periodText(84, bn)).toBe("12 সপ্তাহ");
    expect(periodText(17, bn)).toBe("2 সপ্তাহ 3 দিন");
  });

  it("is in Bengali on the history page's notice that opening late moved the closing date", () => {
    const plan = datesMovedAtOpening({ plannedOpensOn: "2027-01-05", plannedClosesOn: "2027-03-30", opensOn: "2027-01-12", periodDays: 84 })!;
    const html = (lang: "en" | "bn") => renderToStaticMarkup(createElement(LanguageProvider, { lang, children: createElement(DatesMoved, { plan }) }));
    expect(html("en")).toContain("the full 12 weeks that was approved");
    expect(html("bn")).toContain("12 সপ্তাহ");
    expect(html("bn")).not.toMatch(/weeks?/);
  });
});
