/**
 * The words of every email, pure. A union notice carries the title and the dates and a
 * personal link, never the embargoed text: an email can be forwarded, and the proposal is
 * confidential until it opens. Subjects are single lines (outbox.server.ts strips breaks too).
 */
import { formatDate, formatDateTime } from "~/components/format";
import { translator, type Translate } from "~/i18n/i18n";
import type { LanguageCode } from "~/i18n/languages";

export type Email = { subject: string; text: string };

const lines = (...parts: (string | false | null | undefined)[]) => parts.filter((p) => p !== false && p != null).join("\n");

function signOff(council: string) {
  return `\n${council}\nThis email was sent automatically. Replies are not read.`;
}

export function unionNoticeEmail(v: {
  council: string;
  repName: string;
  unionName: string;
  title: string;
  serviceName: string;
  sentAt: string;
  opensOn: string | null;
  closesOn: string | null;
  earliestOpening: string | null;
  noticeWorkingDays: number;
  collectiveConsultation: boolean;
  link: string;
  linkExpiresAt: string;
}): Email {
  return {
    subject: `Confidential: advance notice of a proposal – ${v.title}`,
    text: lines(
      `Dear ${v.repName},`,
      "",
      `${v.council} is giving ${v.unionName} confidential advance notice of a proposal before it is published for consultation.`,
      "",
      `Proposal: ${v.title}`,
      `Service: ${v.serviceName}`,
      `Notice given: ${formatDate(v.sentAt)}`,
      v.opensOn ? `Consultation planned to open: ${formatDate(v.opensOn)}` : null,
      v.closesOn ? `Consultation planned to close: ${formatDate(v.closesOn)}` : null,
      v.earliestOpening ? `It cannot open before ${formatDate(v.earliestOpening)}, after ${v.noticeWorkingDays} working days' notice.` : null,
      v.collectiveConsultation ? "The proposal affects 20 or more posts: the notice includes the information required for collective consultation (Trade Union and Labour Relations (Consolidation) Act 1992, section 188)." : null,
      "",
      "Read the proposal, acknowledge this notice and send your union's feedback here:",
      v.link,
      "",
      `This link is personal to you. It signs you in once and stops working on ${formatDateTime(v.linkExpiresAt)}. Do not forward this email.`,
      "The proposal is confidential until the consultation opens.",
      signOff(v.council),
    ),
  };
}

export function unionNoticeLinkEmail(v: { council: string; repName: string; title: string; link: string; linkExpiresAt: string; reason: "answer" | "resend" }): Email {
  return {
    subject: v.reason === "answer" ? `Confidential: the council has answered your union's feedback – ${v.title}` : `Confidential: a new link to the advance notice – ${v.title}`,
    text: lines(
      `Dear ${v.repName},`,
      "",
      v.reason === "answer"
        ? `${v.council} has answered feedback from your union on a proposal under confidential advance notice: ${v.title}.`
        : `Here is a new personal link to the confidential advance notice of a proposal: ${v.title}.`,
      "",
      "Read it here:",
      v.link,
      "",
      `This link is personal to you. It signs you in once and stops working on ${formatDateTime(v.linkExpiresAt)}. Do not forward this email.`,
      signOff(v.council),
    ),
  };
}

/** A proposal withdrawn after its union was given notice: in confidence if it never opened. */
export function unionNoticeWithdrawnEmail(v: { council: string; repName: string; title: string; reason: string | null; hadOpened: boolean; publicUrl: string | null }): Email {
  return {
    subject: v.hadOpened ? `Consultation withdrawn – ${v.title}` : `Confidential: a proposal you were given notice of has been withdrawn – ${v.title}`,
    text: lines(
      `Dear ${v.repName},`,
      "",
      v.hadOpened
        ? `${v.council} has withdrawn a consultation your union was given advance notice of: ${v.title}.`
        : `${v.council} has withdrawn a proposal your union was given confidential advance notice of: ${v.title}.`,
      v.hadOpened ? "It will not go ahead as proposed." : "It will not be published for consultation, and your links to the notice no longer work.",
      v.reason ? "" : null,
      v.reason ? "The reason it gave:" : null,
      v.reason,
      v.publicUrl ? "" : null,
      v.publicUrl ? "The consultation's page keeps its record:" : null,
      v.publicUrl,
      signOff(v.council),
    ),
  };
}

