/**
 * The directory's forms, one zod schema each, used by the page (in the browser) and by the
 * action (on the server). Pure: no I/O.
 */
import { z } from "zod";

const name = (what: string, max = 200) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}` })
    .max(max, { error: `The ${what} must be ${max} characters or fewer` })
    // A name ends up in email text; no control characters (headerSafe guards headers too).
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: `The ${what} must be on one line` });
const email = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: `Enter ${what} in the correct format, like name@example.gov.uk` }));

export const unionSchema = z.object({ name: name("union's full name"), shortName: name("short name", 40) });
export const repSchema = z.object({ name: name("representative's name"), email: email("the representative's email address") });
export const serviceSchema = z.object({
  name: name("service name"),
  workforcePosts: z.coerce
    .number({ error: "Enter the number of posts in the service, like 48" })
    .int({ error: "The number of posts must be a whole number" })
    .min(0, { error: "The number of posts must be 0 or more" })
    .max(100_000, { error: "The number of posts must be 100,000 or fewer" }),
});

/** "one address a line" → addresses, with the line numbers of any that are not addresses */
export function parseMemberEmails(text: string | undefined): { emails: string[]; bad: number[] } {
  const lines = (text ?? "").split(/[\r\n,;]+/).map((l) => l.trim().toLowerCase());
  const emails: string[] = [];
  const bad: number[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    if (z.email().safeParse(line).success) emails.push(line);
    else bad.push(i + 1);
  });
  return { emails: [...new Set(emails)], bad };
}

export const staffGroupSchema = z
  .object({
    name: name("staff group name"),
    headCount: z.coerce
      .number({ error: "Enter how many staff are in the group, like 12" })
      .int({ error: "The number of staff must be a whole number" })
      .min(0, { error: "The number of staff must be 0 or more" })
      .max(100_000, { error: "The number of staff must be 100,000 or fewer" }),
    distributionEmail: z.string().trim().toLowerCase().optional(),
    members: z.string().max(200_000, { error: "The list of addresses is too long" }).optional(),
  })
  .superRefine((v, ctx) => {
    const members = parseMemberEmails(v.members);
    if (v.distributionEmail && !z.email().safeParse(v.distributionEmail).success) {
      ctx.addIssue({ code: "custom", path: ["distributionEmail"], message: "Enter the distribution list address in the correct format, like team@example.gov.uk" });
    }
    if (members.bad.length) {
      ctx.addIssue({ code: "custom", path: ["members"], message: `Line ${members.bad[0]} of the members' addresses is not an email address` });
    }
    if (v.distributionEmail && members.emails.length) {
      ctx.addIssue({ code: "custom", path: ["distributionEmail"], message: "Give a distribution list or members' addresses, not both" });
    }
    if (!v.distributionEmail && !members.emails.length && !members.bad.length) {
      ctx.addIssue({ code: "custom", path: ["distributionEmail"], message: "Enter a distribution list address, or members' addresses, so that the group can be told" });
    }
  });
