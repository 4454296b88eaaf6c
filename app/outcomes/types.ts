/** Shapes the outcome pages and their actions share, safe for the browser bundle. */

/** What the coding action answers a fetcher with. */
export type CodingReply =
  | { ok: true; intent: "code"; item: string; themeIds: number[] }
  | { ok: true; intent: "create-theme"; themeId: number; name: string }
  | { ok: false; intent: string; item?: string; message: string; field?: string };
