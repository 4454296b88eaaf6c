/**
 * The OpenAPI 3.1 description of the open data, served at /api/v1/openapi.json.
 *
 * Kept honest by tests/integration/open-data-openapi.test.ts: the document must validate, every
 * live response must match its schema (objects are closed with additionalProperties: false, so
 * a field added to the API without being described here fails), and every named example is
 * requested and must be answered with the status, and for errors the message, it shows.
 *
 * Example names tie a request to its answer: the parameter examples called "x" make the request
 * whose response is the response example called "x".
 */
import { DECISION_LABELS } from "~/outcomes/rules";
import { RESPONDING_AS, STANCES, CHANNEL_LABELS } from "~/responses/rules";
import { DATASETS } from "./datasets";
import { DEFAULT_LIMIT, MAX_LIMIT, API_STATUSES } from "./params";
import { LICENCE } from "./record";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: Schema = {}): Schema => ({ type: "string", ...(description ? { description } : {}), ...extra });
const nstr = (description?: string, extra: Schema = {}): Schema => ({ type: ["string", "null"], ...(description ? { description } : {}), ...extra });
const int = (description?: string, extra: Schema = {}): Schema => ({ type: "integer", ...(description ? { description } : {}), ...extra });
const nint = (description?: string): Schema => ({ type: ["integer", "null"], ...(description ? { description } : {}) });
const num = (description?: string): Schema => ({ type: ["number", "null"], ...(description ? { description } : {}) });
const bool = (description?: string): Schema => ({ type: "boolean", ...(description ? { description } : {}) });
const arr = (items: Schema, description?: string): Schema => ({ type: "array", items, ...(description ? { description } : {}) });
/** A closed object: every property required (nullable ones say so in their type). */
const obj = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const counts = (keys: readonly string[], description: string): Schema => obj(Object.fromEntries(keys.map((k) => [k, int()])), description);

