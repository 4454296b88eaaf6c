// @vitest-environment jsdom
/**
 * Theme names, what people said in a theme, and the council's response are shown as text, never
 * as markup: on the public outcome page and on the staff theme page. Each page is rendered from
 * what its real loader returns (on this file's own database, the demo council after closing),
 * so both the server's part (Markdown for the council's response) and the page's part count.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { LanguageProvider } from "~/i18n/react";
import { saveThemeResponse } from "~/outcomes/outcome.server";
import { createTheme, setItemThemes } from "~/outcomes/themes.server";
import { loadProposal } from "~/proposals/proposals.server";
import OutcomePage, { loader as outcomeLoader } from "~/routes/consultations.$slug_.outcome";
import ThemePage, { loader as themeLoader } from "~/routes/staff.proposals.$id_.themes_.$themeId";
import { OFFICER, SLUG, cookie, seedAfterClosing, viewer } from "../integration/outcome-fixtures";
import { call } from "../integration/responses-fixtures";

afterEach(cleanup);

/** Each would run a script or draw an element if it were markup. */
const NAME = `<script>window.__xss=1</script><img src=x onerror=alert(1)>`;
const SAID = `<img src=x onerror="window.__xss=2">We waited <b>eleven weeks</b></textarea><script>alert(2)</script>`;
const COUNCIL_SCRIPT = `<script>window.__xss=3</script>`;
const COUNCIL = `We will write to every family each month with their place on the waiting list. ${COUNCIL_SCRIPT} <img src=x onerror=alert(3)> We will also publish the median wait every month.`;

let proposalId: number;
let themeId: number;

beforeAll(async () => {
  const s = await seedAfterClosing();
  proposalId = s.proposalId;
  const officer = await viewer(OFFICER);
  const theme = createTheme(officer, proposalId, NAME);
  if (!theme.ok) throw new Error(theme.message);
  themeId = theme.themeId;
  // Someone who agreed to publish, whose answer carries the payload.
  const q1 = loadProposal(proposalId)!.questions[0].id;
  const { id: responseId } = db().insert(t.responses).values({ proposalId, channel: "email", publishAnswers: true }).returning({ id: t.responses.id }).get();
  db().insert(t.responseAnswers).values({ responseId, questionId: q1, stance: null, text: SAID }).run();
  const coded = setItemThemes(officer, proposalId, { kind: "answer", responseId, questionId: q1 }, [themeId]);
  if (!coded.ok) throw new Error(coded.message);
  const saved = saveThemeResponse(officer, proposalId, themeId, 1, { councilResponse: COUNCIL, changed: false, changeDescription: null, versionId: null });
  if (!saved.ok) throw new Error(saved.message);
  // Published as it stands (the sign-off itself is tests/integration/outcome-server.test.ts's).
  db().update(t.outcomes).set({ status: "published", publishedAt: new Date().toISOString() }).where(eq(t.outcomes.proposalId, proposalId)).run();
  db().update(t.proposals).set({ state: "outcome_published" }).where(eq(t.proposals.id, proposalId)).run();
}, 60_000);

/** The route's component with what its loader returned, as the browser receives it (JSON). */
function renderRoute(Component: () => JSX.Element, data: unknown) {
  const router = createMemoryRouter([{ id: "page", path: "*", element: <Component />, loader: () => null }], {
    hydrationData: { loaderData: { page: JSON.parse(JSON.stringify(data)) } },
  });
  return render(
    <LanguageProvider lang="en">
      <RouterProvider router={router} />
    </LanguageProvider>,
  );
}

/** No element the payloads would make, and no event handler attribute anywhere. */
function expectNoMarkupFromPayloads(container: HTMLElement) {
  expect(container.querySelectorAll("script, img, iframe, b")).toHaveLength(0);
  const handlers = [...container.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith("on")));
  expect(handlers).toEqual([]);
}

describe("shown as text, never as markup", () => {
  it("on the public outcome page: the theme's name, the quote and the council's response", async () => {
    const r = await call(outcomeLoader, `/consultations/${SLUG}/outcome`, { params: { slug: SLUG } });
    expect(r.status).toBe(200);
    const { container } = renderRoute(OutcomePage, r.data);
    const theme = screen.getByRole("heading", { level: 3, name: NAME }).closest("article")!;
    expect(within(theme).getByText(SAID, { selector: "blockquote" })).toBeInTheDocument();
    expect(theme.textContent).toContain(COUNCIL_SCRIPT);
    expect(theme.textContent).toContain("<img src=x onerror=alert(3)>");
    expectNoMarkupFromPayloads(container);
  });

  it("on the staff theme page: its name and what people said", async () => {
    const r = await call(themeLoader, `/staff/proposals/${proposalId}/themes/${themeId}`, { params: { id: String(proposalId), themeId: String(themeId) }, cookie: await cookie(OFFICER) });
    expect(r.status).toBe(200);
    const { container } = renderRoute(ThemePage, r.data);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(NAME);
    expect(screen.getByText(SAID, { selector: "blockquote" })).toBeInTheDocument();
    expectNoMarkupFromPayloads(container);
  });
});
