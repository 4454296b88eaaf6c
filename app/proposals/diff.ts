/**
 * What changed between two versions of a proposal, section by section, word by word. Pure:
 * the history page (public sections only) and the review page (with what only staff see)
 * both call it.
 *
 * Each section is first written out as readable text (a risk as one line with its scores, a
 * date as "5 January 2026"), so the difference reads as the page does, not as the database.
 */
import { en } from "~/i18n/catalogues/en";
import { diffWords } from "diff";
import { formatDate, formatMoney, formatNumber } from "~/components/format";
import { characteristicLabel, establishmentLabel, groundLabel, type Settings } from "~/lib/settings";
import { languageLabel } from "./translation";
import { SECTIONS, riskScore, type Proposal, type SectionKey } from "./types";

/** Where the history page shows one version's differences: /consultations/:slug/history#version-2. */
export function versionAnchor(number: number): string {
  return `version-${number}`;
}

export type DiffPart = { value: string; added?: true; removed?: true };
export type SectionChange = { section: SectionKey; title: string; parts: DiffPart[] };

/** Section headings as the history page shows them: the English catalogue's, one list for every page. */
export const DIFF_SECTION_TITLES: Record<SectionKey, string> = en.sections;

const block = (...lines: (string | null | undefined | false)[]) => lines.filter((l): l is string => typeof l === "string" && l.trim() !== "").join("\n");
const titled = (title: string, body: string | null | undefined) => (body && body.trim() ? `${title}\n${body.trim()}` : null);
const yesNo = (v: boolean | null) => (v == null ? "not recorded" : v ? "yes" : "no");

/**
 * Each section as text. `internal` adds what only staff see (the names of staff groups and
 * unions, the s.188 disclosure); the public history never passes it.
 */
export function sectionTexts(p: Proposal, s: Settings, options: { internal?: boolean } = {}): Record<SectionKey, string> {
  const riskRef = new Map(p.risks.map((r, i) => [r.id, `R${i + 1}`]));
  const rowLabel = new Map(p.equalityRows.map((r) => [r.id, characteristicLabel(s, r.characteristic)]));
  const budget = p.budgetChangeGbp;
  return {
    // The title and lead officer are part of what is published, so a change to them is a change.
    summary: block(titled("Title", p.title), titled("Lead officer", p.leadOfficer), p.summary, titled("Easy read summary", p.easyReadSummary), ...translationTexts(p)),
    details: block(
      titled("What would change", p.whatChanges),
      titled("Why the council is proposing this", p.whyChange),
      titled("The service now", p.currentService),
      titled("The service if the proposal goes ahead", p.proposedService),
      titled("Timeline", p.timeline),
      titled("What has already been decided", p.alreadyDecided),
      titled("What you can still influence", p.openToChange),
    ),
    options: p.options
      .map((o) => block(`${o.title} (${o.isProposed ? "proposed" : "rejected"})`, o.description, !o.isProposed && o.rejectedBecause ? `Why it was rejected: ${o.rejectedBecause}` : null))
      .join("\n\n"),
    impact: block(
      p.postsAffected != null && `Staff posts affected: ${formatNumber(p.postsAffected)}`,
      p.fteAffected != null && `Full-time equivalent: ${formatNumber(p.fteAffected)}`,
      p.serviceWorkforcePosts != null && `Posts in the service: ${formatNumber(p.serviceWorkforcePosts)}`,
      p.serviceUsersPerYear != null && `Service users affected a year: ${formatNumber(p.serviceUsersPerYear)}`,
      (p.activityDescription || p.activityPerYear != null) && `${p.activityDescription ?? "Activity"} a year: ${p.activityPerYear != null ? formatNumber(p.activityPerYear) : "not given"}`,
      budget != null && `Budget: ${budget === 0 ? "no change" : budget < 0 ? `a saving of ${formatMoney(budget)} a year` : `an increase of ${formatMoney(budget)} a year`}`,
    ),
    risks: p.risks
      .map((r, i) =>
        block(
          `R${i + 1}: ${r.description}`,
          `Who would bear it: ${r.whoBears}. Likelihood ${r.likelihood}, impact ${r.impact}, score ${riskScore(r)}.`,
          r.acceptanceReason ? `Accepted because: ${r.acceptanceReason}` : null,
        ),
      )
      .join("\n\n"),
    dependencies: p.dependencies.map((d) => block(`${d.name} (${d.kind}): ${d.effect}`, `Consulted: ${yesNo(d.consulted)}.${d.consultationNote ? ` ${d.consultationNote}` : ""}`)).join("\n\n"),
    mitigations: p.mitigations
      .map((m, i) => {
        const addresses = [...m.riskIds.map((id) => riskRef.get(id)), ...m.equalityRowIds.map((id) => rowLabel.get(id))].filter(Boolean).join(", ");
        return block(`M${i + 1}: ${m.action}`, `Responsible: ${m.owner}. By: ${m.dueOn ? formatDate(m.dueOn) : "no date"}.`, addresses ? `Addresses: ${addresses}` : null);
      })
      .join("\n\n"),
    equality: block(
      ...p.equalityRows.map((r) =>
        block(
          `${characteristicLabel(s, r.characteristic)}: ${r.rating ?? "not rated"}. ${r.evidence ?? ""}`,
          r.justification ? `Justification: ${r.justification}` : null,
          r.evidenceAction ? `Gathering evidence: ${r.evidenceAction}` : null,
        ),
      ),
      titled("Eliminating discrimination, harassment and victimisation", p.aimEliminateDiscrimination),
      titled("Advancing equality of opportunity", p.aimAdvanceEquality),
      titled("Fostering good relations", p.aimFosterRelations),
      titled("Conclusion", p.equalityConclusion),
    ),
    documents: p.documents
      .map((d) =>
        block(
          `${d.title} (${d.disclosure === "published" ? "published" : d.disclosure === "withheld" ? "withheld in full" : "published with parts withheld"})`,
          ...d.withheldParts.map((w) => `Withheld: ${w.part}. Ground: ${groundLabel(s, w.ground)}. ${w.publicInterestNote} Review by ${formatDate(w.reviewOn)}.`),
        ),
      )
      .join("\n\n"),
    plan: block(
      p.opensOn && `Opens: ${formatDate(p.opensOn)}`,
      p.closesOn && `Closes: ${formatDate(p.closesOn)}`,
      titled("Why the consultation is shorter than usual", p.shortPeriodReason),
      titled("Why it runs during a pre-election period", p.preElectionReason ?? null),
      titled("How to respond", p.howToRespond),
      titled("Other formats and help to respond", p.alternativeFormats),
      titled("Events", p.events),
    ),
    stakeholders: options.internal
      ? block(
          p.noStaffAffected ? "No staff are affected." : null,
          p.staffGroups.length ? `Staff groups: ${p.staffGroups.map((g) => g.name).join(", ")}` : null,
          p.unions.length ? `Unions: ${p.unions.map((u) => u.name).join(", ")}` : null,
          titled("Reasons for the proposed redundancies", p.redundancyReasons),
          titled("Numbers and descriptions of staff", p.staffDescriptions),
          titled("Selection method", p.selectionMethod),
          titled("How and when dismissals would be carried out", p.dismissalMethodAndTiming),
          p.redundancyPosts != null && `Posts proposed for redundancy: ${formatNumber(p.redundancyPosts)}`,
          p.establishment && `Establishment: ${establishmentLabel(s, p.establishment)}`,
          p.firstDismissalOn && `First dismissal: ${formatDate(p.firstDismissalOn)}`,
          titled("Total employed in each description", p.employedInDescriptions ?? null),
          titled("How redundancy payments would be calculated", p.redundancyPayMethod ?? null),
          p.agencyWorkerCount != null && `Agency workers: ${formatNumber(p.agencyWorkerCount)}`,
          titled("Where the agency workers work", p.agencyWorkerParts ?? null),
          titled("What the agency workers do", p.agencyWorkerWork ?? null),
          p.transferKind && `Transfer of staff: ${p.transferKind.replace("_", " ")}`,
          p.transferOn && `Transfer date: ${formatDate(p.transferOn)}`,
          titled("The transfer and its reasons", p.transferReasons ?? null),
          titled("Implications for staff", p.transferImplications ?? null),
          titled("Measures the council envisages", p.transferMeasures ?? null),
          titled("Measures the other employer envisages", p.transfereeMeasures ?? null),
        )
      : p.noStaffAffected || (!p.staffGroups.length && !p.unions.length)
        ? "No staff affected."
        : `${p.staffGroups.length} staff ${p.staffGroups.length === 1 ? "group" : "groups"} and ${p.unions.length} recognised ${p.unions.length === 1 ? "union" : "unions"} affected.`,
    questions: p.questions.map((q, i) => `${i + 1}. ${q.question}`).join("\n"),
  };
}

