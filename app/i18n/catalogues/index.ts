/**
 * Every interface language, by code. Adding a language is adding its catalogue here: its name,
 * `lang` attribute and text direction (`dir: "rtl"` for Arabic or Urdu) come from its `meta`,
 * and the switch, `<html lang dir>` and the address follow (decision 028).
 */
import { bn } from "./bn";
import { en } from "./en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** The English catalogue's keys, each a string: a catalogue missing one, or with one more, does not compile. */
export type Catalogue = Shape<typeof en>;

export const CATALOGUES = { en, bn } satisfies Record<string, Catalogue>;
export type LanguageCode = keyof typeof CATALOGUES;
