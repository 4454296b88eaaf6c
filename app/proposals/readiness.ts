/**
 * The publication gate (DESIGN.md, "What a proposal must carry before it can be submitted for
 * review"): one pure function from a proposal to what it still lacks. The task list, the review
 * page and the server's refusal to submit or approve all call `readiness`, so they cannot disagree.
 *
 * Read it as the policy: one function per section, in the order an officer meets them. Limits
 * come from settings. Filler never counts: a placeholder ("TBC"), one word repeated or a row
 * copied from another row fails exactly as a blank does.
 */
import {
  equalityCharacteristics,
  type Settings,
} from "~/lib/settings";
import { easyReadNeed, easyReadProblems } from "~/reach/easy-read";
import { expansionExample } from "./acronyms";
import { translationLanguage, translationProblems } from "./translation";
import { amountMatches, statedBudgetAmounts, statedPostCounts, statedWorkforceShares } from "./prose-figures";
import {
  acronymProblems,
  contentWords,
  FILLER_WORDS,
  fillerKind,
  isFiller,
  isGenericJustification,
  isNotEnglish,
  isPlaceholder,
  namesAction,
  namesOwner,
  namesTiming,
  nearDuplicatePairs,
  normaliseForComparison,
  pastDatesIn,
  wordCount,
} from "./text-quality";
import { employmentUnmet } from "./employment";
import { periodUnmet } from "./period";
import {
  SECTIONS,
  riskScore,
  workforceShare,
  type EqualityRow,
  type Mitigation,
  type ProposalDocument,
  type Proposal,
  type Risk,
  type SectionKey,
  type Unmet,
} from "./types";
import { toCouncilDate } from "~/lib/council-time";

/** Fixed minimums that are about filler rather than proportion, so they are not settings. */
const MIN_WORDS = {
  /** why a rejected option was rejected (Moseley v Haringey 2014) */
  rejectionReason: 5,
  /** a no-differential-impact note on a small proposal, e.g. "No different effect by sex" */
  briefEvidence: 3,
  /** each aim of the equality duty, and the conclusion */
  equalityStatement: 10,
  /** a published reason for accepting a risk, or justifying a negative impact */
  reason: 5,
};

// ─── The gate ──────────────────────────────────────────────────────────────────

/**
 * What the gate needs besides the proposal and the settings. `today` (YYYY-MM-DD) dates the
 * rules about dates already past (a mitigation due, a review date). Without it they count from
 * the day the proposal was last saved: a date that had passed when the officer wrote it is
 * refused wherever the gate runs (task list, review page, submission, approval), and the task
 * list, the review page and the refusal all agree. An edit after approval is judged against the
 * real today (editing.server.ts), so it cannot bring in a date that has already gone.
 */
export type GateContext = { today?: string };

type Check = (p: Proposal, s: Settings, c: Required<GateContext>) => Unmet[];

export function readiness(proposal: Proposal, settings: Settings, context: GateContext = {}): Unmet[] {
  // The day it was last saved on the council's calendar (a save at 23:30 BST is the next day in UTC).
  const c: Required<GateContext> = { today: context.today ?? toCouncilDate(proposal.updatedAt, settings.council.timeZone) };
  // Rules that read the proposal as a whole (copies, acronyms) report against the section of
  // the field they found, after that section's own items, so the list stays in gate order.
  const whole = [...nearDuplicates(proposal, settings), ...acronymsThroughout(proposal, settings)];
  return SECTIONS.flatMap(({ key }) => [...CHECKS[key](proposal, settings, c), ...whole.filter((u) => u.section === key)]);
}

/**
 * What a change would newly leave unmet: items after it that were not there before it, matched
 * by code and field (messages carry counts that may move). An approved proposal may be changed
 * only when this is empty (editing.server.ts): a change may not undo what the approver saw met,
 * while a rule added after approval does not block every other correction.
 */
export function unmetIntroduced(before: Unmet[], after: Unmet[]): Unmet[] {
  const key = (u: Unmet) => `${u.code}\u0000${u.field ?? ""}`;
  const known = new Set(before.map(key));
  return after.filter((u) => !known.has(key(u)));
}

/**
 * Proportionality (DESIGN.md gate item 3): a proposal reaching any threshold must carry more,
 * namely longer details and full evidence on every equality row.
 */
export function isLarge(p: Proposal, s: Settings): boolean {
  const t = s.gate.thresholds;
  const share = workforceShare(p);
  return (
    (p.postsAffected ?? 0) >= t.posts ||
    (share != null && share >= t.workforceShare) ||
    Math.abs(p.budgetChangeGbp ?? 0) >= t.budgetGbp
  );
}

export type SectionStatus = "not_started" | "in_progress" | "completed" | "cannot_start";

/** The task list's status for one section, derived from the gate so the two never disagree. */
export function sectionStatus(
  p: Proposal,
  s: Settings,
  section: SectionKey,
  unmet: Unmet[] = readiness(p, s),
): SectionStatus {
  // Nothing to mitigate yet: mitigations come after risks and equality impacts.
  if (section === "mitigations" && !p.mitigations.length && !p.risks.length && !p.equalityRows.some((r) => r.rating === "negative")) {
    return "cannot_start";
  }
  const open = unmet.some((u) => u.section === section);
  // What a mitigation would settle is reported against the risk or the equality row, so the
  // mitigations section is needed only while one of those is waiting for it.
  const needed = open || (section === "mitigations" && unmet.some((u) => NEEDS_MITIGATION.has(u.code)));
  // A section that asks for nothing has nothing left to do, touched or not.
  if (!TOUCHED[section](p)) return needed ? "not_started" : "completed";
  return open ? "in_progress" : "completed";
}

/** Unmet items that adding a mitigation would settle. */
const NEEDS_MITIGATION = new Set(["risks.high_without_mitigation", "risks.unaddressed", "risks.acceptance_reason_generic", "equality.negative_unaddressed", "equality.justification_no_action"]);

/**
 * How many words a text field needs for this proposal (and at most, for the summary), so the
 * writing help can show the officer the same limit the gate applies. Null for other fields.
 */
export function wordsRequired(p: Proposal, s: Settings, field: string): { min: number; max?: number; scaled: boolean } | null {
  if (field === "summary") return { min: s.gate.summaryMinWords, max: s.gate.summaryMaxWords, scaled: false };
  const d = DETAILS.find((x) => x.field === field);
  if (!d) return null;
  const scaled = d.scalesWithSize && isLarge(p, s);
  return { min: scaled ? Math.ceil(s.gate.detailsMinWords * s.gate.largeDetailsMultiplier) : s.gate.detailsMinWords, scaled };
}

/** Unmet items grouped by section; every section is present, in gate order. */
export function unmetBySection(unmet: Unmet[]): Record<SectionKey, Unmet[]> {
  const grouped = Object.fromEntries(SECTIONS.map(({ key }) => [key, [] as Unmet[]])) as Record<SectionKey, Unmet[]>;
  for (const item of unmet) grouped[item.section].push(item);
  return grouped;
}

// ─── 1. Summary in plain English ───────────────────────────────────────────────

