/**
 * The emails when the outcome is published and when the decision is recorded, built from the
 * published record (outcomes/read.server.ts) inside the transition's transaction.
 */
import type { DB } from "#db/client.server";
import { markdownToPlainText } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { decisionOf, loadOutcome } from "~/outcomes/read.server";
import { listThemes } from "~/outcomes/themes.server";
import type { Proposal } from "~/proposals/types";
import { publicUrl } from "./staff.server";
import { decisionRecordedEmail, outcomePublishedEmail } from "./templates";
import { inLanguage } from "./subscriptions.server";
import { translator } from "~/i18n/i18n";
import type { LanguageCode } from "~/i18n/languages";

export function outcomeUrl(slug: string): string {
  return `${publicUrl(slug)}/outcome`;
}

export function outcomeEmailFor(tx: DB, p: Proposal) {
  const council = loadSettings(tx).council.name;
  const outcome = loadOutcome(p.id, tx);
  const themes = listThemes(p.id, tx).map((th) => ({ name: th.name, changed: th.changed === true }));
  const next = markdownToPlainText(outcome?.whatHappensNext ?? "");
  return (unsubscribeUrl: string, lang: LanguageCode = "en") =>
    outcomePublishedEmail({ council, title: p.title, outcomeUrl: inLanguage(outcomeUrl(p.slug), lang), themes, whatHappensNext: next, unsubscribeUrl }, lang);
}

export function decisionEmailFor(tx: DB, p: Proposal) {
  const council = loadSettings(tx).council.name;
  const d = decisionOf(p.id, tx);
  return (unsubscribeUrl: string, lang: LanguageCode = "en") =>
    decisionRecordedEmail(
      {
      council,
      title: p.title,
      // The decision's name in the reader's language; the council's summary as written.
      decisionLabel: d ? translator(lang)(`consultationPages.decisions.${d.decision}`) : translator(lang)("states.decided"),
      decidedOn: d?.decidedOn ?? "",
      reference: d?.reference ?? "",
      noticeUrl: d?.noticeUrl ?? "",
      summary: d?.summary ? markdownToPlainText(d.summary) : null,
      outcomeUrl: inLanguage(outcomeUrl(p.slug), lang),
      unsubscribeUrl,
      },
      lang,
    );
}
