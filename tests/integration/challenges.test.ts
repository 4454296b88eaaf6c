/**
 * Public challenges to the facts, through the real route actions on the seeded demo council:
 * who can make one and how they appear, bad input (4xx, nothing written), the staff link that
 * records nothing about who used it, the council's answer (a correction naming the published
 * version, or why it stands), moderation, the deadline, and that no challenge surface shows
 * anything of a proposal that is not public.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, isNull } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { publicChallenges } from "~/challenges/challenges.server";
import { translator } from "~/i18n/i18n";
import { setClock } from "~/lib/clock";
import { loadProposalBySlug } from "~/proposals/proposals.server";
import { resetRateLimitsForTests } from "~/responses/rate-limit.server";
import * as challenge from "~/routes/consultations.$slug_.challenge";
import * as staffChallenge from "~/routes/consultations.$slug_.challenge_.staff.$token";
import * as consultation from "~/routes/consultations.$slug";
import * as list from "~/routes/consultations._index";
import * as staffPage from "~/routes/staff.challenges.$id";
import * as impact from "~/routes/staff.proposals.$id_.impact";
import { bn } from "~/i18n/catalogues/bn";
import { call, makeRespondent, messages, respondentCookie, seeded, staffCookie } from "./responses-fixtures";

const SLUG = "camhs-social-work";
const OFFICER = "officer@northmoor.example"; // CAMHS, drafted it
const OTHER_OFFICER = "officer.libraries@northmoor.example";
const MODERATOR = "moderator@northmoor.example";
const UNISON_REP = "rep.unison@northmoor.example";

let resident: string;
let staffToken: string;
/** Signing in writes an audit entry of its own, so cookies are made before any snapshot. */
const cookies: Record<string, string> = {};
const as = (email: string) => cookies[email];
const url = `/consultations/${SLUG}/challenge`;
const params = { slug: SLUG };

const good = {
  claim: "figure:serviceUsersPerYear",
  reason: "The service saw more children than that: 620 is the figure from two years ago.",
  evidence: "The CAMHS annual report for 2025/26, page 4, says social workers were involved with 655 children and young people.",
};

