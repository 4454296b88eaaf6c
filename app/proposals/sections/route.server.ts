/**
 * What every section page's loader and action do, so that each route stays a few lines:
 * find the proposal the officer may change (404 if they cannot see it, 403 if it is not theirs),
 * parse the form with the section's schema, answer bad input with 400, the messages and the
 * input kept, and redirect after a save.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { requireStaff } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { councilDate } from "~/lib/council-time";
import { renderMarkdown } from "~/lib/markdown.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import type { EditInput, EditResult } from "../editing.server";
import { canEditProposal, editingMode } from "../lifecycle";
import { notFound, requireVisibleProposalById } from "../proposals.server";
import { readiness } from "../readiness";
import type { Proposal, SectionKey, Unmet } from "../types";
import { modeOf, revisionField, type Mode } from "./fields";
import { proposalPath, unmetHref } from "./pages";
import { publicChangeSchema } from "./public-change";

export type Params = Record<string, string | undefined>;

export type Editing = {
  viewer: SignedInViewer;
  proposal: Proposal;
  settings: Settings;
  mode: "draft" | "public";
  today: string;
};

/** A positive whole number from the address, or the site's 404. */
export function idFrom(value: string | undefined): number {
  if (!value || !/^\d{1,12}$/.test(value) || Number(value) < 1) throw notFound();
  return Number(value);
}

/**
 * The proposal this officer may change now. Not visible: 404, exactly as for a proposal that
 * does not exist. Visible but another service's: 403. Not changeable in its state: back to
 * its overview page, which says why.
 */
export async function requireEditing(request: Request, params: Params, options: { saving?: boolean } = {}): Promise<Editing> {
  const viewer = await requireStaff(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(params.id));
  if (!canEditProposal(viewer, proposal)) throw new Response("You cannot change this proposal", { status: 403 });
  const mode = editingMode(proposal);
  // A save from a page opened before the proposal was submitted is answered by the save itself
  // (409, with the reason and the input kept), not by a redirect that would lose what was typed.
  if (!mode && !options.saving) throw redirect(proposalPath(proposal.id));
  const settings = loadSettings();
  return { viewer, proposal, settings, mode: mode ?? "draft", today: councilDate(now(), settings.council.timeZone) };
}

/** For actions: as requireEditing, but a proposal that cannot be changed now is refused by the save. */
export function requireEditingToSave(request: Request, params: Params): Promise<Editing> {
  return requireEditing(request, params, { saving: true });
}

/** What a section page's loader always returns, beside its own defaults. */
export function pageBasics(e: Editing, context: AppLoadContext, section: SectionKey, only?: (u: Unmet) => boolean) {
  return {
    proposal: { id: e.proposal.id, title: e.proposal.title, slug: e.proposal.slug, closesOn: e.proposal.closesOn },
    revision: e.proposal.revision,
    isPublicEdit: e.mode === "public",
    formError: hadFormError(context),
    /** what the gate still asks of this section, each linking to its field */
    needs: readiness(e.proposal, e.settings)
      .filter((u) => u.section === section && (!only || only(u)))
      .map((u) => ({ message: u.message, href: unmetHref(e.proposal.id, u) })),
  };
}

// ─── "Error: " in the page title without JavaScript ────────────────────────────
// meta() sees loader data, not action data. On a form post without JavaScript the action and
// the loaders run in one request with one context, so the action leaves a mark the loader reads.
const FORM_ERROR = "plainsightFormError";

export function markFormError(context: AppLoadContext) {
  (context as Record<string, unknown>)[FORM_ERROR] = true;
}

export function hadFormError(context: AppLoadContext): boolean {
  return (context as Record<string, unknown>)[FORM_ERROR] === true;
}

// ─── Actions ───────────────────────────────────────────────────────────────────

export type FormReply = {
  lastResult: SubmissionResult<string[]>;
  /** the revision the form should carry next (the current one after a conflict) */
  revision: number;
  /** a Markdown preview rendered on the server */
  preview?: { field: string; html: string };
};

/** 400 with the messages and everything the officer typed. Nothing has been written. */
export function invalid(context: AppLoadContext, lastResult: SubmissionResult<string[]>, revision: number, status: 400 | 403 | 404 | 409 | 422 = 400) {
  markFormError(context);
  return data<FormReply>({ lastResult, revision }, { status });
}

/**
 * A refused save: the message at the top, the input kept, and the current revision on a conflict.
 * A change the gate refuses (an approved proposal may not lose what it was approved with) lists
 * what the gate would have found unmet: beside the field when the field is on this form, and in
 * the error summary either way, each saying what to change. Answered like any invalid form: 400.
 */