export function unionFeedbackReceivedEmail(v: { council: string; title: string; unionName: string; link: string }): Email {
  return {
    subject: `Union feedback to answer – ${v.title}`,
    text: lines(
      `${v.unionName} has sent confidential feedback on a proposal under advance notice: ${v.title}.`,
      "",
      "The consultation cannot open until every feedback item has been answered. Read and answer it here:",
      v.link,
      signOff(v.council),
    ),
  };
}

export function staffOpenedEmail(v: { council: string; groupName: string; title: string; serviceName: string; publicUrl: string; closesOn: string | null; challengeLink?: string | null }): Email {
  return {
    subject: `A proposal affecting your team is open for consultation – ${v.title}`,
    text: lines(
      `You are receiving this because you are in this staff group: ${v.groupName}.`,
      "",
      `${v.council} has published a proposal that affects your team, and wants to hear your views.`,
      "",
      `Proposal: ${v.title}`,
      `Service: ${v.serviceName}`,
      v.closesOn ? `Respond by: ${formatDate(v.closesOn)}` : null,
      "",
      "Read the proposal and respond:",
      v.publicUrl,
      "",
      "Your trade union was given advance notice and can advise you.",
      v.challengeLink ? "" : null,
      v.challengeLink ? "If you think a fact in the proposal is wrong, you can challenge it in public as a member of staff, under your name or as \"a member of staff\". The council does not record who uses this link: it is the same for everyone in the staff groups affected." : null,
      v.challengeLink ?? null,
      signOff(v.council),
    ),
  };
}

/** The sign-off of a resident's email, in their language. */
function residentSignOff(council: string, t: Translate) {
  return `\n${council}\n${t("consultationPages.emails.automatic")}`;
}

/** The words of a resident's email (issue 14): `lang` is the language they chose on the site. */
const C = (lang: LanguageCode) => {
  const t = translator(lang);
  return { t, e: (key: string, values?: Record<string, unknown>) => (t as unknown as (k: string, v?: Record<string, unknown>) => string)(`consultationPages.emails.${key}`, values) };
};

export function newConsultationEmail(v: { council: string; title: string; serviceName: string; publicUrl: string; closesOn: string | null; unsubscribeUrl: string }, lang: LanguageCode = "en"): Email {
  const { t, e } = C(lang);
  return {
    subject: e("newConsultation.subject", { title: v.title }),
    text: lines(
      e("newConsultation.opened", { council: v.council }),
      "",
      `${v.title}`,
      e("newConsultation.service", { service: v.serviceName }),
      v.closesOn ? e("newConsultation.closes", { date: formatDate(v.closesOn, lang) }) : null,
      "",
      e("newConsultation.read"),
      v.publicUrl,
      "",
      e("newConsultation.stop"),
      v.unsubscribeUrl,
      residentSignOff(v.council, t),
    ),
  };
}

const UPDATE_TRANSITIONS = ["close", "withdraw", "publish_outcome", "decide"];

export function consultationUpdateEmail(v: { council: string; title: string; transition: string; publicUrl: string; unsubscribeUrl: string }, lang: LanguageCode = "en"): Email {
  const { t, e } = C(lang);
  const what = UPDATE_TRANSITIONS.includes(v.transition) ? v.transition : "other";
  return {
    subject: e("update.subject", { title: v.title }),
    text: lines(e(`update.${what}`, { title: v.title }), "", v.publicUrl, "", e("stop"), v.unsubscribeUrl, residentSignOff(v.council, t)),
  };
}

export function outcomePublishedEmail(
  v: {
    council: string;
    title: string;
    outcomeUrl: string;
    themes: { name: string; changed: boolean }[];
    whatHappensNext: string;
    unsubscribeUrl: string;
  },
  lang: LanguageCode = "en",
): Email {
  const { t, e } = C(lang);
  const changed = v.themes.filter((x) => x.changed);
  return {
    subject: e("outcome.subject", { title: v.title }),
    text: lines(
      e("outcome.published", { council: v.council, title: v.title }),
      "",
      v.themes.length ? e("outcome.raised") : null,
      ...v.themes.map((x) => `- ${x.name}${x.changed ? e("outcome.changedMark") : ""}`),
      v.themes.length ? "" : null,
      changed.length ? e("outcome.changed", { changed: changed.length, themes: v.themes.length }) : v.themes.length ? e("outcome.notChanged") : null,
      "",
      e("outcome.next"),
      v.whatHappensNext,
      "",
      e("outcome.read"),
      v.outcomeUrl,
      "",
      e("stop"),
      v.unsubscribeUrl,
      residentSignOff(v.council, t),
    ),
  };
}

