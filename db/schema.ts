/**
 * The whole database schema. One module, columns through small helpers, indexes declared
 * beside the table they serve, foreign keys with an explicit onDelete.
 * Migrations are generated from this file (`npm run db:generate`) and committed.
 */
import { sql } from "drizzle-orm";
import {
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  index,
} from "drizzle-orm/sqlite-core";

const id = () => integer("id").primaryKey({ autoIncrement: true });
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

// ─── People ────────────────────────────────────────────────────────────────────
export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    /** the service an officer belongs to; officers may edit only their service's proposals */
    serviceId: integer("service_id").references(() => services.id, { onDelete: "set null" }),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    /** deactivated by an admin: cannot sign in, and every session ended at once */
    disabledAt: text("disabled_at"),
    /** when they last signed in (password, personal link or single sign-on), shown to admins */
    lastSignedInAt: text("last_signed_in_at"),
    /** single sign-on: the identity provider and its stable id for this person, linked at their
     * first sign-in through it; later sign-ins match on these, never on the email address */
    ssoIssuer: text("sso_issuer"),
    ssoSubject: text("sso_subject"),
    /** set when the password changes or an admin ends every session: sessions from before it are over */
    credentialsChangedAt: text("credentials_changed_at"),
    /** TOTP second factor: the shared secret, encrypted (auth/two-factor.server.ts) */
    totpSecret: text("totp_secret"),
    totpEnabledAt: text("totp_enabled_at"),
    /** the last 30-second step a code was accepted for: a code works once */
    totpLastStep: integer("totp_last_step"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), uniqueIndex("users_sso_unique").on(t.ssoIssuer, t.ssoSubject)],
);

/** An admin's invitation to a member of staff: a single-use, expiring link to set a password.
 * Only the token's SHA-256 is stored. A new invitation replaces any the person still holds. */
export const staffInvitations = sqliteTable(
  "staff_invitations",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    invitedById: integer("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    /** replaced by a newer invitation, or withdrawn when the account was deactivated */
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("staff_invitations_token_unique").on(t.tokenHash), index("staff_invitations_user_idx").on(t.userId)],
);

/** One-time recovery codes for a lost authenticator; only their keyed hashes are stored. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * Every staff sign-in attempt, recorded before the password is checked (as "pending") in the
 * same transaction that decides whether it may be made, so a burst of concurrent attempts is
 * counted exactly, across processes. The account and the address are stored as keyed hashes.
 */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: id(),
    /** epoch milliseconds */
    at: integer("at").notNull(),
    accountKey: text("account_key").notNull(),
    addressKey: text("address_key").notNull(),
    outcome: text("outcome", { enum: ["pending", "failed", "succeeded"] }).notNull(),
  },
  (t) => [index("sign_in_attempts_account_idx").on(t.accountKey, t.at), index("sign_in_attempts_address_idx").on(t.addressKey, t.at), index("sign_in_attempts_at_idx").on(t.at)],
);

/** Rate-limit hits that several processes must agree on (emails to unproven addresses); keyed hashes only. */
export const rateLimitHits = sqliteTable(
  "rate_limit_hits",
  {
    id: id(),
    key: text("key").notNull(),
    /** epoch milliseconds */
    at: integer("at").notNull(),
  },
  (t) => [index("rate_limit_hits_key_idx").on(t.key, t.at), index("rate_limit_hits_at_idx").on(t.at)],
);

