/** 1. The summary in plain English: one question, one page. */
import { z } from "zod";
import type { Proposal } from "../types";
import { text, whenContinuing, type Mode } from "./fields";

export const summarySchema = (mode: Mode) =>
  z.object({
    summary: text("The summary", { required: whenContinuing(mode, "Enter a summary of the proposal in plain English") }),
  });

export const summaryDefaults = (p: Proposal) => ({ summary: p.summary ?? "" });

/** The easy read summary, on a page of its own after the summary. */
export const easyReadSchema = (mode: Mode, required: boolean) =>
  z.object({
    easyReadSummary: text("The easy read summary", { max: 5000, required: required ? whenContinuing(mode, "Enter an easy read summary of the proposal") : undefined }),
  });

export const easyReadDefaults = (p: Proposal) => ({ easyReadSummary: p.easyReadSummary ?? "" });
