// Keys are checked by the compiler: a key missing from the English catalogue does not compile.
import type { en } from "./catalogues/en";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