export const ROLES = [
  "officer",
  "approver",
  "union_rep",
  "moderator",
  "decision_maker",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Server-side sessions so that an admin (or the user) can revoke them. The cookie holds a
 * random token; only its SHA-256 is stored, so a copy of the database cannot sign anyone in. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token_hash_unique").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

// ─── The council's organisation ────────────────────────────────────────────────
export const services = sqliteTable(
  "services",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** total posts in the service's workforce, so that posts affected can be shown as a share */
    workforcePosts: integer("workforce_posts"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("services_slug_unique").on(t.slug)],
);

export const staffGroups = sqliteTable(
  "staff_groups",
  {
    id: id(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    headCount: integer("head_count").notNull(),
    distributionEmail: text("distribution_email"),
  },
  (t) => [index("staff_groups_service_idx").on(t.serviceId)],
);

export const unions = sqliteTable("unions", {
  id: id(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
});

export const unionReps = sqliteTable(
  "union_reps",
  {
    unionId: integer("union_id")
      .notNull()
      .references(() => unions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.unionId, t.userId] }), index("union_reps_user_idx").on(t.userId)],
);

// ─── Proposals ─────────────────────────────────────────────────────────────────
export const PROPOSAL_STATES = [
  "draft",
  "in_review",
  "union_notice",
  "scheduled",
  "open",
  "closed",
  "outcome_published",
  "decided",
  "withdrawn",
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** TUPE 2006: how staff would move between employers, or "none" (the explicit answer). */
export const TRANSFER_KINDS = ["none", "outsourcing", "insourcing", "shared_service"] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const proposals = sqliteTable(
  "proposals",
  {
    id: id(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    leadOfficer: text("lead_officer").notNull(),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    state: text("state", { enum: PROPOSAL_STATES }).notNull().default("draft"),
    /** bumped on every save; a save carrying an older revision is refused (two people editing) */
    revision: integer("revision").notNull().default(1),

    // 1. summary
    summary: text("summary"),
    /** easy read: short sentences and everyday words; the gate asks for it where settings say (issue 14) */
    easyReadSummary: text("easy_read_summary"),
    // 2. full details
    whatChanges: text("what_changes"),
    whyChange: text("why_change"),
    currentService: text("current_service"),
    proposedService: text("proposed_service"),
    timeline: text("timeline"),
    alreadyDecided: text("already_decided"),
    openToChange: text("open_to_change"),
    // 3. quantified impact (null = not answered yet; 0 is an answer)
    postsAffected: integer("posts_affected"),
    fteAffected: real("fte_affected"),
    serviceWorkforcePosts: integer("service_workforce_posts"),
    serviceUsersPerYear: integer("service_users_per_year"),
    activityDescription: text("activity_description"),
    activityPerYear: integer("activity_per_year"),
    budgetChangeGbp: integer("budget_change_gbp"),
    // 7. equality impact assessment: the three aims of the duty and the conclusion
    aimEliminateDiscrimination: text("aim_eliminate_discrimination"),
    aimAdvanceEquality: text("aim_advance_equality"),
    aimFosterRelations: text("aim_foster_relations"),
    equalityConclusion: text("equality_conclusion"),
    // 9. consultation plan (ISO dates, Europe/London calendar days)
    opensOn: text("opens_on"),
    closesOn: text("closes_on"),
    shortPeriodReason: text("short_period_reason"),
    /** the approved length in days: if opening slips, closing moves to keep it (period.ts) */
    periodDays: integer("period_days"),
    /** the dates as planned, kept when the consultation opened later than planned */
    plannedOpensOn: text("planned_opens_on"),
    plannedClosesOn: text("planned_closes_on"),
    /** the published reason for running during a pre-election period */
    preElectionReason: text("pre_election_reason"),
    howToRespond: text("how_to_respond"),
    alternativeFormats: text("alternative_formats"),
    events: text("events"),
    // 10. stakeholders: the explicit answer that no staff are affected
    noStaffAffected: integer("no_staff_affected", { mode: "boolean" }).notNull().default(false),
    /** moderation: hold new comments for review before they appear */
    premoderateComments: integer("premoderate_comments", { mode: "boolean" }).notNull().default(false),
    // s.188 TULRCA disclosure, required when 20 or more redundancies are proposed at one
    // establishment within 90 days (this proposal's and others', employment.ts)
    redundancyReasons: text("redundancy_reasons"),
    staffDescriptions: text("staff_descriptions"),
    selectionMethod: text("selection_method"),
    dismissalMethodAndTiming: text("dismissal_method_and_timing"),
    /** s.188(4)(c): the total employed at the establishment in each description */
    employedInDescriptions: text("employed_in_descriptions"),
    /** s.188(4)(f): how redundancy payments beyond the statutory minimum would be calculated */
    redundancyPayMethod: text("redundancy_pay_method"),
    /** s.188(4)(g)-(i) and TUPE reg 13(2A): agency workers, where they work and what they do */
    agencyWorkerCount: integer("agency_worker_count"),
    agencyWorkerParts: text("agency_worker_parts"),
    agencyWorkerWork: text("agency_worker_work"),
    /** key of an establishment in settings: where the staff at risk are employed */
    establishment: text("establishment"),
    /** of the posts affected, how many are proposed for redundancy (null = not answered) */
    redundancyPosts: integer("redundancy_posts"),
    /** the proposed date the first dismissal would take effect */
    firstDismissalOn: text("first_dismissal_on"),
    // TUPE 2006 reg 13: a proposal that moves staff to or from another employer
    transferKind: text("transfer_kind", { enum: TRANSFER_KINDS }),
    transferOn: text("transfer_on"),
    /** reg 13(2)(a): the fact of the transfer and the reasons for it */
    transferReasons: text("transfer_reasons"),
    /** reg 13(2)(b): the legal, economic and social implications for affected employees */
    transferImplications: text("transfer_implications"),
    /** reg 13(2)(c): the measures the council envisages, or that there are none */
    transferMeasures: text("transfer_measures"),
    /** reg 13(2)(d): the measures the other employer envisages, or that there are none */
    transfereeMeasures: text("transferee_measures"),

    // lifecycle facts
    submittedAt: text("submitted_at"),
    approvedAt: text("approved_at"),
    approvedById: integer("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    returnedReason: text("returned_reason"),
    noticeSentAt: text("notice_sent_at"),
    openedAt: text("opened_at"),
    closedAt: text("closed_at"),
    withdrawnAt: text("withdrawn_at"),
    withdrawnReason: text("withdrawn_reason"),
    /** when the outcome report ("you said, we did") was published */
    outcomePublishedAt: text("outcome_published_at"),
    /** when the decision was recorded (the decision's own date is in `decisions`) */
    decidedAt: text("decided_at"),
    /** when the retention job removed respondents' identifiers (a set time after the decision) */
    personalDataRemovedAt: text("personal_data_removed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("proposals_slug_unique").on(t.slug),
    index("proposals_state_idx").on(t.state, t.closesOn),
    index("proposals_service_idx").on(t.serviceId),
    index("proposals_created_by_idx").on(t.createdById),
  ],
);

/** Options considered, including the one proposed; rejected ones must say why (Moseley v Haringey). */
export const proposalOptions = sqliteTable(
  "proposal_options",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    title: text("title").notNull(),
    description: text("description").notNull(),
    isProposed: integer("is_proposed", { mode: "boolean" }).notNull().default(false),
    rejectedBecause: text("rejected_because"),
  },
  (t) => [index("proposal_options_proposal_idx").on(t.proposalId)],
);

export const risks = sqliteTable(
  "risks",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    description: text("description").notNull(),
    whoBears: text("who_bears").notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    /** the published reason for accepting a risk that has no mitigation */
    acceptanceReason: text("acceptance_reason"),
  },
  (t) => [index("risks_proposal_idx").on(t.proposalId)],
);

export const DEPENDENCY_KINDS = ["service", "team", "partner", "contract"] as const;
export const dependencies = sqliteTable(
  "dependencies",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    kind: text("kind", { enum: DEPENDENCY_KINDS }).notNull(),
    effect: text("effect").notNull(),
    consulted: integer("consulted", { mode: "boolean" }),
    consultationNote: text("consultation_note"),
  },
  (t) => [index("dependencies_proposal_idx").on(t.proposalId)],
);

export const mitigations = sqliteTable(
  "mitigations",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    dueOn: text("due_on"),
  },
  (t) => [index("mitigations_proposal_idx").on(t.proposalId)],
);

export const EQUALITY_RATINGS = ["positive", "negative", "neutral", "unknown"] as const;
export type EqualityRating = (typeof EQUALITY_RATINGS)[number];

export const equalityRows = sqliteTable(
  "equality_rows",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    /** key of a characteristic in settings (statutory nine plus local ones) */
    characteristic: text("characteristic").notNull(),
    rating: text("rating", { enum: EQUALITY_RATINGS }),
    evidence: text("evidence"),
    /** for a negative rating with no mitigation: why the impact is justified */
    justification: text("justification"),
    /** for an unknown rating: how the evidence will be gathered */
    evidenceAction: text("evidence_action"),
  },
  (t) => [
    index("equality_rows_proposal_idx").on(t.proposalId),
    uniqueIndex("equality_rows_proposal_characteristic_unique").on(t.proposalId, t.characteristic),
  ],
);

