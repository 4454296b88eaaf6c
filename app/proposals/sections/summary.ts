/** 1. The summary in plain English: one question, one page. */
import { z } from "zod";
import type { Proposal } from "../types";
import { text, whenContinuing, type Mode } from "./fields";

export const summarySchema = (mode: Mode) =>
  z.object({
    summary: text("The summary", { required: whenContinuing(mode, "Enter a summary of the proposal in plain English") }),
  });

export const summaryDefaults = (p: Proposal) => ({ summary: p.summary ?? "" });