/**
 * The title and the lead officer are published first and sent to the unions: a placeholder
 * ("TBC", "New proposal") would become the consultation's name and address. A title names what
 * would change in at least three words; a lead officer is a person with a job title.
 */
export function titleAndLeadOfficer(p: Pick<Proposal, "title" | "leadOfficer">): Unmet[] {
  const out: Unmet[] = [];
  const title = p.title ?? "";
  const kind = fillerKind(title);
  const ownWords = contentWords(title).filter((w) => !GENERIC_TITLE_WORDS.has(w));
  if (isPlaceholder(title) || (kind && kind !== "too_few_words" && kind !== "vague")) {
    out.push(unmet("summary", "summary.title_placeholder", "title", ask("Give the proposal a title that says what would change", title)));
  } else if (wordCount(title) < 3 || ownWords.length === 0) {
    out.push(unmet("summary", "summary.title_too_general", "title", `Give the proposal a title that says what would change, in words residents use – '${clip(title)}' does not say what the proposal is about`));
  }
  const lead = p.leadOfficer ?? "";
  if (isPlaceholder(lead) || isNotEnglish(lead) || ["placeholder", "deferral", "pointer"].includes(fillerKind(lead) ?? "")) {
    out.push(unmet("summary", "summary.lead_officer_placeholder", "leadOfficer", ask("Name the lead officer and give their job title", lead)));
  } else if (!namesPersonAndJob(lead)) {
    out.push(unmet("summary", "summary.lead_officer_incomplete", "leadOfficer", `Give the lead officer's name and job title, for example 'Sam Okafor, Service Manager' – '${clip(lead)}' does not say both`));
  }
  return out;
}

/** "Sam Okafor, Service Manager" (or "Sam Okafor (Service Manager)", "Sam Okafor – Service
 * Manager"): a name that is not itself a job, then a job title. */
