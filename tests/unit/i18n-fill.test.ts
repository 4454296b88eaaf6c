import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { fill, splitAtTokens, tokens } from "~/i18n/fill";
import { translator } from "~/i18n/i18n";

describe("fill: elements inside a translated sentence", () => {
  it("cuts a message at its tokens, keeping the text around them in order", () => {
    const { rules, log } = tokens("rules", "log");
    expect(splitAtTokens(`Broke the ${rules}. See the ${log}.`)).toEqual(["Broke the ", { token: "rules" }, ". See the ", { token: "log" }, "."]);
    expect(splitAtTokens(`${rules}`)).toEqual([{ token: "rules" }]);
    expect(splitAtTokens("No tokens")).toEqual(["No tokens"]);
  });

  it("puts each element where its language puts it (Bengali: the name before the words)", () => {
    const name = createElement("span", { "data-as-written": "" }, "Amina");
    const en = renderToStaticMarkup(
      fill(translator("en")("commentPages.comment.headingBy", tokens("name")), {
        name,
      }) as never,
    );
    const bn = renderToStaticMarkup(
      fill(translator("bn")("commentPages.comment.headingBy", tokens("name")), {
        name,
      }) as never,
    );
    expect(en).toBe('Comment by <span data-as-written="">Amina</span>');
    expect(bn).toBe('<span data-as-written="">Amina</span>-এর মন্তব্য');
  });

  it("leaves a token with no element visible rather than dropping words", () => {
    expect(renderToStaticMarkup(fill(`a ${tokens("x").x} b`, {}) as never)).toBe("a \u27E6x\u27E7 b");
  });
});
