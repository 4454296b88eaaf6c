/**
 * The approver's review: what the review page shows (the whole proposal as the public will see
 * it, its internal parts marked, what changed since the last review, the gate's verdict and the
 * checklist) and the one door for the approver's decision. Approve is accepted only with every
 * checklist item confirmed, and the confirmation goes into the approval's audit entry; the
 * lifecycle then checks its own rules (separation of duties, the gate) again.
 */
import type { SignedInViewer } from "~/auth/permissions";
import { can } from "~/auth/permissions";
import { buildProposalView } from "~/components/proposal-view-model";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { unionDisclosure } from "~/notifications/notice-page.server";
import { approvalConflict } from "./lifecycle";
import { applyTransition, editorsSinceLastReturn } from "./lifecycle.server";
import { readiness } from "./readiness";
import { checkChecklist, CHECKLIST_FIELD, checklistFieldName, REVIEW_CHECKLIST, tickedIn, type ChecklistKey } from "./review-checklist";
import { TASK_TITLES } from "./sections/pages";
import { auditTrail } from "./staff.server";
import type { Proposal, Unmet } from "./types";
import { changesSinceLastReview } from "./versions.server";
import { canDownloadDocument, visibilityFacts } from "./visibility";

export function reviewPath(id: number): string {
  return `/staff/proposals/${id}/review`;
}

export function reviewPage(viewer: SignedInViewer, p: Proposal, at: Date) {
  const settings = loadSettings();
  const facts = visibilityFacts(p);
  const inReview = p.state === "in_review";
  const conflict = inReview ? approvalConflict(viewer.id, p, editorsSinceLastReturn(p.id)) : null;
  const view = buildProposalView(p, settings, {
    render: (markdown, options) => renderMarkdown(markdown, "officer", options),
    documentHref: (doc) => (canDownloadDocument(viewer, facts, doc) ? `/consultations/${encodeURIComponent(p.slug)}/documents/${doc.id}` : null),
    now: at,
  });
  const disclosure = unionDisclosure(p, settings);
  return {
    proposal: { id: p.id, slug: p.slug, title: p.title, state: p.state, serviceName: p.serviceName, leadOfficer: p.leadOfficer, returnedReason: p.returnedReason },
    view,
    unmet: readiness(p, settings).map((u: Unmet) => ({ section: TASK_TITLES[u.section], code: u.code, message: u.message })),
    sinceLastReview: inReview ? changesSinceLastReview(p, settings) : null,
    /** Parts of the proposal the public never sees, for the approver to judge all the same. */
    internal: {
      withheldDocuments: view.documents.filter((d) => d.disclosure === "withheld").map((d) => ({ id: d.id, title: d.title, href: d.href })),
      s188: disclosure.s188 ? { total: disclosure.s188.total, items: disclosure.s188.items } : null,
      tupe: disclosure.tupe ? { kind: disclosure.tupe.kind, items: disclosure.tupe.items } : null,
      trail: auditTrail(p.id),
    },
    checklist: REVIEW_CHECKLIST.map((item) => ({ value: item.key, name: checklistFieldName(item.key), label: item.label, hint: item.hint })),
    may: {
      approve: inReview && can(viewer, "proposal:approve") && conflict == null,
      return: inReview && can(viewer, "proposal:reject"),
      conflict,
    },
  };
}

export type ReviewDecision =
  | { ok: true; done: "approve" | "reject" }
  | { ok: false; status: number; field: string; message: string; unmet: Unmet[]; ticked: ChecklistKey[] };

/** Approve (with the checklist) or return (with a reason): the one door, for every page that offers either. */
export function decideReview(viewer: SignedInViewer, proposalId: number, form: FormData): ReviewDecision {
  const intent = form.get("intent");
  const ticked = tickedIn(form);
  if (intent === "approve") {
    const checked = checkChecklist(ticked);
    if (!checked.ok) return { ok: false, status: 400, field: CHECKLIST_FIELD, message: checked.message, unmet: [], ticked };
    const result = applyTransition("approve", proposalId, { kind: "person", viewer }, { confirmed: checked.confirmed });
    if (!result.ok) return { ok: false, status: result.status === 422 ? 400 : result.status, field: "decision", message: result.message, unmet: result.unmet ?? [], ticked };
    return { ok: true, done: "approve" };
  }
  if (intent === "reject") {
    const reason = form.get("reason");
    const text = typeof reason === "string" ? reason.trim() : undefined;
    if (text && text.length > 5000) return { ok: false, status: 400, field: "reject-reason", message: "The reason must be 5,000 characters or fewer", unmet: [], ticked };
    const result = applyTransition("reject", proposalId, { kind: "person", viewer }, { reason: text });
    if (!result.ok) return { ok: false, status: result.status === 422 ? 400 : result.status, field: "reject-reason", message: result.message, unmet: [], ticked };
    return { ok: true, done: "reject" };
  }
  return { ok: false, status: 400, field: "decision", message: "Choose whether to approve the proposal or return it", unmet: [], ticked };
}
