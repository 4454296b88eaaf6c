/**
 * Who responded: the equality monitoring report, from counts only. For each question, the
 * answers given, compared with the borough's population, with small numbers suppressed
 * (suppression.ts). Pure: the staff response view and the outcome report both build it here,
 * so they cannot disagree. Words in one place for the translation catalogues.
 */
import { z } from "zod";
import type { Settings } from "~/lib/settings";
import { MONITORING_QUESTIONS, NOT_KNOWN, NOT_KNOWN_LABEL, PREFER_NOT, monitoringField, type MonitoringQuestion } from "./monitoring-questions";
import { suppressSmallNumbers, type PublishedTable } from "./suppression";

/** question → answer → count */
export type Tallies = Record<string, Record<string, number>>;

export type RowReport = {
  key: string;
  label: string;
  /** a count, "small" (fewer than the threshold) or "complementary" (hidden so a small one cannot be worked out) */
  count: number | "small" | "complementary";
  /** share of those who answered (not "not known"), where it can be shown */
  share: number | null;
  /** share of the borough's residents, from settings */
  population: number | null;
  /** respondents giving this answer are notably fewer or more than in the borough */
  representation: "fewer" | "more" | null;
};

export type QuestionReport = {
  key: string;
  heading: string;
  question: string;
  /** null when the whole table is withheld (too few answers to show safely) */
  rows: RowReport[] | null;
};

export type MonitoringReport = {
  /** forms counted in the figures */
  forms: number;
  /** forms not yet counted: they join the figures once there are `threshold` of them */
  waiting: number;
  threshold: number;
  /** null when fewer than `threshold` forms are counted: nothing is shown */
  questions: QuestionReport[] | null;
  populationSource: string | null;
};

/**
 * "Fewer" when respondents giving an answer are under two thirds of their share of the borough,
 * "more" over one and a half times: a prompt to ask who has not been heard, not a test.
 * Ignored for groups under 2% of the borough, where a handful of people swings the share.
 */
export function representation(share: number | null, population: number | null): RowReport["representation"] {
  if (share == null || population == null || population < 0.02) return null;
  if (share < population * (2 / 3)) return "fewer";
  if (share > population * 1.5) return "more";
  return null;
}

export function questionReport(q: MonitoringQuestion, forms: number, tallies: Tallies, settings: Settings): QuestionReport {
  const threshold = settings.monitoring.smallNumber;
  const counts = q.answers.map((a) => Math.max(0, tallies[q.key]?.[a.key] ?? 0));
  const answered = counts.reduce((s, n) => s + n, 0);
  const cells = [...q.answers.map((a, i) => ({ key: a.key, count: counts[i] })), { key: NOT_KNOWN, count: Math.max(0, forms - answered) }];
  // The complementary cell: the last answer that is not small, and "not known" only as a last resort.
  const order = [...q.answers.map((_, i) => q.answers.length - 1 - i), q.answers.length];
  const table: PublishedTable = suppressSmallNumbers(cells, threshold, order);
  if (table.withheld) return { key: q.key, heading: q.heading, question: q.question, rows: null };

  // Shares of those who answered only when "not known" is shown: otherwise the number who
  // answered, read back from a share, would give away what was hidden.
  const notKnown = table.cells[table.cells.length - 1];
  const base = notKnown.shown ? forms - notKnown.count : null;
  const population = settings.monitoring.population?.shares[q.key];
  const rows: RowReport[] = table.cells.map((cell, i) => {
    const isNotKnown = i === q.answers.length;
    const share = cell.shown && !isNotKnown && base ? cell.count / base : null;
    const pop = isNotKnown ? null : (population?.[cell.key] ?? null);
    return {
      key: cell.key,
      label: isNotKnown ? NOT_KNOWN_LABEL : q.answers[i].label,
      count: cell.shown ? cell.count : cell.reason,
      share,
      population: pop,
      representation: representation(share, pop),
    };
  });
  return { key: q.key, heading: q.heading, question: q.question, rows };
}

export function monitoringReport(released: { forms: number; releasedForms: number; released: Tallies } | null, settings: Settings): MonitoringReport {
  const threshold = settings.monitoring.smallNumber;
  const forms = released?.releasedForms ?? 0;
  const waiting = Math.max(0, (released?.forms ?? 0) - forms);
  return {
    forms,
    waiting,
    threshold,
    questions: forms < threshold ? null : MONITORING_QUESTIONS.map((q) => questionReport(q, forms, released?.released ?? {}, settings)),
    populationSource: settings.monitoring.population?.source ?? null,
  };
}

/** A share as people read it: "34%", "under 1%". */
export function percent(share: number | null): string {
  if (share == null) return "";
  if (share > 0 && share < 0.005) return "under 1%";
  return `${Math.round(share * 100)}%`;
}

// ─── The form ──────────────────────────────────────────────────────────────────

/**
 * Every question optional; an answer must be one of the question's own (or "Prefer not to say"):
 * anything else is a malformed form, refused with 400.
 */
export function monitoringSchema(message = "Select one of the options, or leave the question blank") {
  const shape: Record<string, z.ZodType> = {};
  for (const q of MONITORING_QUESTIONS) {
    shape[monitoringField(q.key)] = z.enum([PREFER_NOT, ...q.answers.map((a) => a.key)] as [string, ...string[]], { error: message }).optional();
  }
  return z.object(shape);
}

/** The answers to count: question → answer, leaving out "Prefer not to say" and blanks. */
export function answersToCount(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of MONITORING_QUESTIONS) {
    const v = values[monitoringField(q.key)];
    if (typeof v === "string" && v !== PREFER_NOT && q.answers.some((a) => a.key === v)) out[q.key] = v;
  }
  return out;
}
