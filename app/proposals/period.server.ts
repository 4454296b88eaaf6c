/**
 * What the staff pages show about the period and employment law for one proposal: when it
 * will open and close and what holds it back (period.ts), and the HR1 reminder (employment.ts).
 */
import { db as defaultDb, type DB } from "#db/client.server";
import { now as clockNow } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { undeliveredUnions } from "~/notifications/notice-clock.server";
import { unansweredFeedbackCount } from "~/notifications/notices.server";
import { hr1Reminder } from "./employment";
import { bankHolidays } from "./lifecycle.server";
import { approvedLength, describeLength, openingForecast } from "./period";
import type { Proposal } from "./types";

export type PeriodPanel = {
  forecast: { opensOn: string; closesOn: string; length: string; moved: boolean; waitingFor: string[] } | null;
  hr1: string | null;
};

export function periodPanel(p: Proposal, database: DB = defaultDb(), at: Date = clockNow()): PeriodPanel {
  const settings = loadSettings(database);
  const approved = p.state === "union_notice" || p.state === "scheduled";
  const forecast = approved
    ? openingForecast(p, {
        settings,
        now: at,
        bankHolidays: bankHolidays(),
        unansweredFeedback: p.state === "union_notice" ? unansweredFeedbackCount(p.id, database) : 0,
        undeliveredUnions: p.state === "union_notice" && !p.noticeSentAt ? undeliveredUnions(database, p.id) : [],
      })
    : null;
  const length = approvedLength(p);
  const hr1 = ["draft", "in_review", "union_notice", "scheduled", "open"].includes(p.state) ? hr1Reminder(p, settings)?.message ?? null : null;
  return {
    forecast: forecast && length != null ? { opensOn: forecast.opensOn, closesOn: forecast.closesOn, length: describeLength(length), moved: forecast.moved, waitingFor: forecast.waitingFor } : null,
    hr1,
  };
}
