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
import {
  isFiller,
  isPlaceholder,
  normaliseForComparison,
  unexpandedAcronyms,
  wordCount,
} from "./text-quality";
import {
  SECTIONS,
  riskScore,
  workforceShare,
  type EqualityRow,
  type Mitigation,
  type Proposal,
  type Risk,
  type SectionKey,
  type Unmet,
} from "./types";

/** Fixed minimums that are about filler rather than proportion, so they are not settings. */
const MIN_WORDS = {
  /** why a rejected option was rejected (Moseley v Haringey 2014) */
  rejectionReason: 5,
  /** a no-differential-impact note on a small proposal, e.g. "No different effect by sex" */
  briefEvidence: 3,
  /** each aim of the equality duty, and the conclusion */
  equalityStatement: 10,
};

/** Acronyms officers often use, so the message can show a real example. */
const KNOWN_EXPANSIONS: Record<string, string> = {
  CAMHS: "Child and Adolescent Mental Health Services",
  TUPE: "Transfer of Undertakings (Protection of Employment) Regulations",
  SEND: "special educational needs and disabilities",
  EHCP: "education, health and care plan",
  ASC: "adult social care",
  CYP: "children and young people",
  MASH: "Multi-Agency Safeguarding Hub",
  ICB: "Integrated Care Board",
  CQC: "Care Quality Commission",
  EIA: "equality impact assessment",
  HR: "human resources",
  KPI: "key performance indicator",
  SLA: "service level agreement",
  VCS: "voluntary and community sector",
  GP: "general practitioner",
  LAC: "looked-after children",
  DWP: "Department for Work and Pensions",
  TULRCA: "Trade Union and Labour Relations (Consolidation) Act",
};

// ─── The gate ──────────────────────────────────────────────────────────────────

/**
 * What the gate needs besides the proposal and the settings. `today` (YYYY-MM-DD) dates the
 * rules about dates already past; without it they count from the day the proposal was last
 * saved, so the gate stays a pure function of what it is given.
 */
export type GateContext = { today?: string };

type Check = (p: Proposal, s: Settings, c: Required<GateContext>) => Unmet[];

export function readiness(proposal: Proposal, settings: Settings, context: GateContext = {}): Unmet[] {
  const c: Required<GateContext> = { today: context.today ?? proposal.updatedAt.slice(0, 10) };
  return SECTIONS.flatMap(({ key }) => CHECKS[key](proposal, settings, c));
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
const NEEDS_MITIGATION = new Set(["risks.high_without_mitigation", "risks.unaddressed", "equality.negative_unaddressed"]);

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

function summary(p: Proposal, s: Settings): Unmet[] {
  const { summaryMinWords: min, summaryMaxWords: max } = s.gate;
  const words = wordCount(p.summary);
  const out: Unmet[] = [];
  if (isFiller(p.summary)) {
    out.push(unmet("summary", "summary.missing", "summary", ask("Write a summary of the proposal in plain English", p.summary)));
    return out;
  }
  if (words < min) out.push(unmet("summary", "summary.too_short", "summary", `The summary must be ${min} words or more – it has ${words}`));
  if (words > max) out.push(unmet("summary", "summary.too_long", "summary", `The summary must be ${max} words or fewer – it has ${words}`));
  out.push(...acronyms("summary", "summary.acronym", "summary", "the summary", p.summary, s));
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
  const written: { name: string; field: DetailsField; normalised: string }[] = [];

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
    // Copy-paste between fields: each part of the story must be told.
    const normalised = normaliseForComparison(text);
    const original = written.find((w) => w.normalised === normalised);
    if (original) {
      out.push(unmet("details", "details.copied", d.field, `${d.name} repeats ${lowerFirst(original.name)}: write each part separately`));
    }
    written.push({ name: d.name, field: d.field, normalised });
  }
  out.push(...acronyms("details", "details.acronym", "whatChanges", "what will change", p.whatChanges, s));
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
  const seen = new Map<string, number>();

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
    }

    // The same risk listed twice makes a proposal look more thorough than it is.
    const key = normaliseForComparison(r.description);
    const first = seen.get(key);
    if (key && first != null) {
      out.push(unmet("risks", "risks.duplicate", field("description"), `Risk ${i + 1} repeats risk ${first + 1}: describe a different risk or remove the copy`));
    } else if (key) {
      seen.set(key, i);
    }
  });
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

