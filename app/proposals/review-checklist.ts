/**
 * The approver's checklist: what the publication gate cannot judge, so a person must. Each item
 * is confirmed on the review page before Approve is accepted; the confirmation is kept in the
 * approval's audit entry. Pure, so the rule is unit-tested without a server.
 */
export const REVIEW_CHECKLIST = [
  {
    key: "figures",
    label: "The figures are true to the business case",
    hint: "Posts, budget, service users and activity match the business case and the finance team's figures.",
  },
  {
    key: "risks",
    label: "The risks are honest and complete",
    hint: "Every risk you know of is there, rated as the service really judges it, including the ones that are awkward to publish.",
  },
  {
    key: "equality",
    label: "The equality evidence is real",
    hint: "Each rating rests on data or engagement with the people affected, not assumption.",
  },
  {
    key: "options",
    label: "The options were genuinely considered",
    hint: "The alternatives are real, and the reasons given for rejecting them are the true ones.",
  },
  {
    key: "open",
    label: "What is described as open to change is still open",
    hint: "Nothing residents are asked about has already been decided.",
  },
  {
    key: "withheld",
    label: "Anything withheld is withheld for a lawful reason",
    hint: "Each part withheld names a ground that applies, and the public interest in publishing it was weighed.",
  },
] as const;

export type ChecklistKey = (typeof REVIEW_CHECKLIST)[number]["key"];

/** The first checkbox's id (the error summary links to it). */
export const CHECKLIST_FIELD = "confirm";

/**
 * Each item is a checkbox of its own, sent as `confirm-<key>=<key>`: a form of plain name/value
 * pairs, the same with or without JavaScript.
 */
export function checklistFieldName(key: ChecklistKey): string {
  return `${CHECKLIST_FIELD}-${key}`;
}

/** The items ticked in a submitted form. */
export function tickedIn(form: { get(name: string): unknown }): ChecklistKey[] {
  return REVIEW_CHECKLIST.filter((item) => form.get(checklistFieldName(item.key)) === item.key).map((item) => item.key);
}

export type ChecklistResult = { ok: true; confirmed: ChecklistKey[] } | { ok: false; missing: ChecklistKey[]; message: string };

/** Every item must be ticked; anything else sent is ignored. */
export function checkChecklist(ticked: readonly unknown[]): ChecklistResult {
  const confirmed = REVIEW_CHECKLIST.filter((item) => ticked.includes(item.key)).map((item) => item.key);
  const missing = REVIEW_CHECKLIST.filter((item) => !ticked.includes(item.key)).map((item) => item.key);
  if (!missing.length) return { ok: true, confirmed };
  const n = missing.length;
  return {
    ok: false,
    missing,
    message: n === REVIEW_CHECKLIST.length ? "Confirm each check before you approve the proposal" : `Confirm the ${n === 1 ? "check" : `${n} checks`} not yet ticked before you approve the proposal`,
  };
}