export function decisionRecordedEmail(
  v: {
    council: string;
    title: string;
    decisionLabel: string;
    decidedOn: string;
    reference: string;
    noticeUrl: string;
    summary: string | null;
    outcomeUrl: string;
    unsubscribeUrl: string;
  },
  lang: LanguageCode = "en",
): Email {
  const { t, e } = C(lang);
  return {
    subject: e("decision.subject", { label: v.decisionLabel, title: v.title }),
    text: lines(
      e("decision.made", { title: v.title }),
      "",
      e("decision.decision", { label: v.decisionLabel }),
      e("decision.decidedOn", { date: formatDate(v.decidedOn, lang) }),
      e("decision.reference", { reference: v.reference }),
      v.summary ? "" : null,
      v.summary,
      "",
      e("decision.notice"),
      v.noticeUrl,
      "",
      e("decision.outcome"),
      v.outcomeUrl,
      "",
      e("stop"),
      v.unsubscribeUrl,
      residentSignOff(v.council, t),
    ),
  };
}

export function subscribeConfirmEmail(v: { council: string; what: string; confirmUrl: string; unsubscribeUrl: string }, lang: LanguageCode = "en"): Email {
  const { t, e } = C(lang);
  return {
    subject: e("subscribeConfirm.subject", { council: v.council }),
    text: lines(e("subscribeConfirm.asked", { what: v.what }), "", e("subscribeConfirm.confirm"), v.confirmUrl, "", e("subscribeConfirm.ignore"), v.unsubscribeUrl, residentSignOff(v.council, t)),
  };
}

/** RFC 2369 and RFC 8058 headers: a mail client can unsubscribe with one click, no sign-in. */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

// ─── Staff accounts ────────────────────────────────────────────────────────────

/**
 * An admin's invitation. With `link`, a single-use link to set a password; without one the
 * council signs staff in only through its own identity provider, so the email says where to
 * sign in instead.
 */
export function staffInvitationEmail(v: {
  council: string;
  serviceName: string;
  name: string;
  invitedBy: string;
  roles: string;
  link: string | null;
  linkExpiresAt: string | null;
  signInUrl: string;
  ssoLabel: string | null;
}): Email {
  return {
    subject: `You have been invited to ${v.serviceName}`,
    text: lines(
      `Dear ${v.name},`,
      "",
      `${v.invitedBy} has given you an account on ${v.serviceName}, ${v.council}'s consultation service, as: ${v.roles}.`,
      "",
      v.link ? "Set your password here to start:" : `Sign in with ${v.ssoLabel ?? "your council account"} here:`,
      v.link ?? v.signInUrl,
      "",
      v.link && v.linkExpiresAt ? `This link is personal to you. It works once and stops working on ${formatDateTime(v.linkExpiresAt)}. Do not forward this email.` : null,
      v.link && v.ssoLabel ? `You can also sign in with ${v.ssoLabel} at ${v.signInUrl}` : null,
      "If you were not expecting this, ignore this email: nobody can use the account until a password is set.",
      signOff(v.council),
    ),
  };
}

/** A link an admin sends to someone who already has a password and has lost it. */
export function staffPasswordLinkEmail(v: { council: string; serviceName: string; name: string; link: string; linkExpiresAt: string }): Email {
  return {
    subject: `Set a new password for ${v.serviceName}`,
    text: lines(
      `Dear ${v.name},`,
      "",
      `An admin at ${v.council} has sent you a link to set a new password for ${v.serviceName}:`,
      v.link,
      "",
      `This link is personal to you. It works once and stops working on ${formatDateTime(v.linkExpiresAt)}. Your current password keeps working until you set a new one. Do not forward this email.`,
      signOff(v.council),
    ),
  };
}

// ─── The next step, for staff (workflow.server.ts) ─────────────────────────────
// Staff emails name the proposal and link to it; the text stays behind the sign-in, so a
// forwarded email gives away nothing the recipient's colleagues could not already see.

export function proposalSubmittedEmail(v: { council: string; title: string; serviceName: string; submittedBy: string; link: string }): Email {
  return {
    subject: `Proposal waiting for your approval – ${v.title}`,
    text: lines(
      `${v.submittedBy} has submitted a proposal for approval before it is published for consultation.`,
      "",
      `Proposal: ${v.title}`,
      `Service: ${v.serviceName}`,
      "",
      "Review it, then approve it or return it to the drafter with what needs to change:",
      v.link,
      "",
      "Any approver who did not draft or change it may approve it; the first to act takes it.",
      signOff(v.council),
    ),
  };
}