function mitigations(p: Proposal): Unmet[] {
  const riskIds = new Set(p.risks.map((r) => r.id));
  const rowIds = new Set(p.equalityRows.map((r) => r.id));
  const out: Unmet[] = [];
  p.mitigations.forEach((m, i) => {
    const name = mitigationName(m, i);
    const field = (f: string) => `mitigations.${m.id}.${f}`;
    const linked = m.riskIds.some((id) => riskIds.has(id)) || m.equalityRowIds.some((id) => rowIds.has(id));
    if (isFiller(m.action)) out.push(unmet("mitigations", "mitigations.action_missing", field("action"), ask(`Describe the action for mitigation ${i + 1}`, m.action)));
    if (!linked) out.push(unmet("mitigations", "mitigations.unlinked", field("riskIds"), `Link ${lowerFirst(name)} to the risks or equality impacts it addresses`));
    if (isPlaceholder(m.owner)) out.push(unmet("mitigations", "mitigations.owner_missing", field("owner"), `Say who is responsible for ${lowerFirst(name)}`));
    if (!isIsoDate(m.dueOn)) out.push(unmet("mitigations", "mitigations.due_date_missing", field("dueOn"), `Give the date by which ${lowerFirst(name)} will be done`));
  });
  return out;
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

function equality(p: Proposal, s: Settings): Unmet[] {
  const large = isLarge(p, s);
  const out: Unmet[] = [];
  const copies = copiedEvidence(p, s, large);

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
    const min = evidenceMinWords(row, large, s);
    const words = wordCount(row.evidence);
    if (isFiller(row.evidence)) {
      out.push(unmet("equality", "equality.evidence_missing", field("evidence"), ask(`Give evidence for the rating of ${label}`, row.evidence)));
    } else if (words < min) {
      out.push(unmet("equality", "equality.evidence_too_short", field("evidence"), `Give more evidence for the rating of ${label}: it must be ${min} words or more – it has ${words}`));
    } else if (copies.has(row.id)) {
      out.push(unmet("equality", "equality.evidence_copied", field("evidence"), `The evidence for ${label} is the same as for ${copies.get(row.id)}: give evidence about ${label}`));
    }
    if (row.rating === "negative" && !mitigates(p.mitigations, row) && isFiller(row.justification)) {
      out.push(unmet("equality", "equality.negative_unaddressed", field("justification"), ask(`The impact on ${label} is rated negative: link a mitigation or explain why the impact is justified`, row.justification)));
    }
    if (row.rating === "unknown" && isFiller(row.evidenceAction)) {
      out.push(unmet("equality", "equality.unknown_without_action", field("evidenceAction"), ask(`The impact on ${label} is unknown: say how the evidence will be gathered`, row.evidenceAction)));
    }
  }

  const written: { name: string; normalised: string }[] = [];
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
    const normalised = normaliseForComparison(text);
    const original = written.find((w) => w.normalised === normalised);
    if (original) {
      out.push(unmet("equality", "equality.aim_copied", d.field, `${d.name} repeats ${lowerFirst(original.name)}: write each one separately`));
    }
    written.push({ name: d.name, normalised });
  }
  return out;
}

/** Proportionality: a small proposal may note briefly that a group is not affected differently. */
function evidenceMinWords(row: EqualityRow, large: boolean, s: Settings): number {
  const noAdverseImpact = row.rating === "neutral" || row.rating === "positive";
  return !large && noAdverseImpact ? MIN_WORDS.briefEvidence : s.gate.evidenceMinWords;
}

/**
 * Rows whose evidence repeats an earlier row's, mapped to that earlier row's label. Identical
 * text on three or more rows is copy-paste; on two rows it is copy-paste when either is rated
 * negative or unknown, where the evidence matters most. The first row of each set is left alone.
 */
