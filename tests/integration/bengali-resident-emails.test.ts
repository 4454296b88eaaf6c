/**
 * Every email a resident receives is in the language they chose on the site (issue 14): the
 * language is stored where they chose it (a subscription, a respondent's sign-in) and later
 * emails are written in it; English otherwise, word for word as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { requestSignInLink } from "~/responses/respondents.server";
import { action as subscribeAction } from "~/routes/subscribe._index";
import { consultationUpdateEmail, consultationWithdrawnEmail, decisionRecordedEmail, newConsultationEmail, outcomePublishedEmail, subscribeConfirmEmail } from "~/notifications/templates";
import { outboxFor, post, run, seedCouncil } from "../fixtures/notifications-council";

beforeAll(seedCouncil, 60_000);
afterAll(() => setClock(null));

const subscribe = (form: Record<string, string>, query = "") => run(() => subscribeAction({ request: post(`/subscribe${query}`, form), params: {}, context: {} }));
const subscription = (email: string) => db().select().from(t.subscriptions).where(eq(t.subscriptions.email, email)).get();

/** Bengali letters, and none of the English sentence words. */
const bengali = (text: string) => /[\u0980-\u09FF]{3}/.test(text);

describe("the recipient's language is stored where they chose it", () => {
  it("a subscription made on a Bengali page is Bengali, and its confirmation email is in Bengali with Bengali links", async () => {
    const result = await subscribe({ email: "rahima@example.com" }, "?lang=bn");
    expect(result.response!.headers.get("Location")).toBe("/subscribe?sent=1&lang=bn");
    expect(subscription("rahima@example.com")!.language).toBe("bn");
    const email = outboxFor("subscribe_confirm").find((e) => e.toAddress === "rahima@example.com")!;
    expect(email.subject).toMatch(/^আপনার ইমেইল খবর নিশ্চিত করুন – /);
    expect(email.textBody).toContain("এখানে নিশ্চিত করুন:");
    expect(email.textBody).toContain("নতুন পরামর্শ");
    expect(email.textBody).not.toMatch(/Someone, probably you|Replies are not read/);
    expect(email.textBody).toMatch(/\/subscribe\/confirm\/\S+\?lang=bn/);
    expect(email.textBody).toMatch(/\/unsubscribe\/\S+\?lang=bn/);
  });

  it("one made on an English page is English, and its email reads as before", async () => {
    await subscribe({ email: "george@example.com" });
    expect(subscription("george@example.com")!.language).toBe("en");
    const email = outboxFor("subscribe_confirm").find((e) => e.toAddress === "george@example.com")!;
    expect(email.subject).toMatch(/^Confirm your email updates – /);
    expect(email.textBody).toContain("Someone, probably you, asked for emails about new consultations from");
    expect(email.textBody).not.toContain("lang=");
  });

  it("a respondent who asks for a sign-in link from a Bengali page is Bengali from then on, and English again from an English one", () => {
    expect(requestSignInLink({ email: "nazia@example.com", redirectTo: "/", address: "10.0.0.1", lang: "bn" }).ok).toBe(true);
    const who = () => db().select().from(t.respondents).where(eq(t.respondents.email, "nazia@example.com")).get()!;
    expect(who().language).toBe("bn");
    setClock(new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(requestSignInLink({ email: "nazia@example.com", redirectTo: "/", address: "10.0.0.2", lang: "en" }).ok).toBe(true);
    expect(who().language).toBe("en");
  });
});

describe("each resident email in Bengali for a Bengali recipient, English otherwise", () => {
  const base = { council: "Northmoor Council", title: "Library opening hours", unsubscribeUrl: "https://x.example/unsubscribe/abc" };
  const emails = {
    subscribeConfirm: (lang: "en" | "bn") => subscribeConfirmEmail({ council: base.council, what: "new consultations", confirmUrl: "https://x.example/c", unsubscribeUrl: base.unsubscribeUrl }, lang),
    newConsultation: (lang: "en" | "bn") => newConsultationEmail({ ...base, serviceName: "Libraries", publicUrl: "https://x.example/p", closesOn: "2026-03-01" }, lang),
    update: (lang: "en" | "bn") => consultationUpdateEmail({ ...base, transition: "close", publicUrl: "https://x.example/p" }, lang),
    outcome: (lang: "en" | "bn") => outcomePublishedEmail({ ...base, outcomeUrl: "https://x.example/o", themes: [{ name: "Saturdays", changed: true }], whatHappensNext: "Cabinet decides." }, lang),
    decision: (lang: "en" | "bn") =>
      decisionRecordedEmail({ ...base, decisionLabel: lang === "bn" ? "পরিবর্তনসহ অনুমোদিত" : "Approved with changes", decidedOn: "2026-01-10", reference: "Cabinet 87", noticeUrl: "https://x.example/n", summary: null, outcomeUrl: "https://x.example/o" }, lang),
    withdrawn: (lang: "en" | "bn") => consultationWithdrawnEmail({ ...base, withdrawnAt: "2026-01-10T10:00:00Z", reason: "Funding found.", publicUrl: "https://x.example/p", why: "-", unsubscribeUrl: base.unsubscribeUrl }, lang),
  };
  for (const [name, make] of Object.entries(emails)) {
    it(name, () => {
      const english = make("en");
      const inBengali = make("bn");
      expect(bengali(inBengali.subject), inBengali.subject).toBe(true);
      expect(bengali(inBengali.text)).toBe(true);
      expect(inBengali.text).not.toMatch(/This email was sent automatically|To stop these emails|has (opened|closed|published)/);
      expect(bengali(english.subject) || bengali(english.text)).toBe(false);
      expect(english.text).toContain("This email was sent automatically. Replies are not read.");
      // The council's own words and the links are kept as they are.
      expect(inBengali.text).toContain(base.council);
    });
  }

  it("the outcome email says how many themes changed the proposal, in Bengali", () => {
    expect(emails.outcome("bn").text).toContain("Saturdays (প্রস্তাবটি বদলেছে)");
    expect(emails.outcome("en").text).toContain("- Saturdays (the proposal changed)");
    expect(emails.outcome("en").text).toContain("The proposal changed because of 1 of these theme.");
  });
});
