/**
 * Words the view model builds in English that the page shows in its own language: a protected
 * characteristic's name (the nine in the Equality Act 2010 are interface; a council's local ones
 * are its own words, shown in English with their language marked), a document's type, and a
 * consultation's length ("12 weeks", from proposals/period.ts describeLength).
 */
import type { Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/react";
import { Content } from "~/i18n/rich";
import { en } from "~/i18n/catalogues/en";

const STATUTORY = en.consultationPages.characteristics;
type Statutory = keyof typeof STATUTORY;
/** One of the Equality Act's characteristics, whose name the catalogue translates (a council's own stay its English). */
export const isStatutory = (key: string): key is Statutory => Object.hasOwn(STATUTORY, key);

/** A characteristic's name as text: the catalogue's for the statutory nine, else the council's label. */
export function useCharacteristicLabel(): (key: string, label: string) => string {
  const { t } = useTranslation();
  return (key, label) => (isStatutory(key) ? t(`consultationPages.characteristics.${key}`) : label);
}

/** A characteristic's name as an element: the council's own local ones marked as its English. */
export function CharacteristicName({ characteristic, label }: { characteristic: string; label: string }) {
  const name = useCharacteristicLabel();
  return isStatutory(characteristic) ? <>{name(characteristic, label)}</> : <Content>{label}</Content>;
}

const FILE_TYPES: Record<string, keyof typeof en.sitePages.documents.types> = {

  "Word document": "word",
  "OpenDocument text": "odt",
  "Excel spreadsheet": "excel",
  "OpenDocument spreadsheet": "ods",
  "text file": "text",
  file: "file",
};

/** fileTypeLabel()'s English in the page's language (a type in capitals, such as CSV, stays). */
export function useFileType(): (label: string) => string {
  const { t } = useTranslation();
  return (label) => (FILE_TYPES[label] ? t(`sitePages.documents.types.${FILE_TYPES[label]}`) : label);
}

/** A length in days in `t`'s language, by the catalogue's plural rules: "12 weeks", "2 weeks and 3 days", "5 days". Pure. */
export function periodText(days: number, t: Translate): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const w = weeks ? t("sitePages.plan.weeks", { count: weeks }) : null;
  const d = rest || !weeks ? t("sitePages.plan.days", { count: rest }) : null;
  return w && d ? t("sitePages.plan.weeksAndDays", { weeks: w, days: d }) : (w ?? d ?? "");
}

/** A length in days in the page's language. */
export function usePeriodDays(): (days: number) => string {
  const { t } = useTranslation();
  return (days) => periodText(days, t as unknown as Translate);
}

/** "12 weeks", "2 weeks and 3 days", "5 days" (describeLength's English) in the page's language. */
export function usePeriodLength(): (english: string) => string {
  const days = usePeriodDays();
  return (english) => {
    const m = /^(?:(\d+) weeks?)?(?: and )?(?:(\d+) days?)?$/.exec(english);
    if (!m || (!m[1] && !m[2])) return english;
    return days(Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0));
  };
}
