/**
 * Links from emails that no longer work: a resident's sign-in link, a rep's notice link, a
 * subscription's confirm and unsubscribe links, a staff invitation. Used, expired, replaced or
 * made up, each answers 410 Gone (never a 500, never the bare "Page not found") with a page that
 * says what happened and where to get a new link; the page names nobody. Through the real route
 * modules: the loader or action's status, and the route's own page rendered with that data.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { resendNoticeLink } from "~/notifications/notices.server";
import { requestSubscription } from "~/notifications/subscriptions.server";
import { redeemSignInLink, requestSignInLink } from "~/responses/respondents.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import * as noticeLink from "~/routes/notices.link.$token";
import * as invitation from "~/routes/staff.invitation.$token";
import * as confirm from "~/routes/subscribe.confirm.$token";
import * as unsubscribe from "~/routes/unsubscribe.$token";
import * as verify from "~/routes/verify.$token";
import { DAY, SEED_DATE, get, linkIn, outboxFor, post, proposal, run, seedCouncil, user, viewerFor } from "../fixtures/notifications-council";

type RouteModule = {
  loader: (args: LoaderFunctionArgs) => unknown;
  action: (args: ActionFunctionArgs) => unknown;
  default: () => JSX.Element;
};

const MADE_UP = ["x", "A".repeat(43), "../../etc/passwd"];

/** The route answered: its status, and its page as text (rendered from the data it returned). */
async function open(route: RouteModule, path: string, token: string, method: "GET" | "POST" = "GET") {
  const args = { request: method === "GET" ? get(path) : post(path, {}), params: { token }, context: {} };
  const answer = await run(() => (method === "GET" ? route.loader(args) : route.action(args)));
  if (answer.response) return { status: answer.status, location: answer.response.headers.get("Location"), text: "" };
  const unwrap = (v: unknown) => (v && typeof v === "object" && "data" in v && "init" in v ? (v as { data: unknown }).data : v);
  const loaderData = method === "GET" ? unwrap(answer.value) : unwrap((await run(() => route.loader({ ...args, request: get(path) }))).value);
  const actionData = method === "POST" ? unwrap(answer.value) : undefined;
  const router = createMemoryRouter([{ id: "page", path: "*", Component: route.default }], {
    initialEntries: [path],
    hydrationData: { loaderData: { page: loaderData }, actionData: actionData === undefined ? undefined : { page: actionData } },
  });
  // React warns that the router's layout effects do nothing on the server: true, and beside the point.
  const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
  let html: string;
  try {
    html = renderToStaticMarkup(createElement(RouterProvider, { router }));
  } finally {
    quiet.mockRestore();
  }
  return { status: answer.status, location: null, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "), html };
}

beforeAll(seedCouncil, 60_000);
afterEach(() => {
  setClock(SEED_DATE);
  resetRateLimitsForTests();
});
afterAll(() => setClock(null));

describe("a resident's sign-in link", () => {
  function newLink(email: string) {
    expect(requestSignInLink({ email, redirectTo: "/consultations/camhs-social-work/respond", address: "203.0.113.7" }).ok).toBe(true);
    const mail = db().select().from(t.outbox).where(eq(t.outbox.toAddress, email)).orderBy(desc(t.outbox.id)).get()!;
    return /\/verify\/([A-Za-z0-9_-]+)/.exec(mail.textBody)![1];
  }
  const expectGone = (page: { status: number; text: string; html?: string }) => {
    expect(page.status).toBe(410);
    expect(page.text).toContain("This link has expired or has already been used");
    expect(page.text).toContain("Each sign-in link works once, for 1 hour after we send it.");
    expect(page.html).toContain('href="/respondents/sign-in"');
    expect(page.text).not.toContain("Continue");
  };

  it("works while it is fresh", async () => {
    const token = newLink("fresh@example.org");
    const page = await open(verify, `/verify/${token}`, token);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Confirm your email address");
  });

  it("used: 410 and a page offering a new link; pressing Continue again lands on that page", async () => {
    const token = newLink("used@example.org");
    expect(redeemSignInLink(token).ok).toBe(true);
    expectGone(await open(verify, `/verify/${token}`, token));
    const again = await open(verify, `/verify/${token}`, token, "POST");
    expect(again.location).toBe(`/verify/${token}`);
  });

  it("expired: the same", async () => {
    const token = newLink("late@example.org");
    setClock(new Date(SEED_DATE.getTime() + 61 * 60 * 1000));
    expectGone(await open(verify, `/verify/${token}`, token));
  });

  it("made up: the same", async () => {
    for (const token of MADE_UP) expectGone(await open(verify, `/verify/${encodeURIComponent(token)}`, token));
  });
});

describe("a rep's notice link", () => {
  const PARKS = "reopening-a-closed-park";
  async function newLink() {
    const parks = proposal(PARKS);
    expect(parks.state).toBe("union_notice");
    expect(resendNoticeLink(await viewerFor("officer.parks@northmoor.example"), parks, user("rep.unison@northmoor.example").id, SEED_DATE)).toBe(true);
    const link = linkIn(outboxFor("union_notice_link").at(-1)!.textBody);
    return { link, token: link.split("/").pop()! };
  }
  const expectGone = (page: { status: number; text: string; html?: string }) => {
    expect(page.status).toBe(410);
    expect(page.text).toContain("This link has expired or has already been used");
    expect(page.text).toContain("ask the council officer named in the notice email to send you a new link");
    expect(page.html).toContain('href="/notices"');
    // Nothing about whose link it was or what it was for.
    expect(page.text).not.toContain(user("rep.unison@northmoor.example").name);
    expect(page.text).not.toContain(proposal(PARKS).title);
  };

  it("used: 410 and a page saying what to do, for a second press too", async () => {
    const { link, token } = await newLink();
    const first = await open(noticeLink, link, token);
    expect(first.status).toBe(200);
    expect(first.text).toContain("Confidential advance notice of a proposal");
    expect((await open(noticeLink, link, token, "POST")).status).toBe(302);
    expectGone(await open(noticeLink, link, token));
    expectGone(await open(noticeLink, link, token, "POST"));
  });

  it("replaced by a newer link, or expired: the same", async () => {
    const older = await newLink();
    const newer = await newLink();
    expectGone(await open(noticeLink, older.link, older.token));
    setClock(new Date(SEED_DATE.getTime() + 30 * DAY));
    expectGone(await open(noticeLink, newer.link, newer.token));
  });

  it("made up: the same", async () => {
    for (const token of MADE_UP) expectGone(await open(noticeLink, `/notices/link/${encodeURIComponent(token)}`, token));
  });
});

describe("email updates: the confirm and unsubscribe links", () => {
  async function subscribed(email: string) {
    expect(requestSubscription({ email, proposal: null }, SEED_DATE).ok).toBe(true);
    const text = outboxFor("subscribe_confirm").filter((r) => r.toAddress === email).at(-1)!.textBody;
    const confirmPath = linkIn(text, "/subscribe/confirm/");
    const unsubscribePath = linkIn(text, "/unsubscribe/");
    return { confirmPath, confirmToken: confirmPath.split("/").pop()!, unsubscribePath, unsubscribeToken: unsubscribePath.split("/").pop()! };
  }

  it("a confirm link used twice says you are subscribed; once the updates are stopped it is gone, with a way to sign up again", async () => {
    const s = await subscribed("twice@example.org");
    expect((await open(confirm, s.confirmPath, s.confirmToken, "POST")).text).toContain("You are subscribed");
    const again = await open(confirm, s.confirmPath, s.confirmToken);
    expect(again.status).toBe(200);
    expect(again.text).toContain("You are subscribed");

    expect((await open(unsubscribe, s.unsubscribePath, s.unsubscribeToken, "POST")).text).toContain("You have unsubscribed");
    for (const method of ["GET", "POST"] as const) {
      const gone = await open(confirm, s.confirmPath, s.confirmToken, method);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain("This link no longer works");
      expect(gone.html).toContain('href="/subscribe"');
      expect(gone.text).toContain("Sign up for email updates again");
    }
  });

  it("an unsubscribe link used twice says you have unsubscribed, and does no harm", async () => {
    const s = await subscribed("stop@example.org");
    await open(unsubscribe, s.unsubscribePath, s.unsubscribeToken, "POST");
    const again = await open(unsubscribe, s.unsubscribePath, s.unsubscribeToken);
    expect(again.status).toBe(200);
    expect(again.text).toContain("You have unsubscribed");
  });

  it("made-up confirm and unsubscribe links: 410 and a page saying what to do", async () => {
    for (const token of MADE_UP) {
      const c = await open(confirm, `/subscribe/confirm/${encodeURIComponent(token)}`, token);
      expect(c.status).toBe(410);
      expect(c.text).toContain("Sign up for email updates again");
      for (const method of ["GET", "POST"] as const) {
        const u = await open(unsubscribe, `/unsubscribe/${encodeURIComponent(token)}`, token, method);
        expect(u.status).toBe(410);
        expect(u.text).toContain("This link does not work");
        expect(u.text).toContain("use the one in the latest email");
      }
    }
  });
});

describe("a staff invitation", () => {
  it("made up: 410 and a page saying to sign in or ask an admin (used, replaced and expired: accounts.test.ts)", async () => {
    for (const token of MADE_UP) {
      const page = await open(invitation, `/staff/invitation/${encodeURIComponent(token)}`, token);
      expect(page.status).toBe(410);
      expect(page.text).toContain("This link has expired or has already been used");
      expect(page.text).toContain("ask an admin to send you a new link");
      expect(page.html).toContain('href="/staff/sign-in"');
    }
  });
});