export const mitigationRisks = sqliteTable(
  "mitigation_risks",
  {
    mitigationId: integer("mitigation_id")
      .notNull()
      .references(() => mitigations.id, { onDelete: "cascade" }),
    riskId: integer("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.mitigationId, t.riskId] }), index("mitigation_risks_risk_idx").on(t.riskId)],
);

export const mitigationEqualityRows = sqliteTable(
  "mitigation_equality_rows",
  {
    mitigationId: integer("mitigation_id")
      .notNull()
      .references(() => mitigations.id, { onDelete: "cascade" }),
    equalityRowId: integer("equality_row_id")
      .notNull()
      .references(() => equalityRows.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.mitigationId, t.equalityRowId] }),
    index("mitigation_equality_rows_row_idx").on(t.equalityRowId),
  ],
);

export const DOCUMENT_KINDS = ["business_case", "equality_assessment", "other"] as const;
export const documents = sqliteTable(
  "documents",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    title: text("title").notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** name of the file in the upload store, never served statically */
    storageKey: text("storage_key").notNull(),
    /** published whole, or published with the withheld parts listed below removed, or withheld whole */
    disclosure: text("disclosure", { enum: ["published", "part_withheld", "withheld"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("documents_proposal_idx").on(t.proposalId)],
);

export const withheldParts = sqliteTable(
  "withheld_parts",
  {
    id: id(),
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    /** what is withheld, in words the public can understand ("Appendix C: supplier pricing") */
    part: text("part").notNull(),
    /** key of a ground from settings (e.g. FOIA s.43 commercial interests) */
    ground: text("ground").notNull(),
    publicInterestNote: text("public_interest_note").notNull(),
    reviewOn: text("review_on").notNull(),
  },
  (t) => [index("withheld_parts_document_idx").on(t.documentId)],
);

export const proposalStaffGroups = sqliteTable(
  "proposal_staff_groups",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    staffGroupId: integer("staff_group_id")
      .notNull()
      .references(() => staffGroups.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.staffGroupId] })],
);