export function refused(
  context: AppLoadContext,
  submission: { reply: (o: { formErrors: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]>; payload?: Record<string, unknown> },
  result: Extract<EditResult, { ok: false }>,
  postedRevision: number,
) {
  if (result.kind !== "gate" || !result.unmet?.length) return invalid(context, submission.reply({ formErrors: [result.message] }), result.revision ?? postedRevision, result.status === 422 ? 400 : result.status);
  const posted = new Set(Object.keys(submission.payload ?? {}));
  const fieldErrors: Record<string, string[]> = {};
  const formErrors = [result.message];
  for (const u of result.unmet) {
    if (u.field && !u.field.includes(".") && posted.has(u.field)) (fieldErrors[u.field] ??= []).push(u.message);
    else formErrors.push(u.message);
  }
  return invalid(context, submission.reply({ formErrors, fieldErrors }), postedRevision, 400);
}

function revisionOf(formData: FormData): number | null {
  const parsed = revisionField.safeParse(formData.get("revision"));
  return parsed.success ? parsed.data : null;
}

export type SectionAction<V> = {
  section: SectionKey;
  schema: (mode: Mode) => z.ZodType<V>;
  save: (input: EditInput, value: V) => EditResult;
  /** where "Continue" goes after a save */
  next: (result: Extract<EditResult, { ok: true }>) => string;
  /** fields written in Markdown that may be previewed */
  markdownFields?: readonly string[];
  /** problems found outside the schema (an uploaded file), shown with the schema's */
  otherErrors?: Record<string, string[]>;
};

/**
 * The whole action of a section form: preview, validate (with the change note once open), save
 * with the revision check, then redirect. `formData` is passed in because an upload reads it
 * differently.
 */
export function runSectionAction<V>(e: Editing, formData: FormData, context: AppLoadContext, spec: SectionAction<V>) {
  const mode = modeOf(formData);
  const intent = String(formData.get("intent") ?? "");
  const submission = parseWithZod(formData, { schema: spec.schema(mode) });
  const posted = revisionOf(formData) ?? e.proposal.revision;

  if (intent.startsWith("preview:")) {
    const field = intent.slice("preview:".length);
    if (!spec.markdownFields?.includes(field)) return invalid(context, submission.reply({ formErrors: ["Choose a field to preview"] }), posted);
    const text = formData.get(field);
    // A preview saves nothing and reports nothing wrong: it is a look, not a save.
    const { error: _ignored, ...lastResult } = submission.reply();
    return data<FormReply>({ lastResult: { ...lastResult, status: undefined }, revision: posted, preview: { field, html: renderMarkdown(typeof text === "string" ? text : "", "officer") } });
  }

  const change = e.mode === "public" ? parseWithZod(formData, { schema: publicChangeSchema({ closesOn: e.proposal.closesOn }) }) : null;
  const revision = revisionOf(formData);
  const otherErrors = spec.otherErrors ?? {};
  if (submission.status !== "success" || (change && change.status !== "success") || revision == null || Object.keys(otherErrors).length) {
    const fieldErrors: Record<string, string[]> = { ...otherErrors, ...(change?.status === "error" ? (change.error as Record<string, string[]>) : {}) };
    const formErrors = revision == null ? ["Reload the page and try again: it was missing its revision"] : [];
    return invalid(context, submission.reply({ fieldErrors, ...(formErrors.length ? { formErrors } : {}) }), posted);
  }

  const result = spec.save({ revision, change: change?.status === "success" ? change.value : null }, submission.value);
  if (!result.ok) return refused(context, submission, result, posted);
  return redirect(intent === "continue" ? spec.next(result) : `${proposalPath(e.proposal.id)}?saved=${spec.section}`);
}

/** Removing a row (or a document): the revision check, the change note once open, then back. */
export function runRemoveAction(e: Editing, formData: FormData, context: AppLoadContext, remove: (input: EditInput) => EditResult, back: string) {
  const submission = parseWithZod(formData, { schema: e.mode === "public" ? publicChangeSchema({ closesOn: e.proposal.closesOn }) : z.object({}).transform(() => null) });
  const revision = revisionOf(formData);
  if (revision == null || submission.status !== "success") {
    return invalid(context, submission.reply(revision == null ? { formErrors: ["Reload the page and try again: it was missing its revision"] } : {}), revision ?? e.proposal.revision);
  }
  const result = remove({ revision, change: submission.value });
  if (!result.ok) return refused(context, submission, result, revision);
  return redirect(back);
}

/** The row a row page is about: null for "new", the row if it is this proposal's, otherwise 404. */
export function rowFrom<R extends { id: number }>(rows: R[], param: string | undefined): R | null {
  if (param === "new") return null;
  const id = idFrom(param);
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound();
  return row;
}