function written() {
  return {
    challenges: db().select().from(t.challenges).all(),
    audit: db().select({ n: count() }).from(t.auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(t.outbox).get()!.n,
  };
}

const proposal = () => loadProposalBySlug(SLUG)!;

beforeAll(async () => {
  await seeded();
  resident = await respondentCookie(makeRespondent({ name: "Joan Pike", showName: true }));
  for (const email of [OFFICER, OTHER_OFFICER, MODERATOR, UNISON_REP, "admin@northmoor.example"]) cookies[email] = await staffCookie(email);
  // The staff link is in the email the staff groups were sent when the demo consultation opened.
  const email = db().select().from(t.outbox).where(and(eq(t.outbox.event, "staff_opened"), eq(t.outbox.proposalId, proposal().id))).get()!;
  staffToken = /\/challenge\/staff\/([A-Za-z0-9_-]{43})/.exec(email.textBody)![1];
}, 60_000);

afterAll(() => setClock(null));

describe("only what is public", () => {
  it.each(["garden-waste-collections", "reopening-a-closed-park", "youth-service-draft", "no-such-consultation"])("%s: the challenge pages are the same 404 as a missing slug, even for staff", async (slug) => {
    for (const cookie of [undefined, as("admin@northmoor.example"), resident]) {
      expect((await call(challenge.loader, `/consultations/${slug}/challenge`, { params: { slug }, cookie })).status).toBe(404);
      expect((await call(challenge.action, `/consultations/${slug}/challenge`, { params: { slug }, cookie, form: good })).status).toBe(404);
      expect((await call(staffChallenge.loader, `/consultations/${slug}/challenge/staff/${staffToken}`, { params: { slug, token: staffToken }, cookie })).status).toBe(404);
    }
    const p = loadProposalBySlug(slug);
    if (p) expect(publicChallenges(p)).toEqual([]);
  });
});

describe("making a challenge", () => {
  it("sends someone who is not signed in to sign in, writing nothing", async () => {
    const before = written();
    const r = await call(challenge.action, url, { params, form: good });
    expect(r.status).toBe(302);
    expect(r.location).toMatch(/^\/respondents\/sign-in/);
    expect(written()).toEqual(before);
  });

  it("refuses officers, who answer challenges, with 403", async () => {
    const before = written();
    expect((await call(challenge.action, url, { params, form: good, cookie: as(OFFICER) })).status).toBe(403);
    expect(written()).toEqual(before);
  });

  it.each([
    ["no claim", { ...good, claim: "" }, "Choose the fact you are challenging"],
    ["a claim that is not this consultation's", { ...good, claim: "risk:999999" }, "Choose the fact you are challenging"],
    ["a statement without the words", { ...good, claim: "statement:summary" }, "Copy the words you are challenging"],
    ["words the statement does not contain", { ...good, claim: "statement:summary", quote: "we will close every library" }, "Copy the words exactly as they appear under 'Summary'"],
    ["no reason", { ...good, reason: "   " }, "Say why you think it is wrong"],
    ["no evidence", { ...good, evidence: "" }, "Give your evidence"],
    ["a reason too long", { ...good, reason: "x".repeat(2001) }, "2,000 characters or fewer"],
  ])("refuses %s with 400 and writes nothing", async (_name, form, message) => {
    const before = written();
    const r = await call(challenge.action, url, { params, form, cookie: resident });
    expect(r.status).toBe(400);
    expect(messages(r.data).join(" ")).toContain(message);
    expect(written()).toEqual(before);
  });

  it("refuses a Bengali reader in Bengali, from the catalogue (issue 14: no English from the server)", async () => {
    const bn = translator("bn");
    const before = written();
    const wrongWords = await call(challenge.action, `${url}?lang=bn`, { params, form: { ...good, claim: "statement:summary", quote: "we will close every library" }, cookie: resident });
    expect(wrongWords.status).toBe(400);
    expect(messages(wrongWords.data)).toEqual([bn("commentPages.challenge.messages.quoteNotExact", { section: "Summary" })]);
    const noReason = await call(challenge.action, `${url}?lang=bn`, { params, form: { ...good, reason: "   " }, cookie: resident });
    expect(messages(noReason.data)).toEqual([bn("commentPages.challenge.messages.reasonMissing")]);
    expect(messages(noReason.data)[0]).toMatch(/^[^A-Za-z]+$/);
    expect(written()).toEqual(before);
  });

  it("a malformed body is a 4xx, never a 500", async () => {
    const form = new FormData();
    form.append("claim", new Blob(["x"]), "file.bin");
    form.append("reason", "a");
    const r = await call(challenge.action, url, { params, form, cookie: resident });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it("a resident challenges a figure: published at once, due in 10 working days, the drafting officer told", async () => {
    const r = await call(challenge.action, url, { params, form: good, cookie: resident });
    expect(r.status).toBe(302);
    const row = db().select().from(t.challenges).all().at(-1)!;
    expect(r.location).toBe(`/consultations/${SLUG}?challenge=made#challenge-${row.id}`);
    expect(row).toMatchObject({ targetType: "figure", targetRef: "serviceUsersPerYear", claim: "Service users affected a year: 620", authorKind: "resident", displayName: "Joan Pike", userId: null, status: "visible" });
    expect(row.dueOn > row.createdAt.slice(0, 10)).toBe(true);
    const told = db().select().from(t.outbox).where(eq(t.outbox.event, "challenge_made")).all();
    expect(told.map((m) => m.toAddress)).toEqual([OFFICER]);
    const page = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as { challenges: { claim: string; by: string; standing: string }[] };
    expect(page.challenges.find((c) => c.claim === "Service users affected a year: 620")).toMatchObject({ by: "Joan Pike", standing: "waiting" });
  });

  it("is plain text, as comments are: markup is kept as the characters typed, control characters are removed", async () => {
    resetRateLimitsForTests();
    const someone = await respondentCookie(makeRespondent({ name: "Sam Okoro", showName: true }));
    const reason = 'The figure is out of date <script>alert("x")</script> <img src=x onerror=alert(1)> [see](javascript:alert(1))\u0007 and **twelve** posts is wrong.';
    const r = await call(challenge.action, url, { params, form: { ...good, claim: "figure:postsAffected", reason }, cookie: someone });
    expect(r.status).toBe(302);
    const row = db().select().from(t.challenges).all().at(-1)!;
    expect(row.reason).toBe(reason.replace("\u0007", ""));
    const page = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as { challenges: { id: number; reason: string }[] };
    // The page is handed the text itself (React escapes it), never HTML made from it.
    expect(page.challenges.find((c) => c.id === row.id)!.reason).toBe(row.reason);
    expect(Object.keys(page.challenges[0]).some((k) => /html/i.test(k))).toBe(false);
  });

  it("a statement is challenged by quoting it", async () => {
    const r = await call(challenge.action, url, {
      params,
      cookie: await respondentCookie(makeRespondent({ showName: false })),
      form: { ...good, claim: "statement:summary", quote: "it is likely that some children would wait longer" },
    });
    expect(r.status).toBe(302);
    const row = db().select().from(t.challenges).all().at(-1)!;
    expect(row.claim).toBe("Summary: “it is likely that some children would wait longer”");
    expect(row.displayName).toBeNull();
    expect((await call(consultation.loader, `/consultations/${SLUG}`, { params })).data).toMatchObject({ challenges: expect.arrayContaining([expect.objectContaining({ id: row.id, by: "Resident" })]) });
  });

  it("a union representative challenges for their union, under their name", async () => {
    const r = await call(challenge.action, url, { params, cookie: as(UNISON_REP), form: { ...good, claim: `risk:${proposal().risks[4].id}` } });
    expect(r.status).toBe(302);
    const row = db().select().from(t.challenges).all().at(-1)!;
    expect(row).toMatchObject({ authorKind: "union_rep", displayName: "Karen Whitfield", unionName: "UNISON, the public service union" });
  });

  it("limits how many challenges one resident makes in a short time", async () => {
    resetRateLimitsForTests();
    const someone = await respondentCookie(makeRespondent());
    for (let i = 0; i < 3; i++) expect((await call(challenge.action, url, { params, cookie: someone, address: `198.51.100.${i}`, form: { ...good, reason: `Reason number ${i} for thinking the figure is wrong.` } })).status).toBe(302);
    const before = written();
    expect((await call(challenge.action, url, { params, cookie: someone, address: "198.51.100.9", form: good })).status).toBe(429);
    expect(written()).toEqual(before);
    resetRateLimitsForTests();
  });
});

describe("staff of the affected service, through the link they were emailed", () => {
  const staffUrl = () => `/consultations/${SLUG}/challenge/staff/${staffToken}`;
  const staffParams = () => ({ slug: SLUG, token: staffToken });

  it("a wrong or malformed link is the same 404", async () => {
    for (const token of ["x", "A".repeat(43), staffToken.slice(0, -1) + (staffToken.endsWith("A") ? "B" : "A")]) {
      expect((await call(staffChallenge.loader, `/consultations/${SLUG}/challenge/staff/${token}`, { params: { slug: SLUG, token } })).status).toBe(404);
    }
  });

  it("as “A member of staff”: nothing about them is stored, whatever their browser carries", async () => {
    // Signed in as a resident and as a union rep too: neither may leak into the challenge.
    const cookie = `${resident}; ${(as(UNISON_REP)).split(";")[0]}`;
    const r = await call(staffChallenge.action, staffUrl(), { params: staffParams(), cookie, form: { ...good, showAs: "staff", name: "Should not be kept" } });
    expect(r.status).toBe(302);
    const row = db().select().from(t.challenges).all().at(-1)!;
    expect(row).toMatchObject({ authorKind: "staff", respondentId: null, userId: null, displayName: null, unionName: null });
    const entry = db().select().from(t.auditLog).where(eq(t.auditLog.action, "challenge.made")).all().at(-1)!;
    expect(entry.actorId).toBeNull();
    expect(JSON.stringify(entry.detail)).not.toMatch(/resident|union_rep|Joan|Karen|203\.0\.113/);
    const shown = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as { challenges: { id: number; by: string }[] };
    expect(shown.challenges.find((c) => c.id === row.id)!.by).toBe("A member of staff");
  });

  it("under their name, if they choose", async () => {
    expect((await call(staffChallenge.action, staffUrl(), { params: staffParams(), form: { ...good, showAs: "name", name: "Dev Patel" } })).status).toBe(302);
    expect(db().select().from(t.challenges).all().at(-1)).toMatchObject({ authorKind: "staff", displayName: "Dev Patel", respondentId: null, userId: null });
  });

  it("refuses a name chosen but not given, with 400, writing nothing", async () => {
    const before = written();
    const r = await call(staffChallenge.action, staffUrl(), { params: staffParams(), form: { ...good, showAs: "name", name: "" } });
    expect(r.status).toBe(400);
    expect(written()).toEqual(before);
  });

  it("from the page in Bengali: refused in Bengali, and back to the consultation in Bengali", async () => {
    const before = written();
    for (const [form, message] of [
      [{ ...good, reason: "", showAs: "staff" }, bn.commentPages.challenge.messages.reasonMissing],
      [{ ...good, showAs: "name", name: "" }, bn.repPages.staffChallenge.messages.nameMissing],
    ] as const) {
      const refused = await call(staffChallenge.action, `${staffUrl()}?lang=bn`, { params: staffParams(), form });
      expect(refused.status).toBe(400);
      expect(messages(refused.data)).toEqual([message]);
    }
    expect(written()).toEqual(before);
    const sent = await call(staffChallenge.action, `${staffUrl()}?lang=bn`, { params: staffParams(), form: { ...good, reason: "The figure leaves out the children seen by the duty team.", showAs: "staff" } });
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(new RegExp(`^/consultations/${SLUG}\\?challenge=(made|held)&lang=bn#challenge`));
  });
});

describe("the council's answer", () => {
  let id: number;
  const pageUrl = () => `/staff/challenges/${id}`;
  beforeAll(() => {
    id = db().select().from(t.challenges).where(eq(t.challenges.claim, "Service users affected a year: 620")).get()!.id;
  });

  it("is refused to an officer of another service and to someone who is not staff", async () => {
    const before = written();
    expect([403, 404]).toContain((await call(staffPage.action, pageUrl(), { params: { id: String(id) }, cookie: as(OTHER_OFFICER), form: { answerKind: "stands", answer: "x ".repeat(20) } })).status);
    expect((await call(staffPage.action, pageUrl(), { params: { id: String(id) }, cookie: resident, form: { answerKind: "stands", answer: "x ".repeat(20) } })).status).toBe(302);
    expect(written()).toEqual(before);
  });

  it.each([
    ["no kind of answer", { answer: "The figure is right because the annual report counts the children twice over." }, "Say whether the council has corrected it"],
    ["an answer too short to explain anything", { answerKind: "stands", answer: "It is right." }, "at least 10 words"],
    ["a correction that names no version", { answerKind: "corrected", answer: "We have corrected the number of children to 655 in the figures." }, "Choose the published version"],
    ["a correction naming a version that does not exist", { answerKind: "corrected", versionId: "999999", answer: "We have corrected the number of children to 655 in the figures." }, "Choose the published version"],
  ])("refuses %s with 400, changing nothing", async (_name, form, message) => {
    const before = written();
    const r = await call(staffPage.action, pageUrl(), { params: { id: String(id) }, cookie: as(OFFICER), form });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.data)).toContain(message);
    expect(written()).toEqual(before);
  });

  it("a correction: the officer changes the figure (a published version), then answers naming it; the public page shows both", async () => {
    const officer = as(OFFICER);
    const p = proposal();
    const edited = await call(impact.action, `/staff/proposals/${p.id}/impact`, {
      params: { id: String(p.id) },
      cookie: officer,
      form: {
        intent: "save",
        revision: String(p.revision),
        postsAffected: String(p.postsAffected),
        fteAffected: String(p.fteAffected),
        serviceWorkforcePosts: String(p.serviceWorkforcePosts),
        serviceUsersPerYear: "655",
        activityDescription: p.activityDescription!,
        activityPerYear: String(p.activityPerYear),
        budgetDirection: "saving",
        budgetAmount: String(-p.budgetChangeGbp!),
        changeNote: "Corrected the number of children and young people after a public challenge: 655 in 2025/26, not 620.",
        material: "yes",
        extendClosing: "no",
      },
    });
    expect(edited.status).toBe(302);
    const version = db().select().from(t.proposalVersions).where(and(eq(t.proposalVersions.proposalId, p.id), eq(t.proposalVersions.reason, "public_edit"))).all().at(-1)!;

    const r = await call(staffPage.action, pageUrl(), {
      params: { id: String(id) },
      cookie: officer,
      form: { answerKind: "corrected", versionId: String(version.id), answer: "You are right: the 2025/26 annual report counts 655 children and young people. We have corrected the figure." },
    });
    expect(r.status).toBe(302);
    const page = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as {
      challenges: { id: number; standing: string; answer: string; correction: { number: number; changes: { title: string; parts: { value: string; added?: true; removed?: true }[] }[] } | null }[];
    };
    const shown = page.challenges.find((c) => c.id === id)!;
    expect(shown).toMatchObject({ standing: "corrected", answer: expect.stringContaining("655 children") });
    expect(shown.correction!.number).toBe(2);
    const impactChange = shown.correction!.changes.find((c) => c.title === "The change in numbers")!;
    expect(impactChange.parts.filter((x) => x.added).map((x) => x.value).join(" ")).toContain("655");
    expect(impactChange.parts.filter((x) => x.removed).map((x) => x.value).join(" ")).toContain("620");
    // The resident who made it is told, in English (the language they used the site in).
    const told = db().select().from(t.outbox).where(eq(t.outbox.event, "challenge_answered")).all();
    expect(told).toHaveLength(1);
    expect(told[0].subject).toMatch(/^The council has answered your challenge – /);
    expect(told[0].textBody).toContain("The council has corrected it.");
    expect(told[0].textBody).toContain(`/consultations/${SLUG}#challenge-${id}`);
  });

  it("an answered challenge cannot be answered again (409), and nothing changes", async () => {
    const before = written();
    const r = await call(staffPage.action, pageUrl(), { params: { id: String(id) }, cookie: as(OFFICER), form: { answerKind: "stands", answer: "The figure stands because the annual report counts some children twice over." } });
    expect(r.status).toBe(409);
    expect(written()).toEqual(before);
  });

  it("explaining why a claim stands", async () => {
    const other = db().select().from(t.challenges).where(eq(t.challenges.authorKind, "union_rep")).get()!;
    const r = await call(staffPage.action, `/staff/challenges/${other.id}`, {
      params: { id: String(other.id) },
      cookie: as(OFFICER),
      form: { answerKind: "stands", answer: "The rating stands: the crisis line is run by the NHS trust and is not affected by the social work posts at all." },
    });
    expect(r.status).toBe(302);
    expect(db().select().from(t.challenges).where(eq(t.challenges.id, other.id)).get()).toMatchObject({ answerKind: "stands", versionId: null });
  });
});

describe("the answer reaches a resident in their language", () => {
  it("one who last used the site in Bengali is told in Bengali, with a link to the Bengali page", async () => {
    const theirs = db().select().from(t.challenges).where(and(eq(t.challenges.authorKind, "resident"), isNull(t.challenges.answeredAt), eq(t.challenges.status, "visible"))).all().find((c) => c.respondentId != null)!;
    db().update(t.respondents).set({ language: "bn" }).where(eq(t.respondents.id, theirs.respondentId!)).run();
    const r = await call(staffPage.action, `/staff/challenges/${theirs.id}`, {
      params: { id: String(theirs.id) },
      cookie: as(OFFICER),
      form: { answerKind: "stands", answer: "The wording stands: the service plan for 2026/27 sets out the same change in the same words." },
    });
    expect(r.status).toBe(302);
    const email = db().select().from(t.outbox).where(eq(t.outbox.idempotencyKey, `challenge-answered:${theirs.id}`)).get()!;
    expect(email.subject).toMatch(/^কাউন্সিল আপনার চ্যালেঞ্জের উত্তর দিয়েছে – /);
    expect(email.textBody).toContain("তথ্যটি কেন ঠিক আছে, কাউন্সিল তা ব্যাখ্যা করেছে।");
    expect(email.textBody).toContain(`/consultations/${SLUG}?lang=bn#challenge-${theirs.id}`);
    expect(email.textBody).not.toMatch(/has answered|Replies are not read/);
    // What they challenged is quoted as they wrote it.
    expect(email.textBody).toContain(theirs.claim);
  });
});

describe("moderation", () => {
  it("a moderator hides a challenge under a house rule: gone from the page and the counts; others cannot", async () => {
    const target = db().select().from(t.challenges).where(eq(t.challenges.displayName, "Dev Patel")).get()!;
    const pageUrl = `/staff/challenges/${target.id}`;
    const before = written();
    expect((await call(staffPage.action, pageUrl, { params: { id: String(target.id) }, cookie: as(OFFICER), form: { intent: "hide", rule: "abuse" } })).status).toBe(403);
    expect((await call(staffPage.action, pageUrl, { params: { id: String(target.id) }, cookie: as(MODERATOR), form: { intent: "hide", rule: "not-a-rule" } })).status).toBe(400);
    expect(written()).toEqual(before);
    const rules = (await call(staffPage.loader, pageUrl, { params: { id: String(target.id) }, cookie: as(MODERATOR) })).data as { rules: { key: string }[] };
    expect((await call(staffPage.action, pageUrl, { params: { id: String(target.id) }, cookie: as(MODERATOR), form: { intent: "hide", rule: rules.rules[0].key } })).status).toBe(302);
    const page = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as { challenges: { id: number }[]; hiddenChallenges: { ruleTitle: string }[] };
    expect(page.challenges.map((c) => c.id)).not.toContain(target.id);
    // The page keeps a record that one was hidden and under which rule, never its words.
    expect(page.hiddenChallenges).toHaveLength(1);
    expect(page.hiddenChallenges[0].ruleTitle).toBeTruthy();
    expect(JSON.stringify(page)).not.toContain("Dev Patel");
  });
});

describe("the deadline", () => {
  it("an unanswered challenge past its due date is overdue, on the page and on the list", async () => {
    const open = db().select().from(t.challenges).where(and(eq(t.challenges.status, "visible"), eq(t.challenges.proposalId, proposal().id))).all().filter((c) => !c.answeredAt);
    expect(open.length).toBeGreaterThan(0);
    const before = (await call(list.loader, "/consultations", {})).data as { items: { slug: string; challenges: { open: number; overdue: number } }[] };
    expect(before.items.find((i) => i.slug === SLUG)!.challenges).toMatchObject({ open: open.length, overdue: 0 });
    setClock(new Date(Date.parse(`${open[0].dueOn}T12:00:00Z`) + 24 * 60 * 60 * 1000));
    try {
      const page = (await call(consultation.loader, `/consultations/${SLUG}`, { params })).data as { challenges: { id: number; standing: string }[] };
      expect(page.challenges.find((c) => c.id === open[0].id)!.standing).toBe("overdue");
      const after = (await call(list.loader, "/consultations", {})).data as { items: { slug: string; challenges: { open: number; overdue: number } }[] };
      expect(after.items.find((i) => i.slug === SLUG)!.challenges.overdue).toBeGreaterThan(0);
    } finally {
      setClock(null);
    }
  });

  it("a closed consultation takes no new challenges (409), and nothing is written", async () => {
    const slug = "library-opening-hours";
    const before = written();
    const r = await call(challenge.action, `/consultations/${slug}/challenge`, { params: { slug }, cookie: resident, form: { ...good, claim: "figure:postsAffected" } });
    expect(r.status).toBe(409);
    expect(written()).toEqual(before);
  });
});