export function proposalReturnedEmail(v: { council: string; title: string; returnedBy: string; reason: string; link: string }): Email {
  return {
    subject: `Proposal returned to you with changes to make – ${v.title}`,
    text: lines(
      `${v.returnedBy} has returned this proposal to its drafters instead of approving it: ${v.title}.`,
      "",
      "What needs to change:",
      v.reason,
      "",
      "It is a draft again. Make the changes and submit it for approval again here:",
      v.link,
      signOff(v.council),
    ),
  };
}

export function proposalApprovedEmail(v: { council: string; title: string; approvedBy: string; next: string; link: string }): Email {
  return {
    subject: `Proposal approved for publication – ${v.title}`,
    text: lines(
      `${v.approvedBy} has approved this proposal for publication: ${v.title}.`,
      "",
      v.next,
      "",
      "See where it stands:",
      v.link,
      signOff(v.council),
    ),
  };
}

/**
 * A withdrawn consultation, for everyone who was told of it. `why` says how this person came to
 * know it (a staff group, a response, a subscription); the reason is the one published on its page.
 */
export function consultationWithdrawnEmail(
  v: { council: string; title: string; withdrawnAt: string; reason: string; publicUrl: string | null; why: string; unsubscribeUrl?: string },
  lang: LanguageCode = "en",
): Email {
  const { t, e } = C(lang);
  return {
    subject: e("withdrawn.subject", { title: v.title }),
    text: lines(
      v.why,
      "",
      e("withdrawn.withdrew", { council: v.council, title: v.title, date: formatDate(v.withdrawnAt, lang) }),
      "",
      e("withdrawn.reason"),
      v.reason,
      v.publicUrl ? "" : null,
      v.publicUrl ? e("withdrawn.record") : null,
      v.publicUrl,
      v.unsubscribeUrl ? "" : null,
      v.unsubscribeUrl ? e("stop") : null,
      v.unsubscribeUrl ?? null,
      residentSignOff(v.council, t),
    ),
  };
}

/**
 * The resident's sign-in link, in the language of the page they asked from (issue 14):
 * `t` is that language's translate function (~/i18n/i18n).
 */
export function signInLinkEmail(v: { council: string; url: string }, t: Translate = translator("en")): Email {
  return {
    subject: t("emails.signIn.subject", { council: v.council }),
    text: lines(t("emails.signIn.use"), "", v.url, "", t("emails.signIn.once"), "", t("emails.signIn.ignore"), "", v.council),
  };
}

/**
 * The respondent's receipt: a copy of what they sent, so they have a record that does not
 * depend on the website. It goes to the address they proved by signing in, and nobody else.
 * In the language they responded in (issue 14); the questions are as they were asked.
 */
export function responseReceiptEmail(
  v: {
    council: string;
    title: string;
    savedAt: string;
    changed: boolean;
    answers: { question: string; stance: string | null; text: string | null }[];
    publishAnswers: boolean;
    closesOn: string | null;
    respondUrl: string;
  },
  lang: LanguageCode = "en",
): Email {
  const t = translator(lang);
  return {
    subject: `${v.changed ? t("emails.receipt.subjectChanged") : t("emails.receipt.subject")} – ${v.title}`,
    text: lines(
      v.changed
        ? t("emails.receipt.thanksChanged", { council: v.council, title: v.title, when: formatDateTime(v.savedAt, lang) })
        : t("emails.receipt.thanks", { council: v.council, title: v.title, when: formatDateTime(v.savedAt, lang) }),
      "",
      t("emails.receipt.copy"),
      ...v.answers.flatMap((a, i) => ["", `${i + 1}. ${a.question}`, a.stance ? `   ${a.stance}` : null, a.text ? a.text.replace(/^/gm, "   ") : a.stance ? null : `   ${t("confirmation.notAnswered")}`]),
      "",
      v.publishAnswers ? t("confirmation.published") : t("confirmation.notPublished"),
      "",
      v.closesOn ? t("emails.receipt.changeUntil", { date: formatDate(v.closesOn, lang) }) : t("emails.receipt.changeUntilClose"),
      v.respondUrl,
      "",
      t("emails.receipt.notYou"),
      `\n${v.council}\n${t("emails.automatic")}`,
    ),
  };
}