function namesPersonAndJob(lead: string): boolean {
  const match = /^([^,(–—]+?)\s*(?:,|\(|\s[–—-]\s)\s*(.+)$/.exec(lead.trim());
  if (!match) return false;
  const [, name, job] = match;
  return wordCount(name) >= 1 && !namesOwner(name) && contentWords(name).length > 0 && namesOwner(job);
}

/** Words a title may contain that say nothing about what it proposes. */
const GENERIC_TITLE_WORDS = new Set("new draft proposal proposals consultation consultations untitled test testing change changes council service services review plan update document working title copy version final".split(" "));

function summary(p: Proposal, s: Settings): Unmet[] {
  const { summaryMinWords: min, summaryMaxWords: max } = s.gate;
  const words = wordCount(p.summary);
  const out: Unmet[] = [...titleAndLeadOfficer(p)];
  // Over the limit is the first thing to fix, even when the length is one paragraph repeated.
  if (isFiller(p.summary) && !(words > max && fillerKind(p.summary) === "repetitive")) {
    out.push(unmet("summary", "summary.missing", "summary", ask("Write a summary of the proposal in plain English", p.summary)));
    return out;
  }
  if (words < min) out.push(unmet("summary", "summary.too_short", "summary", `The summary must be ${min} words or more – it has ${words}`));
  if (words > max) out.push(unmet("summary", "summary.too_long", "summary", `The summary must be ${max} words or fewer – it has ${words}`));
  out.push(...figuresInProse(p, "summary", "summary", "The summary", p.summary, { money: true }));
  return [...out, ...easyRead(p, s), ...translations(p)];
}

/**
 * Translations (issue 14): none is required, but any that is written is held to the filler rules
 * and to its language's script (translation.ts), summary and questions alike, since a published
 * translation that says nothing, or is the English again, misleads the people it is for.
 */
function translations(p: Proposal): Unmet[] {
  return (p.translations ?? []).flatMap((tr) => {
    const language = translationLanguage(tr.language);
    if (!language) return [];
    const summaryItems = translationProblems({ name: `The ${language.name} summary`, text: tr.summary, english: p.summary, isSummary: true }, language).map((problem) =>
      unmet("summary", `summary.translation_${problem.code}`, `translations.${tr.language}.summary`, problem.message),
    );
    const questionItems = tr.questions.flatMap((q) => {
      const i = p.questions.findIndex((x) => x.id === q.questionId);
      if (i < 0) return [];
      return translationProblems({ name: `The ${language.name} translation of question ${i + 1}`, text: q.text, english: p.questions[i].question }, language).map((problem) =>
        unmet("summary", `summary.translation_question_${problem.code}`, `translations.${tr.language}.questions.${q.questionId}`, problem.message),
      );
    });
    return [...summaryItems, ...questionItems];
  });
}

/**
 * The easy read summary (issue 14): asked for where the council's settings say (services used by
 * disabled people or children, or a negative impact the settings name), and held to the easy read
 * rule wherever one is written, since a published easy read that is hard to read does harm.
 */
function easyRead(p: Proposal, s: Settings): Unmet[] {
  const need = easyReadNeed(p, s);
  if (!hasText(p.easyReadSummary)) {
    return need.required ? [unmet("summary", "summary.easy_read_missing", "easyReadSummary", `Write an easy read summary: the council asks for one because ${need.because}`)] : [];
  }
  const allowed = [...s.gate.acronymAllowList, ...p.unions.map((u) => u.shortName)];
  return easyReadProblems(p.easyReadSummary, s.easyRead, allowed).map((problem) => unmet("summary", `summary.easy_read_${problem.code}`, "easyReadSummary", problem.message));
}

/**
 * The words must tell the same story as the figures: a count of posts the prose says the change
 * affects, a share of the workforce, and (in the summary) what it saves or costs, each checked
 * against the impact figures. "The summary says 3 posts; the impact figures say 12."
 */
function figuresInProse(p: Proposal, section: SectionKey, field: string, name: string, text: string | null, options: { money?: boolean } = {}): Unmet[] {
  const out: Unmet[] = [];
  const code = `${section}.figures_contradict`;
  const posts = p.postsAffected;
  if (posts != null) {
    const fte = p.fteAffected;
    const allowed = [posts, fte, fte != null ? Math.round(fte) : null, p.serviceWorkforcePosts, p.serviceWorkforcePosts != null ? p.serviceWorkforcePosts - posts : null].filter((n): n is number => n != null);
    const wrong = statedPostCounts(text).find((c) => !allowed.some((n) => Math.abs(n - c.value) < 0.05));
    if (wrong) {
      out.push(unmet(section, code, field, `${name} says '${wrong.phrase}', but the impact figures say ${posts} ${posts === 1 ? "post is" : "posts are"} affected${fte != null ? ` (${fte} full-time equivalent)` : ""}: make the words and the figures agree`));
    }
    const share = workforceShare(p);
    const stated = statedWorkforceShares(text).find((x) => share != null && Math.abs(x.share - share) > 0.04);
    if (stated && share != null) {
      out.push(unmet(section, code, field, `${name} says '${stated.phrase}', but ${posts} of ${p.serviceWorkforcePosts} posts is ${Math.round(share * 100)}% of the workforce: make the words and the figures agree`));
    }
  }
  if (options.money && p.budgetChangeGbp != null && p.budgetChangeGbp !== 0) {
    const amounts = statedBudgetAmounts(text);
    if (amounts.length && !amounts.some((a) => amountMatches(a, p.budgetChangeGbp!))) {
      const figure = `£${Math.abs(p.budgetChangeGbp).toLocaleString("en-GB")}`;
      out.push(unmet(section, code, field, `${name} gives ${amounts.map((a) => `'${a.phrase}'`).join(" and ")} as the money involved, but the impact figures give a budget change of ${figure} a year: make the words and the figures agree`));
    }
  }
  return out;
}

// ─── 2. Full details ───────────────────────────────────────────────────────────
// Gunning 1 and 2: consult at a formative stage and give enough reasons. Saying what is
// already decided and what is open to change shows the consultation is not on a decision taken.

type DetailsField = "whatChanges" | "whyChange" | "currentService" | "proposedService" | "timeline" | "alreadyDecided" | "openToChange";

const DETAILS: { field: DetailsField; name: string; ask: string; scalesWithSize: boolean }[] = [
  { field: "whatChanges", name: "What will change", ask: "Describe what will change", scalesWithSize: true },
  { field: "whyChange", name: "Why the change is needed", ask: "Explain why the change is needed", scalesWithSize: true },
  { field: "currentService", name: "The current service", ask: "Describe the service as it is now", scalesWithSize: true },
  { field: "proposedService", name: "The proposed service", ask: "Describe the service as it would be after the change", scalesWithSize: true },
  { field: "timeline", name: "The timeline", ask: "Give the timeline for the change", scalesWithSize: false },
  { field: "alreadyDecided", name: "What has already been decided", ask: "Say what has already been decided, or that nothing has", scalesWithSize: false },
  { field: "openToChange", name: "What is open to change", ask: "Say what could still change as a result of the consultation", scalesWithSize: false },
];

function details(p: Proposal, s: Settings): Unmet[] {
  const large = isLarge(p, s);
  const out: Unmet[] = [];

  for (const d of DETAILS) {
    const text = p[d.field];
    const min = wordsRequired(p, s, d.field)!.min;
    if (isFiller(text)) {
      out.push(unmet("details", "details.missing", d.field, ask(d.ask, text)));
      continue;
    }
    const words = wordCount(text);
    if (words < min) {
      const why = d.scalesWithSize && large ? " for a proposal of this size" : "";
      out.push(unmet("details", "details.too_short", d.field, `${d.name} must be ${min} words or more${why} – it has ${words}`));
    }
    // Copies of other fields are found with every other text (nearDuplicates). What will change
    // must give the same numbers as the figures; the other fields may weigh alternatives
    // ("keep 6 of the 12 posts") and so are left to the approver.
    if (d.field === "whatChanges") out.push(...figuresInProse(p, "details", d.field, d.name, text));
  }
  return out;
}

// ─── 2. Options considered ─────────────────────────────────────────────────────
// Moseley v Haringey 2014: outline the realistic alternatives and why they were rejected.

function options(p: Proposal): Unmet[] {
  const out: Unmet[] = [];
  if (!p.options.some((o) => o.isProposed)) {
    out.push(unmet("options", "options.proposed_missing", "options", "Add the option you are proposing and mark it as proposed"));
  }
  if (!p.options.some((o) => !o.isProposed)) {
    out.push(unmet("options", "options.alternative_missing", "options", "Add at least one alternative you considered and say why you rejected it"));
  }
  p.options.forEach((o, i) => {
    const name = o.title.trim() ? `option ${i + 1} '${clip(o.title)}'` : `option ${i + 1}`;
    if (isFiller(o.description)) {
      out.push(unmet("options", "options.description_missing", `options.${o.id}.description`, ask(`Describe ${name}`, o.description)));
    }
    if (o.isProposed) return;
    const field = `options.${o.id}.rejectedBecause`;
    if (isFiller(o.rejectedBecause)) {
      out.push(unmet("options", "options.rejection_reason_missing", field, ask(`Explain why ${name} was rejected`, o.rejectedBecause)));
    } else if (wordCount(o.rejectedBecause) < MIN_WORDS.rejectionReason) {
      out.push(unmet("options", "options.rejection_reason_too_short", field, `Explain more fully why ${name} was rejected: the reason must be ${MIN_WORDS.rejectionReason} words or more`));
    }
  });
  return out;
}

// ─── 3. Quantified impact ──────────────────────────────────────────────────────
// Each figure is its own item: "no figures" was the heart of the CAMHS complaint.
// null means not answered; 0 is an answer.

function impact(p: Proposal): Unmet[] {
  const out: Unmet[] = [];
  const posts = p.postsAffected;

  if (posts == null) out.push(unmet("impact", "impact.posts_missing", "postsAffected", "Say how many staff posts are affected (enter 0 if none)"));
  if (p.fteAffected == null) {
    out.push(unmet("impact", "impact.fte_missing", "fteAffected", "Say how many full-time equivalent (FTE) posts are affected (enter 0 if none)"));
  } else if (posts != null && p.fteAffected > posts) {
    out.push(unmet("impact", "impact.fte_exceeds_posts", "fteAffected", `Full-time equivalent posts affected (${p.fteAffected}) cannot be more than the number of posts affected (${posts})`));
  }
  if (posts != null && posts > 0) {
    if (p.serviceWorkforcePosts == null) {
      out.push(unmet("impact", "impact.workforce_missing", "serviceWorkforcePosts", "Say how many posts the service has in total, so the posts affected can be shown as a share of its workforce"));
    } else if (p.serviceWorkforcePosts < posts) {
      out.push(unmet("impact", "impact.workforce_below_posts", "serviceWorkforcePosts", `The service's workforce (${p.serviceWorkforcePosts} posts) cannot be smaller than the posts affected (${posts})`));
    }
  }
  if (p.serviceUsersPerYear == null) {
    out.push(unmet("impact", "impact.service_users_missing", "serviceUsersPerYear", "Say how many service users are affected each year (enter 0 if none)"));
  }
  if (isFiller(p.activityDescription)) {
    out.push(unmet("impact", "impact.activity_missing", "activityDescription", ask("Say what activity is affected, for example 'child mental-health assessments'", p.activityDescription)));
  }
  if (p.activityPerYear == null) {
    out.push(unmet("impact", "impact.activity_figure_missing", "activityPerYear", "Say how much of that activity is affected each year, for example 450 assessments (enter 0 if none)"));
  }
  if (p.budgetChangeGbp == null) {
    out.push(unmet("impact", "impact.budget_missing", "budgetChangeGbp", "Say how much the budget changes, in pounds (enter a saving as a negative number, or 0 if there is no change)"));
  }

  const counts = [
    ["postsAffected", "Posts affected", posts],
    ["fteAffected", "Full-time equivalent posts affected", p.fteAffected],
    ["serviceWorkforcePosts", "The service's workforce", p.serviceWorkforcePosts],
    ["serviceUsersPerYear", "Service users affected", p.serviceUsersPerYear],
    ["activityPerYear", "Activity affected", p.activityPerYear],
  ] as const;
  for (const [field, name, value] of counts) {
    if (value != null && value < 0) out.push(unmet("impact", "impact.figure_negative", field, `${name} cannot be a negative number`));
  }
  return out;
}

// ─── 4. Risks ──────────────────────────────────────────────────────────────────
// Risks left out or played down were the second complaint: at least one, each scored, and
// each either mitigated or accepted with a reason that is published. High risks need a
// mitigation; accepting them is not enough.

function risks(p: Proposal, s: Settings): Unmet[] {
  if (!p.risks.length) {
    return [unmet("risks", "risks.none", "risks", "Add at least one risk: say what could go wrong, who would bear it and how likely it is")];
  }
  const out: Unmet[] = [];

  p.risks.forEach((r, i) => {
    const name = riskName(r, i);
    const field = (f: string) => `risks.${r.id}.${f}`;

    if (isFiller(r.description)) out.push(unmet("risks", "risks.description_missing", field("description"), ask(`Describe risk ${i + 1}`, r.description)));
    if (isFiller(r.whoBears)) out.push(unmet("risks", "risks.who_bears_missing", field("whoBears"), ask(`Say who would bear ${lowerFirst(name)}`, r.whoBears)));
    const likelihoodOk = isRating(r.likelihood);
    const impactOk = isRating(r.impact);
    if (!likelihoodOk) out.push(unmet("risks", "risks.likelihood_out_of_range", field("likelihood"), `Rate the likelihood of ${lowerFirst(name)} from 1 (rare) to 5 (almost certain)`));
    if (!impactOk) out.push(unmet("risks", "risks.impact_out_of_range", field("impact"), `Rate the impact of ${lowerFirst(name)} from 1 (minor) to 5 (severe)`));

    const mitigated = p.mitigations.some((m) => m.riskIds.includes(r.id));
    const score = likelihoodOk && impactOk ? riskScore(r) : null;
    if (score != null && score >= s.gate.highRiskScore && !mitigated) {
      out.push(unmet("risks", "risks.high_without_mitigation", `risks.${r.id}`, `${name} scores ${score} (likelihood ${r.likelihood} × impact ${r.impact}): a high risk needs a mitigation`));
    } else if (!mitigated && isFiller(r.acceptanceReason)) {
      out.push(unmet("risks", "risks.unaddressed", field("acceptanceReason"), ask(`Add a mitigation for ${lowerFirst(name)}, or give a reason for accepting it that can be published`, r.acceptanceReason)));
    } else if (!mitigated && (isGenericJustification(r.acceptanceReason) || wordCount(r.acceptanceReason) < MIN_WORDS.reason)) {
      // "Accepted: the savings are needed" accepts the risk without a reason anyone could weigh.
      out.push(unmet("risks", "risks.acceptance_reason_generic", field("acceptanceReason"), `Say why ${lowerFirst(name)} can be accepted: what limits the harm or why it is unlikely – '${clip(r.acceptanceReason!)}' gives no reason of its own`));
    }
    // (The same risk listed twice is found with every other copied text: nearDuplicates.)
  });

  // Risks played down: every risk at the bottom of both scales, or every one rated alike, is a
  // rating by rote rather than a judgement of each risk.
  const rated = p.risks.filter((r) => isRating(r.likelihood) && isRating(r.impact));
  if (rated.length === p.risks.length && rated.every((r) => r.likelihood === 1 && r.impact === 1)) {
    out.push(unmet("risks", "risks.all_minimal", "risks", `Every risk is rated 1 (rare) × 1 (minor): rate how likely and how harmful each one really is, so that readers can see which matter most`));
  } else if (rated.length >= 3 && rated.length === p.risks.length && rated.every((r) => r.likelihood === rated[0].likelihood && r.impact === rated[0].impact)) {
    out.push(unmet("risks", "risks.same_rating", "risks", `Every risk is rated the same (likelihood ${rated[0].likelihood} × impact ${rated[0].impact}): rate each risk on its own`));
  }
  return out;
}

// ─── 5. Dependencies ───────────────────────────────────────────────────────────

function dependencies(p: Proposal): Unmet[] {
  if (!p.dependencies.length) {
    return [unmet("dependencies", "dependencies.none", "dependencies", "List the services, teams, partners and contracts that rely on or are affected by the change")];
  }
  const out: Unmet[] = [];
  p.dependencies.forEach((d, i) => {
    const field = (f: string) => `dependencies.${d.id}.${f}`;
    const name = isPlaceholder(d.name) ? `dependency ${i + 1}` : clip(d.name);
    if (isPlaceholder(d.name)) out.push(unmet("dependencies", "dependencies.name_missing", field("name"), `Name dependency ${i + 1}`));
    if (isFiller(d.effect)) out.push(unmet("dependencies", "dependencies.effect_missing", field("effect"), ask(`Say how the change affects ${name}`, d.effect)));
    if (d.consulted == null) {
      out.push(unmet("dependencies", "dependencies.consulted_missing", field("consulted"), `Say whether ${name} has been consulted`));
    } else if (!d.consulted && isFiller(d.consultationNote)) {
      out.push(unmet("dependencies", "dependencies.consultation_note_missing", field("consultationNote"), ask(`Say why ${name} has not been consulted, or when they will be`, d.consultationNote)));
    }
  });
  return out;
}

// ─── 6. Mitigations ────────────────────────────────────────────────────────────

function mitigations(p: Proposal, _s: Settings, c: Required<GateContext>): Unmet[] {
  const riskIds = new Set(p.risks.map((r) => r.id));
  const rowIds = new Set(p.equalityRows.map((r) => r.id));
  const out: Unmet[] = [];
  p.mitigations.forEach((m, i) => {
    const name = mitigationName(m, i);
    const field = (f: string) => `mitigations.${m.id}.${f}`;
    const linked = m.riskIds.some((id) => riskIds.has(id)) || m.equalityRowIds.some((id) => rowIds.has(id));
    if (isFiller(m.action)) {
      out.push(unmet("mitigations", "mitigations.action_missing", field("action"), ask(`Describe the action for mitigation ${i + 1}`, m.action)));
    } else if (!namesAction(m.action)) {
      // "Robust monitoring arrangements in place" names nothing anyone will do.
      out.push(unmet("mitigations", "mitigations.no_action", field("action"), `Say what will be done in ${lowerFirst(name)}: name the action, such as 'Train the 29 clinicians' or 'Publish waiting times every month'`));
    } else {
      const past = pastDatesIn(m.action, c.today);
      if (past.length) out.push(unmet("mitigations", "mitigations.date_past", field("action"), `${name} gives '${past[0]}', which has passed: give the date it will be done`));
    }
    if (!linked) out.push(unmet("mitigations", "mitigations.unlinked", field("riskIds"), `Link ${lowerFirst(name)} to the risks or equality impacts it addresses`));
    if (isPlaceholder(m.owner)) out.push(unmet("mitigations", "mitigations.owner_missing", field("owner"), `Say who is responsible for ${lowerFirst(name)}`));
    else if (isVagueOwner(m.owner)) out.push(unmet("mitigations", "mitigations.owner_vague", field("owner"), `Say who is responsible for ${lowerFirst(name)} by role or team, for example 'Head of Children's Social Care' – '${clip(m.owner)}' could be anyone`));
    if (!isIsoDate(m.dueOn)) out.push(unmet("mitigations", "mitigations.due_date_missing", field("dueOn"), `Give the date by which ${lowerFirst(name)} will be done`));
    else if (m.dueOn! < c.today) out.push(unmet("mitigations", "mitigations.due_date_past", field("dueOn"), `The date for ${lowerFirst(name)} (${m.dueOn}) has passed: give the date by which it will be done`));
  });
  return out;
}

/** Owners that name nobody in particular: "the council", "staff", "management", "all". */
const VAGUE_OWNER_WORDS = new Set("the council councils service services staff management managers team teams officers all everyone various relevant appropriate project organisation department directorate we us our partners tbc leadership senior".split(" "));
function isVagueOwner(owner: string): boolean {
  return contentWords(owner).every((w) => VAGUE_OWNER_WORDS.has(w));
}

// ─── 7. Equality impact assessment ─────────────────────────────────────────────
// Public Sector Equality Duty, Equality Act 2010 s.149: due regard to the three aims for every
// protected characteristic. Bracking principles: rigour and evidence, so filler and rows
// copied across characteristics do not count.

const DUTY_STATEMENTS = [
  // s.149(1)(a), (b) and (c), then the assessment's conclusion
  { field: "aimEliminateDiscrimination", code: "aim", name: "The aim to eliminate discrimination, harassment and victimisation", ask: "Explain how the proposal affects the aim to eliminate discrimination, harassment and victimisation" },
  { field: "aimAdvanceEquality", code: "aim", name: "The aim to advance equality of opportunity", ask: "Explain how the proposal affects the aim to advance equality of opportunity" },
  { field: "aimFosterRelations", code: "aim", name: "The aim to foster good relations", ask: "Explain how the proposal affects the aim to foster good relations between people" },
  { field: "equalityConclusion", code: "conclusion", name: "The conclusion of the equality impact assessment", ask: "Write the conclusion of the equality impact assessment" },
] as const;

function equality(p: Proposal, s: Settings, c: Required<GateContext>): Unmet[] {
  const large = isLarge(p, s);
  const out: Unmet[] = [];

  for (const { key, label } of equalityCharacteristics(s)) {
    const row = p.equalityRows.find((r) => r.characteristic === key);
    const field = (f: string) => `equality.${key}.${f}`;
    if (!row) {
      out.push(unmet("equality", "equality.row_missing", `equality.${key}`, `Assess the impact on ${label}`));
      continue;
    }
    if (!row.rating) {
      out.push(unmet("equality", "equality.rating_missing", field("rating"), `Rate the impact on ${label} as positive, negative, neutral or unknown`));
    }
    const min = evidenceMinWords(row, p, s);
    const words = wordCount(row.evidence);
    if (isFiller(row.evidence)) {
      out.push(unmet("equality", "equality.evidence_missing", field("evidence"), ask(`Give evidence for the rating of ${label}`, row.evidence)));
    } else if (words < min) {
      const why = min > s.gate.evidenceMinWords ? " for a change of this size" : "";
      out.push(unmet("equality", "equality.evidence_too_short", field("evidence"), `Give more evidence for the rating of ${label}: it must be ${min} words or more${why} – it has ${words}`));
    }
    // (Evidence copied from another row, or one template with the name swapped: nearDuplicates.)
    if (row.rating === "negative" && !mitigates(p.mitigations, row)) {
      const j = row.justification;
      if (isFiller(j)) {
        out.push(unmet("equality", "equality.negative_unaddressed", field("justification"), ask(`The impact on ${label} is rated negative: link a mitigation or explain why the impact is justified`, j)));
      } else if (isGenericJustification(j) || !namesAction(j) || !(namesOwner(j) || namesTiming(j))) {
        // "Justified by the savings" leaves people with this characteristic worse off and no one
        // doing anything about it. Public Sector Equality Duty: due regard means acting on it.
        out.push(unmet("equality", "equality.justification_no_action", field("justification"), `The negative impact on ${label} needs a mitigation, or a justification that says what will be done to limit it, who will do it and by when – '${clip(j!)}' does not`));
      } else {
        const past = pastDatesIn(j, c.today);
        if (past.length) out.push(unmet("equality", "equality.date_past", field("justification"), `The justification for ${label} gives '${past[0]}', which has passed: give the date it will be done`));
      }
    }
    if (row.rating === "unknown") {
      const action = row.evidenceAction;
      if (isFiller(action)) {
        out.push(unmet("equality", "equality.unknown_without_action", field("evidenceAction"), ask(`The impact on ${label} is unknown: say how the evidence will be gathered`, action)));
      } else if (!namesAction(action) || !namesTiming(action)) {
        out.push(unmet("equality", "equality.evidence_action_vague", field("evidenceAction"), `Say how the evidence about ${label} will be gathered and by when, for example 'Survey users during the consultation and report before the decision' – '${clip(action!)}' does not`));
      } else {
        const past = pastDatesIn(action, c.today);
        if (past.length) out.push(unmet("equality", "equality.date_past", field("evidenceAction"), `The evidence about ${label} is to be gathered by '${past[0]}', which has passed: give the date it will be done`));
      }
    }
  }

  for (const d of DUTY_STATEMENTS) {
    const text = p[d.field];
    const words = wordCount(text);
    if (isFiller(text)) {
      out.push(unmet("equality", `equality.${d.code}_missing`, d.field, ask(d.ask, text)));
      continue;
    }
    if (words < MIN_WORDS.equalityStatement) {
      out.push(unmet("equality", `equality.${d.code}_too_short`, d.field, `${d.name} must be ${MIN_WORDS.equalityStatement} words or more – it has ${words}`));
    }
  }
  return out;
}

/**
 * Proportionality: a small proposal may note briefly that a group is not affected differently; a
 * large one needs full evidence on every row; one that reaches collective consultation (20 or more
 * posts) needs half as much again where the impact is negative or unknown.
 */
function evidenceMinWords(row: EqualityRow, p: Proposal, s: Settings): number {
  const noAdverseImpact = row.rating === "neutral" || row.rating === "positive";
  if (!isLarge(p, s) && noAdverseImpact) return MIN_WORDS.briefEvidence;
  if (!noAdverseImpact && (p.postsAffected ?? 0) >= s.union.collectiveConsultationPosts) return Math.ceil(s.gate.evidenceMinWords * 1.5);
  return s.gate.evidenceMinWords;
}

// ─── 8. Documents ──────────────────────────────────────────────────────────────
// The internal business case told a different story from the public page, so it must be
// attached. Local Government Transparency Code 2015: a preference for disclosure, and
// commercial confidentiality is not in itself a reason to withhold, so each withheld part
// names its legal ground, the public-interest reasoning and when it will be looked at again.

function documents(p: Proposal, s: Settings, c: Required<GateContext>): Unmet[] {
  const out: Unmet[] = [];
  if (!p.documents.some((d) => d.kind === "business_case")) {
    out.push(unmet("documents", "documents.business_case_missing", "documents", "Attach the internal business case"));
  }
  const grounds = new Set(s.withholdingGrounds.map((g) => g.key));
  for (const doc of p.documents) {
    // A document is what its type claims: a business case or an equality assessment is a written
    // document (not a spreadsheet or a slide deck), and no real one fits in a few bytes.
    const title = `'${clip(doc.title)}'`;
    const what = DOCUMENT_KIND_WORDS[doc.kind];
    const written = WRITTEN_DOCUMENT_TYPES.has(doc.mimeType);
    if (doc.kind !== "other" && !written) {
      out.push(unmet("documents", "documents.wrong_type", `documents.${doc.id}`, `${upperFirst(what)} must be a written document (PDF, Word or OpenDocument text): ${title} is ${typeWords(doc.mimeType)}`));
    }
    const minBytes = doc.kind === "other" ? MIN_OTHER_DOCUMENT_BYTES : s.gate.minDocumentBytes;
    if (doc.sizeBytes < minBytes) {
      out.push(unmet("documents", "documents.too_small", `documents.${doc.id}`, `${title} is only ${doc.sizeBytes.toLocaleString("en-GB")} ${doc.sizeBytes === 1 ? "byte" : "bytes"}, too small to be ${doc.kind === "other" ? "a document" : what}: attach the full document`));
    }
    if (doc.disclosure === "published") continue;
    if (!doc.withheldParts.length) {
      out.push(unmet("documents", "documents.withheld_parts_missing", `documents.${doc.id}.withheldParts`, `Say which parts of ${title} are withheld and why, or publish it in full`));
    }
    doc.withheldParts.forEach((part, i) => {
      const field = (f: string) => `documents.${doc.id}.withheldParts.${part.id}.${f}`;
      const partName = isPlaceholder(part.part) ? `withheld part ${i + 1} of ${title}` : `'${clip(part.part)}'`;
      if (isPlaceholder(part.part)) {
        out.push(unmet("documents", "documents.part_description_missing", field("part"), `Describe withheld part ${i + 1} of ${title} in words the public can understand`));
      }
      if (!grounds.has(part.ground)) {
        out.push(unmet("documents", "documents.ground_missing", field("ground"), `Choose the legal ground for withholding ${partName}`));
      }
      if (isFiller(part.publicInterestNote)) {
        out.push(unmet("documents", "documents.public_interest_missing", field("publicInterestNote"), ask(`Explain why the public interest favours withholding ${partName}`, part.publicInterestNote)));
      }
      if (!isIsoDate(part.reviewOn)) {
        out.push(unmet("documents", "documents.review_date_missing", field("reviewOn"), `Give the date when withholding ${partName} will be reviewed`));
      } else if (part.reviewOn < c.today) {
        out.push(unmet("documents", "documents.review_date_past", field("reviewOn"), `The review date for withholding ${partName} (${part.reviewOn}) has passed: review it, then publish the part or give the next review date`));
      }
    });
  }
  return out;
}

const DOCUMENT_KIND_WORDS: Record<ProposalDocument["kind"], string> = { business_case: "the business case", equality_assessment: "the equality impact assessment", other: "a document" };
const WRITTEN_DOCUMENT_TYPES = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword",
  "application/vnd.oasis.opendocument.text",
]);
/** Supporting documents (maps, data) may be small, but not empty of anything to read. */
const MIN_OTHER_DOCUMENT_BYTES = 100;

