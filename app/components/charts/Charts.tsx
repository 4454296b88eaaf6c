/**
 * Charts for people who would rather look than read, drawn on the server as SVG (no client-side
 * library, nothing to load, prints as it shows) and always with the same figures as a table
 * beside them: the table is the accessible version, the picture is a summary of it.
 *
 * Each chart is a <figure>: the SVG is role="img" with a <title> and a <desc> saying what it
 * shows in words; colour is never the only signal (every bar and cell carries its number or
 * letter, and segments are separated by white gaps); colours are from the GOV.UK analysis
 * palette, each at least 3:1 against white (WCAG 1.4.11).
 */
import type { ReactNode } from "react";
import { formatNumber } from "../format";
import { useTranslation } from "~/i18n/react";

/** The charts' own words in the page's language. */
function useChartWords() {
  const { t } = useTranslation();
  return {
    total: t("consultationPages.charts.total"),
    category: t("consultationPages.charts.category"),
    inTable: t("consultationPages.charts.inTable"),
    figures: (caption: string) => t("consultationPages.charts.figures", { caption }),
    answers: (count: number) => t("consultationPages.charts.answers", { count }),
    noAnswers: t("consultationPages.charts.noAnswers"),
  };
}

export const CHART_COLOURS = {
  darkBlue: "#12436D",
  turquoise: "#28A197",
  darkPink: "#801650",
  orange: "#A8461B",
  darkGrey: "#3D3D3D",
  purple: "#6B3FA0",
  grey: "#505A5F",
  red: "#B21F1A",
  green: "#0F7A52",
  amber: "#8A5A00",
} as const;

/** The chart and its table side by side (stacked on a narrow screen and in print). */
export function ChartFigure({ id, caption, chart, table, stacked = false }: { id: string; caption: string; chart: ReactNode; table: ReactNode; stacked?: boolean }) {
  return (
    <figure className={`app-chart${stacked ? " app-chart--stacked" : ""}`} aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption className="govuk-heading-s app-chart__caption" id={`${id}-caption`}>
        {caption}
      </figcaption>
      <div className="app-chart__body">
        <div className="app-chart__picture">{chart}</div>
        <div className="app-chart__table">{table}</div>
      </div>
    </figure>
  );
}

