/**
 * The settings pages admins fill in: every value in the `settings` table belongs to exactly one
 * page (tests/unit/settings-sections.test.ts checks that a new setting gets one). Pure: each
 * field says how it is asked and checked, and `sectionSchema` builds the zod schema that both
 * the page and its action use, with messages an admin can act on.
 *
 * Lists of things with keys that proposals refer to (local equality characteristics, grounds
 * for withholding) have their own pages (lists.ts), so that renaming one never breaks a link.
 */
import { z } from "zod";
import { contrastRatio } from "~/components/colour";
import { addDays, isTimeZone } from "~/lib/council-time";
import { ROLES, ROLE_LABELS, type Role } from "~/auth/roles";
import type { Settings } from "~/lib/settings";
import { PLACE_KINDS, type PaperPackPlace } from "~/reach/settings";

const SLUG_LINE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEY_LINE = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;

type Kind = "text" | "email" | "colour" | "timezone" | "integer" | "decimal" | "percent" | "money" | "lines" | "yesno";

export type FieldDef = {
  /** dotted path inside the section's value, e.g. "thresholds.posts" */
  path: string;
  label: string;
  hint?: string;
  kind: Kind;
  /** the setting named in messages: "The summary's minimum length" */
  noun: string;
  min?: number;
  max?: number;
  maxLength?: number;
  suffix?: string;
  prefix?: string;
  /** for kind "lines": what one line must be, or the message for a line that is not */
  line?: { pattern: RegExp; message: string; maxLines: number };
};

export type SectionDef = {
  /** the setting the page writes; a field with the path "" is the whole value (a list) */
  key: "council" | "gate" | "plan" | "union" | "signIn" | "preElectionPeriods" | "challenges" | "easyRead" | "paperPacks" | "alternativeFormats" | "monitoring" | "retention";
  slug: string;
  title: string;
  description: string;
  fields: FieldDef[];
};