function typeWords(mimeType: string): string {
  if (mimeType === "text/csv") return "a CSV data file";
  if (mimeType.includes("spreadsheet")) return "a spreadsheet";
  if (mimeType.includes("presentation")) return "a presentation";
  return `a file of type ${mimeType}`;
}

// ─── 9. Consultation plan ──────────────────────────────────────────────────────
// Gunning 3: enough time. Cabinet Office Consultation Principles 2018. Under the minimum is
// never allowed; under the default needs a reason that is published.

function plan(p: Proposal, s: Settings): Unmet[] {
  const out: Unmet[] = [];
  const opens = isoDay(p.opensOn);
  const closes = isoDay(p.closesOn);
  if (opens == null) out.push(unmet("plan", "plan.opens_missing", "opensOn", "Enter the date the consultation opens"));
  if (closes == null) out.push(unmet("plan", "plan.closes_missing", "closesOn", "Enter the date the consultation closes"));

  // The length and the pre-election periods: the same rule the opening applies (period.ts).
  if (opens != null && closes != null) out.push(...periodUnmet(p, s));
  if (isFiller(p.howToRespond)) {
    out.push(unmet("plan", "plan.how_to_respond_missing", "howToRespond", ask("Say how people can respond", p.howToRespond)));
  }
  if (isFiller(p.alternativeFormats)) {
    out.push(unmet("plan", "plan.alternative_formats_missing", "alternativeFormats", ask("Say how people can get the consultation in other formats, such as large print, Easy Read or another language", p.alternativeFormats)));
  }
  return out;
}

