/**
 * Demo responses for the demo council (demo mode only): residents who answered the questions,
 * comment threads on the CAMHS proposal and on its risks, an official answer, a comment waiting
 * in the moderation queue, one already hidden (so the public log has an entry), and responses
 * that came on paper, by phone and at an event.
 *
 * Call after seedDemo(), on the database it seeded: `seedDemoResponses(db, now)`. Writes one
 * transaction; a consultation that is missing or not published is skipped.
 */
import { asc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { writeTransaction, type DB } from "#db/client.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { commentHash } from "./comments.server";
import type { RespondingAs, Stance } from "./rules";

type DemoResident = { key: string; email: string; name: string; showName: boolean; respondingAs: RespondingAs; organisationName?: string };

const RESIDENTS: DemoResident[] = [
  { key: "parent", email: "parent.demo@example.org", name: "Helen Marsh", showName: true, respondingAs: "individual" },
  { key: "anon", email: "anon.demo@example.org", name: "Tom Fielding", showName: false, respondingAs: "individual" },
  { key: "charity", email: "mind.demo@example.org", name: "Priya Shah", showName: true, respondingAs: "organisation", organisationName: "Northmoor Young Minds (charity)" },
  { key: "cllr", email: "cllr.demo@example.org", name: "Cllr Gareth Evans", showName: true, respondingAs: "councillor" },
  { key: "teacher", email: "teacher.demo@example.org", name: "Daniel Okoro", showName: true, respondingAs: "individual" },
];

type DemoComment = {
  key: string;
  by: string;
  /** "proposal", or a risk by position (0 is R1) */
  on?: { risk: number } | "proposal";
  replyTo?: string;
  minutesAgo: number;
  body: string;
  status?: "visible" | "pending" | "hidden";
  officer?: boolean;
};

const CAMHS_COMMENTS: DemoComment[] = [
  {
    key: "waits",
    by: "parent",
    on: { risk: 0 },
    minutesAgo: 60 * 24 * 9,
    body: "My daughter waited **11 weeks** for her first assessment last year. A median of 13 weeks means many children will wait far longer than that.\n\nHow will you tell families where they are in the queue?",
  },
  {
    key: "waits-answer",
    by: "officer",
    officer: true,
    replyTo: "waits",
    minutesAgo: 60 * 24 * 8,
    body: "Thank you for telling us about your daughter's wait. From April every family on the list would get a letter each month with their place and the expected date. We will publish the median wait every month (mitigation M3), and report to Cabinet if it is over 12 weeks for two months running.",
  },
  {
    key: "waits-reply",
    by: "teacher",
    replyTo: "waits-answer",
    minutesAgo: 60 * 24 * 7,
    body: "Monthly letters would help. Schools would also like to know, with the family's consent, so we can support the child while they wait.",
  },
  {
    key: "safeguarding",
    by: "charity",
    on: { risk: 1 },
    minutesAgo: 60 * 24 * 6,
    body: "Our helpline hears from young people whose safeguarding concerns were picked up by CAMHS social workers. Losing that expertise inside the service is the biggest risk in this proposal. See the NSPCC's learning from case reviews: <https://learning.nspcc.org.uk/case-reviews>.",
  },
  {
    key: "whole",
    by: "cllr",
    on: "proposal",
    minutesAgo: 60 * 24 * 5,
    body: "I will be asking at Scrutiny how the £540,000 saving compares with the cost of longer waits to other services, including schools and the children's social care front door.",
  },
  {
    key: "whole-anon",
    by: "anon",
    on: "proposal",
    minutesAgo: 60 * 24 * 3,
    body: "Twelve posts is a quarter of the workforce. This is not a small change and it should not be described as one.",
  },
  {
    key: "reported",
    by: "teacher",
    on: "proposal",
    minutesAgo: 60 * 20,
    body: "Whoever wrote this proposal has clearly never met a child in crisis.",
  },
  { key: "hidden", by: "anon", on: { risk: 0 }, minutesAgo: 60 * 30, status: "hidden", body: "Demo comment hidden by a moderator." },
];

const ANSWERS: Record<string, { stance: Stance | null; text: string | null }[]> = {
  parent: [
    { stance: "strongly_disagree", text: "Children will wait longer and the safeguarding knowledge goes with the social workers." },
    { stance: null, text: "The social worker was the one who noticed what was happening at home and got us help." },
  ],
  anon: [{ stance: "disagree", text: null }],
  charity: [
    { stance: "strongly_disagree", text: "See our comment on risk R2." },
    { stance: null, text: null },
    { stance: null, text: "Children with safeguarding concerns, and those who are care-experienced." },
  ],
  teacher: [{ stance: "neutral", text: "It depends on whether the core teams really can take on 450 more assessments." }],
};

export function seedDemoResponses(database: DB, now: Date) {
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60 * 1000).toISOString();
  writeTransaction((tx) => {
    const camhs = tx.select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get();
    if (!camhs || camhs.state !== "open") return;
    const officer = tx.select().from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get();
    const moderator = tx.select().from(t.users).where(eq(t.users.email, "moderator@northmoor.example")).get();
    const risks = tx.select({ id: t.risks.id }).from(t.risks).where(eq(t.risks.proposalId, camhs.id)).orderBy(asc(t.risks.position), asc(t.risks.id)).all();
    const questions = tx.select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, camhs.id)).orderBy(asc(t.consultationQuestions.position)).all();

    const residentIds = new Map<string, number>();
    for (const r of RESIDENTS) {
      const at = ago(60 * 24 * 10);
      const { id } = tx
        .insert(t.respondents)
        .values({ email: r.email, name: r.name, showName: r.showName, respondingAs: r.respondingAs, organisationName: r.organisationName ?? null, privacyAcceptedAt: at, verifiedAt: at, createdAt: at })
        .returning({ id: t.respondents.id })
        .get();
      residentIds.set(r.key, id);
    }

    const commentIds = new Map<string, number>();
    const depths = new Map<string, number>();
    for (const c of CAMHS_COMMENTS) {
      if (c.officer && !officer) continue;
      const parent = c.replyTo ? CAMHS_COMMENTS.find((x) => x.key === c.replyTo)! : null;
      const root = (x: DemoComment): DemoComment => (x.replyTo ? root(CAMHS_COMMENTS.find((y) => y.key === x.replyTo)!) : x);
      const on = root(c).on ?? "proposal";
      const target = on === "proposal" ? { type: "proposal" as const, id: camhs.id } : { type: "risk" as const, id: risks[on.risk]?.id };
      if (target.id == null) continue;
      const depth = parent ? (depths.get(parent.key) ?? 0) + 1 : 0;
      const { id } = tx
        .insert(t.comments)
        .values({
          proposalId: camhs.id,
          targetType: target.type,
          targetId: target.id,
          parentId: parent ? (commentIds.get(parent.key) ?? null) : null,
          depth,
          respondentId: c.officer ? null : residentIds.get(c.by)!,
          officerId: c.officer ? officer!.id : null,
          bodyMarkdown: c.body,
          bodyHtml: renderMarkdown(c.body, "comment"),
          bodyHash: commentHash(c.body),
          status: c.status ?? "visible",
          createdAt: ago(c.minutesAgo),
        })
        .returning({ id: t.comments.id })
        .get();
      commentIds.set(c.key, id);
      depths.set(c.key, depth);
    }

    const reported = commentIds.get("reported");
    if (reported) {
      tx.insert(t.commentReports).values({ commentId: reported, reason: "abuse\nIt attacks the officer, not the proposal.", respondentId: residentIds.get("parent")!, createdAt: ago(60 * 2) }).run();
    }
    const hidden = commentIds.get("hidden");
    if (hidden) {
      tx.insert(t.moderationActions).values({ commentId: hidden, action: "hide", rule: "spam", note: "Demo: an advert for a private clinic.", moderatorId: moderator?.id ?? null, at: ago(60 * 28) }).run();
    }

    for (const [key, answers] of Object.entries(ANSWERS)) {
      const at = ago(60 * 24 * 4);
      const { id } = tx.insert(t.responses).values({ proposalId: camhs.id, respondentId: residentIds.get(key)!, channel: "online", createdAt: at, updatedAt: at }).returning({ id: t.responses.id }).get();
      answers.forEach((a, i) => {
        if (questions[i] && (a.stance || a.text)) tx.insert(t.responseAnswers).values({ responseId: id, questionId: questions[i].id, stance: a.stance, text: a.text }).run();
      });
    }
    const offline: { channel: "paper" | "phone" | "event"; label: string; stance: Stance; text: string }[] = [
      { channel: "paper", label: "Resident, Millbrook ward", stance: "strongly_disagree", text: "Keep the social workers." },
      { channel: "paper", label: "Parent, Harrow Lane", stance: "disagree", text: "We waited too long already." },
      { channel: "phone", label: "Grandparent, by phone to the contact centre", stance: "dont_know", text: "Wanted to know how the change would affect her grandson's care plan." },
      { channel: "event", label: "Drop-in session, Northmoor Library", stance: "disagree", text: "Worried about the crisis line at weekends." },
    ];
    for (const o of offline) {
      const at = ago(60 * 24 * 2);
      const { id } = tx
        .insert(t.responses)
        .values({ proposalId: camhs.id, channel: o.channel, enteredById: officer?.id ?? null, respondentLabel: o.label, createdAt: at, updatedAt: at })
        .returning({ id: t.responses.id })
        .get();
      if (questions[0]) tx.insert(t.responseAnswers).values({ responseId: id, questionId: questions[0].id, stance: o.stance, text: o.text }).run();
    }
  }, database);
}
