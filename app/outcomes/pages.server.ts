/**
 * What the outcome report's pages share, so each route stays a few lines: who may open them,
 * where each part is written, the address behind each item the report's gate still asks for,
 * and the action of every part's form (validate, save at the revision the page showed, then go on).
 */
import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { requireViewer } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { renderMarkdown } from "~/lib/markdown.server";
import type { Settings } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { hadFormError, idFrom, markFormError, type FormReply } from "~/proposals/sections/route.server";
import { modeOf, revisionField } from "~/proposals/sections/fields";
import type { Proposal } from "~/proposals/types";
import { canReadResponses, visibilityFacts } from "~/proposals/visibility";
import type { OutcomePart, OutcomeUnmet } from "./gate";
import { outcomeUnmet, saveOutcomeText } from "./outcome.server";
import { loadOutcome, type OutcomeRow } from "./read.server";
import { canDraftOutcome } from "./rules";
import { outcomeTextSchema, type OutcomeTextField } from "./schemas";
import type { WriteResult } from "./write.server";

export { outcomePath, outcomeUnmetHref } from "./paths";
import { outcomePath, outcomeUnmetHref } from "./paths";

export type OutcomePage = {
  viewer: SignedInViewer;
  proposal: Proposal;
  outcome: OutcomeRow | null;
  settings: Settings;
  canDraft: boolean;
};

/** The report's pages: staff who read the responses may open them, once the consultation has closed. */
export async function requireOutcomePage(request: Request, params: Record<string, string | undefined>): Promise<OutcomePage> {
  const viewer = await requireViewer(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(params.id));
  if (!canReadResponses(viewer, visibilityFacts(proposal))) throw new Response("Only officers of the service running this consultation, approvers and decision makers can read its outcome report", { status: 403 });
  const outcome = loadOutcome(proposal.id);
  return { viewer, proposal, outcome, settings: loadSettings(), canDraft: canDraftOutcome(viewer, proposal, outcome?.status ?? null) };
}

/**
 * A part's form page. Opening it when the report cannot be changed goes back to the report's
 * page, which says why; a save is refused by the save itself (with what was typed kept).
 */
export async function requireDraftingPage(request: Request, params: Record<string, string | undefined>, options: { saving?: boolean } = {}): Promise<OutcomePage> {
  const page = await requireOutcomePage(request, params);
  if (!page.canDraft && !options.saving) throw redirect(outcomePath(page.proposal.id));
  return page;
}

/** What every part's loader returns beside its own defaults. */
export function partBasics(page: OutcomePage, context: AppLoadContext, only: (u: OutcomeUnmet) => boolean) {
  return {
    proposal: { id: page.proposal.id, title: page.proposal.title },
    revision: page.outcome?.revision ?? 1,
    formError: hadFormError(context),
    needs: outcomeUnmet(page.proposal, page.settings)
      .filter(only)
      .map((u) => ({ message: u.message, href: outcomeUnmetHref(page.proposal.id, u) })),
  };
}

/** The whole action of a part's form: validate, save at the posted revision, then "Continue" or back to the report. */
export function runOutcomeForm<V>(
  page: OutcomePage,
  formData: FormData,
  context: AppLoadContext,
  spec: { schema: (mode: "continue" | "save") => z.ZodType<V>; save: (revision: number, value: V) => WriteResult<{ revision: number }>; next: string },
) {
  const mode = modeOf(formData);
  const submission = parseWithZod(formData, { schema: spec.schema(mode) });
  const intent = String(formData.get("intent") ?? "");
  if (intent.startsWith("preview:")) {
    // A look, not a save: render the field as the public will see it, and report nothing wrong.
    const field = intent.slice("preview:".length);
    const value = formData.get(field);
    const { error: _ignored, ...lastResult } = submission.reply();
    return data<FormReply>({ lastResult: { ...lastResult, status: undefined }, revision: Number(formData.get("revision")) || (page.outcome?.revision ?? 1), preview: { field, html: renderMarkdown(typeof value === "string" ? value : "", "officer") } });
  }
  const posted = revisionField.safeParse(formData.get("revision"));
  const current = page.outcome?.revision ?? 1;
  const invalid = (reply: ReturnType<typeof submission.reply>, status: 400 | 403 | 404 | 409 = 400, revision = current) => {
    markFormError(context);
    return data<FormReply>({ lastResult: reply, revision }, { status });
  };
  if (!posted.success) return invalid(submission.reply({ formErrors: ["Reload the page and try again: it was missing its revision"] }));
  if (submission.status !== "success") return invalid(submission.reply(), 400, posted.data);
  const result = spec.save(posted.data, submission.value);
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
    return invalid(reply, result.status, result.status === 409 ? (loadOutcome(page.proposal.id)?.revision ?? current) : posted.data);
  }
  return redirect(formData.get("intent") === "continue" ? spec.next : `${outcomePath(page.proposal.id)}?saved=1`);
}

/**
 * The loader's part and the action of a part of the report that is one piece of writing (who
 * responded, what happens next): the same page over a different field, and where "Continue" goes.
 */
export function textPart(field: OutcomeTextField, part: OutcomePart, next: (proposalId: number) => string) {
  return {
    async load({ request, params, context }: LoaderFunctionArgs) {
      const page = await requireDraftingPage(request, params);
      return { page, basics: { ...partBasics(page, context, (u) => u.part === part), defaults: { [field]: page.outcome?.[field] ?? "" } } };
    },
    async action({ request, params, context }: ActionFunctionArgs) {
      const page = await requireDraftingPage(request, params, { saving: true });
      return runOutcomeForm(page, await request.formData(), context, {
        schema: (mode) => outcomeTextSchema(field, mode),
        save: (revision, value) => saveOutcomeText(page.viewer, page.proposal.id, revision, field, value[field] ?? null),
        next: next(page.proposal.id),
      });
    },
  };
}