// ─── 10. Staff and unions affected ─────────────────────────────────────────────
// Staff were not told and unions heard nothing before launch: the answer must be explicit.

function stakeholders(p: Proposal, s: Settings): Unmet[] {
  const out: Unmet[] = [];
  const posts = p.postsAffected ?? 0;
  const chosen = p.staffGroups.length > 0 || p.unions.length > 0;

  if (posts > 0) {
    if (p.noStaffAffected) {
      out.push(unmet("stakeholders", "stakeholders.no_staff_contradicts", "noStaffAffected", `${posts} posts are affected, so staff are affected: remove the answer that no staff are affected`));
    }
    if (!p.staffGroups.length) out.push(unmet("stakeholders", "stakeholders.staff_groups_missing", "staffGroups", `Choose the staff groups affected – ${posts} posts are affected`));
    if (!p.unions.length) out.push(unmet("stakeholders", "stakeholders.unions_missing", "unions", `Choose the recognised unions to be given notice – ${posts} posts are affected`));
  } else if (p.noStaffAffected && chosen) {
    out.push(unmet("stakeholders", "stakeholders.no_staff_contradicts", "noStaffAffected", "You chose staff groups or unions but also said no staff are affected: change one of the answers"));
  } else if (!p.noStaffAffected && !p.staffGroups.length) {
    out.push(unmet("stakeholders", "stakeholders.not_answered", "staffGroups", "Choose the staff groups and unions affected, or confirm that no staff are affected"));
  }

  // TULRCA 1992 s.188 and s.193, TUPE 2006 reg 13: what the unions must be told (employment.ts).
  out.push(...employmentUnmet(p, s));
  return out;
}

