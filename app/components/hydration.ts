/**
 * Whether a page loads the client bundle (issue 13, "less to send"; decision 019). Every page
 * does unless each route on it says it needs none: a route opts out with
 * `handle: { hydrate: false }`, or decides from its own loader data with
 * `handle: { hydrate: (data) => boolean }` (a thread page needs its scripts only when it shows
 * the comment form). Out by choice rather than in: a new page keeps its scripts (a form's
 * checks as you type, focus moved to an error summary) until someone decides it needs none.
 * A page without scripts still works: links are links and forms post to the server.
 */
export type HydrationHandle = { hydrate?: boolean | ((data: unknown) => boolean) };

export type MatchLike = { id: string; handle?: unknown; data?: unknown };

export function pageNeedsScripts(matches: MatchLike[]): boolean {
  const routes = matches.filter((m) => m.id !== "root");
  // The root alone (an error before any route matched): keep the default.
  if (routes.length === 0) return true;
  return routes.some((m) => {
    const hydrate = (m.handle as HydrationHandle | undefined)?.hydrate;
    if (hydrate === undefined) return true;
    return typeof hydrate === "function" ? hydrate(m.data) : hydrate;
  });
}

/** For routes whose only client behaviour is a comment form: scripts only while the reader may post. */
export function whileCommenting(data: unknown): boolean {
  const mode = (data as { form?: { mode?: string } } | null | undefined)?.form?.mode;
  return mode === "respondent" || mode === "official";
}
