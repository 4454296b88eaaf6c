/**
 * The charts of a proposal and its responses: the risk matrix, the equality impacts at a glance,
 * responses by channel and answers by stance per question. Each is an SVG with its figures in
 * a table beside it (Charts.tsx).
 */
import type { EqualityRating } from "#db/schema";
import { useRatingLabel } from "../EqualityGrid";
import { CharacteristicName, useCharacteristicLabel } from "../content-words";
import { useContentLang } from "~/i18n/react";
import { useRichTranslation } from "~/i18n/rich";
import { formatNumber } from "../format";
import type { EqualityRowView, RiskView } from "../proposal-view-model";
import { riskLevel } from "../risk-level";
import { CHANNEL_LABELS, STANCE_LABELS } from "~/proposals/labels";
import { useTranslation } from "~/i18n/react";
import { RiskMatrix, useRiskWords } from "../RiskTable";
import { BarChart, CHART_COLOURS, CHART_FONT_FAMILY, ChartFigure, StackedBarChart, type Segment } from "./Charts";

const FONT = { fontFamily: CHART_FONT_FAMILY };
const LEVEL_FILL = { low: "#E6F2EC", medium: "#FFF1D6", high: "#F9DEDC" } as const;
const LEVEL_EDGE = { low: CHART_COLOURS.green, medium: CHART_COLOURS.amber, high: CHART_COLOURS.red } as const;

/** The 5 × 5 risk matrix as a picture, beside the same matrix as a table. */
export function RiskMatrixChart({ risks, highRiskScore }: { risks: RiskView[]; highRiskScore: number }) {
  const { t } = useTranslation();
  const words = useRiskWords();
  if (risks.length === 0) return null;
  const cell = 88;
  const left = 150;
  const bottom = 56;
  const size = cell * 5;
  const width = left + size + 8;
  const height = size + bottom + 8;
  const levels = [1, 2, 3, 4, 5];
  const where = risks.map((r) => t("sitePages.risks.chartWhere", { ref: r.ref, likelihood: r.likelihood, impact: r.impact })).join("; ");
  const chart = (
    <svg className="app-chart__svg" role="img" aria-labelledby="risk-matrix-chart-title risk-matrix-chart-desc" viewBox={`0 0 ${width} ${height}`} width="100%" xmlns="http://www.w3.org/2000/svg" focusable="false">
      <title id="risk-matrix-chart-title">{t("sitePages.risks.chartTitle")}</title>
      <desc id="risk-matrix-chart-desc">{t("sitePages.risks.chartDesc", { where, high: highRiskScore })}</desc>
      {levels.map((likelihood) =>
        levels.map((impact) => {
          const x = left + (impact - 1) * cell;
          const y = (5 - likelihood) * cell;
          const score = likelihood * impact;
          const level = riskLevel(score, highRiskScore);
          const here = risks.filter((r) => r.likelihood === likelihood && r.impact === impact);
          return (
            <g key={`${likelihood}-${impact}`}>
              <rect x={x} y={y} width={cell} height={cell} fill={LEVEL_FILL[level]} stroke="#ffffff" strokeWidth={3} />
              <text x={x + cell - 6} y={y + 16} textAnchor="end" fill="#505A5F" {...FONT} fontSize={12}>
                {score}
              </text>
              {here.map((r, i) => (
                <g key={r.ref}>
                  <circle cx={x + 24 + (i % 2) * 40} cy={y + 40 + Math.floor(i / 2) * 30} r={15} fill={LEVEL_EDGE[level]} />
                  <text x={x + 24 + (i % 2) * 40} y={y + 45 + Math.floor(i / 2) * 30} textAnchor="middle" fill="#ffffff" {...FONT} fontSize={13} fontWeight="bold">
                    {r.ref}
                  </text>
                </g>
              ))}
            </g>
          );
        }),
      )}
      {levels.map((n) => (
        <g key={`axis-${n}`}>
          <text x={left - 8} y={(5 - n) * cell + cell / 2} textAnchor="end" fill="#0b0c0c" {...FONT} fontSize={13}>
            {n} {words.likelihood(n)}
          </text>
          <text x={left + (n - 1) * cell + cell / 2} y={size + 20} textAnchor="middle" fill="#0b0c0c" {...FONT} fontSize={13}>
            {n} {words.impact(n)}
          </text>
        </g>
      ))}
      <text x={left + size / 2} y={size + 46} textAnchor="middle" fill="#0b0c0c" {...FONT} fontSize={14} fontWeight="bold">
        {t("sitePages.risks.impactAxis")}
      </text>
      <text x={14} y={size / 2} textAnchor="middle" fill="#0b0c0c" {...FONT} fontSize={14} fontWeight="bold" transform={`rotate(-90 14 ${size / 2})`}>
        {t("sitePages.risks.likelihoodAxis")}
      </text>
    </svg>
  );
  return (
    <ChartFigure
      id="risk-matrix-chart"
      caption={t("sitePages.risks.matrixCaption")}
      chart={chart}
      table={<RiskMatrix risks={risks} highRiskScore={highRiskScore} caption={t("sitePages.risks.matrixTableCaption")} />}
      stacked
    />
  );
}