export const proposalUnions = sqliteTable(
  "proposal_unions",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unionId: integer("union_id")
      .notNull()
      .references(() => unions.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.unionId] }), index("proposal_unions_union_idx").on(t.unionId)],
);

export const consultationQuestions = sqliteTable(
  "consultation_questions",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    question: text("question").notNull(),
    /** about the respondent's own circumstances (their child, their health): answers are never published */
    personal: integer("personal", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("consultation_questions_proposal_idx").on(t.proposalId)],
);

/**
 * A translation of a proposal's summary, and of any of its questions, into a language the
 * council offers (app/proposals/translation.ts). Part of the proposal: saved through the same
 * revision check, audit entry and, once open, public version as any other change.
 */
export const proposalTranslations = sqliteTable(
  "proposal_translations",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    /** BCP 47 code from TRANSLATION_LANGUAGES ("bn") */
    language: text("language").notNull(),
    /** Markdown, rendered and sanitised like every other text */
    summary: text("summary").notNull(),
    /** who translated it, as published ("Rumana Akhtar, Translation and Interpreting Service") */
    translatorName: text("translator_name").notNull(),
    /** the council calendar date it was translated */
    translatedOn: text("translated_on").notNull(),
    /** the member of staff who entered it */
    enteredById: integer("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("proposal_translations_language_unique").on(t.proposalId, t.language)],
);

/** A question's translation; a question may be left untranslated (it shows in English). */
export const proposalTranslationQuestions = sqliteTable(
  "proposal_translation_questions",
  {
    translationId: integer("translation_id")
      .notNull()
      .references(() => proposalTranslations.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.translationId, t.questionId] }), index("proposal_translation_questions_question_idx").on(t.questionId)],
);

/** A snapshot per submission, approval and public edit; the history page diffs them. */
export const proposalVersions = sqliteTable(
  "proposal_versions",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
      /** outcome: the equality assessment revisited when the outcome report was published */
    reason: text("reason", { enum: ["submitted", "approved", "public_edit", "outcome"] }).notNull(),
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    changeNote: text("change_note"),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("proposal_versions_number_unique").on(t.proposalId, t.number)],
);

// ─── Audit and settings ────────────────────────────────────────────────────────
/** Append-only; each entry carries the hash of the one before, so an edit shows as a break. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: text("at").notNull(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    detail: text("detail", { mode: "json" }),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

/** The worker's daily check of the audit chain; the admin page shows the latest. */
export const auditChecks = sqliteTable("audit_checks", {
  id: id(),
  at: text("at").notNull(),
  ok: integer("ok", { mode: "boolean" }).notNull(),
  entries: integer("entries").notNull(),
  /** the first entry that does not verify, when not ok */
  firstBadId: integer("first_bad_id"),
  headId: integer("head_id"),
  headHash: text("head_hash"),
  message: text("message").notNull(),
});

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
});

