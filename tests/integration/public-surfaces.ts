/**
 * Every public surface that takes a proposal from the address, for hidden-means-404.test.ts.
 *
 * Adding a public page, resource route, API endpoint, feed entry or export for one
 * consultation? Add a row here: the table test then proves that for every proposal the public
 * may not see (draft, in review, under union notice, scheduled, withdrawn before opening) and
 * every viewer without the need to know, it answers exactly what a made-up address answers.
 *
 * A row names the route module, whether its loader or action is called, and how to build the
 * address and params (and form, for an action) from a `Target`: the proposal's slug and id and
 * the id of one of its comments, documents and risks. The same row is called with MISSING, a
 * slug and ids that do not exist, for the answer to compare with.
 *
 * Surfaces that list proposals rather than take one (the list, feeds, search, sitemaps) go in
 * LISTINGS below: the test checks that no hidden proposal's slug or title appears in them.
 */
export type Target = { slug: string; proposalId: number; commentId: number; documentId: number; riskId: number };

export const MISSING: Target = { slug: "no-such-consultation", proposalId: 999_999, commentId: 999_999, documentId: 999_999, riskId: 999_999 };

// Loaders and actions take Remix's argument types; the test calls them the way Remix does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteModule = { loader?: (args: any) => unknown; action?: (args: any) => unknown };

export type Surface = {
  name: string;
  load: () => Promise<RouteModule>;
  method: "loader" | "action";
  url: (t: Target) => string;
  params: (t: Target) => Record<string, string>;
  form?: (t: Target) => Record<string, string>;
};

const bySlug = (t: Target) => ({ slug: t.slug });
const page = (name: string, load: Surface["load"], url: (t: Target) => string, params: Surface["params"] = bySlug): Surface => ({ name, load, method: "loader", url, params });
const post = (name: string, load: Surface["load"], url: (t: Target) => string, form: (t: Target) => Record<string, string>, params: Surface["params"] = bySlug): Surface => ({
  name,
  load,
  method: "action",
  url,
  params,
  form,
});

const comment = (t: Target) => ({ slug: t.slug, id: String(t.commentId) });
const onRisk = (t: Target) => ({ slug: t.slug, kind: "risk", itemId: String(t.riskId) });
const COMMENT = { body: "A comment on a proposal that is not public." };

export const PUBLIC_SURFACES: Surface[] = [
  page("the consultation page", () => import("~/routes/consultations.$slug"), (t) => `/consultations/${t.slug}`),
  page("its history", () => import("~/routes/consultations.$slug_.history"), (t) => `/consultations/${t.slug}/history`),
  page(
    "a document download",
    () => import("~/routes/consultations.$slug.documents.$documentId"),
    (t) => `/consultations/${t.slug}/documents/${t.documentId}`,
    (t) => ({ slug: t.slug, documentId: String(t.documentId) }),
  ),
  page("the respond page", () => import("~/routes/consultations.$slug_.respond"), (t) => `/consultations/${t.slug}/respond`),
  post("sending a response", () => import("~/routes/consultations.$slug_.respond"), (t) => `/consultations/${t.slug}/respond`, () => ({ intent: "answers" })),
  page("the response confirmation", () => import("~/routes/consultations.$slug_.respond_.confirmation"), (t) => `/consultations/${t.slug}/respond/confirmation`),
  page("the comment threads", () => import("~/routes/consultations.$slug_.comments._index"), (t) => `/consultations/${t.slug}/comments`),
  post("commenting on the proposal", () => import("~/routes/consultations.$slug_.comments._index"), (t) => `/consultations/${t.slug}/comments`, () => COMMENT),
  page("a risk's thread", () => import("~/routes/consultations.$slug_.comments.$kind.$itemId"), (t) => `/consultations/${t.slug}/comments/risk/${t.riskId}`, onRisk),
  post("commenting on a risk", () => import("~/routes/consultations.$slug_.comments.$kind.$itemId"), (t) => `/consultations/${t.slug}/comments/risk/${t.riskId}`, () => COMMENT, onRisk),
  page("a comment's permalink", () => import("~/routes/consultations.$slug_.comments.$id"), (t) => `/consultations/${t.slug}/comments/${t.commentId}`, comment),
  post("replying to a comment", () => import("~/routes/consultations.$slug_.comments.$id"), (t) => `/consultations/${t.slug}/comments/${t.commentId}`, () => COMMENT, comment),
  page("reporting a comment", () => import("~/routes/consultations.$slug_.comments.$id_.report"), (t) => `/consultations/${t.slug}/comments/${t.commentId}/report`, comment),
  post(
    "sending a report",
    () => import("~/routes/consultations.$slug_.comments.$id_.report"),
    (t) => `/consultations/${t.slug}/comments/${t.commentId}/report`,
    () => ({ rule: "personal-information", details: "" }),
    comment,
  ),
  page("editing a comment", () => import("~/routes/consultations.$slug_.comments.$id_.edit"), (t) => `/consultations/${t.slug}/comments/${t.commentId}/edit`, comment),
  post("saving an edited comment", () => import("~/routes/consultations.$slug_.comments.$id_.edit"), (t) => `/consultations/${t.slug}/comments/${t.commentId}/edit`, () => COMMENT, comment),
  page("deleting a comment", () => import("~/routes/consultations.$slug_.comments.$id_.delete"), (t) => `/consultations/${t.slug}/comments/${t.commentId}/delete`, comment),
  post("confirming a deletion", () => import("~/routes/consultations.$slug_.comments.$id_.delete"), (t) => `/consultations/${t.slug}/comments/${t.commentId}/delete`, () => ({}), comment),
  page("the easy read page", () => import("~/routes/consultations.$slug_.easy-read"), (t) => `/consultations/${t.slug}/easy-read`),
  page("the paper pack", () => import("~/routes/consultations.$slug_.print"), (t) => `/consultations/${t.slug}/print`),
  page("asking for another format", () => import("~/routes/consultations.$slug_.formats"), (t) => `/consultations/${t.slug}/formats`),
  post("sending a request for another format", () => import("~/routes/consultations.$slug_.formats"), (t) => `/consultations/${t.slug}/formats`, () => ({ format: "large_print", name: "A Resident", postalAddress: "1 High Street, Northmoor" })),
  page("the equality monitoring questions", () => import("~/routes/consultations.$slug_.respond_.equality"), (t) => `/consultations/${t.slug}/respond/equality`),
  post("sending equality monitoring answers", () => import("~/routes/consultations.$slug_.respond_.equality"), (t) => `/consultations/${t.slug}/respond/equality`, () => ({ "q-age": "35_44" })),
  page("the outcome (you said, we did)", () => import("~/routes/consultations.$slug_.outcome"), (t) => `/consultations/${t.slug}/outcome`),
  page("the published answers", () => import("~/routes/consultations.$slug_.outcome_.answers"), (t) => `/consultations/${t.slug}/outcome/answers`),
];

export type Listing = { name: string; load: () => Promise<RouteModule>; url: string };

export const LISTINGS: Listing[] = [
  { name: "the home page", load: () => import("~/routes/_index"), url: "/" },
  { name: "the consultations list", load: () => import("~/routes/consultations._index"), url: "/consultations" },
  { name: "the list, every status", load: () => import("~/routes/consultations._index"), url: "/consultations?status=all" },
  { name: "the public moderation log", load: () => import("~/routes/moderation-log"), url: "/moderation-log" },
];