function copiedEvidence(p: Proposal, s: Settings, large: boolean): Map<number, string> {
  const labelOf = new Map(equalityCharacteristics(s).map((c) => [c.key, c.label]));
  const ordered = equalityCharacteristics(s)
    .map((c) => p.equalityRows.find((r) => r.characteristic === c.key))
    .filter((r): r is EqualityRow => !!r && !isFiller(r.evidence) && wordCount(r.evidence) >= evidenceMinWords(r, large, s));

  const groups = new Map<string, EqualityRow[]>();
  for (const row of ordered) {
    const key = normaliseForComparison(row.evidence);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const copies = new Map<number, string>();
  for (const group of groups.values()) {
    const weighty = group.some((r) => r.rating === "negative" || r.rating === "unknown");
    if (group.length >= 3 || (group.length === 2 && weighty)) {
      const first = labelOf.get(group[0].characteristic) ?? group[0].characteristic;
      for (const row of group.slice(1)) copies.set(row.id, first);
    }
  }
  return copies;
}

// ─── 8. Documents ──────────────────────────────────────────────────────────────
// The internal business case told a different story from the public page, so it must be
// attached. Local Government Transparency Code 2015: a preference for disclosure, and
// commercial confidentiality is not in itself a reason to withhold, so each withheld part
// names its legal ground, the public-interest reasoning and when it will be looked at again.

function documents(p: Proposal, s: Settings): Unmet[] {
  const out: Unmet[] = [];
  if (!p.documents.some((d) => d.kind === "business_case")) {
    out.push(unmet("documents", "documents.business_case_missing", "documents", "Attach the internal business case"));
  }
  const grounds = new Set(s.withholdingGrounds.map((g) => g.key));
  for (const doc of p.documents) {
    if (doc.disclosure === "published") continue;
    const title = `'${clip(doc.title)}'`;
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
      }
    });
  }
  return out;
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

  if (opens != null && closes != null) {
    const days = closes - opens;
    if (days <= 0) {
      out.push(unmet("plan", "plan.closes_before_opens", "closesOn", "The closing date must be after the opening date"));
    } else if (days < s.plan.minimumWeeks * 7) {
      out.push(unmet("plan", "plan.period_below_minimum", "closesOn", `The consultation must run for at least ${s.plan.minimumWeeks} weeks – it runs for ${weeksAndDays(days)}`));
    } else if (days < s.plan.defaultWeeks * 7 && isFiller(p.shortPeriodReason)) {
      out.push(unmet("plan", "plan.short_period_reason_missing", "shortPeriodReason", ask(`Explain why the consultation runs for ${weeksAndDays(days)}, less than ${s.plan.defaultWeeks} weeks – the reason will be published`, p.shortPeriodReason)));
    }
  }
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

  // TULRCA 1992 s.188: proposing 20 or more redundancies at one establishment within 90 days
  // means collective consultation, and s.188(4) lists what must be disclosed in writing.
  if (posts >= s.union.collectiveConsultationPosts) {
    const because = `${posts} posts are affected, so the union notice must include it (Trade Union and Labour Relations (Consolidation) Act 1992, section 188)`;
    const s188 = [
      ["redundancyReasons", "Give the reasons for the proposed redundancies"], // s.188(4)(a)
      ["staffDescriptions", "Give the numbers and descriptions of staff who may be made redundant"], // s.188(4)(b), (c)
      ["selectionMethod", "Describe how staff would be selected for redundancy"], // s.188(4)(d)
      ["dismissalMethodAndTiming", "Describe how dismissals would be carried out and over what period"], // s.188(4)(e)
    ] as const;
    for (const [field, request] of s188) {
      if (isFiller(p[field])) out.push(unmet("stakeholders", "stakeholders.s188_missing", field, `${request}: ${because}`));
    }
  }
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
  summary: (p) => hasText(p.summary),
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
    [p.redundancyReasons, p.staffDescriptions, p.selectionMethod, p.dismissalMethodAndTiming].some(hasText),
  questions: (p) => p.questions.length > 0,
};

// ─── Small helpers ─────────────────────────────────────────────────────────────

function unmet(section: SectionKey, code: string, field: string, message: string): Unmet {
  return { section, code, field, message };
}

/** The request, quoting back what was written when it was filler rather than a blank. */
function ask(request: string, text: string | null | undefined): string {
  if (!text || !text.trim()) return request;
  return `${request} – '${clip(text)}' ${isPlaceholder(text) ? "is a placeholder" : "does not say enough"}`;
}

function acronyms(section: SectionKey, code: string, field: string, where: string, text: string | null, s: Settings): Unmet[] {
  return unexpandedAcronyms(text, s.gate.acronymAllowList).map((acronym) => {
    const example = KNOWN_EXPANSIONS[acronym] ? `${KNOWN_EXPANSIONS[acronym]} (${acronym})` : `the words in full (${acronym})`;
    return unmet(section, code, field, `Expand ${acronym} the first time you use it in ${where}, for example '${example}'`);
  });
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

function weeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const w = weeks === 1 ? "1 week" : `${weeks} weeks`;
  const d = rest === 1 ? "1 day" : `${rest} days`;
  if (!weeks) return d;
  return rest ? `${w} and ${d}` : w;
}

/** Short enough to quote in a message, cut at a word. */
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
