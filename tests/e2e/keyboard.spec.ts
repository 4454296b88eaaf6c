/**
 * By keyboard alone, with JavaScript on (issue 14 item 7; WCAG 2.1.1, 2.4.7, 2.4.11): focus is
 * always visible, and a resident responds, comments, reports a comment, asks for another format
 * and subscribes with Tab, Shift+Tab, Enter, Space and the arrow keys, never the mouse. (The same
 * journeys with JavaScript off are in no-javascript.spec.ts.)
 *
 * Nothing here clicks, fills or checks: every field is reached by tabbing to it and typed into;
 * every link is followed with Enter; buttons are pressed with Enter or Space; radios are chosen
 * with the arrow keys. The one step that is not a key press is following the link in the
 * sign-in email, as a resident would from their mail program.
 */
import type { Locator, Page } from "@playwright/test";
import { parse } from "yaml";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { latestEmail, verifyPathFrom } from "./responses-support";
import { signIn } from "./support";

const SLUG = "camhs-social-work";
const CONSULTATION = `/consultations/${SLUG}`;

/** Is `target` the focused element? */
const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Press Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 250 } = {}) {
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await hasFocus(target)) return;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} never reached ${target}`);
}

/** Tab into the radio group `target` belongs to, then arrow to it (Space if focus starts on it). */
async function chooseRadio(page: Page, target: Locator) {
  const name = await target.getAttribute("name");
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)) break;
  }
  for (let i = 0; i < 12; i++) {
    if (await hasFocus(target)) {
      if (!(await target.isChecked())) await page.keyboard.press("Space");
      await expect(target).toBeChecked();
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`The arrow keys never reached ${target}`);
}

/** Tab to a field and type into it. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/**
 * Tab through the whole page (until focus comes round again) and name every focused element
 * without a visible focus indicator: an outline that is not transparent, or a box-shadow, on
 * the element itself or, for GOV.UK radios and checkboxes (whose input is hidden), on the ring
 * drawn by its label.
 */
async function elementsWithoutVisibleFocus(page: Page, maxStops = 400): Promise<{ stops: number; missing: string[] }> {
  const missing = new Set<string>();
  let first: string | null = null;
  let stops = 0;
  for (; stops < maxStops; stops++) {
    await page.keyboard.press("Tab");
    const seen = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const visible = (s: CSSStyleDeclaration) => {
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1 && !/transparent|rgba\([^)]*,\s*0\)/.test(s.outlineColor);
        return outline || (s.boxShadow !== "none" && s.boxShadow !== "");
      };
      // A GOV.UK radio or checkbox input is invisible (opacity 0): only its label's ring counts.
      const label = e.matches(".govuk-radios__input, .govuk-checkboxes__input") ? e.nextElementSibling : null;
      const ok = label ? visible(getComputedStyle(label, "::before")) || visible(getComputedStyle(label, "::after")) : visible(getComputedStyle(e));
      const text = (e.getAttribute("aria-label") ?? (e as HTMLElement).innerText ?? "").trim().slice(0, 40);
      const id = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${(e as HTMLInputElement).name ? `[name=${(e as HTMLInputElement).name}]` : ""} "${text}"`;
      const key = `${id}@${Math.round(e.getBoundingClientRect().top + window.scrollY)}`;
      return { key, id, ok };
    });
    if (!seen) continue;
    if (seen.key === first) break;
    first ??= seen.key;
    if (!seen.ok) missing.add(seen.id);
  }
  return { stops, missing: [...missing] };
}

test("focus is always visible: tabbing through a consultation page and a staff form", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(CONSULTATION);
  const reading = await elementsWithoutVisibleFocus(page);
  // It really walked the page: the skip link, the header, the contents, the comments...
  expect(reading.stops).toBeGreaterThan(30);
  expect(reading.missing, "focused without a visible indicator on the consultation page").toEqual([]);

  const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
  await signIn(page, "officer@northmoor.example", accounts.find((a) => a.email === "officer@northmoor.example")!.password);
  await page.goto("/staff/proposals/2/risks");
  const href = await page.locator("main a[href*='/risks/']").first().getAttribute("href");
  await page.goto(href!);
  await expect(page.locator("main form")).toBeVisible();
  const form = await elementsWithoutVisibleFocus(page);
  expect(form.stops).toBeGreaterThan(10);
  expect(form.missing, "focused without a visible indicator on the staff risk form").toEqual([]);
});