export const SCALAR_SECTIONS: SectionDef[] = [
  {
    key: "council",
    slug: "council",
    title: "Council name, branding and time zone",
    description: "How the council and this service are named on every page and email, the colour of the header, and the time zone every date counts in.",
    fields: [
      { path: "name", label: "Council's full name", hint: "For example, Northmoor Borough Council", kind: "text", noun: "The council's name", maxLength: 120 },
      { path: "shortName", label: "Short name", hint: "Used where space is short, for example Northmoor", kind: "text", noun: "The short name", maxLength: 60 },
      { path: "serviceName", label: "Name of this service", hint: "Shown in the header and in page titles, for example Northmoor Consultations", kind: "text", noun: "The service name", maxLength: 80 },
      { path: "contactEmail", label: "Contact email address", hint: "Where residents can write about a consultation", kind: "email", noun: "The contact email address", maxLength: 254 },
      {
        path: "brandColour",
        label: "Header colour",
        hint: "A hex colour like #1f4e4a. White text on it must reach a contrast of 4.5 to 1 (WCAG 2.2 AA), so dark colours work best.",
        kind: "colour",
        noun: "The header colour",
      },
      {
        path: "timeZone",
        label: "Time zone",
        hint: "Every date counts in this time zone: when consultations open and close, when comments stop, working days of union notice. An IANA name: Europe/London for England, Wales and Scotland.",
        kind: "timezone",
        noun: "The time zone",
        maxLength: 64,
      },
    ],
  },
  {
    key: "gate",
    slug: "publication-check",
    title: "Publication check",
    description: "What a proposal must carry before it can be submitted for review, and when a proposal counts as large and must carry more.",
    fields: [
      { path: "summaryMinWords", label: "Shortest summary", kind: "integer", noun: "The shortest summary", min: 10, max: 500, suffix: "words", hint: "A summary shorter than this cannot explain the change." },
      { path: "summaryMaxWords", label: "Longest summary", kind: "integer", noun: "The longest summary", min: 20, max: 2000, suffix: "words" },
      { path: "detailsMinWords", label: "Shortest answer in full details", kind: "integer", noun: "The shortest answer in full details", min: 5, max: 1000, suffix: "words", hint: "Each of what changes, why, the current and proposed service, and so on." },
      { path: "largeDetailsMultiplier", label: "How much more a large proposal must say", kind: "decimal", noun: "The multiplier for large proposals", min: 1, max: 10, suffix: "times", hint: "A large proposal's details must be this many times the shortest answer." },
      { path: "thresholds.posts", label: "Large proposal: posts affected", kind: "integer", noun: "The posts threshold", min: 1, max: 10000, suffix: "posts", hint: "A proposal affecting this many posts or more is large." },
      { path: "thresholds.workforceShare", label: "Large proposal: share of the service's workforce", kind: "percent", noun: "The workforce share threshold", min: 1, max: 100, suffix: "%" },
      { path: "thresholds.budgetGbp", label: "Large proposal: budget change", kind: "money", noun: "The budget threshold", min: 1, max: 1_000_000_000, prefix: "£" },
      { path: "highRiskScore", label: "High risk score", kind: "integer", noun: "The high risk score", min: 1, max: 25, hint: "Likelihood times impact, each 1 to 5. A risk scoring this or more must have a mitigation." },
      { path: "evidenceMinWords", label: "Shortest equality evidence", kind: "integer", noun: "The shortest equality evidence", min: 1, max: 500, suffix: "words" },
      {
        path: "minDocumentBytes",
        label: "Smallest business case or equality assessment file",
        kind: "integer",
        noun: "The smallest document",
        min: 0,
        max: 10_000_000,
        suffix: "bytes",
        hint: "A smaller file cannot be the real document (an empty template or a one-line note). 1,000 bytes is about a page of plain text.",
      },
      {
        path: "s188MinWords",
        label: "Shortest answer in the collective consultation information",
        kind: "integer",
        noun: "The shortest collective consultation answer",
        min: 0,
        max: 500,
        suffix: "words",
        hint: "Each answer a union needs under section 188 when 20 or more posts are at risk; doubled at 100 or more posts.",
      },
      {
        path: "acronymAllowList",
        label: "Acronyms everyone knows",
        hint: "One a line. These need no expansion in a summary; any other acronym must be spelled out the first time it is used.",
        kind: "lines",
        noun: "The list of acronyms",
        line: { pattern: /^[A-Z][A-Z0-9&]{1,11}$/, message: "must be capital letters (and digits), 2 to 12 characters, like NHS", maxLines: 200 },
      },
    ],
  },
  {
    key: "plan",
    slug: "consultation-period",
    title: "Consultation period",
    description: "How long consultations run. A period under the default needs a published reason.",
    fields: [
      { path: "defaultWeeks", label: "Usual length", kind: "integer", noun: "The usual length", min: 6, max: 52, suffix: "weeks", hint: "The Cabinet Office's Consultation Principles and most councils use 12 weeks." },
      { path: "minimumWeeks", label: "Shortest allowed", kind: "integer", noun: "The shortest period", min: 6, max: 52, suffix: "weeks", hint: "Never under 6 weeks." },
    ],
  },
  {
    key: "preElectionPeriods",
    slug: "pre-election-periods",
    title: "Pre-election periods",
    description:
      "Periods before an election when consultations should not run (Cabinet Office Consultation Principles). A consultation that would run during one cannot open without a published reason; without one, it waits until the period is over.",
    fields: [
      {
        path: "",
        label: "Pre-election periods",
        hint: "One a line: the election, a colon, then the first and last day, like: Northmoor Borough Council elections: 2027-03-26 to 2027-05-06",
        kind: "lines",
        noun: "The list of pre-election periods",
        line: { pattern: /^[^:\n]{1,120}: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/, message: "must be the election, a colon, then two dates, like Local elections: 2027-03-26 to 2027-05-06", maxLines: 50 },
      },
    ],
  },
  {
    key: "union",
    slug: "union-notice",
    title: "Union notice",
    description: "Confidential advance notice to the recognised unions before a consultation opens.",
    fields: [
      {
        path: "noticeWorkingDays",
        label: "Notice period",
        kind: "integer",
        noun: "The notice period",
        min: 0,
        max: 90,
        suffix: "working days",
        hint: "How long the recognised unions have the proposal in confidence before the consultation can open. Weekends and England and Wales bank holidays do not count.",
      },
      { path: "noticeLinkDays", label: "How long a representative's personal link works", kind: "integer", noun: "How long a personal link works", min: 1, max: 30, suffix: "days", hint: "After this, an officer can send a new link." },
      {
        path: "collectiveConsultationPosts",
        label: "Collective consultation from",
        kind: "integer",
        noun: "The collective consultation threshold",
        min: 1,
        max: 20,
        suffix: "posts",
        hint: "The union notice carries the information for collective consultation (Trade Union and Labour Relations (Consolidation) Act 1992, section 188) when this many posts are at risk. The law sets 20: the council may choose fewer, never more.",
      },
    ],
  },
  {
    key: "challenges",
    slug: "challenges",
    title: "Challenges to the facts",
    description: "Anyone can challenge a figure, risk, equality finding or statement in an open consultation; the council must answer each one in public.",
    fields: [
      {
        path: "answerWorkingDays",
        label: "Time to answer a challenge",
        kind: "integer",
        noun: "The time to answer a challenge",
        min: 1,
        max: 60,
        suffix: "working days",
        hint: "Counted from the day after the challenge is made. Weekends and England and Wales bank holidays do not count.",
      },
    ],
  },
  {
    key: "retention",
    slug: "personal-data",
    title: "Personal data after the decision",
    description: "How long respondents' email addresses, sign-in links and the emails sent to them are kept after the decision on the consultation they took part in. The privacy notice states this figure.",
    fields: [
      {
        path: "monthsAfterDecision",
        label: "Remove respondents' personal data",
        kind: "integer",
        noun: "The time personal data is kept after the decision",
        min: 1,
        max: 120,
        suffix: "months after the decision",
        hint: "Published comments and answers stay under the name they were shown with, and the counts stay. A scheduled job removes the rest.",
      },
    ],
  },
  {
    key: "signIn",
    slug: "sign-in",
    title: "Sign-in",
    description: "How staff sign in: invitations, and single sign-on with the council's identity provider.",
    fields: [
      { path: "invitationDays", label: "How long an invitation link works", kind: "integer", noun: "How long an invitation link works", min: 1, max: 30, suffix: "days" },
      {
        path: "localPasswords",
        label: "Can staff sign in with a password?",
        hint: "Choose No to make staff sign in only through single sign-on. Union representatives with no staff role keep their passwords and personal links.",
        kind: "yesno",
        noun: "Whether staff can use passwords",
      },
      {
        path: "requireTwoFactor",
        label: "Must admins and approvers use a second factor to sign in?",
        hint: "Yes: after their password they enter a code from an authenticator app on their phone, and anyone without one sets it up at their next sign-in. Other staff can turn it on for themselves. Single sign-on leaves the second factor to the identity provider.",
        kind: "yesno",
        noun: "Whether admins and approvers need a second factor",
      },
      {
        path: "sso.allowedDomains",
        label: "The council's email domains",
        hint: "One a line, like northmoor.gov.uk. A first single sign-on links to the invited account with the same address when the provider vouches for it, or when it is in one of these domains (Microsoft Entra ID does not vouch for addresses).",
        kind: "lines",
        noun: "The list of domains",
        line: { pattern: /^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, message: "must be a domain like northmoor.gov.uk", maxLines: 50 },
      },
      {
        path: "sso.createAccounts",
        label: "Create accounts for staff who are not invited?",
        hint: "Yes: someone with an address in the council's domains whose groups give them a role gets an account at their first sign-in. No: only people an admin has invited can sign in.",
        kind: "yesno",
        noun: "Whether to create accounts",
      },
      { path: "sso.groupsClaim", label: "Groups claim", hint: "The ID token claim that lists a person's groups: “groups” for security groups in Microsoft Entra ID, “roles” for app roles.", kind: "text", noun: "The groups claim", maxLength: 100 },
      {
        path: "sso.groupRoles",
        label: "Groups that give roles",
        hint: `One a line: the group's id or name, an equals sign, then a role (${ROLES.filter((r) => r !== "union_rep").join(", ")}). For example: 5f1c…-e2 = officer. When any are set, staff roles follow the groups at every sign-in; leave empty to give roles here.`,
        kind: "lines",
        noun: "The groups that give roles",
        line: { pattern: /^[^=]{1,200}=[^=]{1,40}$/, message: "must be a group, an equals sign and a role, like Planning officers = officer", maxLines: 200 },
      },
    ],
  },
  {
    key: "easyRead",
    slug: "easy-read",
    title: "Easy read",
    description: "When a proposal must carry an easy read summary before it can be submitted, and how easy it must be to read.",
    fields: [
      {
        path: "required",
        label: "Ask for an easy read summary?",
        hint: "Yes: proposals for the services below, or rating a characteristic below as a negative impact, need one. Any easy read summary that is written is checked either way.",
        kind: "yesno",
        noun: "Whether an easy read summary is asked for",
      },
      {
        path: "services",
        label: "Services used by disabled people or children",
        hint: "One a line, by the service's short name as in the list of services, like camhs.",
        kind: "lines",
        noun: "The list of services",
        line: { pattern: SLUG_LINE, message: "must be a service's short name, like camhs", maxLines: 100 },
      },
      {
        path: "characteristics",
        label: "Characteristics that call for easy read",
        hint: "One a line, by key, like disability. A proposal rating one of these as a negative impact needs an easy read summary.",
        kind: "lines",
        noun: "The list of characteristics",
        line: { pattern: KEY_LINE, message: "must be a characteristic's key, like disability", maxLines: 40 },
      },
      { path: "minWords", label: "Shortest easy read summary", kind: "integer", noun: "The shortest easy read summary", min: 1, max: 500, suffix: "words" },
      { path: "maxWords", label: "Longest easy read summary", kind: "integer", noun: "The longest easy read summary", min: 20, max: 2000, suffix: "words" },
      { path: "maxSentenceWords", label: "Longest sentence", kind: "integer", noun: "The longest sentence", min: 5, max: 40, suffix: "words", hint: "Easy read guidance: one idea a sentence, about 15 words at most." },
      { path: "minReadability", label: "Lowest reading ease", kind: "decimal", noun: "The lowest reading ease", min: 0, max: 100, hint: "Flesch reading ease, 0 to 100: 70 is fairly easy, above plain English (60)." },
    ],
  },
  {
    key: "paperPacks",
    slug: "paper-packs",
    title: "Paper packs",
    description: "Where paper responses are posted, the reference people quote on them, and the places officers send printed packs for people to pick up.",
    fields: [
      {
        path: "postalAddress",
        label: "Postal address for responses",
        hint: "One line of the address a line, as it should be written on the envelope.",
        kind: "lines",
        noun: "The postal address",
        line: { pattern: /^[^|]{1,100}$/, message: "must be 100 characters or fewer", maxLines: 8 },
      },
      { path: "referencePrefix", label: "Start of the reference", hint: "2 to 6 capital letters, like NMC: a consultation's reference is then NMC-0007.", kind: "text", noun: "The start of the reference", maxLength: 6 },
      {
        path: "places",
        label: "Places to pick up a paper pack",
        hint: `One a line: a short key, the name, the kind (${PLACE_KINDS.join(", ")}), the address and, if you like, the opening hours, separated by “ | ”. For example: central-library | Central Library | library | Market Street, NM1 1AB | Monday to Saturday, 9am to 8pm. Keep a place's key when you rename it.`,
        kind: "lines",
        noun: "The list of places",
        line: { pattern: /^[^|]+(\|[^|]+){3,4}$/, message: "must be a key, a name, a kind and an address (and opening hours), separated by |", maxLines: 100 },
      },
    ],
  },
  {
    key: "alternativeFormats",
    slug: "other-formats",
    title: "Other formats on request",
    description: "How soon a consultation asked for in large print, audio, Braille, easy read, British Sign Language or another language must be sent, and how long the requester's details are kept.",
    fields: [
      { path: "dueWorkingDays", label: "Send within", kind: "integer", noun: "The time to send a format", min: 1, max: 60, suffix: "working days", hint: "Counted from the day the request came in; a request not sent by then is overdue." },
      {
        path: "keepContactDetailsDays",
        label: "Keep the requester's name and contact details for",
        kind: "integer",
        noun: "How long contact details are kept",
        min: 1,
        max: 730,
        suffix: "days",
        hint: "After the format was sent and the consultation closed. The privacy notice must say the same.",
      },
    ],
  },
  {
    key: "monitoring",
    slug: "equality-monitoring",
    title: "Equality monitoring",
    description: "How the answers to the optional questions about who responded are reported.",
    fields: [
      {
        path: "smallNumber",
        label: "Smallest number shown",
        kind: "integer",
        noun: "The smallest number shown",
        min: 3,
        max: 20,
        hint: "Counts under this are shown as “fewer than” it, and figures change only when this many more people have answered, so no one can be picked out.",
      },
    ],
  },
];