// ─── Notifications (outbox, union notice, staff and residents) ─────────────────
/** Every email is written here in the same transaction as the change that causes it; a worker
 * delivers it. One row per event and recipient: `idempotencyKey` is unique. */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    idempotencyKey: text("idempotency_key").notNull(),
    event: text("event").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** extra headers, e.g. List-Unsubscribe */
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    proposalId: integer("proposal_id").references(() => proposals.id, { onDelete: "set null" }),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    /** while `sending`: when the claim lapses, so a worker killed mid-send is retried */
    claimedUntil: text("claimed_until"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [uniqueIndex("outbox_idempotency_unique").on(t.idempotencyKey), index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

/** A rep's personal, expiring sign-in link to a notice. Only the token's hash is stored. */
export const noticeLinks = sqliteTable(
  "notice_links",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    /** a newer link was sent to the same rep for the same proposal */
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notice_links_token_unique").on(t.tokenHash), index("notice_links_proposal_idx").on(t.proposalId)],
);

export const noticeViews = sqliteTable(
  "notice_views",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
  },
  (t) => [index("notice_views_proposal_idx").on(t.proposalId, t.userId)],
);

export const noticeAcknowledgements = sqliteTable(
  "notice_acknowledgements",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    unionId: integer("union_id")
      .notNull()
      .references(() => unions.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

/** Confidential feedback from a union and the officers' answers, one thread per proposal and union.
 * Never public, never in any export. */
export const noticeFeedback = sqliteTable(
  "notice_feedback",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    unionId: integer("union_id")
      .notNull()
      .references(() => unions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** an officer's answer to the feedback item it replies to */
    inReplyToId: integer("in_reply_to_id"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("notice_feedback_proposal_idx").on(t.proposalId, t.unionId)],
);

/** Individual addresses in a staff group, where the group has no distribution list. */
export const staffGroupMembers = sqliteTable(
  "staff_group_members",
  {
    staffGroupId: integer("staff_group_id")
      .notNull()
      .references(() => staffGroups.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffGroupId, t.email] })],
);

/** The public record of who was told: counts and dates, never names. */
export const staffNotifications = sqliteTable(
  "staff_notifications",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    staffGroupId: integer("staff_group_id")
      .notNull()
      .references(() => staffGroups.id, { onDelete: "restrict" }),
    headCount: integer("head_count").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.staffGroupId] })],
);

export const SUBSCRIPTION_SCOPES = ["new_consultations", "consultation"] as const;
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: id(),
    email: text("email").notNull(),
    scope: text("scope", { enum: SUBSCRIPTION_SCOPES }).notNull(),
    proposalId: integer("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
    confirmTokenHash: text("confirm_token_hash"),
    /** random, unguessable; the one-click unsubscribe link carries it */
    unsubscribeToken: text("unsubscribe_token").notNull(),
    confirmedAt: text("confirmed_at"),
    unsubscribedAt: text("unsubscribed_at"),
    /** the interface language the resident subscribed in: their emails are written in it (issue 14) */
    language: text("language").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("subscriptions_unsubscribe_unique").on(t.unsubscribeToken),
    index("subscriptions_email_idx").on(t.email),
    index("subscriptions_scope_idx").on(t.scope, t.proposalId),
  ],
);

// ─── Responses ─────────────────────────────────────────────────────────────────
export const RESPONDING_AS = ["individual", "organisation", "councillor"] as const;
/** A resident who has verified their email. No password: they sign in by an emailed link. */
export const respondents = sqliteTable(
  "respondents",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name"),
    /** how their name appears: their name, or "Resident" */
    showName: integer("show_name", { mode: "boolean" }).notNull().default(false),
    respondingAs: text("responding_as", { enum: RESPONDING_AS }),
    organisationName: text("organisation_name"),
    privacyAcceptedAt: text("privacy_accepted_at"),
    verifiedAt: text("verified_at"),
    /** the retention job removed the email address (and the name, if it was never shown) */
    anonymisedAt: text("anonymised_at"),
    /** the interface language they last signed in or responded in: later emails are written in it (issue 14) */
    language: text("language").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("respondents_email_unique").on(t.email)],
);

