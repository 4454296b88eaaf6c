/**
 * The staff account forms, one zod schema each, used by the page and by its action. Pure.
 * A role that does not exist, a union rep with no union or an officer with no service is
 * refused here with a message the admin can act on.
 */
import { z } from "zod";
import { ROLES, roleLabel, type Role } from "~/auth/roles";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

const name = z
  .string({ error: "Enter the person's full name" })
  .trim()
  .min(1, { error: "Enter the person's full name" })
  .max(200, { error: "The name must be 200 characters or fewer" })
  // A name ends up in email text and headers: one line, no control characters.
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "The name must be on one line" });

export const emailField = z
  .string({ error: "Enter the person's email address" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter the person's email address" })
  .max(254, { error: "The email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" }));

/** Checkbox values arrive as one string or several; none at all is an empty list. */
const list = z.preprocess((v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(50));

const roles = list
  .refine((values) => values.every((v) => (ROLES as readonly string[]).includes(v)), {
    error: (issue) => {
      const unknown = (issue.input as string[]).find((v) => !(ROLES as readonly string[]).includes(v)) ?? "";
      return `“${unknown.slice(0, 40)}” is not a role. Select roles from the list`;
    },
  })
  .transform((values) => ROLES.filter((r) => values.includes(r)))
  .refine((values) => values.length > 0, { error: "Select at least one role" });

const ids = list
  .refine((values) => values.every((v) => /^[1-9][0-9]{0,8}$/.test(v)), { error: "Select unions from the list" })
  .transform((values) => [...new Set(values.map(Number))]);

const serviceId = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z.coerce.number({ error: "Select a service from the list" }).int().positive({ error: "Select a service from the list" }).nullable(),
);

type Assignment = { roles: Role[]; serviceId: number | null; unionIds: number[] };

/** What roles need: an officer drafts for a service; a rep speaks for a union. */
function assignmentRules(v: Assignment, ctx: z.RefinementCtx) {
  if (v.roles.includes("officer") && v.serviceId == null) {
    ctx.addIssue({ code: "custom", path: ["serviceId"], message: `Select the service this ${roleLabel("officer").toLowerCase()} works in` });
  }
  if (v.roles.includes("union_rep") && v.unionIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["unionIds"], message: "Select the union this person represents" });
  }
  if (!v.roles.includes("union_rep") && v.unionIds.length > 0) {
    ctx.addIssue({ code: "custom", path: ["unionIds"], message: "Only a union representative represents a union: select that role, or no union" });
  }
}

export const accountSchema = z.object({ name, roles, serviceId, unionIds: ids.default([]) }).superRefine(assignmentRules);
export const inviteSchema = z.object({ name, email: emailField, roles, serviceId, unionIds: ids.default([]) }).superRefine(assignmentRules);

export type AccountInput = z.infer<typeof accountSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;

export const setPasswordSchema = z
  .object({
    password: z
      .string({ error: "Enter a password" })
      .min(1, { error: "Enter a password" })
      .min(MIN_PASSWORD_LENGTH, { error: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` })
      .max(MAX_PASSWORD_LENGTH, { error: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer` }),
    confirmPassword: z.string({ error: "Enter the password again" }).min(1, { error: "Enter the password again" }),
  })
  .superRefine((v, ctx) => {
    if (v.password && v.confirmPassword && v.password !== v.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match. Enter the same password twice" });
    }
  });

/** A password that is the person's own email address, or a run of one character, is refused
 * with the reason; length is the main defence (NCSC: three random words). */
export function weakPasswordReason(password: string, email: string): string | null {
  const p = password.trim().toLowerCase();
  if (p === email.toLowerCase() || p === email.split("@")[0]?.toLowerCase()) return "Password must not be your email address";
  if (new Set(p).size <= 2) return "Password must not be one or two characters repeated";
  return null;
}