test("by keyboard alone: sign in by email, respond, then comment", async ({ page }) => {
  test.setTimeout(180_000);
  const email = "keyboard.only@example.org";
  await page.goto(CONSULTATION);
  await tabTo(page, page.getByRole("link", { name: "Respond to this consultation" }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await typeInto(page, page.getByLabel("Email address"), email);
  await tabTo(page, page.getByRole("button", { name: "Send me a link" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  await page.goto(verifyPathFrom(await latestEmail(email, /Your link to respond/)));
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "How we use your information" })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: /I have read this/ }));
  await page.keyboard.press("Space");

  await expect(page.getByRole("heading", { level: 1, name: "How you appear" })).toBeVisible();
  await chooseRadio(page, page.getByLabel("Show my name"));
  await typeInto(page, page.getByLabel("Your name"), "Kay Board");
  await chooseRadio(page, page.getByLabel("As an individual"));
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`${CONSULTATION}/respond$`));
  const stance = page.getByRole("group", { name: /How much do you agree or disagree/ }).first();
  await chooseRadio(page, stance.getByLabel("Disagree", { exact: true }));
  await typeInto(page, page.getByLabel("Tell us why (optional)").first(), "Families need the same worker, not a rota.");
  await tabTo(page, page.getByRole("button", { name: "Send your response" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Response received");
  await expect(page.locator(".govuk-summary-list")).toContainText("Disagree");

  await page.goto(`${CONSULTATION}/comments`);
  const comment = "Typed without a mouse: will the team say how many families changed worker last year?";
  await typeInto(page, page.getByLabel("Your comment on the proposal"), comment);
  await tabTo(page, page.getByRole("button", { name: "Post comment" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Your comment has been posted.")).toBeVisible();
  await expect(page.locator("main")).toContainText(comment);
});

test("by keyboard alone: report a comment", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${CONSULTATION}/comments/1`);
  await tabTo(page, page.locator("main").getByRole("link", { name: /^Report/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Report a comment" })).toBeVisible();
  // Sent empty first: the error summary, then the form again, all by keyboard.
  await tabTo(page, page.getByRole("button", { name: "Send report" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await chooseRadio(page, page.getByLabel("Do not abuse or harass anyone"));
  await typeInto(page, page.getByLabel("Tell us what is wrong with it (optional)"), "It mocks another resident by name.");
  await tabTo(page, page.getByRole("button", { name: "Send report" }));
  await page.keyboard.press("Space");
  await expect(page.getByText("Thank you for your report.")).toBeVisible();
});

test("by keyboard alone: ask for another format, and subscribe", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(CONSULTATION);
  await tabTo(page, page.getByRole("link", { name: /Ask for large print/ }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${CONSULTATION}/formats$`));
  const largePrint = page.getByLabel("Large print");
  await tabTo(page, largePrint);
  await page.keyboard.press("Space");
  await expect(largePrint).toBeChecked();
  await typeInto(page, page.getByLabel("Your name"), "Dilys Pemberton");
  await typeInto(page, page.getByLabel("Postal address (optional)"), "12 Mill Lane, Northmoor NM2 5RB");
  // Shift+Tab works too: back to the name, and forward again to the button.
  await tabTo(page, page.getByLabel("Your name"), { back: true });
  await tabTo(page, page.getByRole("button", { name: "Send request" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");

  await page.goto("/subscribe");
  await typeInto(page, page.getByLabel("Email address"), "keyboard.updates@example.org");
  await tabTo(page, page.getByRole("button", { name: "Subscribe" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
});