export const respondentLinks = sqliteTable(
  "respondent_links",
  {
    id: id(),
    respondentId: integer("respondent_id")
      .notNull()
      .references(() => respondents.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    redirectTo: text("redirect_to"),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("respondent_links_token_unique").on(t.tokenHash)],
);

export const respondentSessions = sqliteTable(
  "respondent_sessions",
  {
    id: id(),
    tokenHash: text("token_hash").notNull(),
    respondentId: integer("respondent_id")
      .notNull()
      .references(() => respondents.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("respondent_sessions_token_unique").on(t.tokenHash)],
);

export const RESPONSE_CHANNELS = ["online", "paper", "phone", "event", "email"] as const;
export const STANCES = ["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree", "dont_know"] as const;

/** One set of answers per respondent per consultation (or one per offline response). */
export const responses = sqliteTable(
  "responses",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    respondentId: integer("respondent_id").references(() => respondents.id, { onDelete: "set null" }),
    channel: text("channel", { enum: RESPONSE_CHANNELS }).notNull().default("online"),
    /** for offline responses: who entered it and any scan */
    enteredById: integer("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    respondentLabel: text("respondent_label"),
    scanStorageKey: text("scan_storage_key"),
    /** whether the respondent has answered the equality monitoring questions: yes or no, never
     * when or what (the answers are counts in monitoring_tallies, which cannot be joined back) */
    monitoringAnswered: integer("monitoring_answered", { mode: "boolean" }).notNull().default(false),
    /** who the response is from, as the respondent described themselves when they answered */
    respondingAs: text("responding_as", { enum: RESPONDING_AS }),
    /** the respondent agreed that their answers may be published after closing, under the name they chose */
    publishAnswers: integer("publish_answers", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("responses_proposal_idx").on(t.proposalId, t.channel),
    index("responses_proposal_id_idx").on(t.proposalId, t.id),
    index("responses_published_idx").on(t.proposalId, t.publishAnswers, t.id),
    uniqueIndex("responses_online_unique").on(t.proposalId, t.respondentId).where(sql`channel = 'online'`),
  ],
);

export const responseAnswers = sqliteTable(
  "response_answers",
  {
    responseId: integer("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => consultationQuestions.id, { onDelete: "cascade" }),
    stance: text("stance", { enum: STANCES }),
    text: text("text"),
  },
  // The second index serves the staff reading page: one question's answers in response order.
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index("response_answers_question_idx").on(t.questionId, t.responseId)],
);

export const COMMENT_TARGETS = ["proposal", "risk", "dependency", "mitigation", "equality_row"] as const;
export const COMMENT_STATUSES = ["visible", "pending", "hidden", "deleted"] as const;
export const comments = sqliteTable(
  "comments",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: COMMENT_TARGETS }).notNull().default("proposal"),
    targetId: integer("target_id"),
    parentId: integer("parent_id"),
    depth: integer("depth").notNull().default(0),
    respondentId: integer("respondent_id").references(() => respondents.id, { onDelete: "set null" }),
    /** an official answer from the council */
    officerId: integer("officer_id").references(() => users.id, { onDelete: "set null" }),
    bodyMarkdown: text("body_markdown").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** hash of the normalised text, to refuse the same text posted twice by one respondent */
    bodyHash: text("body_hash").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("visible"),
    createdAt: createdAt(),
    editedAt: text("edited_at"),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    index("comments_thread_idx").on(t.proposalId, t.targetType, t.targetId, t.status, t.id),
    // a consultation's published comments in order, a batch at a time (exports, the API, feeds)
    index("comments_publishable_idx").on(t.proposalId, t.status, t.id),
    index("comments_parent_idx").on(t.parentId),
    index("comments_respondent_idx").on(t.respondentId, t.bodyHash),
  ],
);

