/**
 * The demo council as editable files in content/: schemas, a loader that names the file and the
 * field when something is wrong, and a pure conversion from one consultation file to the
 * `Proposal` shape the rules take (so the publication gate can be tested on the demo files
 * without a database). db/seed.server.ts writes the same shape into the tables.
 *
 * Dates in consultation files are whole days relative to the seed date (`opensInDays: -21`),
 * so the demo always looks current; calendar dates count from the Wednesday on or before it
 * (see planAnchor), so that whole weeks land on a weekday.
 */
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { DECISION_KINDS, DEPENDENCY_KINDS, DOCUMENT_KINDS, EQUALITY_RATINGS, PROPOSAL_STATES, ROLES, TRANSFER_KINDS } from "./schema";
import { DEFAULT_TIME_ZONE, addDays, councilDate, weekday } from "~/lib/council-time";
import { equalityCharacteristics, mergeSettings, type Settings } from "~/lib/settings";
import { now as clockNow } from "~/lib/clock";
import { translationLanguage } from "~/proposals/translation";
import type { Proposal } from "~/proposals/types";

// ─── Schemas ───────────────────────────────────────────────────────────────────
/** Any text; Markdown paragraphs wrapped in the YAML are unwrapped (see unwrapMarkdown). */
const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .transform((s) => unwrapMarkdown(s));
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower case words joined by hyphens");
const days = z.number().int("must be a whole number of days");
const email = z.email("must be an email address");

/** council.yaml: top-level keys of the settings, each overriding the default of the same name. */
export const councilFileSchema = z.record(z.string(), z.unknown());

export const organisationFileSchema = z
  .object({
    services: z
      .array(
        z
          .object({
            slug,
            name: text,
            workforcePosts: z.number().int().positive(),
            staffGroups: z
              .array(
                z
                  .object({
                    key: slug,
                    name: text,
                    headCount: z.number().int().min(0),
                    distributionEmail: email.optional(),
                  })
                  .strict(),
              )
              .default([]),
          })
          .strict(),
      )
      .min(1),
    unions: z.array(z.object({ shortName: text, name: text }).strict()).min(1),
  })
  .strict();