// ─── 11. Consultation questions ────────────────────────────────────────────────
// Gunning 2: people must know what they are being asked. Each question is answered on a
// stance scale with free text; an empty or repeated question wastes the respondent's time.

function questions(p: Proposal): Unmet[] {
  if (!p.questions.length) {
    return [unmet("questions", "questions.none", "questions", "Add at least one question for people to answer")];
  }
  const out: Unmet[] = [];
  const seen = new Map<string, number>();
  p.questions.forEach((q, i) => {
    const field = `questions.${q.id}.question`;
    if (isFiller(q.question)) {
      out.push(unmet("questions", "questions.question_missing", field, ask(`Write question ${i + 1} in full`, q.question)));
      return;
    }
    const key = normaliseForComparison(q.question);
    const first = seen.get(key);
    if (first != null) out.push(unmet("questions", "questions.duplicate", field, `Question ${i + 1} repeats question ${first + 1}: ask something different or remove the copy`));
    else seen.set(key, i);
  });
  return out;
}

// ─── The proposal as a whole: copies and acronyms ─────────────────────────────
// A proposal padded with one paragraph pasted into every row, or with one template whose name is
// swapped for each equality characteristic, looks thorough and says nothing. Acronyms are read as
// the public page reads: in order, each expanded where a reader first meets it.

