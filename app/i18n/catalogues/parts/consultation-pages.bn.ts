/** বাংলা: the Bengali for ./consultation-pages.en.ts, checked by type against it. */
import type { Catalogue } from "../index";

export const consultationPages: Catalogue["consultationPages"] = {};