export const commentReports = sqliteTable(
  "comment_reports",
  {
    id: id(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    respondentId: integer("respondent_id").references(() => respondents.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("comment_reports_comment_idx").on(t.commentId), index("comment_reports_open_idx").on(t.resolvedAt)],
);

/** The public moderation log: what was hidden, when and under which house rule; never the text. */
export const moderationActions = sqliteTable(
  "moderation_actions",
  {
    id: id(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    action: text("action", { enum: ["hide", "restore", "approve"] }).notNull(),
    rule: text("rule"),
    note: text("note"),
    moderatorId: integer("moderator_id").references(() => users.id, { onDelete: "set null" }),
    at: text("at").notNull(),
  },
  (t) => [index("moderation_actions_at_idx").on(t.at)],
);

// ─── Challenges to the facts ───────────────────────────────────────────────────
/**
 * A public challenge to one published claim: a figure, a risk, a dependency, a mitigation, an
 * equality row or a statement. The council answers in public within a set number of working
 * days, by correcting it (a public version) or by explaining why it stands.
 *
 * Who wrote it is stored only as far as they chose to be known (docs/decisions, challenges):
 * a resident's respondent id, a union rep's user id, and for a member of staff nothing at all,
 * not even which link or address they came from, so no query can say which member of staff.
 */
export const CHALLENGE_TARGETS = ["figure", "risk", "dependency", "mitigation", "equality_row", "statement"] as const;
export const CHALLENGE_AUTHORS = ["resident", "union_rep", "staff"] as const;
export const CHALLENGE_STATUSES = ["visible", "pending", "hidden"] as const;
export const challenges = sqliteTable(
  "challenges",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: CHALLENGE_TARGETS }).notNull(),
    /** the figure's field name, the row's id, or the section key of a statement */
    targetRef: text("target_ref").notNull(),
    /** the claim as it was published when challenged, in words */
    claim: text("claim").notNull(),
    reason: text("reason").notNull(),
    evidence: text("evidence").notNull(),
    authorKind: text("author_kind", { enum: CHALLENGE_AUTHORS }).notNull(),
    respondentId: integer("respondent_id").references(() => respondents.id, { onDelete: "set null" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** the name shown, only if the author chose to give it */
    displayName: text("display_name"),
    /** for a union rep: the union they wrote for */
    unionName: text("union_name"),
    status: text("status", { enum: CHALLENGE_STATUSES }).notNull().default("visible"),
    createdAt: createdAt(),
    /** the last day the council may answer: creation plus the working days in settings */
    dueOn: text("due_on").notNull(),
    answerKind: text("answer_kind", { enum: ["corrected", "stands"] }),
    answer: text("answer"),
    answeredAt: text("answered_at"),
    answeredById: integer("answered_by_id").references(() => users.id, { onDelete: "set null" }),
    /** for a correction: the public version that made it */
    versionId: integer("version_id").references(() => proposalVersions.id, { onDelete: "set null" }),
    moderationRule: text("moderation_rule"),
    moderatedAt: text("moderated_at"),
  },
  (t) => [index("challenges_proposal_idx").on(t.proposalId, t.status, t.answeredAt)],
);

/**
 * The key in the link staff of the affected service are emailed at opening: the same for every
 * one of them, so using it says "a member of staff" and nothing more. Only its hash is kept.
 */
export const staffChallengeKeys = sqliteTable("staff_challenge_keys", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull(),
  createdAt: createdAt(),
});

// ─── Reaching everyone affected (issue 14) ─────────────────────────────────────
export const PLACE_KINDS = ["library", "idea_store", "community_centre", "other"] as const;

/** Paper packs an officer sent to a place where people can pick one up (a library, an Idea Store). */
export const paperPackDeliveries = sqliteTable(
  "paper_pack_deliveries",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    /** the place's key in settings (paperPacks.places); name, kind and address as they were then */
    placeKey: text("place_key").notNull(),
    placeName: text("place_name").notNull(),
    placeKind: text("place_kind", { enum: PLACE_KINDS }).notNull(),
    placeAddress: text("place_address").notNull(),
    copies: integer("copies").notNull(),
    deliveredOn: text("delivered_on").notNull(),
    recordedById: integer("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("paper_pack_deliveries_proposal_idx").on(t.proposalId)],
);

export const FORMAT_KINDS = ["large_print", "audio", "braille", "easy_read", "bsl_video", "translation"] as const;
export const FORMAT_REQUEST_STATUSES = ["received", "in_progress", "sent", "cancelled"] as const;
export const FORMAT_REQUEST_CHANNELS = ["online", "phone", "email", "in_person", "post"] as const;

/**
 * A request for a consultation in another format. The name and contact details are personal
 * data: removed a set time after the format was sent (or the request closed) and the
 * consultation closed (app/reach/retention.server.ts), leaving the format, dates and status.
 */
export const formatRequests = sqliteTable(
  "format_requests",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    /** what the requester quotes if they call about it; random, never the row id */
    reference: text("reference").notNull(),
    format: text("format", { enum: FORMAT_KINDS }).notNull(),
    /** for a translation: which language */
    language: text("language"),
    channel: text("channel", { enum: FORMAT_REQUEST_CHANNELS }).notNull(),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    postalAddress: text("postal_address"),
    /** what the requester added ("18 point, the summary and the questions") */
    details: text("details"),
    status: text("status", { enum: FORMAT_REQUEST_STATUSES }).notNull().default("received"),
    /** council calendar date the format is due, in working days from the request */
    dueOn: text("due_on").notNull(),
    sentOn: text("sent_on"),
    /** staff only */
    officerNote: text("officer_note"),
    enteredById: integer("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    contactRemovedAt: text("contact_removed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("format_requests_reference_unique").on(t.reference),
    index("format_requests_proposal_idx").on(t.proposalId),
    index("format_requests_queue_idx").on(t.status, t.dueOn),
  ],
);

/**
 * Equality monitoring, as counts only: one row per consultation, question and answer, and how
 * many forms came in. Nothing is kept per person (no respondent, response, time or order), so
 * answers cannot be joined back to anyone (docs/decisions/020-reaching-everyone-affected.md). What staff and
 * the public see is the copy taken each time `smallNumber` more forms have come in.
 */
export const monitoringForms = sqliteTable("monitoring_forms", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  forms: integer("forms").notNull().default(0),
  /** the forms counted in `released` */
  releasedForms: integer("released_forms").notNull().default(0),
  /** question → answer → count, as of releasedForms */
  released: text("released", { mode: "json" }).$type<Record<string, Record<string, number>>>().notNull(),
});

export const monitoringTallies = sqliteTable(
  "monitoring_tallies",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.question, t.answer] })],
);