export function sectionBySlug(slug: string | undefined): SectionDef | undefined {
  return SCALAR_SECTIONS.find((s) => s.slug === slug);
}

/** The form's name for a field: Conform reads dots as nesting, so dots become dashes. */
export function fieldName(path: string): string {
  if (!path) return "value";
  return path.replace(/\./g, "-");
}

function get(value: unknown, path: string): unknown {
  if (!path) return value;
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), value);
}

function set(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

type PreElectionPeriod = Settings["preElectionPeriods"][number];

/** One line of a list setting as the form shows it. */
function lineOf(x: unknown): string {
  if (typeof x === "string") return x;
  if (x && typeof x === "object" && "address" in x) return placeLine(x as PaperPackPlace);
  if (x && typeof x === "object" && "startsOn" in x) {
    const p = x as PreElectionPeriod;
    return `${p.name}: ${p.startsOn} to ${p.endsOn}`;
  }
  return `${(x as { group: string }).group} = ${(x as { role: Role }).role}`;
}

/** "Local elections: 2027-03-26 to 2027-05-06" → the period, or why it is not one. */
export function parsePreElectionPeriod(line: string): PreElectionPeriod | { error: string } {
  const match = /^(.*): (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/.exec(line);
  if (!match) return { error: "must be the election, a colon, then two dates" };
  const [, name, startsOn, endsOn] = match;
  const real = (d: string) => addDays(d, 0) === d;
  if (!real(startsOn) || !real(endsOn)) return { error: "has a date that does not exist" };
  if (endsOn < startsOn) return { error: "ends before it starts" };
  return { name: name.trim(), startsOn, endsOn };
}

/** The current value of each field as the form shows it. */
export function formDefaults(section: SectionDef, settings: Settings): Record<string, string> {
  const value = settings[section.key];
  const out: Record<string, string> = {};
  for (const f of section.fields) {
    const v = get(value, f.path);
    if (f.kind === "yesno") out[fieldName(f.path)] = v ? "yes" : "no";
    else if (f.kind === "percent") out[fieldName(f.path)] = typeof v === "number" ? String(Math.round(v * 1000) / 10) : "";
    else if (f.kind === "lines") out[fieldName(f.path)] = Array.isArray(v) ? v.map(lineOf).join("\n") : "";
    else out[fieldName(f.path)] = v == null ? "" : String(v);
  }
  return out;
}

/** A place to pick up a paper pack, as one line of its settings field, and back. */
export function placeLine(p: PaperPackPlace): string {
  return [p.key, p.name, p.kind, p.address, ...(p.openingHours ? [p.openingHours] : [])].join(" | ");
}

export function parsePlaceLine(line: string): PaperPackPlace | { error: string } {
  const [key, name, kind, address, openingHours] = line.split("|").map((x) => x.trim());
  if (!SLUG_LINE.test(key ?? "")) return { error: `“${(key ?? "").slice(0, 40)}” is not a key: use lower case words joined by hyphens, like central-library` };
  if (!(PLACE_KINDS as readonly string[]).includes(kind ?? "")) return { error: `“${(kind ?? "").slice(0, 40)}” is not a kind of place. Use one of: ${PLACE_KINDS.join(", ")}` };
  if (!name || !address) return { error: "give the place's name and address" };
  return { key, name, kind: kind as PaperPackPlace["kind"], address, ...(openingHours ? { openingHours } : {}) };
}


const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function numberSchema(f: FieldDef) {
  const enter = `Enter ${lower(f.noun)}`;
  const min = f.min ?? 0;
  const max = f.max ?? Number.MAX_SAFE_INTEGER;
  const fmt = (n: number) => (f.kind === "money" ? `£${n.toLocaleString("en-GB")}` : n.toLocaleString("en-GB"));
  const unit = f.suffix && f.suffix !== "%" ? ` ${f.suffix}` : f.suffix ?? "";
  return z
    .string({ error: enter })
    .transform((v) => v.trim().replace(/^£/, "").replace(/,/g, "").replace(/%$/, "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: enter, abort: true })
        .regex(/^-?\d+(\.\d+)?$/, { error: `${f.noun} must be a number, like ${fmt(min)}` }),
    )
    .transform(Number)
    .pipe(
      (f.kind === "integer" || f.kind === "money" ? z.number().int({ error: `${f.noun} must be a whole number` }) : z.number())
        .min(min, { error: `${f.noun} must be ${fmt(min)}${unit} or more` })
        .max(max, { error: `${f.noun} must be ${fmt(max)}${unit} or fewer` }),
    )
    .transform((n) => (f.kind === "percent" ? Math.round(n * 10) / 1000 : n));
}

function linesSchema(f: FieldDef) {
  const rule = f.line!;
  return z
    .string()
    .max(20_000, { error: `${f.noun} is too long` })
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .superRefine((lines, ctx) => {
      if (lines.length > rule.maxLines) ctx.addIssue({ code: "custom", message: `${f.noun} can have at most ${rule.maxLines} lines` });
      const bad = lines.findIndex((l) => !rule.pattern.test(f.path === "sso.allowedDomains" ? l.toLowerCase() : l));
      if (bad >= 0) ctx.addIssue({ code: "custom", message: `Line ${bad + 1} (“${lines[bad].slice(0, 40)}”) ${rule.message}` });
    });
}

function fieldSchema(f: FieldDef): z.ZodType<unknown> {
  switch (f.kind) {
    case "text":
      return z
        .string({ error: `Enter ${lower(f.noun)}` })
        .trim()
        .min(1, { error: `Enter ${lower(f.noun)}` })
        .max(f.maxLength ?? 200, { error: `${f.noun} must be ${f.maxLength ?? 200} characters or fewer` })
        .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: `${f.noun} must be on one line` });
    case "email":
      return z
        .string({ error: `Enter ${lower(f.noun)}` })
        .trim()
        .min(1, { error: `Enter ${lower(f.noun)}` })
        .max(254, { error: `${f.noun} must be 254 characters or fewer` })
        .pipe(z.email({ error: `Enter ${lower(f.noun)} in the correct format, like consultations@example.gov.uk` }));
    case "colour":
      return z
        .string({ error: `Enter ${lower(f.noun)}` })
        .trim()
        .min(1, { error: `Enter ${lower(f.noun)}` })
        .transform((v) => (v.startsWith("#") ? v : `#${v}`).toLowerCase())
        .pipe(z.string().regex(/^#[0-9a-f]{6}$/, { error: `${f.noun} must be a hex colour of 6 digits, like #1f4e4a` }))
        .refine((v) => !/^#[0-9a-f]{6}$/.test(v) || (contrastRatio(v, "#ffffff") ?? 0) >= 4.5, {
          error: (issue) => `${f.noun} is too light: white text on it has a contrast of ${(contrastRatio(String(issue.input), "#ffffff") ?? 0).toFixed(1)} to 1, and needs 4.5 to 1. Choose a darker colour`,
        });
    case "timezone":
      return z
        .string({ error: `Enter ${lower(f.noun)}` })
        .trim()
        .min(1, { error: `Enter ${lower(f.noun)}` })
        .max(f.maxLength ?? 64, { error: `${f.noun} must be ${f.maxLength ?? 64} characters or fewer` })
        .refine((v) => isTimeZone(v), { error: `${f.noun} must be an IANA time zone name, like Europe/London` });
    case "yesno":
      return z.enum(["yes", "no"], { error: `Select yes or no: ${lower(f.noun)}` }).transform((v) => v === "yes");
    case "lines":
      return linesSchema(f);
    default:
      return numberSchema(f);
  }
}

/** "Planning officers = officer" → { group, role }; roles by key or by label. */
export function parseGroupRole(line: string): { group: string; role: Role } | { error: string } {
  const [group, roleText] = line.split("=").map((s) => s.trim());
  const wanted = roleText.toLowerCase().replace(/\s+/g, "_");
  const role = ROLES.find((r) => r === wanted || ROLE_LABELS[r].toLowerCase() === roleText.toLowerCase());
  if (!role) return { error: `“${roleText.slice(0, 40)}” is not a role. Use one of: ${ROLES.filter((r) => r !== "union_rep").join(", ")}` };
  if (role === "union_rep") return { error: "Union representatives are not in the council's directory: give that role on the person's account" };
  return { group, role };
}

/** The section's form: each field by its form name, then checks across fields. */
export function sectionSchema(section: SectionDef, context: { ssoConfigured: boolean; viewerUsesSso: boolean } = { ssoConfigured: false, viewerUsesSso: false }) {
  const shape = Object.fromEntries(section.fields.map((f) => [fieldName(f.path), fieldSchema(f)]));
  return z
    .object(shape)
    .superRefine((v: Record<string, unknown>, ctx) => {
      const n = (path: string) => v[fieldName(path)] as number;
      if (section.key === "gate" && n("summaryMinWords") >= n("summaryMaxWords")) {
        ctx.addIssue({ code: "custom", path: [fieldName("summaryMaxWords")], message: "The longest summary must be longer than the shortest summary" });
      }
      if (section.key === "plan" && n("minimumWeeks") > n("defaultWeeks")) {
        ctx.addIssue({ code: "custom", path: [fieldName("minimumWeeks")], message: "The shortest period must not be longer than the usual length" });
      }
      if (section.key === "preElectionPeriods") {
        ((v[fieldName("")] as string[] | undefined) ?? []).forEach((line, i) => {
          const parsed = parsePreElectionPeriod(line);
          if ("error" in parsed) ctx.addIssue({ code: "custom", path: [fieldName("")], message: `Line ${i + 1} (“${line.slice(0, 40)}”) ${parsed.error}` });
        });
      }
      if (section.key === "easyRead" && n("minWords") >= n("maxWords")) {
        ctx.addIssue({ code: "custom", path: [fieldName("maxWords")], message: "The longest easy read summary must be longer than the shortest" });
      }
      if (section.key === "paperPacks") {
        if (!/^[A-Z]{2,6}$/.test(String(v[fieldName("referencePrefix")] ?? ""))) {
          ctx.addIssue({ code: "custom", path: [fieldName("referencePrefix")], message: "The start of the reference must be 2 to 6 capital letters, like NMC" });
        }
        if (!((v[fieldName("postalAddress")] as string[] | undefined) ?? []).length) {
          ctx.addIssue({ code: "custom", path: [fieldName("postalAddress")], message: "Enter the postal address for responses" });
        }
        const keys = new Set<string>();
        ((v[fieldName("places")] as string[] | undefined) ?? []).forEach((line, i) => {
          const parsed = parsePlaceLine(line);
          if ("error" in parsed) ctx.addIssue({ code: "custom", path: [fieldName("places")], message: `Line ${i + 1}: ${parsed.error}` });
          else if (keys.has(parsed.key)) ctx.addIssue({ code: "custom", path: [fieldName("places")], message: `Line ${i + 1}: the key ${parsed.key} is used twice` });
          else keys.add(parsed.key);
        });
      }
      if (section.key === "signIn") {
        const lines = (v[fieldName("sso.groupRoles")] as string[] | undefined) ?? [];
        lines.forEach((line, i) => {
          const parsed = parseGroupRole(line);
          if ("error" in parsed) ctx.addIssue({ code: "custom", path: [fieldName("sso.groupRoles")], message: `Line ${i + 1}: ${parsed.error}` });
        });
        if (v[fieldName("localPasswords")] === false) {
          if (!context.ssoConfigured) ctx.addIssue({ code: "custom", path: [fieldName("localPasswords")], message: "Single sign-on is not set up, so staff must be able to use passwords" });
          else if (!context.viewerUsesSso) ctx.addIssue({ code: "custom", path: [fieldName("localPasswords")], message: "Sign in with single sign-on yourself first, so that you know it works before passwords are switched off" });
        }
        if (v[fieldName("sso.createAccounts")] === true && (!(v[fieldName("sso.allowedDomains")] as string[] | undefined)?.length || !lines.length)) {
          ctx.addIssue({ code: "custom", path: [fieldName("sso.createAccounts")], message: "To create accounts, give the council's email domains and the groups that give roles" });
        }
      }
    })
    .transform((v: Record<string, unknown>) => {
      // A list setting is the whole value (typed as the form's object: the action stores it as it is).
      if (section.key === "preElectionPeriods") return ((v[fieldName("")] as string[]) ?? []).map((l) => parsePreElectionPeriod(l) as PreElectionPeriod) as unknown as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of section.fields) {
        let value = v[fieldName(f.path)];
        if (section.key === "paperPacks" && f.path === "places") value = (value as string[]).map((l) => parsePlaceLine(l) as PaperPackPlace);
        if (f.path === "sso.groupRoles") value = (value as string[]).map((l) => parseGroupRole(l) as { group: string; role: Role });
        if (f.path === "sso.allowedDomains") value = [...new Set((value as string[]).map((d) => d.toLowerCase()))];
        if (f.path === "gate.acronymAllowList" || f.path === "acronymAllowList") value = [...new Set(value as string[])];
        set(out, f.path, value);
      }
      return out;
    });
}

/** Every leaf path of a settings value, for the check that each one has a page. */
export function leafPaths(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** A setting's current value in words, for the settings overview. */
export function displayValue(f: FieldDef, settings: Settings, section: SectionDef): string {
  const v = get(settings[section.key], f.path);
  switch (f.kind) {
    case "yesno":
      return v ? "Yes" : "No";
    case "percent":
      return typeof v === "number" ? `${Math.round(v * 1000) / 10}%` : "";
    case "money":
      return typeof v === "number" ? `£${v.toLocaleString("en-GB")}` : "";
    case "integer":
    case "decimal":
      return typeof v === "number" ? `${v.toLocaleString("en-GB")}${f.suffix ? ` ${f.suffix}` : ""}` : "";
    case "lines": {
      const list = Array.isArray(v) ? v.map(lineOf) : [];
      return list.length ? list.join(", ") : "None";
    }
    default:
      return v == null ? "" : String(v);
  }
}
