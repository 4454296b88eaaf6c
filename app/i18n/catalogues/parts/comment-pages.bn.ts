/** বাংলা: the Bengali for ./comment-pages.en.ts, checked by type against it. */
import type { Catalogue } from "../index";

export const commentPages: Catalogue["commentPages"] = {};