function Svg({ id, title, desc, width, height, children, descLang }: { id: string; title: string; desc: string; width: number; height: number; children: ReactNode; descLang?: string }) {
  return (
    <svg
      className="app-chart__svg"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      xmlns="http://www.w3.org/2000/svg"
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`} lang={descLang}>
        {desc}
      </desc>
      {children}
    </svg>
  );
}

/**
 * The charts' text: the site's font stack (app/styles/main.scss) with Noto Sans Bengali first, so
 * labels in Bengali are drawn on a machine with no Bengali font (decision 032). SVG text is not
 * styled by the GOV.UK classes that set the page's font.
 */
export const CHART_FONT_FAMILY = "'Noto Sans Bengali', system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const FONT = { fontFamily: CHART_FONT_FAMILY, fontSize: 14 };

// ─── Horizontal bars ───────────────────────────────────────────────────────────
export type Bar = { label: string; value: number };

/** One bar per row, longest first as given, each with its number at the end. */
/** `total: false` where the bars do not add up to anything (one respondent may raise several themes). */
export function BarChart({
  id,
  caption,
  bars,
  valueHeader = "Number",
  labelHeader = "",
  colour = CHART_COLOURS.darkBlue,
  total: showTotal = true,
  labelLang,
}: {
  id: string;
  caption: string;
  bars: Bar[];
  valueHeader?: string;
  labelHeader?: string;
  colour?: string;
  total?: boolean;
  /** `lang` of the labels when they are the council's own words (useContentLang) */
  labelLang?: string;
}) {
  const w = useChartWords();
  const width = 480;
  const labelWidth = 150;
  const rowHeight = 28;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - 60;
  const total = bars.reduce((n, b) => n + b.value, 0);
  const chart = (
    <Svg id={id} title={caption} desc={`${bars.map((b) => `${b.label}: ${formatNumber(b.value)}`).join("; ")}. ${w.inTable}`} width={width} height={height} descLang={labelLang}>
      {bars.map((b, i) => {
        const y = 4 + i * rowHeight;
        const bw = Math.round((b.value / max) * room);
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" fill="#0b0c0c" {...FONT} lang={labelLang}>
              {b.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={Math.max(bw, b.value > 0 ? 2 : 0)} height={rowHeight - 8} fill={colour} />
            <text x={labelWidth + bw + 6} y={y + rowHeight / 2 + 5} fill="#0b0c0c" {...FONT} fontWeight="bold">
              {formatNumber(b.value)}
            </text>
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke="#0b0c0c" />
    </Svg>
  );
  const table = (
    <table className="govuk-table app-chart__data app-table--reflow">
      <caption className="govuk-table__caption govuk-visually-hidden">{w.figures(caption)}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {labelHeader || <span className="govuk-visually-hidden">{w.category}</span>}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {valueHeader}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {bars.map((b) => (
          <tr key={b.label} className="govuk-table__row">
            <th scope="row" className="govuk-table__header govuk-!-font-weight-regular" lang={labelLang}>
              {b.label}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-label={valueHeader}>{formatNumber(b.value)}</td>
          </tr>
        ))}
        {showTotal ? (
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {w.total}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold" data-label={valueHeader}>{formatNumber(total)}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
  return <ChartFigure id={id} caption={caption} chart={chart} table={table} />;
}

// ─── Stacked bars (one row per item, split into parts) ─────────────────────────
export type Segment = { key: string; label: string; colour: string };
export type StackedRow = { label: string; values: Record<string, number> };

/**
 * One 100% bar per row (a question), split into segments (stances), each with its count where
 * there is room, and a legend. The table has every count.
 */
export function StackedBarChart({
  id,
  caption,
  segments,
  rows,
  rowHeader,
  labelLang,
}: {
  id: string;
  caption: string;
  segments: Segment[];
  rows: StackedRow[];
  rowHeader: string;
  /** `lang` of the row labels when they are the council's own words (useContentLang) */
  labelLang?: string;
}) {
  const words = useChartWords();
  const width = 560;
  const barHeight = 26;
  const rowGap = 44;
  const legendHeight = Math.ceil(segments.length / 3) * 22 + 8;
  const height = legendHeight + rows.length * rowGap + 4;
  const totals = rows.map((r) => segments.reduce((n, s) => n + (r.values[s.key] ?? 0), 0));
  const describe = rows
    .map((r, i) => `${r.label}: ${totals[i] === 0 ? words.noAnswers : segments.filter((s) => r.values[s.key]).map((s) => `${s.label} ${formatNumber(r.values[s.key])}`).join(", ")}`)
    .join(". ");
  const chart = (
    <Svg id={id} title={caption} desc={`${describe}. ${words.inTable}`} width={width} height={height} descLang={labelLang}>
      {segments.map((s, i) => {
        const x = (i % 3) * (width / 3);
        const y = Math.floor(i / 3) * 22 + 4;
        return (
          <g key={s.key}>
            <rect x={x} y={y} width={14} height={14} fill={s.colour} />
            <text x={x + 20} y={y + 12} fill="#0b0c0c" {...FONT} fontSize={13}>
              {s.label}
            </text>
          </g>
        );
      })}
      {rows.map((r, i) => {
        const y = legendHeight + i * rowGap;
        let x = 0;
        return (
          <g key={r.label}>
            <text x={0} y={y + 12} fill="#0b0c0c" {...FONT} fontSize={13} lang={labelLang}>
              {r.label.length > 62 ? `${r.label.slice(0, 61)}…` : r.label}
            </text>
            <text x={width} y={y + 12} textAnchor="end" fill="#0b0c0c" {...FONT} fontSize={13} fontWeight="bold">
              {words.answers(totals[i])}
            </text>
            {totals[i] === 0 ? (
              <rect x={0} y={y + 16} width={width} height={barHeight} fill="none" stroke={CHART_COLOURS.grey} strokeDasharray="4 3" />
            ) : (
              segments.map((s) => {
                const n = r.values[s.key] ?? 0;
                if (n === 0) return null;
                const w = (n / totals[i]) * width;
                const seg = (
                  <g key={s.key}>
                    <rect x={x} y={y + 16} width={w} height={barHeight} fill={s.colour} stroke="#ffffff" strokeWidth={2} />
                    {w >= 26 ? (
                      <text x={x + w / 2} y={y + 16 + barHeight / 2 + 5} textAnchor="middle" fill="#ffffff" {...FONT} fontSize={13} fontWeight="bold">
                        {formatNumber(n)}
                      </text>
                    ) : null}
                  </g>
                );
                x += w;
                return seg;
              })
            )}
          </g>
        );
      })}
    </Svg>
  );
  const table = (
    <div className="app-table-scroll" role="region" aria-label={words.figures(caption)} tabIndex={0}>
      <table className="govuk-table app-chart__data app-table--reflow">
        <caption className="govuk-table__caption govuk-visually-hidden">{words.figures(caption)}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {rowHeader}
            </th>
            {segments.map((s) => (
              <th key={s.key} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {s.label}
              </th>
            ))}
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              {words.total}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r, i) => (
            <tr key={r.label} className="govuk-table__row">
              <th scope="row" className="govuk-table__header govuk-!-font-weight-regular" lang={labelLang}>
                {r.label}
              </th>
              {segments.map((s) => (
                <td key={s.key} className="govuk-table__cell govuk-table__cell--numeric" data-label={s.label}>
                  {formatNumber(r.values[s.key] ?? 0)}
                </td>
              ))}
              <td className="govuk-table__cell govuk-table__cell--numeric govuk-!-font-weight-bold" data-label={words.total}>{formatNumber(totals[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return <ChartFigure id={id} caption={caption} chart={chart} table={table} stacked />;
}