/** Each translation as the public page shows it: who translated it and when, then the text. */
function translationTexts(p: Proposal): string[] {
  return (p.translations ?? []).map((tr) =>
    block(
      `Translation: ${languageLabel(tr.language)}, translated by ${tr.translatorName} on ${formatDate(tr.translatedOn)}`,
      tr.summary,
      ...tr.questions.map((q) => {
        const i = p.questions.findIndex((x) => x.id === q.questionId);
        return i < 0 ? null : `Question ${i + 1}: ${q.text}`;
      }),
    ),
  );
}

/** Long unchanged stretches are cut to a few words either side of each change. */
const CONTEXT_WORDS = 12;

function condense(parts: DiffPart[]): DiffPart[] {
  return parts.map((part, i) => {
    if (part.added || part.removed) return part;
    const words = part.value.split(/(\s+)/);
    const wordCount = words.filter((w) => w.trim()).length;
    if (wordCount <= CONTEXT_WORDS * 2) return part;
    // tokens alternate word/space: keep CONTEXT_WORDS words at the ends next to a change
    const keep = CONTEXT_WORDS * 2;
    const head = i > 0 ? words.slice(0, keep).join("") : "";
    const tail = i < parts.length - 1 ? words.slice(-keep).join("") : "";
    return { value: `${head}${head || tail ? " … " : "…"}${tail}` };
  });
}

/** The sections that differ, each as a word-level difference, in gate order. */
export function diffProposals(before: Proposal, after: Proposal, s: Settings, options: { internal?: boolean } = {}): SectionChange[] {
  const a = sectionTexts(before, s, options);
  const b = sectionTexts(after, s, options);
  return SECTIONS.filter(({ key }) => a[key] !== b[key]).map(({ key }) => ({
    section: key,
    title: DIFF_SECTION_TITLES[key],
    parts: condense(
      diffWords(a[key], b[key]).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) })),
    ),
  }));
}