const RATING_ORDER: (EqualityRating | "none")[] = ["negative", "unknown", "neutral", "positive", "none"];
const RATING_FILL: Record<EqualityRating | "none", string> = {
  negative: CHART_COLOURS.red,
  unknown: CHART_COLOURS.purple,
  neutral: CHART_COLOURS.grey,
  positive: CHART_COLOURS.green,
  none: "#ffffff",
};
const RATING_MARK: Record<EqualityRating | "none", string> = { negative: "−", unknown: "?", neutral: "=", positive: "+", none: "…" };

/** Every protected characteristic as a tile in its rating's colour and mark, beside a count per rating. */
export function EqualityChart({ rows }: { rows: EqualityRowView[] }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const ratingLabel = useRatingLabel();
  const name = useCharacteristicLabel();
  // A council's local characteristics are its own English words, marked as such.
  const contentLang = useContentLang();
  if (rows.length === 0) return null;
  const columns = 2;
  const tileW = 270;
  const tileH = 52;
  const gap = 6;
  const width = columns * (tileW + gap);
  const height = Math.ceil(rows.length / columns) * (tileH + gap);
  const ratingOf = (r: EqualityRowView) => r.rating ?? "none";
  const groups = RATING_ORDER.map((rating) => ({ rating, rows: rows.filter((r) => ratingOf(r) === rating) })).filter((g) => g.rows.length > 0);
  // The description names the characteristics, and a council's local ones are its own English
  // words: an SVG <desc> cannot mark a part's language, so it is a (visually hidden) paragraph.
  const described = (
    <p className="govuk-visually-hidden" id="equality-chart-desc">
      {rt("sitePages.equality.chartDesc", {
        groups: (
          <>
            {groups.map((g, gi) => (
              <span key={g.rating}>
                {gi > 0 ? ". " : null}
                {ratingLabel(g.rating)}:{" "}
                {g.rows.map((r, i) => (
                  <span key={r.key}>
                    {i > 0 ? ", " : null}
                    <CharacteristicName characteristic={r.key} label={r.label} />
                  </span>
                ))}
              </span>
            ))}
          </>
        ),
      })}
    </p>
  );
  const chart = (
    <svg className="app-chart__svg" role="img" aria-labelledby="equality-chart-title equality-chart-desc" viewBox={`0 0 ${width} ${height}`} width="100%" xmlns="http://www.w3.org/2000/svg" focusable="false">
      <title id="equality-chart-title">{t("sitePages.equality.chartTitle")}</title>
      {rows.map((r, i) => {
        const x = (i % columns) * (tileW + gap);
        const y = Math.floor(i / columns) * (tileH + gap);
        const rating = ratingOf(r);
        const dark = rating !== "none";
        const text = dark ? "#ffffff" : "#0b0c0c";
        const label = name(r.key, r.label);
        return (
          <g key={r.key}>
            <rect x={x} y={y} width={tileW} height={tileH} fill={RATING_FILL[rating]} stroke={dark ? "none" : CHART_COLOURS.grey} strokeDasharray={dark ? undefined : "4 3"} />
            <text x={x + 10} y={y + 21} fill={text} {...FONT} fontSize={13} fontWeight="bold" lang={label === r.label ? contentLang : undefined}>
              {label.length > 34 ? `${label.slice(0, 33)}…` : label}
            </text>
            <text x={x + 10} y={y + 40} fill={text} {...FONT} fontSize={13}>
              {RATING_MARK[rating]} {ratingLabel(rating)}
            </text>
          </g>
        );
      })}
    </svg>
  );
  const table = (
    <table className="govuk-table app-chart__data app-table--reflow">
      <caption className="govuk-table__caption govuk-visually-hidden">{t("sitePages.equality.tableCaption")}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            {t("sitePages.equality.impact")}
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {t("sitePages.equality.number")}
          </th>
          <th scope="col" className="govuk-table__header">
            {t("sitePages.equality.characteristicsHeader")}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {groups.map((g) => (
          <tr key={g.rating} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {ratingLabel(g.rating)}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric" data-label={t("sitePages.equality.number")}>
              {formatNumber(g.rows.length)}
            </td>
            <td className="govuk-table__cell" data-label={t("sitePages.equality.characteristicsHeader")}>
              {g.rows.map((r, i) => (
                <span key={r.key}>
                  {i > 0 ? ", " : null}
                  <CharacteristicName characteristic={r.key} label={r.label} />
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      id="equality-chart"
      caption={t("sitePages.equality.chartTitle")}
      chart={
        <>
          {chart}
          {described}
        </>
      }
      table={table}
    />
  );
}

// ─── Responses ─────────────────────────────────────────────────────────────────
export type ResponseChartData = {
  byChannel: Record<"online" | "paper" | "phone" | "event" | "email", number>;
  questions: { id: number; question: string; asksForStance: boolean; answered: number; stances: Record<string, number> }[];
};

const CHANNEL_NAMES = CHANNEL_LABELS;

export const STANCE_SEGMENTS: Segment[] = [
  { key: "strongly_agree", label: STANCE_LABELS.strongly_agree, colour: CHART_COLOURS.darkBlue },
  { key: "agree", label: STANCE_LABELS.agree, colour: CHART_COLOURS.turquoise },
  { key: "neutral", label: STANCE_LABELS.neutral, colour: CHART_COLOURS.grey },
  { key: "disagree", label: STANCE_LABELS.disagree, colour: CHART_COLOURS.orange },
  { key: "strongly_disagree", label: STANCE_LABELS.strongly_disagree, colour: CHART_COLOURS.darkPink },
  { key: "dont_know", label: STANCE_LABELS.dont_know, colour: CHART_COLOURS.purple },
];

/** Responses by how they came, and each agree-or-disagree question's answers by stance. */
export function ResponseCharts({ data, idPrefix = "responses" }: { data: ResponseChartData; idPrefix?: string }) {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const bars = (Object.keys(CHANNEL_NAMES) as (keyof typeof CHANNEL_NAMES)[]).map((c) => ({ label: t(`charts.channels.${c}`), value: data.byChannel[c] ?? 0 }));
  const scaled = data.questions.filter((q) => q.asksForStance);
  const segments = STANCE_SEGMENTS.map((s) => ({ ...s, label: t(`stances.${s.key as keyof typeof STANCE_LABELS}`) }));
  return (
    <>
      <BarChart id={`${idPrefix}-by-channel`} caption={t("charts.byChannel")} bars={bars} labelHeader={t("charts.how")} valueHeader={t("consultation.responses")} />
      {scaled.length > 0 ? (
        <StackedBarChart
          id={`${idPrefix}-by-stance`}
          caption={t("charts.byStance")}
          segments={segments}
          rowHeader={t("charts.question")}
          rows={scaled.map((q) => ({ label: q.question, values: q.stances }))}
          labelLang={contentLang}
        />
      ) : null}
    </>
  );
}