export const demoAccountsFileSchema = z
  .object({
    accounts: z
      .array(
        z
          .object({
            name: text,
            email,
            roles: z.array(z.enum(ROLES)).min(1),
            service: slug.optional(),
            union: text.optional(),
            password: z.string().min(12, "demo passwords must be at least 12 characters"),
            note: text.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const optionSchema = z
  .object({
    title: text,
    description: text,
    proposed: z.boolean().default(false),
    rejectedBecause: text.optional(),
  })
  .strict();

const riskSchema = z
  .object({
    /** local key so mitigations can name the risks they address */
    ref: slug,
    description: text,
    whoBears: text,
    likelihood: z.number().int().min(1).max(5),
    impact: z.number().int().min(1).max(5),
    acceptanceReason: text.optional(),
  })
  .strict();

const dependencySchema = z
  .object({
    name: text,
    kind: z.enum(DEPENDENCY_KINDS),
    effect: text,
    consulted: z.boolean().nullable().default(null),
    consultationNote: text.optional(),
  })
  .strict();

const mitigationSchema = z
  .object({
    action: text,
    owner: text,
    dueInDays: days.optional(),
    /** refs of the risks this addresses */
    risks: z.array(slug).default([]),
    /** characteristic keys of the equality rows this addresses */
    equality: z.array(z.string()).default([]),
  })
  .strict();

const equalityRowSchema = z
  .object({
    characteristic: text,
    rating: z.enum(EQUALITY_RATINGS).nullable().default(null),
    evidence: text.optional(),
    justification: text.optional(),
    evidenceAction: text.optional(),
  })
  .strict();

const documentSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: text,
    filename: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$/, "must be a simple file name ending .pdf"),
    disclosure: z.enum(["published", "part_withheld", "withheld"]),
    /** text of the generated PDF (plain paragraphs); the summary is used when absent */
    body: text.optional(),
    withheld: z
      .array(
        z
          .object({
            part: text,
            ground: text,
            publicInterestNote: text,
            reviewInDays: days,
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const lifecycleSchema = z
  .object({
    submittedInDays: days.optional(),
    approvedInDays: days.optional(),
    noticeSentInDays: days.optional(),
    withdrawnInDays: days.optional(),
    withdrawnReason: text.optional(),
    returnedReason: text.optional(),
  })
  .strict();

// ─── After opening: changes, responses, the outcome, the decision ─────────────
/** A change published while the consultation was open: a public version with its note. */
const publicEditSchema = z
  .object({
    inDays: days,
    changeNote: text,
    /** text fields of the proposal as they read after the change (the file's own fields are as first published) */
    set: z
      .object({
        summary: text.optional(),
        whatChanges: text.optional(),
        whyChange: text.optional(),
        currentService: text.optional(),
        proposedService: text.optional(),
        timeline: text.optional(),
        openToChange: text.optional(),
        howToRespond: text.optional(),
        events: text.optional(),
      })
      .strict(),
  })
  .strict();

const themeKey = slug;

const demoAnswerSchema = z
  .object({
    stance: z.enum(["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree", "dont_know"]).optional(),
    text: text.optional(),
    /** theme keys (outcome.themes) this answer is coded into */
    themes: z.array(themeKey).default([]),
  })
  .strict();

/** A demo response: a resident online, or one an officer entered from paper, phone, email or an event. */
const demoResponseSchema = z
  .object({
    channel: z.enum(["online", "paper", "phone", "event", "email"]).default("online"),
    /** online: the resident's name (shown only if showName) */
    name: text.optional(),
    showName: z.boolean().default(false),
    respondingAs: z.enum(["individual", "organisation", "councillor"]).default("individual"),
    organisationName: text.optional(),
    /** offline: the officer's note of who it was from (never published) */
    label: text.optional(),
    /** agreed that their answers may be published */
    publish: z.boolean().default(false),
    /** asked to be emailed the outcome and the decision */
    updates: z.boolean().default(false),
    inDays: days,
    /** one per question, in order; null skips a question */
    answers: z.array(demoAnswerSchema.nullable()).default([]),
  })
  .strict();

const outcomeThemeSchema = z
  .object({
    key: themeKey,
    name: text,
    response: text,
    changed: z.boolean().default(false),
    change: text.optional(),
    /** 1-based position in publicEdits of the version that made the change */
    publicEdit: z.number().int().positive().optional(),
  })
  .strict();

const outcomeFileSchema = z
  .object({
    publishedInDays: days,
    draftedBy: email,
    approvedBy: email,
    responseSummary: text,
    equalitySummary: text,
    whatHappensNext: text,
    themes: z.array(outcomeThemeSchema).min(1),
    equality: z.array(equalityRowSchema.extend({ rating: z.enum(EQUALITY_RATINGS), evidence: text })).default([]),
  })
  .strict();

const decisionFileSchema = z
  .object({
    decidedInDays: days,
    decidedBy: email,
    decision: z.enum(DECISION_KINDS),
    reference: text,
    noticeUrl: z.url({ protocol: /^https?$/ }),
    summary: text.optional(),
  })
  .strict();

export const consultationFileSchema = z
  .object({
    slug,
    title: text,
    service: slug,
    state: z.enum(PROPOSAL_STATES),
    leadOfficer: text,
    /** email of the demo account that drafted it */
    createdBy: email,
    /** email of the demo account that approved it (never the drafter) */
    approvedBy: email.optional(),
    summary: text.optional(),
    /** short sentences, everyday words: shown on its own page (the gate asks for it where settings say) */
    easyReadSummary: text.optional(),
    details: z
      .object({
        whatChanges: text.optional(),
        whyChange: text.optional(),
        currentService: text.optional(),
        proposedService: text.optional(),
        timeline: text.optional(),
        alreadyDecided: text.optional(),
        openToChange: text.optional(),
      })
      .strict()
      .default({}),
    impact: z
      .object({
        postsAffected: z.number().int().min(0).optional(),
        fteAffected: z.number().min(0).optional(),
        serviceUsersPerYear: z.number().int().min(0).optional(),
        activityDescription: text.optional(),
        activityPerYear: z.number().int().min(0).optional(),
        /** negative is a saving */
        budgetChangeGbp: z.number().int().optional(),
      })
      .strict()
      .default({}),
    options: z.array(optionSchema).default([]),
    risks: z.array(riskSchema).default([]),
    dependencies: z.array(dependencySchema).default([]),
    mitigations: z.array(mitigationSchema).default([]),
    equality: z
      .object({
        aimEliminateDiscrimination: text.optional(),
        aimAdvanceEquality: text.optional(),
        aimFosterRelations: text.optional(),
        conclusion: text.optional(),
        rows: z.array(equalityRowSchema).default([]),
      })
      .strict()
      .default({ rows: [] }),
    documents: z.array(documentSchema).default([]),
    plan: z
      .object({
        opensInDays: days.optional(),
        closesInDays: days.optional(),
        shortPeriodReason: text.optional(),
        preElectionReason: text.optional(),
        howToRespond: text.optional(),
        alternativeFormats: text.optional(),
        events: text.optional(),
      })
      .strict()
      .default({}),
    stakeholders: z
      .object({
        noStaffAffected: z.boolean().default(false),
        /** staff group keys from organisation.yaml */
        staffGroups: z.array(slug).default([]),
        /** union short names from organisation.yaml */
        unions: z.array(text).default([]),
        /** of the posts affected, how many are proposed for redundancy */
        redundancyPosts: z.number().int().min(0).optional(),
        /** key of an establishment in the settings (council.yaml) */
        establishment: slug.optional(),
        firstDismissalInDays: days.optional(),
        /** TULRCA s.188(4) disclosure, needed from 20 redundancies at one establishment */
        s188: z
          .object({
            redundancyReasons: text.optional(),
            staffDescriptions: text.optional(),
            employedInDescriptions: text.optional(),
            selectionMethod: text.optional(),
            dismissalMethodAndTiming: text.optional(),
            redundancyPayMethod: text.optional(),
          })
          .strict()
          .optional(),
        /** s.188(4)(g) to (i) and TUPE reg 13(2A) */
        agencyWorkers: z.object({ count: z.number().int().min(0), parts: text.optional(), work: text.optional() }).strict().optional(),
        /** TUPE 2006 reg 13 */
        transfer: z
          .object({
            kind: z.enum(TRANSFER_KINDS),
            inDays: days.optional(),
            reasons: text.optional(),
            implications: text.optional(),
            measures: text.optional(),
            transfereeMeasures: text.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .default({ noStaffAffected: false, staffGroups: [], unions: [] }),
    /** a question as a string, or with `personal: true` when its answers are never published */
    questions: z.array(z.union([text, z.object({ question: text, personal: z.boolean().default(false) }).strict()])).default([]),
    /** the summary and questions translated (app/proposals/translation.ts): questions in the same
     * order as above, null for one left in English */
    translations: z
      .array(
        z
          .object({
            language: z.string().min(2),
            translator: text,
            translatedInDays: days,
            /** the officer who entered it; the drafter when not given */
            enteredBy: email.optional(),
            summary: text,
            questions: z.array(text.nullable()).default([]),
          })
          .strict(),
      )
      .default([]),
    lifecycle: lifecycleSchema.default({}),
    publicEdits: z.array(publicEditSchema).default([]),
    responses: z.array(demoResponseSchema).default([]),
    outcome: outcomeFileSchema.optional(),
    decision: decisionFileSchema.optional(),
  })
  .strict();

export const bankHolidaysFileSchema = z
  .object({ "england-and-wales": z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")).min(1) })
  .strict();

export type OrganisationFile = z.infer<typeof organisationFileSchema>;
export type DemoAccount = z.infer<typeof demoAccountsFileSchema>["accounts"][number];
export type ConsultationFile = z.infer<typeof consultationFileSchema>;

/** What a consultation's references are resolved against. */
export type OrgContent = { organisation: OrganisationFile; accounts: DemoAccount[] };

export type DemoContent = OrgContent & {
  /** council.yaml as written: settings overrides, one row per top-level key */
  council: Record<string, unknown>;
  /** council.yaml as stored for a demo seeded on that day (relative dates resolved) */
  councilAt: (seedDate: Date) => Record<string, unknown>;
  /** the defaults merged with council.yaml, as of today */
  settings: Settings;
  /** the same for a demo seeded on that day */
  settingsAt: (seedDate: Date) => Settings;
  consultations: { file: string; data: ConsultationFile }[];
  bankHolidays: string[];
};

// ─── Loading ───────────────────────────────────────────────────────────────────
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ContentError";
  }
}

function fieldPath(p: readonly PropertyKey[]): string {
  if (p.length === 0) return "(top level)";
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

function readYaml(file: string): unknown {
  const source = fs.readFileSync(file, "utf8");
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length) throw new ContentError(file, doc.errors.map((e) => e.message));
  return doc.toJS();
}

function validate<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ContentError(file, parsed.error.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`));
  return parsed.data;
}

/** The problems with one consultation's references and internal links; empty when sound. */
export function checkConsultation(c: ConsultationFile, org: OrgContent, settings: Settings): string[] {
  const problems: string[] = [];
  const services = org.organisation.services;
  if (!services.some((s) => s.slug === c.service)) problems.push(`service: no service with slug "${c.service}" in organisation.yaml`);
  const groupKeys = new Set(services.flatMap((s) => s.staffGroups.map((g) => g.key)));
  c.stakeholders.staffGroups.forEach((k, i) => {
    if (!groupKeys.has(k)) problems.push(`stakeholders.staffGroups[${i}]: no staff group with key "${k}" in organisation.yaml`);
  });
  c.stakeholders.unions.forEach((u, i) => {
    if (!org.organisation.unions.some((x) => x.shortName === u)) problems.push(`stakeholders.unions[${i}]: no union with shortName "${u}" in organisation.yaml`);
  });
  const creator = org.accounts.find((a) => a.email === c.createdBy);
  if (!creator) problems.push(`createdBy: no demo account with email "${c.createdBy}"`);
  else if (!creator.roles.includes("officer") && !creator.roles.includes("admin")) problems.push(`createdBy: "${c.createdBy}" is not an officer`);
  const approvalNeeded = !["draft", "in_review"].includes(c.state) && !(c.state === "withdrawn" && c.lifecycle.approvedInDays == null);
  if (c.approvedBy) {
    const approver = org.accounts.find((a) => a.email === c.approvedBy);
    if (!approver) problems.push(`approvedBy: no demo account with email "${c.approvedBy}"`);
    else if (!approver.roles.includes("approver")) problems.push(`approvedBy: "${c.approvedBy}" is not an approver`);
    if (c.approvedBy === c.createdBy) problems.push("approvedBy: an approver cannot approve their own proposal");
    if (c.state === "draft" || c.state === "in_review") problems.push(`approvedBy: a proposal in state "${c.state}" has not been approved`);
  } else if (approvalNeeded) problems.push(`approvedBy: a proposal in state "${c.state}" must name the approver`);

  const refs = new Set<string>();
  c.risks.forEach((r, i) => {
    if (refs.has(r.ref)) problems.push(`risks[${i}].ref: "${r.ref}" is used twice`);
    refs.add(r.ref);
  });
  const known = new Set(equalityCharacteristics(settings).map((x) => x.key));
  const rowKeys = new Set<string>();
  c.equality.rows.forEach((r, i) => {
    if (!known.has(r.characteristic)) problems.push(`equality.rows[${i}].characteristic: "${r.characteristic}" is not a characteristic in the settings`);
    if (rowKeys.has(r.characteristic)) problems.push(`equality.rows[${i}].characteristic: "${r.characteristic}" appears twice`);
    rowKeys.add(r.characteristic);
  });
  c.mitigations.forEach((m, i) => {
    m.risks.forEach((ref, j) => {
      if (!refs.has(ref)) problems.push(`mitigations[${i}].risks[${j}]: no risk with ref "${ref}"`);
    });
    m.equality.forEach((key, j) => {
      if (!rowKeys.has(key)) problems.push(`mitigations[${i}].equality[${j}]: no equality row for "${key}"`);
    });
  });
  const establishment = c.stakeholders.establishment;
  if (establishment && !settings.establishments.some((e) => e.key === establishment)) problems.push(`stakeholders.establishment: "${establishment}" is not an establishment in the settings`);
  const grounds = new Set(settings.withholdingGrounds.map((g) => g.key));
  c.documents.forEach((d, i) =>
    d.withheld.forEach((w, j) => {
      if (!grounds.has(w.ground)) problems.push(`documents[${i}].withheld[${j}].ground: "${w.ground}" is not a withholding ground in the settings`);
    }),
  );
  const { opensInDays, closesInDays } = c.plan;
  if (opensInDays != null && closesInDays != null && closesInDays <= opensInDays) problems.push("plan.closesInDays: must be after plan.opensInDays");
  // Plan dates count from the Wednesday on or before the seed (up to 6 days earlier), so an
  // open consultation must close at least a week after that day, and a future one open then.
  const past = (d: number | undefined) => d != null && d <= 0;
  const future = (d: number | undefined, min = 7) => d != null && d >= min;
  if (c.state === "open" && !(past(opensInDays) && future(closesInDays))) problems.push("plan: an open consultation must have opened (opensInDays <= 0) and not yet closed (closesInDays >= 7)");
  if (["closed", "outcome_published", "decided"].includes(c.state) && !(past(opensInDays) && past(closesInDays))) problems.push(`plan: a consultation in state "${c.state}" must have opened and closed (both days <= 0)`);
  if (["scheduled", "in_review"].includes(c.state) && !future(opensInDays)) problems.push(`plan.opensInDays: a consultation in state "${c.state}" must open in the future (opensInDays >= 7)`);
  if (c.state === "union_notice" && !future(opensInDays, 21)) problems.push("plan.opensInDays: a consultation under union notice must leave the notice period before opening (opensInDays >= 21)");
  if (c.state === "scheduled" && (c.stakeholders.staffGroups.length || c.stakeholders.unions.length)) problems.push("stakeholders: a scheduled proposal affects no staff group and no union (otherwise it goes through union notice)");
  c.translations.forEach((tr, i) => {
    if (!translationLanguage(tr.language)) problems.push(`translations[${i}].language: "${tr.language}" is not a language in TRANSLATION_LANGUAGES`);
    if (c.translations.findIndex((x) => x.language === tr.language) !== i) problems.push(`translations[${i}].language: "${tr.language}" appears twice`);
    if (tr.questions.length > c.questions.length) problems.push(`translations[${i}].questions: ${tr.questions.length} translations for ${c.questions.length} questions`);
    if (tr.translatedInDays > 0) problems.push(`translations[${i}].translatedInDays: must be today or before (<= 0)`);
    if (tr.enteredBy && !org.accounts.some((a) => a.email === tr.enteredBy)) problems.push(`translations[${i}].enteredBy: no demo account with email "${tr.enteredBy}"`);
  });
  problems.push(...checkAfterOpening(c, org, rowKeys));
  return problems;
}

/** Public edits, responses, the outcome and the decision: consistent with the state, the dates and each other. */
function checkAfterOpening(c: ConsultationFile, org: OrgContent, rowKeys: Set<string>): string[] {
  const problems: string[] = [];
  const { opensInDays, closesInDays } = c.plan;
  const opened = ["open", "closed", "outcome_published", "decided"].includes(c.state);
  const account = (e: string) => org.accounts.find((a) => a.email === e);
  if ((c.publicEdits.length || c.responses.length) && !opened) problems.push(`publicEdits, responses: a proposal in state "${c.state}" has not opened`);
  c.publicEdits.forEach((e, i) => {
    if (opensInDays == null || closesInDays == null || e.inDays <= opensInDays || e.inDays > Math.min(closesInDays, 0)) problems.push(`publicEdits[${i}].inDays: must fall while the consultation was open, and not in the future`);
    if (Object.keys(e.set).length === 0) problems.push(`publicEdits[${i}].set: say what changed`);
  });
  const themeKeys = new Set(c.outcome?.themes.map((t) => t.key) ?? []);
  c.responses.forEach((r, i) => {
    if (opensInDays == null || r.inDays < opensInDays || (closesInDays != null && r.inDays > closesInDays) || r.inDays > 0) problems.push(`responses[${i}].inDays: must fall while the consultation was open`);
    if (r.answers.length > c.questions.length) problems.push(`responses[${i}].answers: there are only ${c.questions.length} questions`);
    if (r.channel === "online" && r.label) problems.push(`responses[${i}].label: only responses entered by officers carry a label`);
    if (r.respondingAs === "organisation" && !r.organisationName && r.channel === "online") problems.push(`responses[${i}].organisationName: an organisation needs its name`);
    r.answers.forEach((a, j) =>
      a?.themes.forEach((k) => {
        if (!themeKeys.has(k)) problems.push(`responses[${i}].answers[${j}].themes: no theme "${k}" in outcome.themes`);
      }),
    );
  });
  const o = c.outcome;
  if (["outcome_published", "decided"].includes(c.state) && !o) problems.push(`outcome: a proposal in state "${c.state}" needs its outcome report`);
  if (o) {
    if (!["outcome_published", "decided"].includes(c.state)) problems.push(`outcome: a proposal in state "${c.state}" has no published outcome`);
    if (closesInDays == null || o.publishedInDays <= closesInDays || o.publishedInDays > 0) problems.push("outcome.publishedInDays: must be after the closing date, and not in the future");
    if (closesInDays != null && o.publishedInDays > closesInDays + 84) problems.push("outcome.publishedInDays: a demo outcome is published within 12 weeks of closing");
    const drafter = account(o.draftedBy);
    if (!drafter || !drafter.roles.includes("officer") || drafter.service !== c.service) problems.push(`outcome.draftedBy: "${o.draftedBy}" is not an officer of the service`);
    const approver = account(o.approvedBy);
    if (!approver || !approver.roles.includes("approver")) problems.push(`outcome.approvedBy: "${o.approvedBy}" is not an approver`);
    if (o.approvedBy === o.draftedBy) problems.push("outcome.approvedBy: an outcome report is signed off by someone other than its drafter");
    const seen = new Set<string>();
    o.themes.forEach((t, i) => {
      if (seen.has(t.key)) problems.push(`outcome.themes[${i}].key: "${t.key}" is used twice`);
      seen.add(t.key);
      if (t.changed && (!t.change || !t.publicEdit)) problems.push(`outcome.themes[${i}]: a theme that changed the proposal says what changed and names the publicEdits entry that made it`);
      if (t.publicEdit && t.publicEdit > c.publicEdits.length) problems.push(`outcome.themes[${i}].publicEdit: there are only ${c.publicEdits.length} public edits`);
      if (!c.responses.some((r) => r.answers.some((a) => a?.themes.includes(t.key)))) problems.push(`outcome.themes[${i}]: no response is coded into "${t.key}"`);
    });
    o.equality.forEach((r, i) => {
      if (!rowKeys.has(r.characteristic)) problems.push(`outcome.equality[${i}].characteristic: no equality row for "${r.characteristic}"`);
    });
  }
  const d = c.decision;
  if (c.state === "decided" && !d) problems.push('decision: a proposal in state "decided" needs its decision');
  if (d) {
    if (c.state !== "decided") problems.push(`decision: a proposal in state "${c.state}" has not been decided`);
    if (o && (d.decidedInDays <= o.publishedInDays || d.decidedInDays > 0)) problems.push("decision.decidedInDays: must be after the outcome was published, and not in the future");
    const maker = account(d.decidedBy);
    if (!maker || !maker.roles.includes("decision_maker")) problems.push(`decision.decidedBy: "${d.decidedBy}" is not a decision maker`);
  }
  return problems;
}

/** Read and validate every file in content/. Throws a ContentError naming the file and field. */
export function loadContent(dir = "content"): DemoContent {
  const at = (...p: string[]) => path.join(dir, ...p);

  const council = validate(councilFileSchema, readYaml(at("council.yaml")) ?? {}, at("council.yaml"));
  const relative = relativePeriodsSchema.safeParse(council.preElectionPeriods ?? []);
  if (!relative.success) throw new ContentError(at("council.yaml"), relative.error.issues.map((i) => `preElectionPeriods${fieldPath(i.path).replace(/^\(top level\)$/, "")}: ${i.message}`));
  const settingsAt = (seedDate: Date): Settings => mergeSettings(councilAt(council, seedDate));
  let settings: Settings;
  try {
    settings = settingsAt(clockNow());
  } catch (e) {
    const issues = e instanceof z.ZodError ? e.issues.map((i) => `${fieldPath(i.path)}: ${i.message}`) : [String(e)];
    throw new ContentError(at("council.yaml"), issues);
  }

  const organisation = validate(organisationFileSchema, readYaml(at("organisation.yaml")), at("organisation.yaml"));
  const orgProblems: string[] = [];
  const dup = <T>(list: T[], key: (x: T) => string, label: string) => {
    const seen = new Set<string>();
    for (const x of list) {
      if (seen.has(key(x))) orgProblems.push(`${label} "${key(x)}" appears twice`);
      seen.add(key(x));
    }
  };
  dup(organisation.services, (s) => s.slug, "services: slug");
  dup(organisation.services.flatMap((s) => s.staffGroups), (g) => g.key, "staffGroups: key");
  dup(organisation.unions, (u) => u.shortName, "unions: shortName");
  organisation.services.forEach((s, i) => {
    const heads = s.staffGroups.reduce((n, g) => n + g.headCount, 0);
    if (heads > s.workforcePosts) orgProblems.push(`services[${i}].staffGroups: head counts add up to ${heads}, more than workforcePosts (${s.workforcePosts})`);
  });
  if (orgProblems.length) throw new ContentError(at("organisation.yaml"), orgProblems);

  const { accounts } = validate(demoAccountsFileSchema, readYaml(at("demo-accounts.yaml")), at("demo-accounts.yaml"));
  const accountProblems: string[] = [];
  const emails = new Set<string>();
  accounts.forEach((a, i) => {
    if (emails.has(a.email.toLowerCase())) accountProblems.push(`accounts[${i}].email: "${a.email}" appears twice`);
    emails.add(a.email.toLowerCase());
    if (a.service && !organisation.services.some((s) => s.slug === a.service)) accountProblems.push(`accounts[${i}].service: no service with slug "${a.service}"`);
    if (a.roles.includes("officer") && !a.service) accountProblems.push(`accounts[${i}].service: an officer must belong to a service`);
    if (a.union && !organisation.unions.some((u) => u.shortName === a.union)) accountProblems.push(`accounts[${i}].union: no union with shortName "${a.union}"`);
    if (a.roles.includes("union_rep") && !a.union) accountProblems.push(`accounts[${i}].union: a union rep must name their union`);
  });
  if (accountProblems.length) throw new ContentError(at("demo-accounts.yaml"), accountProblems);

  const org: OrgContent = { organisation, accounts };
  const consultationsDir = at("consultations");
  const files = fs.existsSync(consultationsDir) ? fs.readdirSync(consultationsDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  const slugs = new Map<string, string>();
  const consultations = files.map((name) => {
    const file = path.join(consultationsDir, name);
    const data = validate(consultationFileSchema, readYaml(file), file);
    const problems = checkConsultation(data, org, settings);
    const other = slugs.get(data.slug);
    if (other) problems.push(`slug: "${data.slug}" is also used by ${other}`);
    slugs.set(data.slug, file);
    if (problems.length) throw new ContentError(file, problems);
    return { file, data };
  });

  const holidaysFile = at("bank-holidays.json");
  let holidaysJson: unknown;
  try {
    holidaysJson = JSON.parse(fs.readFileSync(holidaysFile, "utf8"));
  } catch (e) {
    throw new ContentError(holidaysFile, [e instanceof Error ? e.message : String(e)]);
  }
  const bankHolidays = validate(bankHolidaysFileSchema, holidaysJson, holidaysFile)["england-and-wales"];

  return { council, councilAt: (seedDate: Date) => councilAt(council, seedDate), settings, settingsAt, organisation, accounts, consultations, bankHolidays };
}

/** Pre-election periods in council.yaml: dates, or for the demo days from the seed. */
const relativePeriodsSchema = z.array(
  z.union([
    z.object({ name: text, startsOn: z.string(), endsOn: z.string() }).strict(),
    z
      .object({ name: text, startsInDays: days, endsInDays: days })
      .strict()
      .refine((p) => p.endsInDays >= p.startsInDays, { message: "endsInDays must not be before startsInDays" }),
  ]),
);

/** council.yaml as settings for a demo seeded on `seedDate`: relative days become dates. */
export function councilAt(council: Record<string, unknown>, seedDate: Date): Record<string, unknown> {
  const periods = council.preElectionPeriods;
  if (!Array.isArray(periods)) return council;
  return {
    ...council,
    preElectionPeriods: periods.map((p: Record<string, unknown>) =>
      typeof p?.startsInDays === "number" && typeof p?.endsInDays === "number"
        ? { name: p.name, startsOn: dateInDays(seedDate, p.startsInDays), endsOn: dateInDays(seedDate, p.endsInDays) }
        : p,
    ),
  };
}

// ─── Dates relative to the seed ────────────────────────────────────────────────
// Timestamps of things that happened "a few days ago" (submitted, approved) count from the seed
// instant. Calendar dates (opening and closing, mitigation due dates, review dates) count from
// the plan anchor: the Wednesday on or before the seed date. So `opensInDays: -21` always falls
// on a Wednesday, whatever day the demo is started, and never on a weekend.
const DAY_MS = 86_400_000;

/** The calendar date of an instant in the demo council's time zone, as YYYY-MM-DD. */
export function londonDate(at: Date): string {
  return councilDate(at, DEFAULT_TIME_ZONE);
}

/** The Wednesday on or before the seed date (London calendar): day 0 of the content's plan dates. */
export function planAnchor(seedDate: Date): string {
  const today = londonDate(seedDate);
  return addDays(today, -((weekday(today) - 3 + 7) % 7));
}

/** The calendar date `n` days after the plan anchor, as YYYY-MM-DD. */
export function dateInDays(seedDate: Date, n: number): string {
  return addDays(planAnchor(seedDate), n);
}

/** The weekday on or before a date: staff submit and approve on working days. */
function weekdayOnOrBefore(date: string): string {
  const day = weekday(date);
  return day === 0 ? addDays(date, -2) : day === 6 ? addDays(date, -1) : date;
}

/** An instant `n` days from the seed's working calendar at a time of day, never later than the seed. */
export function instantInDays(seedDate: Date, n: number, time: string): string {
  return timeOn(weekdayOnOrBefore(addDays(londonDate(seedDate), n)), time, seedDate);
}

/** A time of day on a calendar date, never later than the seed itself. */
function timeOn(date: string, time: string, seedDate: Date): string {
  const at = new Date(`${date}T${time}.000Z`);
  return (at.getTime() > seedDate.getTime() ? seedDate : at).toISOString();
}

const REACHED: Record<string, number> = {
  draft: 0,
  in_review: 1,
  union_notice: 2,
  scheduled: 2,
  open: 3,
  closed: 4,
  outcome_published: 5,
  decided: 6,
  withdrawn: 0,
};

/** The lifecycle timestamps a proposal in this state carries, consistent with its plan. */
export function lifecycleTimes(c: ConsultationFile, seedDate: Date) {
  const lc = c.lifecycle;
  const stage = REACHED[c.state];
  // A withdrawn proposal carries the facts of the stage it reached, as its lifecycle says.
  const reached =
    c.state === "withdrawn" ? (lc.approvedInDays != null ? (c.plan.opensInDays != null && c.plan.opensInDays <= 0 ? 3 : 2) : lc.submittedInDays != null ? 1 : 0) : stage;
  const opens = c.plan.opensInDays;
  const hasStaff = c.stakeholders.unions.length > 0 || c.stakeholders.staffGroups.length > 0;
  const seedDay = londonDate(seedDate);
  const fromSeed = (n: number) => weekdayOnOrBefore(addDays(seedDay, n));

  // Not yet opened: submitted and approved in the last few days. Opened: a month before opening,
  // leaving more than the union notice period (ten working days) between approval and opening.
  const opened = reached >= 3 && opens != null;
  const submittedOn =
    lc.submittedInDays != null ? fromSeed(lc.submittedInDays) : opened ? dateInDays(seedDate, opens - 30) : fromSeed(c.state === "in_review" ? -2 : -9);
  const approvedOn = lc.approvedInDays != null ? fromSeed(lc.approvedInDays) : opened ? dateInDays(seedDate, opens - 22) : fromSeed(-4);
  const noticeOn = lc.noticeSentInDays != null ? fromSeed(lc.noticeSentInDays) : approvedOn;

  return {
    submittedAt: reached >= 1 ? timeOn(submittedOn, "10:15:00", seedDate) : null,
    approvedAt: reached >= 2 ? timeOn(approvedOn, "14:15:00", seedDate) : null,
    noticeSentAt: reached >= 2 && hasStaff ? timeOn(noticeOn, "14:20:00", seedDate) : null,
    openedAt: opened ? timeOn(dateInDays(seedDate, opens), "09:00:00", seedDate) : null,
    closedAt: reached >= 4 && c.plan.closesInDays != null ? timeOn(dateInDays(seedDate, c.plan.closesInDays), "23:59:59", seedDate) : null,
    withdrawnAt: c.state === "withdrawn" ? timeOn(fromSeed(lc.withdrawnInDays ?? 0), "11:00:00", seedDate) : null,
    outcomePublishedAt: reached >= 5 && c.outcome ? timeOn(fromSeed(c.outcome.publishedInDays), "11:30:00", seedDate) : null,
    decidedAt: reached >= 6 && c.decision ? timeOn(fromSeed(c.decision.decidedInDays), "16:45:00", seedDate) : null,
  };
}

// ─── The generated PDF ─────────────────────────────────────────────────────────
/** PDF text is WinAnsi; keep to printable ASCII so every viewer renders it. */
function pdfSafe(s: string): string {
  return s
    .replace(/£/g, "GBP ")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/([\\()])/g, "\\$1");
}

function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Markdown to plain paragraphs, good enough for a generated document. */
function plainParagraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/^#+\s*/gm, "")
        .replace(/^\s*[-*]\s+/gm, "- ")
        .replace(/\*\*?([^*]+)\*\*?/g, "$1")
        .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
        .replace(/\s*\n\s*/g, " ")
        .trim(),
    )
    .filter(Boolean);
}

/**
 * A small, valid PDF (A4, Helvetica, as many pages as the text needs) with correct byte
 * offsets in the cross-reference table. Pure: the same input gives the same bytes.
 */
export function renderPdf(title: string, paragraphs: string[]): Buffer {
  const body: { text: string; size: number }[] = [];
  for (const line of wrap(title, 60)) body.push({ text: line, size: 16 });
  body.push({ text: "", size: 11 });
  for (const p of paragraphs) {
    for (const line of wrap(p, 92)) body.push({ text: line, size: 10 });
    body.push({ text: "", size: 10 });
  }
  const perPage = 56;
  const pages: (typeof body)[] = [];
  for (let i = 0; i < body.length; i += perPage) pages.push(body.slice(i, i + perPage));
  if (pages.length === 0) pages.push([]);

  const objects: string[] = [];
  // 1: catalog, 2: pages, 3: font, then per page: page object and its content stream.
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((lines, i) => {
    let y = 800;
    const ops = ["BT"];
    for (const l of lines) {
      if (l.text) ops.push(`/F1 ${l.size} Tf 1 0 0 1 56 ${y} Tm (${pdfSafe(l.text)}) Tj`);
      y -= l.size + 4;
    }
    ops.push(`/F1 8 Tf 1 0 0 1 56 30 Tm (Page ${i + 1} of ${pages.length}) Tj`, "ET");
    const stream = ops.join("\n");
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** The PDF generated for one document of a consultation file. */
export function documentPdf(c: ConsultationFile, doc: ConsultationFile["documents"][number], serviceName: string): Buffer {
  const paragraphs = [
    `${serviceName}. Lead officer: ${c.leadOfficer}.`,
    "Demonstration document generated from the demo content of Plainsight. Fictional council.",
    ...plainParagraphs(doc.body ?? c.summary ?? c.title),
  ];
  if (doc.withheld.length) {
    paragraphs.push("Withheld from the published version:");
    for (const w of doc.withheld) paragraphs.push(`- ${w.part} (${w.ground}).`);
  }
  return renderPdf(doc.title, paragraphs);
}

// ─── File to Proposal ──────────────────────────────────────────────────────────
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#|>|\||```)/;

/**
 * Markdown as an officer types it into a form: one line per paragraph or list item. The YAML
 * files wrap long lines for people editing them; a soft line break means a space in Markdown,
 * so joining them changes nothing a reader sees (and keeps "Words (ACRONYM)" on one line).
 */
export function unwrapMarkdown(text: string): string;
export function unwrapMarkdown(text: string | undefined): string | undefined;
export function unwrapMarkdown(text: string | undefined): string | undefined {
  if (text == null) return text;
  const out: string[] = [];
  let inFence = false;
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (/^\s*```/.test(line)) inFence = !inFence;
    const previous = out.length ? out[out.length - 1] : "";
    const joinable = !inFence && line.trim() !== "" && previous.trim() !== "" && !BLOCK_START.test(line) && !/^\s*#/.test(previous);
    if (joinable) out[out.length - 1] = `${previous} ${line.trim()}`;
    else out.push(line);
  }
  return out.join("\n").trim();
}

/** How references are turned into ids. Defaults: 1-based positions in the content files. */
export type ContentIds = {
  proposalId?: number;
  serviceId?: (slug: string) => number;
  staffGroupId?: (key: string) => number;
  unionId?: (shortName: string) => number;
  userId?: (email: string) => number;
};

/**
 * One consultation file as the `Proposal` the rules take. Pure. Child rows get synthetic ids
 * (1, 2, 3... per kind); the seed maps them to the ids the database gives.
 */
export function consultationToProposal(file: ConsultationFile, org: OrgContent, seedDate: Date, ids: ContentIds = {}): Proposal {
  const services = org.organisation.services;
  const service = services.find((s) => s.slug === file.service);
  if (!service) throw new Error(`${file.slug}: no service "${file.service}"`);
  const groups = services.flatMap((s) => s.staffGroups.map((g) => ({ ...g, serviceName: s.name })));
  const position = <T>(list: T[], match: (x: T) => boolean, what: string) => {
    const i = list.findIndex(match);
    if (i < 0) throw new Error(`${file.slug}: no ${what}`);
    return i + 1;
  };
  const serviceId = ids.serviceId ?? ((slug: string) => position(services, (s) => s.slug === slug, `service "${slug}"`));
  const staffGroupId = ids.staffGroupId ?? ((key: string) => position(groups, (g) => g.key === key, `staff group "${key}"`));
  const unionId = ids.unionId ?? ((short: string) => position(org.organisation.unions, (u) => u.shortName === short, `union "${short}"`));
  const userId = ids.userId ?? ((email: string) => position(org.accounts, (a) => a.email === email, `account "${email}"`));

  const riskIds = new Map(file.risks.map((r, i) => [r.ref, i + 1]));
  const rowIds = new Map(file.equality.rows.map((r, i) => [r.characteristic, i + 1]));
  const times = lifecycleTimes(file, seedDate);
  const d = file.details;
  const im = file.impact;
  const s188 = file.stakeholders.s188 ?? {};
  const agency = file.stakeholders.agencyWorkers;
  const transfer = file.stakeholders.transfer;
  const stamps = Object.values(times).filter((t): t is string => t != null).sort();
  let documentPartId = 0;

  return {
    id: ids.proposalId ?? 1,
    slug: file.slug,
    title: file.title,
    serviceId: serviceId(service.slug),
    serviceName: service.name,
    serviceSlug: service.slug,
    leadOfficer: file.leadOfficer,
    createdById: userId(file.createdBy),
    state: file.state,
    // one more for every transition the proposal has been through, as the lifecycle counts
    revision: 1 + [times.submittedAt, times.approvedAt, times.openedAt, times.closedAt, times.withdrawnAt, times.outcomePublishedAt, times.decidedAt].filter(Boolean).length,

    summary: file.summary ?? null,
    easyReadSummary: file.easyReadSummary ?? null,
    whatChanges: d.whatChanges ?? null,
    whyChange: d.whyChange ?? null,
    currentService: d.currentService ?? null,
    proposedService: d.proposedService ?? null,
    timeline: d.timeline ?? null,
    alreadyDecided: d.alreadyDecided ?? null,
    openToChange: d.openToChange ?? null,

    postsAffected: im.postsAffected ?? null,
    fteAffected: im.fteAffected ?? null,
    serviceWorkforcePosts: service.workforcePosts,
    serviceUsersPerYear: im.serviceUsersPerYear ?? null,
    activityDescription: im.activityDescription ?? null,
    activityPerYear: im.activityPerYear ?? null,
    budgetChangeGbp: im.budgetChangeGbp ?? null,

    aimEliminateDiscrimination: file.equality.aimEliminateDiscrimination ?? null,
    aimAdvanceEquality: file.equality.aimAdvanceEquality ?? null,
    aimFosterRelations: file.equality.aimFosterRelations ?? null,
    equalityConclusion: file.equality.conclusion ?? null,

    opensOn: file.plan.opensInDays != null ? dateInDays(seedDate, file.plan.opensInDays) : null,
    closesOn: file.plan.closesInDays != null ? dateInDays(seedDate, file.plan.closesInDays) : null,
    shortPeriodReason: file.plan.shortPeriodReason ?? null,
    // Approved as a length: the length of the plan, fixed once approved.
    periodDays: times.approvedAt && file.plan.opensInDays != null && file.plan.closesInDays != null ? file.plan.closesInDays - file.plan.opensInDays : null,
    plannedOpensOn: null,
    plannedClosesOn: null,
    preElectionReason: file.plan.preElectionReason ?? null,
    howToRespond: file.plan.howToRespond ?? null,
    alternativeFormats: file.plan.alternativeFormats ?? null,
    events: file.plan.events ?? null,

    noStaffAffected: file.stakeholders.noStaffAffected,
    redundancyReasons: s188.redundancyReasons ?? null,
    staffDescriptions: s188.staffDescriptions ?? null,
    selectionMethod: s188.selectionMethod ?? null,
    dismissalMethodAndTiming: s188.dismissalMethodAndTiming ?? null,
    employedInDescriptions: s188.employedInDescriptions ?? null,
    redundancyPayMethod: s188.redundancyPayMethod ?? null,
    agencyWorkerCount: agency?.count ?? null,
    agencyWorkerParts: agency?.parts ?? null,
    agencyWorkerWork: agency?.work ?? null,
    establishment: file.stakeholders.establishment ?? null,
    redundancyPosts: file.stakeholders.redundancyPosts ?? null,
    firstDismissalOn: file.stakeholders.firstDismissalInDays != null ? dateInDays(seedDate, file.stakeholders.firstDismissalInDays) : null,
    transferKind: transfer?.kind ?? null,
    transferOn: transfer?.inDays != null ? dateInDays(seedDate, transfer.inDays) : null,
    transferReasons: transfer?.reasons ?? null,
    transferImplications: transfer?.implications ?? null,
    transferMeasures: transfer?.measures ?? null,
    transfereeMeasures: transfer?.transfereeMeasures ?? null,

    submittedAt: times.submittedAt,
    approvedAt: times.approvedAt,
    approvedById: times.approvedAt && file.approvedBy ? userId(file.approvedBy) : null,
    returnedReason: file.lifecycle.returnedReason ?? null,
    noticeSentAt: times.noticeSentAt,
    openedAt: times.openedAt,
    closedAt: times.closedAt,
    withdrawnAt: times.withdrawnAt,
    withdrawnReason: file.state === "withdrawn" ? (file.lifecycle.withdrawnReason ?? null) : null,
    outcomePublishedAt: times.outcomePublishedAt,
    decidedAt: times.decidedAt,
    updatedAt: stamps.at(-1) ?? new Date(seedDate.getTime() - 7 * DAY_MS).toISOString(),

    options: file.options.map((o, i) => ({
      id: i + 1,
      title: o.title,
      description: o.description,
      isProposed: o.proposed,
      rejectedBecause: o.rejectedBecause ?? null,
    })),
    risks: file.risks.map((r, i) => ({
      id: i + 1,
      description: r.description,
      whoBears: r.whoBears,
      likelihood: r.likelihood,
      impact: r.impact,
      acceptanceReason: r.acceptanceReason ?? null,
    })),
    dependencies: file.dependencies.map((x, i) => ({
      id: i + 1,
      name: x.name,
      kind: x.kind,
      effect: x.effect,
      consulted: x.consulted,
      consultationNote: x.consultationNote ?? null,
    })),
    mitigations: file.mitigations.map((m, i) => ({
      id: i + 1,
      action: m.action,
      owner: m.owner,
      dueOn: m.dueInDays != null ? dateInDays(seedDate, m.dueInDays) : null,
      riskIds: m.risks.map((ref) => {
        const id = riskIds.get(ref);
        if (id == null) throw new Error(`${file.slug}: mitigations[${i}] names unknown risk "${ref}"`);
        return id;
      }),
      equalityRowIds: m.equality.map((key) => {
        const id = rowIds.get(key);
        if (id == null) throw new Error(`${file.slug}: mitigations[${i}] names unknown equality row "${key}"`);
        return id;
      }),
    })),
    equalityRows: file.equality.rows.map((r, i) => ({
      id: i + 1,
      characteristic: r.characteristic,
      rating: r.rating,
      evidence: r.evidence ?? null,
      justification: r.justification ?? null,
      evidenceAction: r.evidenceAction ?? null,
    })),
    documents: file.documents.map((doc, i) => ({
      id: i + 1,
      kind: doc.kind,
      title: doc.title,
      filename: doc.filename,
      mimeType: "application/pdf",
      sizeBytes: documentPdf(file, doc, service.name).length,
      disclosure: doc.disclosure,
      withheldParts: doc.withheld.map((w) => ({
        id: ++documentPartId,
        part: w.part,
        ground: w.ground,
        publicInterestNote: w.publicInterestNote,
        reviewOn: dateInDays(seedDate, w.reviewInDays),
      })),
    })),
    staffGroups: file.stakeholders.staffGroups.map((key) => {
      const g = groups.find((x) => x.key === key);
      if (!g) throw new Error(`${file.slug}: no staff group "${key}"`);
      return { id: staffGroupId(key), name: g.name, headCount: g.headCount, serviceName: g.serviceName };
    }),
    unions: file.stakeholders.unions.map((short) => {
      const u = org.organisation.unions.find((x) => x.shortName === short);
      if (!u) throw new Error(`${file.slug}: no union "${short}"`);
      return { id: unionId(short), name: u.name, shortName: u.shortName };
    }),
    questions: file.questions.map((q, i) => (typeof q === "string" ? { id: i + 1, question: q, personal: false } : { id: i + 1, question: q.question, personal: q.personal })),
    translations: file.translations.map((tr, i) => ({
      id: i + 1,
      language: tr.language,
      summary: tr.summary,
      translatorName: tr.translator,
      translatedOn: dateInDays(seedDate, tr.translatedInDays),
      questions: tr.questions.flatMap((q, j) => (q ? [{ questionId: j + 1, text: q }] : [])),
    })),
  };
}
