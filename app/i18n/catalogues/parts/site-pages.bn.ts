/** বাংলা: the Bengali for ./site-pages.en.ts, checked by type against it. */
import type { Catalogue } from "../index";

export const sitePages: Catalogue["sitePages"] = {};
