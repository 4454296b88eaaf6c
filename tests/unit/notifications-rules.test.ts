/**
 * The pure rules behind notices and delivery: what an SMTP answer means, when to retry, the
 * notice period and the s.188 clock, personal links, the public record, and the opening rule
 * that every union feedback item is answered.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import {
  BACKOFF_CAP_MS,
  MAX_TRANSIENT_ATTEMPTS,
  afterRetry,
  backoffMs,
  classifyRejectedRecipient,
  classifySendError,
  domainOf,
  isSingleAddress,
  messageIdFor,
  scrubSecrets,
} from "~/notifications/delivery";
import { noticeLinkExpiry, noticeLinkUsable, noticePeriod } from "~/notifications/notice-rules";
import { buildNotificationRecord } from "~/notifications/record";
import { staffOpenedEmail, unionNoticeEmail, unsubscribeHeaders } from "~/notifications/templates";
import { checkTransition } from "~/proposals/lifecycle";
import { completeProposal } from "../fixtures/proposals";

const holidays = new Set(["2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29"]);

describe("what an SMTP answer means", () => {
  it("a 5xx answer fails for good", () => {
    expect(classifySendError({ code: "EENVELOPE", responseCode: 550, permanent: true, message: "Mailbox unavailable" })).toEqual({ kind: "fail", reason: "550: Mailbox unavailable" });
    expect(classifySendError({ code: "EMESSAGE", responseCode: 554 }).kind).toBe("fail");
  });
  it("a 4xx answer is retried, and counts towards the limit", () => {
    expect(classifySendError({ code: "EENVELOPE", responseCode: 451, permanent: false })).toMatchObject({ kind: "retry", countsTowardsLimit: true });
    // 503 is a session out of step, not a refusal: nodemailer marks it transient.
    expect(classifySendError({ code: "EPROTOCOL", responseCode: 503, permanent: false }).kind).toBe("retry");
    expect(classifySendError({ code: "EPROTOCOL", responseCode: 503 }).kind).toBe("retry");
  });
  it("an unreachable server is retried however long it takes", () => {
    for (const code of ["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EDNS"]) {
      expect(classifySendError({ code, message: "connect ECONNREFUSED 127.0.0.1:25" })).toMatchObject({ kind: "retry", countsTowardsLimit: false });
    }
  });
  it("a rejected password is the council's setting, not the message: retried", () => {
    expect(classifySendError({ code: "EAUTH", responseCode: 535, permanent: true })).toMatchObject({ kind: "retry", countsTowardsLimit: false });
  });
  it("anything else fails rather than looping", () => {
    expect(classifySendError({ code: "EENVELOPE", message: "No recipients defined" }).kind).toBe("fail");
  });
  it("a refused recipient follows its own reply code", () => {
    expect(classifyRejectedRecipient({ responseCode: 550, message: "no such user" }).kind).toBe("fail");
    expect(classifyRejectedRecipient({ responseCode: 452, message: "mailbox full" }).kind).toBe("retry");
    expect(classifyRejectedRecipient(undefined).kind).toBe("fail");
  });
  it("reasons stay on one line", () => {
    expect(classifySendError({ code: "ESOCKET", message: "line one\r\nline two" }).reason).toBe("ESOCKET: line one line two");
  });
});

describe("retrying", () => {
  it("waits 30 seconds, then twice as long each time, never more than an hour", () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(7)).toBe(1_920_000);
    expect(backoffMs(8)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(50)).toBe(BACKOFF_CAP_MS);
  });
  it("gives up on a 4xx only after the limit; never on an unreachable server", () => {
    const transient = { kind: "retry" as const, reason: "451", countsTowardsLimit: true };
    const unreachable = { kind: "retry" as const, reason: "ESOCKET", countsTowardsLimit: false };
    expect(afterRetry(transient, MAX_TRANSIENT_ATTEMPTS - 1)).toBe("retry");
    expect(afterRetry(transient, MAX_TRANSIENT_ATTEMPTS)).toBe("fail");
    expect(afterRetry(unreachable, 1000)).toBe("retry");
  });
});

describe("message ids and secrets", () => {
  it("one Message-ID per idempotency key, so a repeat is recognisable", () => {
    const id = messageIdFor("union-notice:3:7", "northmoor.example.gov.uk");
    expect(id).toMatch(/^<[0-9a-f]{40}@northmoor\.example\.gov\.uk>$/);
    expect(messageIdFor("union-notice:3:7", "northmoor.example.gov.uk")).toBe(id);
    expect(messageIdFor("union-notice:3:8", "northmoor.example.gov.uk")).not.toBe(id);
  });
  it("reads the domain of the sender", () => {
    expect(domainOf("Northmoor <no-reply@Northmoor.example.gov.uk>")).toBe("northmoor.example.gov.uk");
    expect(domainOf("no-reply@example.gov.uk")).toBe("example.gov.uk");
  });
  it("sends to one plain address only: nothing a parser could read as a list or a group", () => {
    for (const ok of ["rep.gmb@northmoor.example", "waste-crews@northmoor.example.gov.uk", "o'brien+consult@example.org"]) expect(isSingleAddress(ok), ok).toBe(true);
    for (const bad of ["a@b.com, c@d.com", "a@b.com Bcc: c@d.com", "Bcc: c@d.com;", "<a@b.com>", "Name <a@b.com>", "a@b", "a@b.com\r\nBcc: c@d.com", "", "a@-b.com"]) {
      expect(isSingleAddress(bad), bad).toBe(false);
    }
  });
  it("removes personal links from what is kept after sending", () => {
    const text = "Read it here:\nhttp://localhost:3000/notices/link/abcdefghijklmnopqrstuvwxyz012345_-AB\nand http://localhost:3000/consultations/x";
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toContain("abcdefghijklmnopqrstuvwxyz012345");
    expect(scrubbed).toContain("/notices/link/(removed after sending)");
    expect(scrubbed).toContain("/consultations/x");
  });
});

describe("the notice period", () => {
  it("counts working days from the notice, skipping weekends and bank holidays", () => {
    // Sent Friday 18 December 2026: ten working days end on Wednesday 6 January 2027.
    const period = noticePeriod({ noticeSentAt: "2026-12-18T10:00:00.000Z", opensOn: "2027-01-04" }, DEFAULT_SETTINGS, new Date("2026-12-31T12:00:00Z"), holidays)!;
    expect(period.earliestOpening).toBe("2027-01-06");
    expect(period.givenWorkingDays).toBe(7); // 21, 22, 23, 24, 29, 30 and 31 December
    expect(period.openingTooEarly).toBe(true);
    expect(period.expectedOpening).toBe("2027-01-06");
  });
  it("an opening date after the notice period stands", () => {
    const period = noticePeriod({ noticeSentAt: "2026-11-02T10:00:00.000Z", opensOn: "2026-12-01" }, DEFAULT_SETTINGS, new Date("2026-11-03T12:00:00Z"), holidays)!;
    expect(period.openingTooEarly).toBe(false);
    expect(period.expectedOpening).toBe("2026-12-01");
    expect(period.givenWorkingDays).toBe(1);
  });
  it("follows the council's setting", () => {
    const settings = { ...DEFAULT_SETTINGS, union: { ...DEFAULT_SETTINGS.union, noticeWorkingDays: 15 } };
    expect(noticePeriod({ noticeSentAt: "2026-11-02T10:00:00.000Z", opensOn: null }, settings, new Date("2026-11-03"), holidays)!.earliestOpening).toBe("2026-11-23");
  });
  it("is nothing before notice is sent", () => {
    expect(noticePeriod({ noticeSentAt: null, opensOn: "2026-12-01" }, DEFAULT_SETTINGS, new Date(), holidays)).toBeNull();
  });
});

describe("personal links", () => {
  it("expire after the council's number of days, and work only once", () => {
    const sent = new Date("2026-11-02T10:00:00Z");
    const expiresAt = noticeLinkExpiry(sent, DEFAULT_SETTINGS).toISOString();
    expect(expiresAt).toBe("2026-11-09T10:00:00.000Z");
    expect(noticeLinkUsable({ usedAt: null, expiresAt }, new Date("2026-11-09T09:59:59Z"))).toBe(true);
    expect(noticeLinkUsable({ usedAt: null, expiresAt }, new Date("2026-11-09T10:00:00Z"))).toBe(false);
    expect(noticeLinkUsable({ usedAt: "2026-11-03T10:00:00Z", expiresAt }, new Date("2026-11-03T11:00:00Z"))).toBe(false);
  });
});

describe("opening after union notice", () => {
  const underNotice = completeProposal({ state: "union_notice", noticeSentAt: "2026-11-02T09:00:00Z", opensOn: "2026-11-25", closesOn: "2027-02-17", firstDismissalOn: "2027-09-01" });
  const ctx = { settings: DEFAULT_SETTINGS, now: new Date("2026-11-25T10:00:00Z"), bankHolidays: holidays };
  it("waits while any union feedback is unanswered", () => {
    expect(checkTransition("open", underNotice, { kind: "system" }, { ...ctx, unansweredFeedback: 2 })).toMatchObject({
      ok: false,
      status: 409,
      message: "2 feedback items from the unions have not been answered",
    });
    expect(checkTransition("open", underNotice, { kind: "system" }, { ...ctx, unansweredFeedback: 1 })).toMatchObject({ message: "1 feedback item from the unions has not been answered" });
  });
  it("opens once everything is answered", () => {
    expect(checkTransition("open", underNotice, { kind: "system" }, { ...ctx, unansweredFeedback: 0 })).toEqual({ ok: true, to: "open" });
  });
});

describe("the public notification record", () => {
  const facts = {
    noStaffAffected: false,
    noticeSentAt: "2026-11-02T09:00:00.000Z",
    openedAt: "2026-11-23T06:00:00.000Z",
    opensOn: "2026-11-23",
    unionNames: ["GMB", "Unite"],
    repsNotified: 3,
    repsAcknowledged: 2,
    staffGroups: [
      { name: "Refuse crews", headCount: 104, sentAt: "2026-11-23T06:00:00.000Z" },
      { name: "Depot staff", headCount: 16, sentAt: "2026-11-23T06:00:00.000Z" },
    ],
  };
  it("says when the unions were told, how many working days before opening, and who acknowledged", () => {
    const record = buildNotificationRecord(facts, holidays, "Europe/London");
    expect(record.unions).toEqual({ toldOn: facts.noticeSentAt, names: ["GMB", "Unite"], workingDaysBeforeOpening: 15, opened: true, repsNotified: 3, repsAcknowledged: 2 });
    expect(record.staff.total).toBe(120);
    expect(record.staff.groups.map((g) => g.name)).toEqual(["Depot staff", "Refuse crews"]);
  });
  it("carries counts and dates only", () => {
    const record = buildNotificationRecord(facts, holidays, "Europe/London");
    const keys = JSON.stringify(record);
    expect(keys).not.toMatch(/email|author|body|feedback/i);
  });
  it("says so when no staff were affected", () => {
    const record = buildNotificationRecord({ ...facts, noStaffAffected: true, noticeSentAt: null, unionNames: [], staffGroups: [] }, holidays, "Europe/London");
    expect(record.noStaffAffected).toBe(true);
    expect(record.unions).toBeNull();
  });
});

describe("email text", () => {
  it("a union notice carries the title and the dates and a link, never the proposal's text", () => {
    const p = completeProposal();
    const email = unionNoticeEmail({
      council: "Northmoor Borough Council",
      repName: "Tony Brennan",
      unionName: "GMB",
      title: p.title,
      serviceName: p.serviceName,
      sentAt: "2026-11-02T09:00:00.000Z",
      opensOn: "2026-11-23",
      closesOn: "2027-02-15",
      earliestOpening: "2026-11-16",
      noticeWorkingDays: 10,
      collectiveConsultation: false,
      link: "http://localhost:3000/notices/link/TOKEN",
      linkExpiresAt: "2026-11-09T09:00:00.000Z",
    });
    expect(email.subject).toContain(p.title);
    expect(email.text).toContain("23 November 2026");
    expect(email.text).toContain("15 February 2027");
    expect(email.text).toContain("http://localhost:3000/notices/link/TOKEN");
    for (const secret of [p.summary, p.whatChanges, p.whyChange, p.risks[0].description]) {
      expect(email.text).not.toContain(secret!.slice(0, 40));
    }
  });
  it("staff emails link to the public page", () => {
    const email = staffOpenedEmail({ council: "C", groupName: "Crews", title: "T", serviceName: "S", publicUrl: "http://x/consultations/t", closesOn: "2027-02-15" });
    expect(email.text).toContain("http://x/consultations/t");
  });
  it("one-click unsubscribe headers follow RFC 8058", () => {
    expect(unsubscribeHeaders("https://x/unsubscribe/abc")).toEqual({ "List-Unsubscribe": "<https://x/unsubscribe/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