const DATE = { pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const INSTANT = { pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$" };
const date = (d: string) => nstr(`${d} (ISO 8601 date)`, DATE);
const instant = (d: string) => nstr(`${d} (ISO 8601, UTC)`, INSTANT);
const url = (d: string) => str(d, { format: "uri" });

const CHANNELS = Object.keys(CHANNEL_LABELS);

const SCHEMAS: Record<string, Schema> = {
  Error: obj(
    {
      status: int("the HTTP status, repeated"),
      error: str("the status in words"),
      message: str("what was wrong, and what would be accepted"),
    },
    "Every error is JSON with a message.",
  ),
  Licence: obj({ name: str(), url: url("the licence's text") }),
  Service: obj({ slug: str("stable name, used by the service filter"), name: str() }),
  ConsultationSummary: obj({
    id: int("stable number; never reused"),
    slug: str("stable name in its addresses"),
    title: str(),
    status: str("where it is in its life", { enum: [...API_STATUSES] }),
    service: ref("Service"),
    summary: nstr("plain-English summary (CommonMark Markdown)"),
    opensOn: date("first day of the consultation"),
    closesOn: date("last day of the consultation"),
    openedAt: instant("when it opened"),
    closedAt: instant("when it closed"),
    withdrawnAt: instant("when the council withdrew it"),
    updatedAt: str("when its record last changed (ISO 8601, UTC)", INSTANT),
    links: obj({ self: url("this consultation in the API"), html: url("its page"), feed: url("its Atom feed") }),
  }),
  ConsultationList: obj({
    data: arr(ref("ConsultationSummary"), "oldest first (by id), so a page boundary never moves"),
    links: obj({ self: url("this page"), next: { type: ["string", "null"], format: "uri", description: "the next page, or null on the last" } }),
    meta: obj({ count: int("consultations on this page"), limit: int("the page size asked for"), licence: ref("Licence") }),
  }),
  Risk: obj({
    id: int(),
    ref: str("its reference on the page: R1, R2…"),
    description: str(),
    whoBears: str(),
    likelihood: int("1 (rare) to 5 (almost certain)", { minimum: 1, maximum: 5 }),
    impact: int("1 (negligible) to 5 (severe)", { minimum: 1, maximum: 5 }),
    score: int("likelihood × impact"),
    level: str(undefined, { enum: ["low", "medium", "high"] }),
    mitigationIds: arr(int()),
    mitigationRefs: arr(str()),
    acceptanceReason: nstr("why the council accepts the risk without a mitigation"),
  }),
  Dependency: obj({
    id: int(),
    name: str(),
    kind: str(undefined, { enum: ["service", "team", "partner", "contract"] }),
    effect: str(),
    consulted: { type: ["boolean", "null"] },
    consultationNote: nstr(),
  }),
  Mitigation: obj({
    id: int(),
    ref: str("M1, M2…"),
    action: str(),
    owner: str(),
    dueOn: date("by when"),
    riskIds: arr(int()),
    riskRefs: arr(str()),
    equalityRowIds: arr(int()),
    equalityCharacteristics: arr(str()),
    equalityLabels: arr(str()),
  }),
  EqualityRow: obj({
    id: int(),
    characteristic: str("the nine protected characteristics of the Equality Act 2010 and the council's local ones"),
    label: str(),
    rating: { type: ["string", "null"], enum: ["positive", "negative", "neutral", "unknown", null] },
    evidence: nstr(),
    justification: nstr("for a negative impact without a mitigation"),
    evidenceAction: nstr("for an unknown impact: how evidence will be gathered"),
    mitigationIds: arr(int()),
    mitigationRefs: arr(str()),
  }),
  Document: obj({
    id: int(),
    kind: str(undefined, { enum: ["business_case", "equality_assessment", "other"] }),
    title: str(),
    filename: str(),
    mimeType: str(),
    sizeBytes: int(),
    disclosure: str("published whole, published with parts withheld, or withheld whole", { enum: ["published", "part_withheld", "withheld"] }),
    url: { type: ["string", "null"], format: "uri", description: "download address; null when the document is withheld in full" },
    withheldParts: arr(
      obj({
        part: str("what is withheld"),
        ground: str("key of the legal ground"),
        groundLabel: str("the legal ground"),
        publicInterestNote: str("the public interest test"),
        reviewOn: str("when withholding will be reviewed", DATE),
      }),
    ),
  }),
  NotificationRecord: obj(
    {
      noStaffAffected: bool(),
      unions: {
        oneOf: [
          { type: "null" },
          obj({
            toldOn: str("when the recognised unions were given advance notice", INSTANT),
            names: arr(str()),
            workingDaysBeforeOpening: nint(),
            opened: bool(),
            repsNotified: int(),
            repsAcknowledged: int(),
          }),
        ],
      },
      staff: obj({ groups: arr(obj({ name: str(), headCount: int(), toldOn: str(undefined, INSTANT) })), total: int() }),
    },
    "who was told and when: counts and dates, never a person's name or the unions' feedback",
  ),
  Version: obj({ number: int(), publishedAt: str(undefined, INSTANT), changeNote: nstr(), isBaseline: bool("the consultation as it opened"), sectionsChanged: arr(str()) }),
  ModerationEntry: obj({
    id: int(),
    action: str(undefined, { enum: ["hide", "restore"] }),
    rule: nstr("the house rule"),
    at: str(undefined, INSTANT),
    target: obj({ type: str(), id: int() }),
    isReply: bool(),
    official: bool(),
  }),
  QuestionStatistics: obj({
    id: int(),
    question: str(),
    asksForStance: bool(),
    answered: int("responses that answered it"),
    stances: counts([...STANCES, "none"], "answers by stance; none = words only"),
    byChannel: counts(CHANNELS, "answers by how the response came"),
  }),
  Outcome: obj(
    {
      publishedAt: str("when the council published it", INSTANT),
      responseSummary: str("who responded and how (Markdown)"),
      equalitySummary: str("how the equality impact assessment was revisited (Markdown)"),
      whatHappensNext: str("Markdown"),
      counts: obj({
        responses: int("responses from every channel"),
        byChannel: counts(CHANNELS, "responses by how they came"),
        byRespondingAs: counts([...RESPONDING_AS, "unknown"], "responses by who they came from; unknown = not recorded"),
        comments: int("comments residents made (moderated ones are counted but never shown)"),
      }),
      questions: arr(
        obj({ id: int(), question: str(), answered: int("responses that answered it"), stances: counts(STANCES, "answers by stance") }),
        "how people answered each question; questions about the respondent's own circumstances are left out",
      ),
      themes: arr(
        obj({
          id: int(),
          name: str(),
          respondents: int("different respondents who raised it (never counted twice)"),
          councilResponse: str("we did: the council's response (Markdown)"),
          changed: bool("whether the proposal changed because of it"),
          changeDescription: nstr("what changed"),
          version: {
            oneOf: [{ type: "null" }, obj({ number: int("the version on the history page with the exact words changed"), publishedAt: str(undefined, INSTANT), changeNote: nstr() })],
          },
          quotes: arr(
            obj({ kind: str(undefined, { enum: ["answer", "comment"] }), text: str("as written: a published comment, or an answer its author agreed to publish"), about: str() }),
            "you said: a few of the answers and comments coded into the theme",
          ),
        }),
        "you said, we did",
      ),
      equality: arr(
        obj({
          characteristic: str(),
          label: str(),
          before: obj({ rating: { type: ["string", "null"], enum: ["positive", "negative", "neutral", "unknown", null] }, evidence: nstr() }),
          after: obj({ rating: str(undefined, { enum: ["positive", "negative", "neutral", "unknown"] }), evidence: str(), justification: nstr(), evidenceAction: nstr() }),
        }),
        "equality ratings that changed because of the responses, before and after",
      ),
      publishedAnswers: int("responses whose authors agreed to publish their answers (in the answers CSV and on the page)"),
      links: obj({ html: url("the outcome page"), publishedAnswers: url("the published answers, a page at a time"), themesCsv: url(""), answersCsv: url("") }),
    },
    "The published outcome report: what people said and what the council did.",
  ),
  Decision: obj({
    decision: str(undefined, { enum: Object.keys(DECISION_LABELS) }),
    label: str("the decision in words"),
    decidedOn: str("(ISO 8601 date)", DATE),
    reference: str("the meeting or delegated decision"),
    noticeUrl: url("the decision notice"),
    summary: nstr("Markdown"),
    recordedAt: str(undefined, INSTANT),
  }),
  Comment: obj({
    id: int(),
    parentId: nint("the comment it replies to"),
    target: obj({ type: str(undefined, { enum: ["proposal", "risk", "dependency", "mitigation", "equality_row"] }), id: nint() }),
    official: bool("an official answer from the council"),
    author: obj({ name: str("as the page shows it: the author's choice, or Resident"), capacity: nstr() }),
    text: str("as written (Markdown)"),
    html: str("as shown on the page (sanitised HTML)"),
    createdAt: str(undefined, INSTANT),
    editedAt: instant("when the author last corrected it"),
    links: obj({ html: url("its page") }),
  }),
  CommentList: obj({
    data: arr(ref("Comment")),
    links: obj({ self: url(""), next: { type: ["string", "null"], format: "uri" }, consultation: url("") }),
    meta: obj({ count: int(), total: int("published comments on the consultation"), limit: int(), licence: ref("Licence") }),
  }),
  SearchResults: obj({
    query: obj({
      q: str("the words as typed (at most 200 characters)"),
      terms: arr(str(), "the words searched for: search syntax typed into the box is ignored"),
      matched: { type: ["string", "null"], enum: ["all", "any", null], description: "all: results contain every word; any: none did, so results contain some" },
      status: { type: ["array", "null"], items: { type: "string" } },
      service: nstr(),
    }),
    consultations: arr(
      obj({
        slug: str(),
        title: str(),
        status: str(undefined, { enum: [...API_STATUSES] }),
        service: ref("Service"),
        snippet: str("the best matching passage"),
        snippetHtml: str("the same, HTML-escaped, with <mark> around each matched word"),
        links: obj({ html: url(""), self: url("") }),
      }),
      "best match first (BM25: title, then summary, then the rest)",
    ),
    comments: obj({
      total: int(),
      page: int(),
      pages: int(),
      data: arr(
        obj({
          id: int(),
          consultation: obj({ slug: str(), title: str() }),
          author: obj({ name: str(), capacity: nstr() }),
          official: bool(),
          createdAt: str(undefined, INSTANT),
          snippet: str(),
          snippetHtml: str(),
          links: obj({ html: url("") }),
        }),
      ),
    }),
    links: obj({ self: url(""), next: { type: ["string", "null"], format: "uri", description: "the next page of comments" }, html: url("the same results as a web page") }),
    licence: ref("Licence"),
  }),
};

SCHEMAS.Consultation = {
  ...obj({
    ...(SCHEMAS.ConsultationSummary as { properties: Record<string, Schema> }).properties,
    details: obj({
      whatChanges: nstr(),
      whyChange: nstr(),
      currentService: nstr(),
      proposedService: nstr(),
      timeline: nstr(),
      alreadyDecided: nstr("what is already fixed (Gunning: no consultation on a decision already taken)"),
      openToChange: nstr(),
    }),
    options: arr(obj({ id: int(), title: str(), description: str(), proposed: bool(), rejectedBecause: nstr() }), "options considered, and why each rejected one was rejected"),
    impact: obj({
      postsAffected: nint(),
      fteAffected: num(),
      serviceWorkforcePosts: nint(),
      workforceShare: num("posts affected as a share of the workforce, 0 to 1"),
      serviceUsersPerYear: nint(),
      activityDescription: nstr(),
      activityPerYear: nint(),
      budgetChangeGbp: nint("change to the yearly budget; negative is a saving"),
    }),
    risks: arr(ref("Risk")),
    highRiskScore: int("the score from which a risk is high"),
    dependencies: arr(ref("Dependency")),
    mitigations: arr(ref("Mitigation")),
    equality: obj({
      rows: arr(ref("EqualityRow")),
      aims: obj({ eliminateDiscrimination: nstr(), advanceEquality: nstr(), fosterRelations: nstr() }, "the three aims of the public sector equality duty"),
      conclusion: nstr(),
    }),
    documents: arr(ref("Document")),
    plan: obj({ shortPeriodReason: nstr(), howToRespond: nstr(), alternativeFormats: nstr(), events: nstr() }),
    dates: obj({
      opensOn: date(""),
      closesOn: date(""),
      openedAt: instant(""),
      closedAt: instant(""),
      withdrawnAt: instant(""),
      outcomeDueOn: date("12 weeks after closing"),
      updatedAt: str(undefined, INSTANT),
    }),
    withdrawnReason: nstr(),
    notificationRecord: ref("NotificationRecord"),
    approval: { oneOf: [{ type: "null" }, obj({ approverName: str("who approved it for publication (never the officer who drafted it)"), approvedAt: str(undefined, INSTANT) })] },
    versions: arr(ref("Version"), "the published versions: the first as it opened, then each change"),
    moderationLog: arr(ref("ModerationEntry")),
    responses: obj({ total: int(), byChannel: counts(CHANNELS, "responses by how they came"), questions: arr(ref("QuestionStatistics")) }),
    outcome: { oneOf: [{ type: "null" }, ref("Outcome")], description: "null until the council publishes its outcome report" },
    decision: { oneOf: [{ type: "null" }, ref("Decision")], description: "null until the decision is recorded" },
    commentsTotal: int("published comments"),
    comments: arr(ref("Comment"), "the first 100 published comments, oldest first; links.moreComments has the rest"),
    links: obj({
      self: url(""),
      html: url(""),
      history: url("what changed since it opened"),
      feed: url(""),
      comments: url("all its comments, a page at a time"),
      outcome: url("what people said and what the council did (the page says when it is due until it is published)"),
      moreComments: { type: ["string", "null"], format: "uri" },
      csv: obj(Object.fromEntries(["risks", "dependencies", "mitigations", "equalityRows", "notifications", "comments", "moderationLog", "answers", "themes", "outcomes"].map((k) => [k, url("")]))),
    }),
    licence: ref("Licence"),
  }),
  description: "Everything public about one consultation.",
};

const errorResponse = (description: string, examples: Record<string, string>) => ({
  description,
  content: {
    "application/json": {
      schema: ref("Error"),
      examples: Object.fromEntries(Object.entries(examples).map(([name, message]) => [name, { value: { status: Number(description.slice(0, 3)), error: ERROR_WORDS[description.slice(0, 3)], message } }])),
    },
  },
});
const ERROR_WORDS: Record<string, string> = { "400": "Bad Request", "404": "Not Found" };

const NOT_FOUND = "There is no published consultation at this address.";
const CORS_NOTE = "Any web page may read it (CORS: Access-Control-Allow-Origin: *).";
const notModified = { description: "Not Modified: the ETag in If-None-Match (or the date in If-Modified-Since) still holds." };
const validators = {
  ETag: { description: "a strong validator of the body; send it back as If-None-Match", schema: { type: "string" } },
  "Last-Modified": { description: "when what the body shows last changed", schema: { type: "string" } },
};

/** A query parameter with named example values (see the module comment). */
const query = (name: string, description: string, schema: Schema, examples: Record<string, string> = {}) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
  ...(Object.keys(examples).length ? { examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])) } : {}),
});
const slugParameter = (examples: Record<string, string>) => ({
  name: "slug",
  in: "path",
  required: true,
  description: "the consultation's slug",
  schema: { type: "string" },
  examples: Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }])),
});

