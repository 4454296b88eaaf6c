/**
 * English words for the union rep pages (/notices, the notice, the personal link) and the
 * anonymous staff challenge page, kept in a file of their own (see ../en.ts). Reps are not
 * council staff: their pages follow the reader's language like the public ones (issue 14).
 */
export const repPages = {
  /** The header's row of sections for someone signed in (app/components/Frame.tsx). */
  nav: {
    label: "Staff area",
    notices: "Your union notices",
  },
  banner: {
    title: "Confidential",
    heading: "Advance notice for {name}",
    headingWithUnions: "Advance notice for {name}, {unions}",
    unionSeparator: " and ",
    body: "Do not share this page or its contents until the consultation opens to the public. Each visit to it is recorded.",
  },
  list: {
    title: "Advance notices",
    heading: "Advance notices to your union",
    none: "Your union has not been given notice of any proposal.",
    caption: "Proposals your union was given notice of",
    proposal: "Proposal",
    noticeGiven: "Notice given",
    status: "Status",
    acknowledged: "You acknowledged",
    beingDelivered: "Being delivered",
    yes: "Yes",
    notYet: "Not yet",
  },
  notice: {
    title: "Confidential: {title}",
    titleFallback: "Confidential notice",
    allNotices: "All notices",
    caption: "Advance notice: {service}",
    ended: "The notice period has ended. This page keeps your union's confidential feedback and the council's answers.",
    service: "Service",
    noticeGiven: "Notice given",
    notYet: "Not yet",
    opens: "Consultation planned to open",
    closes: "Consultation planned to close",
    period: "Notice period",
    periodValue: "{days, plural, one {# working day} other {# working days}}: it cannot open before {date}",
    acknowledgeHeading: "Acknowledge this notice",
    acknowledgedOn: "You acknowledged this notice on {at}.",
    acknowledgeIntro: "Let the council know your union has received this notice. The public page will show how many representatives acknowledged it, without names.",
    acknowledge: "Acknowledge receipt",
    notAcknowledged: "You did not acknowledge this notice.",
    periodOver: "The notice period has ended",
    staffGroupsHeading: "Staff groups affected",
    staffGroup: "{name} ({count, plural, one {# member of staff} other {# members of staff}})",
    proposalHeading: "The proposal",
    notProvided: "Not provided.",
    done: {
      acknowledged: "You have acknowledged this notice. Thank you.",
      feedback: "Your feedback has been sent. The council will answer it here before the consultation opens.",
    },
  },
  /** What the union must be told when collective consultation applies (TULRCA 1992 s.188(4)). */
  s188: {
    heading: "Collective consultation (section 188)",
    intro: "{total}, so the council must consult the recognised unions collectively and tell them the following in writing ({act}, section 188(4)).",
    clock: "Consultation began on {start} and must run for at least {days} days: no dismissal can take effect before {date}.",
    firstDismissal: "The first dismissal is proposed to take effect on {date}.",
    total: "{total} posts are proposed for redundancy",
    totalAt: "{total} posts are proposed for redundancy at {place}",
    totalAggregated: "{total} posts are proposed for redundancy within {days} days ({posts} in this proposal and {others} in {proposals, plural, one {# other proposal} other {# other proposals}})",
    totalAggregatedAt:
      "{total} posts are proposed for redundancy at {place} within {days} days ({posts} in this proposal and {others} in {proposals, plural, one {# other proposal} other {# other proposals}})",
    items: {
      redundancyReasons: "The reasons for the proposals",
      staffDescriptions: "The numbers and descriptions of employees it is proposed to dismiss as redundant",
      employedInDescriptions: "The total number of employees of each of those descriptions employed at the establishment",
      selectionMethod: "The proposed method of selecting the employees who may be dismissed",
      dismissalMethodAndTiming: "The proposed method of carrying out the dismissals, with regard to any agreed procedure, and the period over which they are to take effect",
      redundancyPayMethod: "The proposed method of calculating any redundancy payments beyond the statutory minimum",
      agencyCount: "The number of agency workers working temporarily for and under the direction of the council",
      agencyParts: "The parts of the council in which those agency workers are working",
      agencyWork: "The type of work those agency workers are carrying out",
    },
  },
  /** What the union must be told before a transfer (TUPE 2006 reg 13). */
  tupe: {
    heading: "Transfer of staff (TUPE regulation 13)",
    intro: "Staff would transfer: {kind}. The council must tell the unions the following before the transfer ({regulations}, regulation 13).",
    introOn: "Staff would transfer: {kind}, on {date} or later. The council must tell the unions the following before the transfer ({regulations}, regulation 13).",
    kinds: {
      outsourcing: "council staff would move to a contractor or partner (outsourcing)",
      insourcing: "a contractor's staff would move to the council (insourcing)",
      shared_service: "staff would move into or out of a service shared with another body",
    },
    items: {
      transferReasons: "That the transfer is to take place, and the reasons for it",
      transferImplications: "The legal, economic and social implications of the transfer for the affected employees",
      transferMeasures: "The measures the council envisages taking in connection with the transfer, or that there are none",
      transfereeMeasures: "The measures the other employer envisages taking for the staff who transfer, or that there are none",
    },
  },
  feedback: {
    heading: "Your union's feedback",
    intro: "Feedback is confidential between your union and the council. It is never published. The consultation cannot open until the council has answered every item.",
    none: "No feedback has been sent yet.",
    unionLegend: "Which union are you writing for?",
    label: "Send feedback to the council",
    hint: "Up to {max} characters.",
    send: "Send feedback",
    councilAnswer: "Council answer",
    waiting: "Waiting for an answer",
    messages: {
      unionMissing: "Choose the union you are writing for",
      bodyMissing: "Enter your feedback",
      bodyTooLong: "Feedback must be {max} characters or fewer",
      ended: "The notice period has ended, so feedback can no longer be sent here",
    },
  },
  /** The personal link from a notice email (notices.link.$token.tsx). */
  link: {
    title: "Confidential advance notice",
    heading: "Confidential advance notice of a proposal",
    personal: "This link is personal to {name}. Continuing signs you in, and the link then stops working.",
    continue: "Continue to the notice",
    goneWhy: "The link in a notice email works once, for a few days, and a newer link stops an older one working. It also stops working once the notice period is over.",
    goneWhat: "If you have used it already, {link} (you may need to sign in). Otherwise, ask the council officer named in the notice email to send you a new link.",
    goneLink: "see your advance notices",
  },
  /** Challenging a fact through the link emailed to the staff groups affected. */
  staffChallenge: {
    title: "Challenge a fact as a member of staff – {title}",
    heading: "Challenge a fact as a member of staff",
    intro: "You can challenge a figure, a risk, an equality finding or a statement in this consultation. Your challenge is published, and the council must answer it in public within {days} working days.",
    anonymity:
      "You can appear as “A member of staff” or under your name. The council does not record which member of staff used this link: it is the same for everyone in the staff groups affected, and nothing else about you is kept.",
    showAsLegend: "How do you want to appear?",
    showAsHint: "Nothing about you is stored except what you choose here: not your email, not which link you used. Your manager cannot find out who wrote it.",
    asStaff: "As “A member of staff”",
    asName: "Under my name",
    nameLabel: "Your name (if you chose to give it)",
    messages: {
      showAsMissing: "Choose how you appear",
      nameMissing: "Enter your name, or choose to appear as “A member of staff”",
      nameTooLong: "Your name must be {max} characters or fewer",
    },
  },
};