// ─── After closing: themes, the outcome report, the decision ───────────────────
/** A theme officers code answers and comments into; the outcome report answers each one. */
export const themes = sqliteTable(
  "themes",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** the name lower-cased with spacing collapsed: two themes of one consultation never share it */
    nameKey: text("name_key").notNull(),
    /** the council's response to what people said ("we did") */
    councilResponse: text("council_response"),
    /** null until answered; true: the proposal changed because of this theme */
    changed: integer("changed", { mode: "boolean" }),
    changeDescription: text("change_description"),
    /** the public version that made the change (its word diff is on the history page) */
    versionId: integer("version_id").references(() => proposalVersions.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("themes_name_unique").on(t.proposalId, t.nameKey)],
);

export const CODED_KINDS = ["answer", "comment"] as const;
/**
 * One answer or comment coded into one theme. `respondentKey` says whose it is ("r:12" for a
 * resident, "o:40" for an offline response), so a theme counts each respondent once however
 * many of their answers and comments it holds.
 */
export const themeCodes = sqliteTable(
  "theme_codes",
  {
    themeId: integer("theme_id")
      .notNull()
      .references(() => themes.id, { onDelete: "cascade" }),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    /** "answer:<responseId>:<questionId>" or "comment:<commentId>" */
    itemKey: text("item_key").notNull(),
    kind: text("kind", { enum: CODED_KINDS }).notNull(),
    responseId: integer("response_id").references(() => responses.id, { onDelete: "cascade" }),
    questionId: integer("question_id").references(() => consultationQuestions.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    respondentKey: text("respondent_key").notNull(),
    codedById: integer("coded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.themeId, t.itemKey] }),
    index("theme_codes_item_idx").on(t.proposalId, t.itemKey),
    index("theme_codes_respondent_idx").on(t.themeId, t.respondentKey),
  ],
);

export const OUTCOME_STATUSES = ["draft", "submitted", "published"] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];
/** The outcome report ("you said, we did"), one per consultation. Its themes are in `themes`. */
export const outcomes = sqliteTable("outcomes", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  status: text("status", { enum: OUTCOME_STATUSES }).notNull().default("draft"),
  /** who responded and how, in words, beside the counts the page computes */
  responseSummary: text("response_summary"),
  /** what the council learnt about the equality impact */
  equalitySummary: text("equality_summary"),
  whatHappensNext: text("what_happens_next"),
  draftedById: integer("drafted_by_id").references(() => users.id, { onDelete: "set null" }),
  submittedAt: text("submitted_at"),
  submittedById: integer("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
  returnedReason: text("returned_reason"),
  approvedById: integer("approved_by_id").references(() => users.id, { onDelete: "set null" }),
  publishedAt: text("published_at"),
  /** bumped on every save, like a proposal's: two officers drafting, the later save is refused */
  revision: integer("revision").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An equality row re-rated in the light of the responses: before (as consulted on) and after. */
export const outcomeEqualityRows = sqliteTable(
  "outcome_equality_rows",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    characteristic: text("characteristic").notNull(),
    beforeRating: text("before_rating", { enum: EQUALITY_RATINGS }),
    beforeEvidence: text("before_evidence"),
    rating: text("rating", { enum: EQUALITY_RATINGS }).notNull(),
    evidence: text("evidence").notNull(),
    justification: text("justification"),
    evidenceAction: text("evidence_action"),
    revisedById: integer("revised_by_id").references(() => users.id, { onDelete: "set null" }),
    revisedAt: text("revised_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.characteristic] })],
);

/** A decision maker's confirmation that they read the outcome report and the responses. */
export const outcomeReadings = sqliteTable(
  "outcome_readings",
  {
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    confirmedAt: text("confirmed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

export const DECISION_KINDS = ["approved", "approved_with_changes", "not_approved", "deferred"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const decisions = sqliteTable("decisions", {
  proposalId: integer("proposal_id")
    .primaryKey()
    .references(() => proposals.id, { onDelete: "cascade" }),
  decision: text("decision", { enum: DECISION_KINDS }).notNull(),
  /** the day it was decided (the meeting, or the delegated decision) */
  decidedOn: text("decided_on").notNull(),
  /** the meeting and minute, or the delegated decision's reference */
  reference: text("reference").notNull(),
  noticeUrl: text("notice_url").notNull(),
  /** what was decided, in a sentence or two (published) */
  summary: text("summary"),
  decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
  /** when the decision maker confirmed reading the outcome report (copied from outcome_readings) */
  readingConfirmedAt: text("reading_confirmed_at").notNull(),
  recordedAt: text("recorded_at").notNull(),
});
