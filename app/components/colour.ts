/**
 * Colour contrast (WCAG 2.2 relative luminance). The header prints white text on the
 * council's brand colour, so that colour must reach 4.5:1 against white (SC 1.4.3).
 */

/** The header colour used when the configured one is missing, malformed or too light. */
export const FALLBACK_BRAND_COLOUR = "#1d4f5c";

const HEX = /^#([0-9a-f]{6})$/i;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio between two #rrggbb colours, from 1 to 21; null if either is malformed. */
export function contrastRatio(a: string, b: string): number | null {
  if (!HEX.test(a) || !HEX.test(b)) return null;
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The brand colour if white text on it reaches 4.5:1, otherwise the fallback. */
export function headerColour(brandColour: string | null | undefined): string {
  if (!brandColour) return FALLBACK_BRAND_COLOUR;
  const ratio = contrastRatio(brandColour, "#ffffff");
  return ratio != null && ratio >= 4.5 ? brandColour.toLowerCase() : FALLBACK_BRAND_COLOUR;
}
