/**
 * One address for the demo (issue 9, item 6): with no BASE_URL, the line the server prints when
 * it starts names the address it listens on, and the links in the emails it sends use that same
 * address, so a person following one lands on the site they were using, with its cookies. The
 * file's server is the real `build/scripts/start.js --demo` on a free port (./server.ts keeps
 * what it printed).
 */
import { expect, test } from "./fixtures";
import { latestEmail } from "./responses-support";

test("the start line names the address the server listens on, and the links in its emails use it", async ({ page, server }) => {
  expect(process.env.BASE_URL, "the test servers run without BASE_URL").toBeFalsy();
  const printed = /^Demo site running at (\S+)$/m.exec(server.output())?.[1];
  expect(printed, `the start line, in:\n${server.output()}`).toBe(server.url);

  const email = `start.line.${Date.now()}@example.org`;
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.locator("main").getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  const { textBody } = await latestEmail(email, /Confirm your email updates/);
  const links = textBody.match(/https?:\/\/\S+/g) ?? [];
  expect(links.length, textBody).toBeGreaterThanOrEqual(2);
  // The link to confirm and the link to cancel both reach the printed address.
  for (const link of links) expect(new URL(link).origin, link).toBe(printed);
});
