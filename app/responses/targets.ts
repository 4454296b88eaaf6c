/**
 * What a comment can be attached to, in the words the consultation page uses: the whole
 * proposal, "Risk R2", "Dependency: Schools", "Mitigation M1", "Equality impact: Disability".
 * Pure: takes the proposal and the settings' characteristic labels.
 */
import { equalityCharacteristics, type Settings } from "~/lib/settings";
import type { Proposal } from "~/proposals/types";
import type { Translate } from "~/i18n/i18n";
import { threadPath, type CommentTarget } from "./rules";
import type { ItemThreads, ThreadLink } from "./types";

export type TargetDescription = {
  /** what kind of thing it is: "Risk", "Equality impact" */
  caption: string;
  /** "Risk R2", "Schools ICT support", "Disability" */
  title: string;
  /** the row's own words, for context above its thread */
  summary: string;
  /** the row on the consultation page */
  anchor: string | null;
  /** a risk's or mitigation's number on the page ("R2", "M1"), for its title in another language */
  code?: string;
};

type Rows = Pick<Proposal, "risks" | "dependencies" | "mitigations" | "equalityRows">;

export function describeTarget(p: Rows & Pick<Proposal, "id" | "title">, target: CommentTarget, settings: Settings): TargetDescription | null {
  const label = (key: string) => equalityCharacteristics(settings).find((c) => c.key === key)?.label ?? key;
  switch (target.type) {
    case "proposal":
      return target.id === p.id ? { caption: "Proposal", title: p.title, summary: "", anchor: null } : null;
    case "risk": {
      const i = p.risks.findIndex((r) => r.id === target.id);
      return i === -1 ? null : { caption: "Risk", title: `Risk R${i + 1}`, summary: p.risks[i].description, anchor: `risk-R${i + 1}`, code: `R${i + 1}` };
    }
    case "dependency": {
      const d = p.dependencies.find((x) => x.id === target.id);
      return d ? { caption: "Service, team, partner or contract affected", title: d.name, summary: d.effect, anchor: "section-dependencies" } : null;
    }
    case "mitigation": {
      const i = p.mitigations.findIndex((m) => m.id === target.id);
      return i === -1 ? null : { caption: "Mitigation", title: `Mitigation M${i + 1}`, summary: p.mitigations[i].action, anchor: `mitigation-M${i + 1}`, code: `M${i + 1}` };
    }
    case "equality_row": {
      const row = p.equalityRows.find((r) => r.id === target.id);
      return row ? { caption: "Equality impact", title: label(row.characteristic), summary: row.evidence ?? "", anchor: `equality-${row.characteristic}` } : null;
    }
  }
}

/** Every row's thread, with its count of visible comments, for the consultation page. */
export function itemThreads(p: Rows & Pick<Proposal, "id" | "title" | "slug">, counts: Record<string, number>, settings: Settings): ItemThreads {
  const link = (target: CommentTarget): ThreadLink => ({
    id: target.id,
    type: target.type,
    code: describeTarget(p, target, settings)?.code ?? null,
    label: describeTarget(p, target, settings)?.title ?? "",
    count: counts[`${target.type}:${target.id}`] ?? 0,
    href: threadPath(p.slug, target),
  });
  const order = equalityCharacteristics(settings).map((c) => c.key);
  const rank = (key: string) => (order.indexOf(key) === -1 ? order.length : order.indexOf(key));
  return {
    risks: p.risks.map((r) => link({ type: "risk", id: r.id })),
    dependencies: p.dependencies.map((d) => link({ type: "dependency", id: d.id })),
    mitigations: p.mitigations.map((m) => link({ type: "mitigation", id: m.id })),
    equality: [...p.equalityRows].sort((a, b) => rank(a.characteristic) - rank(b.characteristic)).map((r) => link({ type: "equality_row", id: r.id })),
  };
}

/**
 * What a target is called on a page in `t`'s language: its kind ("Risk") and its title. A risk's
 * or mitigation's title is interface words and its number; any other title is the council's own
 * content (a service's name, an equality characteristic), which `titleIsContent` says.
 */
export function targetWords(type: CommentTarget["type"], d: Pick<TargetDescription, "title" | "code">, t: Translate): { caption: string; title: string; titleIsContent: boolean } {
  const caption = t(`commentPages.kinds.${type}`);
  if (type === "risk" && d.code) return { caption, title: t("commentPages.kinds.riskTitle", { code: d.code }), titleIsContent: false };
  if (type === "mitigation" && d.code) return { caption, title: t("commentPages.kinds.mitigationTitle", { code: d.code }), titleIsContent: false };
  return { caption, title: d.title, titleIsContent: true };
}