type TextKind =
  | "summary" | "details" | "option" | "option_reason" | "risk" | "risk_reason" | "dependency" | "dependency_note"
  | "mitigation" | "evidence" | "justification" | "evidence_action" | "aim" | "public_interest" | "plan" | "question"
  /** short names and labels: compared for acronyms only */
  | "label";

type PublishedText = {
  section: SectionKey;
  field: string;
  /** how a message names it at the start of a sentence: "What will change", "Mitigation 2" */
  name: string;
  /** where it is, in "the first time you use it in ...": "the summary", "risk 3" */
  where: string;
  text: string | null;
  kind: TextKind;
  /** words that name who a row is about (an equality characteristic), for templates */
  names?: ReadonlySet<string>;
};

/** Everything the public page shows, in the order it shows it. */
function publishedTexts(p: Proposal, s: Settings): PublishedText[] {
  const out: PublishedText[] = [];
  const add = (section: SectionKey, field: string, name: string, text: string | null, kind: TextKind, extra: Partial<PublishedText> = {}) =>
    out.push({ section, field, name, where: lowerFirst(name), text, kind, ...extra });
  add("summary", "summary", "The summary", p.summary, "summary");
  for (const d of DETAILS) add("details", d.field, d.name, p[d.field], "details", { where: lowerFirst(d.name) });
  p.options.forEach((o, i) => {
    add("options", `options.${o.id}.title`, `The name of option ${i + 1}`, o.title, "label");
    add("options", `options.${o.id}.description`, `Option ${i + 1}`, o.description, "option");
    if (!o.isProposed) add("options", `options.${o.id}.rejectedBecause`, `Why option ${i + 1} was rejected`, o.rejectedBecause, "option_reason");
  });
  add("impact", "activityDescription", "The activity affected", p.activityDescription, "label");
  p.risks.forEach((r, i) => {
    add("risks", `risks.${r.id}.description`, `Risk ${i + 1}`, r.description, "risk");
    add("risks", `risks.${r.id}.whoBears`, `Who would bear risk ${i + 1}`, r.whoBears, "label");
    add("risks", `risks.${r.id}.acceptanceReason`, `The reason for accepting risk ${i + 1}`, r.acceptanceReason, "risk_reason");
  });
  p.dependencies.forEach((d, i) => {
    add("dependencies", `dependencies.${d.id}.name`, `The name of dependency ${i + 1}`, d.name, "label");
    add("dependencies", `dependencies.${d.id}.effect`, `The effect on dependency ${i + 1}`, d.effect, "dependency");
    add("dependencies", `dependencies.${d.id}.consultationNote`, `The consultation note for dependency ${i + 1}`, d.consultationNote, "dependency_note");
  });
  p.mitigations.forEach((m, i) => {
    add("mitigations", `mitigations.${m.id}.action`, `Mitigation ${i + 1}`, m.action, "mitigation");
    add("mitigations", `mitigations.${m.id}.owner`, `The owner of mitigation ${i + 1}`, m.owner, "label");
  });
  for (const { key, label } of equalityCharacteristics(s)) {
    const row = p.equalityRows.find((r) => r.characteristic === key);
    if (!row) continue;
    const names = characteristicWords(key, label);
    add("equality", `equality.${key}.evidence`, `The evidence for ${label}`, row.evidence, "evidence", { names });
    add("equality", `equality.${key}.justification`, `The justification for ${label}`, row.justification, "justification", { names });
    add("equality", `equality.${key}.evidenceAction`, `How evidence about ${label} will be gathered`, row.evidenceAction, "evidence_action", { names });
  }
  for (const d of DUTY_STATEMENTS) add("equality", d.field, d.name, p[d.field], "aim");
  p.documents.forEach((doc) => {
    add("documents", `documents.${doc.id}`, `The title of '${clip(doc.title)}'`, doc.title, "label");
    for (const part of doc.withheldParts) {
      add("documents", `documents.${doc.id}.withheldParts.${part.id}.part`, `A withheld part of '${clip(doc.title)}'`, part.part, "label");
      add("documents", `documents.${doc.id}.withheldParts.${part.id}.publicInterestNote`, `The public-interest note for '${clip(part.part)}'`, part.publicInterestNote, "public_interest");
    }
  });
  add("plan", "shortPeriodReason", "The reason for the shorter period", p.shortPeriodReason, "plan");
  add("plan", "howToRespond", "How to respond", p.howToRespond, "plan");
  add("plan", "alternativeFormats", "Other formats", p.alternativeFormats, "plan");
  add("plan", "events", "Events", p.events, "plan");
  p.questions.forEach((q, i) => add("questions", `questions.${q.id}.question`, `Question ${i + 1}`, q.question, "question"));
  return out.filter((t) => t.text != null && t.text.trim() !== "");
}

/** Row kinds where one template with a name swapped is the trick to look for. */
const TEMPLATED_KINDS: ReadonlySet<string> = new Set<TextKind>(["evidence", "justification", "evidence_action", "mitigation", "dependency", "risk", "option", "option_reason", "risk_reason", "dependency_note"]);

/**
 * Any two texts of the proposal that are the same text: copied, copied with a few words changed,
 * or (for rows) one template with a name swapped. The later one is reported, naming the earlier.
 * Questions may share a stem ("How much do you agree with ..."), so only exact copies count there.
 */
function nearDuplicates(p: Proposal, s: Settings): Unmet[] {
  const texts = publishedTexts(p, s).filter((t) => t.kind !== "label");
  const pairs = nearDuplicatePairs(
    texts.map((t) => ({ text: t.text, kind: t.kind, names: t.names, group: t.field.includes(".") ? t.field.split(".").slice(0, 2).join(".") : undefined })),
    // Questions may share a stem ("How much do you agree with ..."): only exact copies count, in questions().
    { templateKinds: TEMPLATED_KINDS, skip: (a, b) => a.kind === "question" || b.kind === "question" },
  );
  return pairs.map(({ index, of, templated }) => copyItem(texts[of], texts[index], templated));
}

