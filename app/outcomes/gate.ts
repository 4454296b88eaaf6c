/**
 * The outcome report's own gate: one pure function from a draft outcome to what it still lacks,
 * each item with a message an officer can act on. It drives the outcome's task list, the
 * approver's page and the server's refusal to publish, like the publication gate does for a
 * proposal (readiness.ts), and it judges words by the same filler rules (text-quality.ts).
 *
 * What it holds to (Gunning 4: responses taken conscientiously into account):
 * - every theme has the council's response, in real words;
 * - a theme that says the proposal changed links the public version that changed it, so the
 *   claim can be checked against the history page's word diff;
 * - the equality assessment was revisited (Bracking: the duty continues after consultation),
 *   and every re-rated row carries its evidence and what its rating calls for;
 * - who responded and what happens next are said plainly.
 */
import { FILLER_WORDS, fillerKind, isFiller, meetsMinimumWords, nearDuplicatePairs } from "~/proposals/text-quality";

export type OutcomeThemeDraft = {
  id: number;
  name: string;
  councilResponse: string | null;
  /** null: not answered yet */
  changed: boolean | null;
  changeDescription: string | null;
  versionId: number | null;
  /** answers and comments coded into it */
  codedItems: number;
};

export type OutcomeEqualityDraft = {
  characteristic: string;
  label: string;
  rating: "positive" | "negative" | "neutral" | "unknown";
  evidence: string | null;
  justification: string | null;
  evidenceAction: string | null;
  /** a mitigation of the proposal addresses this row */
  mitigated: boolean;
};

export type OutcomeDraft = {
  responseSummary: string | null;
  equalitySummary: string | null;
  whatHappensNext: string | null;
  themes: OutcomeThemeDraft[];
  /** rows re-rated in the light of the responses */
  equality: OutcomeEqualityDraft[];
  /** the public versions made while the consultation was open: what a "changed" claim may link */
  linkableVersionIds: number[];
  /** responses from every channel, and comments */
  totalResponses: number;
};

export const OUTCOME_PARTS = ["summary", "themes", "equality", "next"] as const;
export type OutcomePart = (typeof OUTCOME_PARTS)[number];

export type OutcomeUnmet = {
  part: OutcomePart;
  code: string;
  message: string;
  themeId?: number;
  characteristic?: string;
  /** the form field to fix */
  field?: string;
};

/** Minimum real words in each part. Enough to say something; not so many that it invites padding. */
export const OUTCOME_MIN_WORDS = {
  responseSummary: 15,
  councilResponse: 10,
  changeDescription: 5,
  equalitySummary: 10,
  whatHappensNext: 10,
} as const;

function needsWords(text: string | null, min: number): boolean {
  return !meetsMinimumWords(text, min);
}

/** Why a text falls short, in the publication gate's words ("promises the information…"), or "". */
function whyFiller(text: string | null): string {
  const kind = text == null ? null : fillerKind(text);
  if (!kind || kind === "blank") return "";
  const quoted = text!.trim().replace(/\s+/g, " ");
  return ` – '${quoted.length > 60 ? `${quoted.slice(0, 60)}…` : quoted}' ${FILLER_WORDS[kind]}`;
}

function summary(d: OutcomeDraft): OutcomeUnmet[] {
  if (!d.responseSummary?.trim()) return [{ part: "summary", code: "summary.missing", field: "responseSummary", message: "Describe who responded and how" }];
  if (needsWords(d.responseSummary, OUTCOME_MIN_WORDS.responseSummary))
    return [{ part: "summary", code: "summary.filler", field: "responseSummary", message: `Describe who responded and how in at least ${OUTCOME_MIN_WORDS.responseSummary} words of your own, not a placeholder${whyFiller(d.responseSummary)}` }];
  return [];
}

