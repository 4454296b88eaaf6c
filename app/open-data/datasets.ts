/**
 * The catalogue of CSV datasets: names, what each row is, and each column with its meaning.
 * Pure, so the open-data page, the OpenAPI description and the exporter share one list.
 */
export type Column = { name: string; description: string };
export type Dataset = { name: string; title: string; row: string; columns: Column[] };

const c = (name: string, description: string): Column => ({ name, description });
const CONSULTATION = c("consultation", "the consultation's slug: its address is /consultations/{slug}");

/**
 * Issue 11 adds "themes" and "outcomes" (one row per theme with the council's response; one per
 * published outcome report and decision) here, with a row source in datasets.server.ts: the
 * header, the open-data page, the OpenAPI examples and the canary test then follow by themselves.
 */
export const DATASETS = [
  {
    name: "consultations",
    title: "Consultations",
    row: "one published consultation",
    columns: [
      c("id", "stable number of the consultation"),
      c("slug", "stable name in its address"),
      c("title", "title"),
      c("status", "open, closed, outcome_published, decided or withdrawn"),
      c("service", "the council service proposing the change"),
      c("summary", "plain-English summary (Markdown)"),
      c("opens_on", "first day of the consultation (date)"),
      c("closes_on", "last day of the consultation (date)"),
      c("opened_at", "when it opened (date and time, UTC)"),
      c("closed_at", "when it closed (date and time, UTC)"),
      c("withdrawn_at", "when the council withdrew it (date and time, UTC)"),
      c("withdrawn_reason", "the council's published reason for withdrawing it"),
      c("outcome_due_on", "12 weeks after closing: when the council's response is due (date)"),
      c("posts_affected", "staff posts affected"),
      c("fte_affected", "full-time equivalent of the posts affected"),
      c("service_workforce_posts", "posts in the service's whole workforce"),
      c("workforce_share", "posts affected as a share of the workforce (0 to 1)"),
      c("service_users_per_year", "people using the service affected each year"),
      c("activity_description", "what activity is affected"),
      c("activity_per_year", "how much of that activity a year"),
      c("budget_change_gbp", "change to the yearly budget in pounds (negative is a saving)"),
      c("risks", "number of risks recorded"),
      c("equality_negative_impacts", "protected characteristics rated as negatively affected"),
      c("responses_total", "responses from every channel"),
      c("responses_online", "responses made online"),
      c("responses_paper", "responses on paper"),
      c("responses_phone", "responses by phone"),
      c("responses_email", "responses by email"),
      c("responses_event", "responses at events"),
      c("comments_published", "comments shown on the page"),
      c("updated_at", "when the consultation's record last changed (date and time, UTC)"),
      c("url", "its page"),
    ],
  },
  {
    name: "risks",
    title: "Risks",
    row: "one risk of a proposal",
    columns: [
      CONSULTATION,
      c("risk_id", "stable number of the risk"),
      c("ref", "its reference on the page (R1, R2…)"),
      c("description", "the risk"),
      c("who_bears", "who would bear it"),
      c("likelihood", "1 (rare) to 5 (almost certain)"),
      c("impact", "1 (negligible) to 5 (severe)"),
      c("score", "likelihood × impact"),
      c("level", "low, medium or high"),
      c("mitigations", "references of the mitigations that address it, separated by semicolons"),
      c("acceptance_reason", "the published reason the council accepts the risk without a mitigation"),
    ],
  },
  {
    name: "dependencies",
    title: "Dependencies",
    row: "one service, team, partner or contract that relies on or is affected by a proposal",
    columns: [
      CONSULTATION,
      c("dependency_id", "stable number"),
      c("name", "who or what depends on the service"),
      c("kind", "service, team, partner or contract"),
      c("effect", "how they would be affected"),
      c("consulted", "whether they were consulted (true, false, or empty if not recorded)"),
      c("consultation_note", "what was agreed, or when they will be consulted"),
    ],
  },
  {
    name: "mitigations",
    title: "Mitigations",
    row: "one action to reduce a risk or an equality impact",
    columns: [
      CONSULTATION,
      c("mitigation_id", "stable number"),
      c("ref", "its reference on the page (M1, M2…)"),
      c("action", "what will be done"),
      c("owner", "who is responsible (a post, not a person)"),
      c("due_on", "by when (date)"),
      c("risks", "references of the risks it addresses"),
      c("equality_characteristics", "protected characteristics whose impact it addresses"),
    ],
  },
  {
    name: "equality-rows",
    title: "Equality impacts",
    row: "one protected characteristic in a proposal's equality impact assessment",
    columns: [
      CONSULTATION,
      c("row_id", "stable number"),
      c("characteristic", "key of the characteristic (the nine statutory ones and local ones such as carers)"),
      c("label", "its name"),
      c("rating", "positive, negative, neutral or unknown"),
      c("evidence", "the evidence for the rating"),
      c("justification", "for a negative impact without a mitigation: why it is justified"),
      c("evidence_action", "for an unknown impact: how the evidence will be gathered"),
      c("mitigations", "references of the mitigations that address it"),
    ],
  },
  {
    name: "notifications",
    title: "Notification records",
    row: "the recognised unions' advance notice, or one staff group told about a consultation",
    columns: [
      CONSULTATION,
      c("recipients", "unions or staff_group"),
      c("name", "the unions told, or the staff group"),
      c("people_told", "union representatives sent the notice, or staff in the group"),
      c("told_on", "when they were told (date and time, UTC)"),
      c("working_days_before_opening", "for unions: working days between the notice and opening"),
      c("acknowledged", "for unions: representatives who acknowledged the notice"),
    ],
  },
  {
    name: "comments",
    title: "Published comments",
    row: "one comment shown on a consultation's page (hidden, held and deleted comments are never included)",
    columns: [
      CONSULTATION,
      c("comment_id", "stable number"),
      c("parent_id", "the comment it replies to, if any"),
      c("target_type", "what it comments on: proposal, risk, dependency, mitigation or equality_row"),
      c("target_id", "the number of that row"),
      c("official", "true for the council's official answers"),
      c("author", "the name as the page shows it: the author's choice, or Resident"),
      c("author_capacity", "for an organisation, a councillor or the council"),
      c("created_at", "when it was posted (date and time, UTC)"),
      c("edited_at", "when the author last corrected it"),
      c("text", "the comment as written (Markdown)"),
      c("url", "its page"),
    ],
  },
  {
    name: "answers",
    title: "Answers to the questions, after closing",
    row: "one answer to one question of a closed consultation, without the respondent, their words or anything else that could identify them",
    columns: [
      CONSULTATION,
      c("response_id", "stable number of the response: the answers one person or one letter gave to several questions share it"),
      c("channel", "how the response came: online, paper, phone, event or email"),
      c("question_id", "stable number of the question"),
      c("question_number", "its position on the response form (1, 2…)"),
      c("question", "the question as asked"),
      c("stance", "how far they agreed (strongly_agree, agree, neutral, disagree, strongly_disagree, dont_know), or empty"),
      c("answered_in_words", "whether they also answered in their own words (the words are not published: they may identify someone)"),
    ],
  },
  {
    name: "moderation-log",
    title: "Moderation log",
    row: "one comment hidden or restored by a moderator (never the words, the author or the note)",
    columns: [
      CONSULTATION,
      c("entry_id", "stable number"),
      c("action", "hide or restore"),
      c("rule", "the house rule it broke (its key in /house-rules)"),
      c("at", "when (date and time, UTC)"),
      c("target_type", "what the comment was on"),
      c("target_id", "the number of that row"),
      c("is_reply", "whether it was a reply"),
      c("official", "whether it was an official answer"),
    ],
  },
] as const satisfies readonly Dataset[];

export type DatasetName = (typeof DATASETS)[number]["name"];

export function findDataset(name: string): (typeof DATASETS)[number] | undefined {
  return DATASETS.find((d) => d.name === name);
}