function copyItem(a: PublishedText, b: PublishedText, templated: boolean): Unmet {
  const how = templated ? "the same text with the name changed" : "the same";
  if (a.kind === "details" && b.kind === "details") return unmet("details", "details.copied", b.field, `${b.name} repeats ${a.where}: write each part separately`);
  if (a.kind === "evidence" && b.kind === "evidence") {
    const label = (t: PublishedText) => t.name.replace(/^The evidence for /, "");
    return unmet("equality", "equality.evidence_copied", b.field, `The evidence for ${label(b)} is ${how} as for ${label(a)}: give evidence about ${label(b)}`);
  }
  if (a.kind === "aim" && b.kind === "aim") return unmet("equality", "equality.aim_copied", b.field, `${b.name} repeats ${a.where}: write each one separately`);
  if (a.kind === "risk" && b.kind === "risk") return unmet("risks", "risks.duplicate", b.field, `${b.name} repeats ${a.where}: describe a different risk or remove the copy`);
  return unmet(b.section, `${b.section}.near_duplicate`, b.field, `${b.name} is ${how} as ${a.where}: write what is particular to each`);
}

/** The words that name who an equality row is about, so that a template can be seen through. */
function characteristicWords(key: string, label: string): ReadonlySet<string> {
  const words = new Set(contentWords(label));
  for (const w of CHARACTERISTIC_TERMS[key] ?? []) words.add(w);
  return words;
}

const CHARACTERISTIC_TERMS: Record<string, string[]> = {
  age: "age ages aged older old elderly younger young children child adults adult pensioners teenagers babies infants over under".split(" "),
  disability: "disability disabilities disabled impairment impairments impaired deaf blind wheelchair learning autism autistic neurodivergent mental health conditions condition".split(" "),
  gender_reassignment: "gender reassignment trans transgender non binary nonbinary identity transitioning".split(" "),
  marriage_civil_partnership: "marriage married civil partnership partnerships partners partner spouses spouse unmarried single couples".split(" "),
  pregnancy_maternity: "pregnancy pregnant maternity mothers expectant new parents paternity breastfeeding babies women".split(" "),
  race: "race racial ethnic ethnicity minority minorities black asian white mixed heritage gypsy roma traveller travellers nationality migrants refugees asylum".split(" "),
  religion_belief: "religion religious belief beliefs faith faiths christian christians muslim muslims jewish hindu sikh buddhist atheist worship".split(" "),
  sex: "sex men women male female males females boys girls man woman".split(" "),
  sexual_orientation: "sexual orientation lesbian gay bisexual lgb lgbt lgbtq heterosexual straight".split(" "),
  carers: "carers carer caring cared care unpaid".split(" "),
  socio_economic: "socio economic income incomes low poverty deprived deprivation disadvantage disadvantaged poorer poor benefits".split(" "),
  care_experienced: "care experienced leavers leaver looked after children".split(" "),
};

/**
 * Every acronym expanded where a reader first meets it, in any published field, and expanded with
 * words that spell it and mean it. The summary stands alone (it is shown alone in lists, feeds
 * and emails); everything after it is read in page order, after the title and the summary.
 */
function acronymsThroughout(p: Proposal, s: Settings): Unmet[] {
  const allowed = [...s.gate.acronymAllowList, ...p.unions.map((u) => u.shortName)];
  const out: Unmet[] = [];
  const carried = new Set<string>(acronymProblems(p.title, allowed).expanded);
  for (const t of publishedTexts(p, s)) {
    if (isFiller(t.text) && t.kind !== "label") continue;
    if (t.kind === "label" && isPlaceholder(t.text)) continue;
    const known = t.kind === "summary" ? allowed : [...allowed, ...carried];
    const { problems, expanded } = acronymProblems(t.text, known);
    for (const e of expanded) carried.add(e);
    for (const problem of problems) {
      carried.add(problem.acronym);
      const example = expansionExample(problem.acronym);
      out.push(
        problem.kind === "unexpanded"
          ? unmet(t.section, `${t.section}.acronym`, t.field, `Expand ${problem.acronym} the first time you use it in ${t.where}, for example '${example}'`)
          : unmet(t.section, `${t.section}.acronym_expansion`, t.field, `'${clip(problem.given ?? "", 60)}' does not spell out what ${problem.acronym} stands for in ${t.where}: write it in full, for example '${example}'`),
      );
    }
  }
  return out;
}

// ─── The sections, in gate order ───────────────────────────────────────────────

const CHECKS: Record<SectionKey, Check> = {
  summary,
  details,
  options,
  impact,
  risks,
  dependencies,
  mitigations,
  equality,
  documents,
  plan,
  stakeholders,
  questions,
};

const hasText = (text: string | null) => !!text && text.trim().length > 0;

/** Whether an officer has put anything into a section yet. */
const TOUCHED: Record<SectionKey, (p: Proposal) => boolean> = {
  summary: (p) => hasText(p.summary) || hasText(p.easyReadSummary),
  details: (p) => DETAILS.some((d) => hasText(p[d.field])),
  options: (p) => p.options.length > 0,
  impact: (p) =>
    [p.postsAffected, p.fteAffected, p.serviceWorkforcePosts, p.serviceUsersPerYear, p.activityPerYear, p.budgetChangeGbp].some((v) => v != null) ||
    hasText(p.activityDescription),
  risks: (p) => p.risks.length > 0,
  dependencies: (p) => p.dependencies.length > 0,
  mitigations: (p) => p.mitigations.length > 0,
  // Rows for every characteristic exist from the start, so only an answer counts.
  equality: (p) => p.equalityRows.some((r) => r.rating != null || hasText(r.evidence)) || DUTY_STATEMENTS.some((d) => hasText(p[d.field])),
  documents: (p) => p.documents.length > 0,
  plan: (p) => [p.opensOn, p.closesOn, p.shortPeriodReason, p.howToRespond, p.alternativeFormats, p.events].some(hasText),
  stakeholders: (p) =>
    p.staffGroups.length > 0 || p.unions.length > 0 || p.noStaffAffected ||
    [p.redundancyReasons, p.staffDescriptions, p.selectionMethod, p.dismissalMethodAndTiming].some(hasText) ||
    p.redundancyPosts != null || p.transferKind != null,
  questions: (p) => p.questions.length > 0,
};

// ─── Small helpers ─────────────────────────────────────────────────────────────

function unmet(section: SectionKey, code: string, field: string, message: string): Unmet {
  return { section, code, field, message };
}

/** The request, quoting back what was written when it was filler rather than a blank. */
function ask(request: string, text: string | null | undefined): string {
  if (!text || !text.trim()) return request;
  const kind = fillerKind(text);
  return `${request} – '${clip(text)}' ${kind && kind !== "blank" ? FILLER_WORDS[kind] : "does not say enough"}`;
}

function riskName(r: Risk, i: number): string {
  return isPlaceholder(r.description) ? `Risk ${i + 1}` : `Risk ${i + 1} '${clip(r.description)}'`;
}

function mitigationName(m: Mitigation, i: number): string {
  return isPlaceholder(m.action) ? `Mitigation ${i + 1}` : `Mitigation ${i + 1} '${clip(m.action)}'`;
}

function mitigates(all: Mitigation[], row: EqualityRow): boolean {
  return all.some((m) => m.equalityRowIds.includes(row.id));
}

function isRating(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

/** Days since 1970 for a real calendar date written YYYY-MM-DD, otherwise null. */
function isoDay(text: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.getTime() / 86_400_000;
}

function isIsoDate(text: string | null | undefined): boolean {
  return isoDay(text) != null;
}

/** Short enough to quote in a message, cut at a word. */
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