function themes(d: OutcomeDraft): OutcomeUnmet[] {
  const unmet: OutcomeUnmet[] = [];
  if (d.themes.length === 0 && d.totalResponses > 0) {
    unmet.push({ part: "themes", code: "themes.none", message: "Group the responses into themes: the outcome answers each theme" });
  }
  const linkable = new Set(d.linkableVersionIds);
  for (const t of d.themes) {
    const at = { part: "themes" as const, themeId: t.id };
    if (t.codedItems === 0) unmet.push({ ...at, code: "theme.empty", message: `Code at least one answer or comment into the theme “${t.name}”, or merge it into another theme` });
    if (!t.councilResponse?.trim()) unmet.push({ ...at, code: "theme.response_missing", field: "councilResponse", message: `Write the council’s response to the theme “${t.name}”` });
    else if (needsWords(t.councilResponse, OUTCOME_MIN_WORDS.councilResponse))
      unmet.push({ ...at, code: "theme.response_filler", field: "councilResponse", message: `The response to “${t.name}” must say what the council did about it, in at least ${OUTCOME_MIN_WORDS.councilResponse} words of its own${whyFiller(t.councilResponse)}` });
    if (t.changed == null) unmet.push({ ...at, code: "theme.changed_missing", field: "changed", message: `Say whether the proposal changed because of the theme “${t.name}”` });
    if (t.changed === true) {
      if (isFiller(t.changeDescription) || needsWords(t.changeDescription, OUTCOME_MIN_WORDS.changeDescription))
        unmet.push({ ...at, code: "theme.change_description", field: "changeDescription", message: `Say what changed because of the theme “${t.name}”` });
      if (t.versionId == null || !linkable.has(t.versionId))
        unmet.push({ ...at, code: "theme.change_unlinked", field: "versionId", message: `Link the change made because of “${t.name}” to the published version that made it, or say the proposal did not change` });
    }
  }
  // One answer pasted over another theme's is no answer to that theme (the publication gate's copy rule).
  for (const { index, of } of nearDuplicatePairs(d.themes.map((t) => ({ text: t.councilResponse ?? "" })))) {
    const t = d.themes[index];
    if (!meetsMinimumWords(t.councilResponse, OUTCOME_MIN_WORDS.councilResponse)) continue;
    unmet.push({ part: "themes", themeId: t.id, code: "theme.response_copied", field: "councilResponse", message: `The response to “${t.name}” is the same as the response to “${d.themes[of].name}”: answer what people said about “${t.name}”` });
  }
  return unmet;
}

function equality(d: OutcomeDraft, evidenceMinWords: number): OutcomeUnmet[] {
  const unmet: OutcomeUnmet[] = [];
  if (!d.equalitySummary?.trim()) unmet.push({ part: "equality", code: "equality.summary_missing", field: "equalitySummary", message: "Say what the responses told the council about the equality impact" });
  else if (needsWords(d.equalitySummary, OUTCOME_MIN_WORDS.equalitySummary))
    unmet.push({ part: "equality", code: "equality.summary_filler", field: "equalitySummary", message: `Say what the responses told the council about the equality impact, in at least ${OUTCOME_MIN_WORDS.equalitySummary} words of your own` });
  for (const r of d.equality) {
    const at = { part: "equality" as const, characteristic: r.characteristic };
    if (needsWords(r.evidence, evidenceMinWords))
      unmet.push({ ...at, code: "equality.row_evidence", field: "evidence", message: `Give the evidence for the new rating of ${r.label}, in at least ${evidenceMinWords} words` });
    if (r.rating === "negative" && !r.mitigated && needsWords(r.justification, 5))
      unmet.push({ ...at, code: "equality.row_justification", field: "justification", message: `The impact on ${r.label} is now negative and no mitigation addresses it: say why it is justified` });
    if (r.rating === "unknown" && needsWords(r.evidenceAction, 5))
      unmet.push({ ...at, code: "equality.row_action", field: "evidenceAction", message: `The impact on ${r.label} is unknown: say how the evidence will be gathered` });
  }
  return unmet;
}

function next(d: OutcomeDraft): OutcomeUnmet[] {
  if (!d.whatHappensNext?.trim()) return [{ part: "next", code: "next.missing", field: "whatHappensNext", message: "Say what happens next: who decides, and when" }];
  if (needsWords(d.whatHappensNext, OUTCOME_MIN_WORDS.whatHappensNext))
    return [{ part: "next", code: "next.filler", field: "whatHappensNext", message: `Say what happens next in at least ${OUTCOME_MIN_WORDS.whatHappensNext} words of your own${whyFiller(d.whatHappensNext)}` }];
  return [];
}

/** Everything the outcome report still lacks, in the order an officer meets the parts. */
export function outcomeReadiness(d: OutcomeDraft, evidenceMinWords: number): OutcomeUnmet[] {
  return [...summary(d), ...themes(d), ...equality(d, evidenceMinWords), ...next(d)];
}

export type PartStatus = "completed" | "in_progress" | "not_started";

/** A task list status for one part: nothing written yet, something missing, or done. */
export function outcomePartStatus(d: OutcomeDraft, part: OutcomePart, unmet: OutcomeUnmet[]): PartStatus {
  const open = unmet.filter((u) => u.part === part);
  if (open.length === 0) return "completed";
  const started =
    part === "summary"
      ? !!d.responseSummary?.trim()
      : part === "themes"
        ? d.themes.some((t) => t.councilResponse?.trim() || t.changed != null)
        : part === "equality"
          ? !!d.equalitySummary?.trim() || d.equality.length > 0
          : !!d.whatHappensNext?.trim();
  return started ? "in_progress" : "not_started";
}