export function openApiDocument(origin: string) {
  const datasetNames = DATASETS.map((d) => d.name);
  return {
    openapi: "3.1.0",
    info: {
      title: "Plainsight open data",
      version: "1.0.0",
      summary: "Published consultations, their risks, equality impacts, responses and comments.",
      description: `Read-only JSON and CSV about every published consultation. Drafts, proposals under union notice, withheld documents, hidden comments and private answers are never included. ${CORS_NOTE} Every JSON response carries an ETag and Last-Modified; send them back to get 304 Not Modified. Lists are paged by cursor: follow links.next (also sent as a Link header) until it is null. People can read how to use it at /open-data.`,
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    servers: [{ url: origin, description: "this site" }],
    paths: {
      "/api/v1/consultations": {
        get: {
          operationId: "listConsultations",
          summary: "Published consultations, filtered, a page at a time",
          parameters: [
            query("status", `one or more of ${API_STATUSES.join(", ")}, separated by commas or repeated`, { type: "string" }, { openConsultations: "open", closedOrDecided: "closed,decided", unknownStatus: "secret" }),
            query("service", "a service's slug (each consultation's service.slug)", { type: "string" }, { byService: "camhs", unknownService: "no-such-service" }),
            query("opensFrom", "opening date on or after (YYYY-MM-DD)", { type: "string", ...DATE }, { badDate: "2026-02-30" }),
            query("opensTo", "opening date on or before (YYYY-MM-DD)", { type: "string", ...DATE }),
            query("closesFrom", "closing date on or after (YYYY-MM-DD)", { type: "string", ...DATE }, { closingBetween: "2026-01-01" }),
            query("closesTo", "closing date on or before (YYYY-MM-DD)", { type: "string", ...DATE }, { closingBetween: "2030-12-31" }),
            query("updatedSince", "changed at or after this date or date and time (ISO 8601)", { type: "string" }, { updatedSince: "2026-01-01T00:00:00Z" }),
            query("limit", `page size, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT})`, { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, { firstPage: "2", tooManyPerPage: "1000" }),
            query("cursor", "where the page starts: copy it from links.next", { type: "string" }, { badCursor: "-1" }),
          ],
          responses: {
            "200": {
              description: `A page of consultations. ${CORS_NOTE}`,
              headers: { ...validators, Link: { description: 'rel="next": the next page', schema: { type: "string" } } },
              content: {
                "application/json": {
                  schema: ref("ConsultationList"),
                  examples: {
                    openConsultations: { summary: "open consultations", value: EXAMPLE_LIST(origin) },
                    closedOrDecided: { summary: "closed or decided", value: { ...EXAMPLE_LIST(origin), data: [] } },
                    byService: { summary: "one service's consultations", value: EXAMPLE_LIST(origin) },
                    closingBetween: { summary: "closing between two dates", value: EXAMPLE_LIST(origin) },
                    updatedSince: { summary: "changed since a time", value: EXAMPLE_LIST(origin) },
                    firstPage: { summary: "two at a time, with a link to the next page", value: EXAMPLE_LIST(origin) },
                  },
                },
              },
            },
            "304": notModified,
            "400": errorResponse("400 A filter could not be understood", {
              unknownStatus: `Unknown status "secret". Published consultations are: ${API_STATUSES.join(", ")}.`,
              unknownService: `Unknown service "no-such-service". Services are: ….`,
              badDate: `"opensFrom" must be a date written as YYYY-MM-DD, for example 2026-01-31.`,
              tooManyPerPage: `"limit" must be a whole number from 1 to ${MAX_LIMIT}.`,
              badCursor: `"cursor" is not one this service gave out. Follow the "next" link of the page before, or leave the cursor out to start at the first page.`,
            }),
          },
        },
      },
      "/api/v1/consultations/{slug}": {
        get: {
          operationId: "getConsultation",
          summary: "Everything public about one consultation",
          parameters: [slugParameter({ camhs: "camhs-social-work", missing: "no-such-consultation" })],
          responses: {
            "200": {
              description: `The consultation. ${CORS_NOTE}`,
              headers: validators,
              content: { "application/json": { schema: ref("Consultation"), examples: { camhs: { summary: "the CAMHS consultation (abridged)", externalValue: `${origin}/api/v1/consultations/camhs-social-work` } } } },
            },
            "304": notModified,
            "404": errorResponse("404 No published consultation has this slug (drafts and proposals under union notice answer exactly the same)", { missing: NOT_FOUND }),
          },
        },
      },
      "/api/v1/consultations/{slug}/comments": {
        get: {
          operationId: "listComments",
          summary: "A consultation's published comments, oldest first, a page at a time",
          parameters: [
            slugParameter({ camhsComments: "camhs-social-work", missingComments: "no-such-consultation", badCommentCursor: "camhs-social-work" }),
            query("limit", "page size, 1 to 500 (default 100)", { type: "integer", minimum: 1, maximum: 500, default: 100 }, { camhsComments: "5" }),
            query("cursor", "copy it from links.next", { type: "string" }, { badCommentCursor: "not-a-cursor" }),
          ],
          responses: {
            "200": { description: "A page of comments.", headers: validators, content: { "application/json": { schema: ref("CommentList"), examples: { camhsComments: { summary: "five comments", value: EXAMPLE_COMMENTS(origin) } } } } },
            "304": notModified,
            "400": errorResponse("400 A parameter could not be understood", {
              badCommentCursor: `"cursor" is not one this service gave out. Follow the "next" link of the page before, or leave the cursor out to start at the first page.`,
            }),
            "404": errorResponse("404 No published consultation has this slug", { missingComments: NOT_FOUND }),
          },
        },
      },
      "/api/v1/{dataset}.csv": {
        get: {
          operationId: "downloadDataset",
          summary: "One dataset as CSV, for every published consultation or for one",
          description:
            "UTF-8, a header row, one row per record, ISO 8601 dates and times (UTC). Text that a spreadsheet would run as a formula (starting with =, +, - or @) is written with an apostrophe in front. Streamed: a large file starts at once.",
          parameters: [
            {
              name: "dataset",
              in: "path",
              required: true,
              schema: { type: "string", enum: datasetNames },
              examples: Object.fromEntries([...DATASETS.map((d) => [`${d.name}Csv`, { value: d.name }]), ["camhsRisksCsv", { value: "risks" }], ["missingConsultationCsv", { value: "risks" }]]),
            },
            query("consultation", "only this consultation (its slug)", { type: "string" }, { camhsRisksCsv: "camhs-social-work", missingConsultationCsv: "no-such-consultation" }),
          ],
          responses: {
            "200": {
              description: `The CSV file (Content-Disposition: attachment). ${CORS_NOTE}`,
              content: {
                "text/csv": {
                  schema: { type: "string" },
                  examples: Object.fromEntries([
                    ...DATASETS.map((d) => [`${d.name}Csv`, { summary: d.title, value: `${d.columns.map((c) => c.name).join(",")}\r\n` }]),
                    ["camhsRisksCsv", { summary: "the CAMHS consultation's risks", value: `${DATASETS.find((d) => d.name === "risks")!.columns.map((c) => c.name).join(",")}\r\n` }],
                  ]),
                },
              },
            },
            "404": errorResponse("404 No published consultation has this slug", { missingConsultationCsv: NOT_FOUND }),
          },
        },
      },
      "/api/v1/search": {
        get: {
          operationId: "search",
          summary: "Search published consultations and comments (the same results as /search)",
          description: "Full-text search, ranked, with each match highlighted. Quotes, brackets, NEAR, AND, OR and other search syntax are ignored: only the words count. A * after a word of 3 or more letters matches words starting with it.",
          parameters: [
            query("q", "the words to look for", { type: "string", maxLength: 200 }, { searchWaiting: "waiting times", searchOpenOnly: "children", searchWithSyntax: '"NEAR(care* (child' }),
            query("status", `one or more of ${API_STATUSES.join(", ")}`, { type: "string" }, { searchOpenOnly: "open" }),
            query("service", "a service's slug", { type: "string" }),
            query("page", "page of comments, 1 to 50", { type: "integer", minimum: 1, maximum: 50 }),
          ],
          responses: {
            "200": {
              description: `Results. ${CORS_NOTE}`,
              headers: validators,
              content: {
                "application/json": {
                  schema: ref("SearchResults"),
                  examples: {
                    searchWaiting: { summary: "two words", value: EXAMPLE_SEARCH(origin) },
                    searchOpenOnly: { summary: "only open consultations", value: EXAMPLE_SEARCH(origin) },
                    searchWithSyntax: { summary: "search syntax is ignored, the words still count", value: EXAMPLE_SEARCH(origin) },
                  },
                },
              },
            },
            "400": errorResponse("400 No words, or a filter could not be understood", { searchWithoutWords: `Give the words to search for as "q", for example ?q=waiting+times.` }),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This description",
          responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      "/feeds/consultations.atom": {
        get: {
          operationId: "siteFeed",
          summary: "New and updated consultations (Atom)",
          responses: { "200": { description: "Atom 1.0 (RFC 4287)", headers: validators, content: { "application/atom+xml": { schema: { type: "string" } } } }, "304": notModified },
        },
      },
      "/consultations/{slug}/feed.atom": {
        get: {
          operationId: "consultationFeed",
          summary: "One consultation's opening, changes, official answers, closing, outcome and decision (Atom)",
          parameters: [slugParameter({})],
          responses: {
            "200": { description: "Atom 1.0 (RFC 4287)", headers: validators, content: { "application/atom+xml": { schema: { type: "string" } } } },
            "304": notModified,
            "404": { description: "No published consultation has this slug" },
          },
        },
      },
    },
    components: { schemas: SCHEMAS },
  };
}

function EXAMPLE_SUMMARY(origin: string) {
  return {
    id: 1,
    slug: "camhs-social-work",
    title: "Changes to social work in Children and Young People's Mental Health Services (CAMHS)",
    status: "open",
    service: { slug: "camhs", name: "Children's Mental Health (CAMHS)" },
    summary: "We are proposing to remove the social work team from Children and Young People's Mental Health Services (CAMHS) in Northmoor…",
    opensOn: "2026-11-04",
    closesOn: "2027-01-27",
    openedAt: "2026-11-04T09:00:00.000Z",
    closedAt: null,
    withdrawnAt: null,
    updatedAt: "2026-11-04T09:00:00.000Z",
    links: {
      self: `${origin}/api/v1/consultations/camhs-social-work`,
      html: `${origin}/consultations/camhs-social-work`,
      feed: `${origin}/consultations/camhs-social-work/feed.atom`,
    },
  };
}

function EXAMPLE_LIST(origin: string) {
  return {
    data: [EXAMPLE_SUMMARY(origin)],
    links: { self: `${origin}/api/v1/consultations?limit=2`, next: `${origin}/api/v1/consultations?limit=2&cursor=YzE6Mw` },
    meta: { count: 1, limit: 2, licence: { name: LICENCE.name, url: LICENCE.url } },
  };
}

function EXAMPLE_SEARCH(origin: string) {
  return {
    query: { q: "waiting times", terms: ["waiting", "times"], matched: "all", status: null, service: null },
    consultations: [
      {
        slug: "camhs-social-work",
        title: "Changes to social work in Children and Young People's Mental Health Services (CAMHS)",
        status: "open",
        service: { slug: "camhs", name: "Children's Mental Health (CAMHS)" },
        snippet: "…would increase waiting times for a first assessment…",
        snippetHtml: "…would increase <mark>waiting</mark> <mark>times</mark> for a first assessment…",
        links: { html: `${origin}/consultations/camhs-social-work`, self: `${origin}/api/v1/consultations/camhs-social-work` },
      },
    ],
    comments: { total: 0, page: 1, pages: 1, data: [] },
    links: { self: `${origin}/api/v1/search?q=waiting+times`, next: null, html: `${origin}/search?q=waiting+times` },
    licence: { name: LICENCE.name, url: LICENCE.url },
  };
}

function EXAMPLE_COMMENTS(origin: string) {
  return {
    data: [
      {
        id: 1,
        parentId: null,
        target: { type: "risk", id: 1 },
        official: false,
        author: { name: "Helen Marsh", capacity: null },
        text: "My daughter waited **11 weeks** for her first assessment last year.",
        html: "<p>My daughter waited <strong>11 weeks</strong> for her first assessment last year.</p>",
        createdAt: "2026-11-22T10:00:00.000Z",
        editedAt: null,
        links: { html: `${origin}/consultations/camhs-social-work/comments/1` },
      },
    ],
    links: {
      self: `${origin}/api/v1/consultations/camhs-social-work/comments?limit=5`,
      next: `${origin}/api/v1/consultations/camhs-social-work/comments?limit=5&cursor=YzE6NQ`,
      consultation: `${origin}/api/v1/consultations/camhs-social-work`,
    },
    meta: { count: 1, total: 7, limit: 5, licence: { name: LICENCE.name, url: LICENCE.url } },
  };
}
