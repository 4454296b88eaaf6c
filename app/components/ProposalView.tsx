/**
 * The whole body of a proposal, section by section, from a serialisable view model
 * (buildProposalView). The public consultation page renders it under its own h1; a staff
 * check-answers page can render the same sections and add a "Change" link to each through
 * `sectionActions`.
 *
 * Headings: every section is an h2, parts of a section h3, so the page's own h1 sits above.
 */
import { DEPENDENCY_KIND_LABELS } from "~/proposals/labels";
import type { ReactNode } from "react";
import type { SectionKey } from "~/proposals/types";
import { EqualityGrid } from "./EqualityGrid";
import { fileTypeLabel, formatDate, formatFileSize, plural } from "./format";
import { ImpactFigures } from "./ImpactFigures";
import { Markdown } from "./Markdown";
import type { DependencyView, DocumentView, MitigationView, OptionView, ProposalViewModel } from "./proposal-view-model";
import { RiskTable } from "./RiskTable";
import { EqualityChart, RiskMatrixChart } from "./charts/ProposalCharts";
import { SummaryList } from "./SummaryList";
import { ItemThreadList } from "~/responses/ItemThreadList";
import { translator, type Translate } from "~/i18n/i18n";
import { useContentLang, useLanguage, useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";
import { CharacteristicName, isStatutory, useCharacteristicLabel, useFileType, usePeriodLength } from "./content-words";
import type { ItemThreads } from "~/responses/types";

const SECTION_ORDER: SectionKey[] = ["summary", "details", "options", "impact", "risks", "dependencies", "mitigations", "equality", "documents", "plan", "stakeholders"];

function NotProvided() {
  const { t } = useTranslation();
  return <p className="govuk-body app-not-provided">{t("proposal.notProvided")}</p>;
}
const NOT_PROVIDED = <NotProvided />;

export function sectionId(key: SectionKey): string {
  return `section-${key}`;
}

function Section({ id, title, action, children }: { id: SectionKey; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="app-section" id={sectionId(id)} aria-labelledby={`${sectionId(id)}-heading`}>
      <h2 className="govuk-heading-l" id={`${sectionId(id)}-heading`}>
        {title}
      </h2>
      {action ? <p className="govuk-body">{action}</p> : null}
      {children}
    </section>
  );
}

function Part({ title, html }: { title: string; html: string }) {
  const lang = useContentLang();
  return (
    <>
      <h3 className="govuk-heading-m app-section__subheading">{title}</h3>
      <Markdown html={html} fallback={NOT_PROVIDED} lang={lang} />
    </>
  );
}

export function ContentsList({ sections }: { sections: SectionKey[] }) {
  const { t } = useTranslation();
  return (
    <nav className="app-contents-list" aria-labelledby="contents-heading">
      <h2 className="govuk-heading-s" id="contents-heading">
        {t("proposal.contents")}
      </h2>
      <ol className="app-contents-list__list">
        {sections.map((key) => (
          <li key={key} className="app-contents-list__item">
            <a className="govuk-link" href={`#${sectionId(key)}`}>
              {t(`sections.${key}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function OptionsList({ options }: { options: OptionView[] }) {
  const { t } = useTranslation();
  const lang = useContentLang();
  if (options.length === 0) return NOT_PROVIDED;
  return (
    <>
      {options.map((option) => (
        <div key={option.id} className="app-option govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-m app-section__subheading">
            <Content>{option.title}</Content>{" "}
            {option.isProposed ? <strong className="govuk-tag govuk-tag--green">{t("proposal.proposedOption")}</strong> : <strong className="govuk-tag govuk-tag--grey">{t("proposal.rejected")}</strong>}
          </h3>
          <Markdown html={option.descriptionHtml} fallback={NOT_PROVIDED} lang={lang} />
          {option.isProposed ? null : (
            <>
              <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">{t("proposal.whyRejected")}</h4>
              <Markdown html={option.rejectedBecauseHtml} fallback={NOT_PROVIDED} lang={lang} />
            </>
          )}
        </div>
      ))}
    </>
  );
}

const DEPENDENCY_KINDS: Record<DependencyView["kind"], string> = DEPENDENCY_KIND_LABELS;

function consultedText(consulted: boolean | null, t: Translate): string {
  if (consulted === true) return t("proposal.yes");
  if (consulted === false) return t("proposal.no");
  return t("proposal.notRecorded");
}

export function DependencyTable({ dependencies }: { dependencies: DependencyView[] }) {
  const { t } = useTranslation();
  if (dependencies.length === 0) return <p className="govuk-body">{t("proposal.noDependencies")}</p>;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="dependencies-caption" tabIndex={0}>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id="dependencies-caption">
          {t("proposal.dependenciesCaption")}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("proposal.whoOrWhat")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.type")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.effect")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.consulted")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {dependencies.map((d) => (
            <tr key={d.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Content>{d.name}</Content>
              </th>
              <td className="govuk-table__cell" data-label={t("proposal.type")}>{DEPENDENCY_KINDS[d.kind] ? t(`dependencyKinds.${d.kind}`) : d.kind}</td>
              <td className="govuk-table__cell" data-label={t("proposal.effect")}>
                <Content>{d.effect}</Content>
              </td>
              <td className="govuk-table__cell" data-label={t("proposal.consulted")}>
                <strong>{consultedText(d.consulted, t)}</strong>
                {d.consultationNote ? <span className="app-consultation-note">
                    . <Content>{d.consultationNote}</Content>
                  </span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MitigationTable({ mitigations }: { mitigations: MitigationView[] }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  if (mitigations.length === 0) return <p className="govuk-body">{t("proposal.noMitigations")}</p>;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="mitigations-caption" tabIndex={0}>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id="mitigations-caption">
          {t("proposal.mitigationsCaption")}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("proposal.action")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.responsible")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.by")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.addresses")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {mitigations.map((m) => {
            const addresses = [...m.risks, ...m.equalityRows];
            return (
              <tr key={m.id} id={m.anchor} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {m.ref}
                  <span className="govuk-!-font-weight-regular">
                    : <Content>{m.action}</Content>
                  </span>
                </th>
                <td className="govuk-table__cell" data-label={t("proposal.responsible")}>
                  <Content>{m.owner}</Content>
                </td>
                <td className="govuk-table__cell" data-label={t("proposal.by")}>{m.dueOn ? formatDate(m.dueOn, lang) : <span className="app-not-provided">{t("proposal.noDate")}</span>}</td>
                <td className="govuk-table__cell" data-label={t("proposal.addresses")}>
                  {addresses.length === 0 ? (
                    <span className="app-not-provided">{t("proposal.notLinked")}</span>
                  ) : (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {m.risks.map((r) => (
                        <li key={r.anchor}>
                          <a className="govuk-link" href={`#${r.anchor}`}>
                            {t("sitePages.risks.ref", { ref: r.ref })}
                          </a>
                        </li>
                      ))}
                      {m.equalityRows.map((r) => (
                        <li key={r.anchor}>
                          <a className="govuk-link" href={`#${r.anchor}`}>
                            {rt("proposal.equalityImpact", { text: <CharacteristicName characteristic={r.ref} label={r.text} /> })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentList({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation();
  const fileType = useFileType();
  if (documents.length === 0) return <p className="govuk-body">{t("proposal.noDocuments")}</p>;
  return (
    <>
      {documents.map((doc) => {
        const type = fileType(fileTypeLabel(doc.mimeType, doc.filename));
        return (
          <div key={doc.id} className="app-document">
            <h3 className="govuk-heading-s app-document__title">
              {doc.href ? (
                <a className="govuk-link" href={doc.href} download>
                  <Content>{doc.title}</Content>{" "}
                  <span className="govuk-visually-hidden">
                    ({type}, {formatFileSize(doc.sizeBytes)})
                  </span>
                </a>
              ) : (
                <Content>{doc.title}</Content>
              )}
            </h3>
            <p className="app-document__meta">
              {type}, {formatFileSize(doc.sizeBytes)}. {t(`proposal.disclosure.${doc.disclosure}`)}
            </p>
            {doc.withheldParts.length > 0 ? <WithheldParts doc={doc} /> : null}
          </div>
        );
      })}
    </>
  );
}

function WithheldParts({ doc }: { doc: DocumentView }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={`withheld-${doc.id}-caption`} tabIndex={0}>
      <table className="govuk-table govuk-!-margin-bottom-0 app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id={`withheld-${doc.id}-caption`}>
          {rt("proposal.withheldCaption", { title: <Content>{doc.title}</Content> })}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("proposal.partWithheld")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.legalGround")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.publicInterest")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("proposal.reviewBy")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {doc.withheldParts.map((w) => (
            <tr key={w.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <Content>{w.part}</Content>
              </th>
              <td className="govuk-table__cell" data-label={t("proposal.legalGround")}>
                <Content>{w.groundLabel}</Content>
              </td>
              <td className="govuk-table__cell" data-label={t("proposal.publicInterest")}>
                <Content>{w.publicInterestNote}</Content>
              </td>
              <td className="govuk-table__cell" data-label={t("proposal.reviewBy")}>{formatDate(w.reviewOn, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanDetails({ plan }: { plan: ProposalViewModel["plan"] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const length = usePeriodLength();
  return (
    <>
      <SummaryList
        rows={[
          { key: t("proposal.opens"), value: plan.opensOn ? formatDate(plan.opensOn, lang) : t("proposal.notSet") },
          { key: t("proposal.closes"), value: plan.closesOn ? formatDate(plan.closesOn, lang) : t("proposal.notSet") },
          ...(plan.length ? [{ key: t("proposal.length"), value: length(plan.length) }] : []),
        ]}
      />
      <DatesMoved plan={plan} />
      {plan.shortPeriodReasonHtml ? <Part title={t("proposal.whyShort")} html={plan.shortPeriodReasonHtml} /> : null}
      {plan.preElectionReasonHtml ? <Part title={t("proposal.whyPreElection")} html={plan.preElectionReasonHtml} /> : null}
      <Part title={t("proposal.howToRespond")} html={plan.howToRespondHtml} />
      {plan.questions.length > 0 ? (
        <>
          <h3 className="govuk-heading-m app-section__subheading">{t("sections.questions")}</h3>
          <ol className="govuk-list govuk-list--number">
            {plan.questions.map((q) => (
              <li key={q.id}>
                <Content>{q.question}</Content>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <Part title={t("proposal.otherFormats")} html={plan.alternativeFormatsHtml} />
      <Part title={t("proposal.events")} html={plan.eventsHtml} />
    </>
  );
}

/** When the consultation opened later than planned: the closing date moved to keep the approved length. */
export function DatesMoved({ plan }: { plan: Pick<ProposalViewModel["plan"], "opensOn" | "plannedOpensOn" | "plannedClosesOn" | "movedClosesOn" | "length"> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const length = usePeriodLength();
  if (!plan.plannedOpensOn || !plan.opensOn || !plan.movedClosesOn) return null;
  return (
    <div className="govuk-inset-text" data-testid="dates-moved">
      {t("sitePages.plan.datesMoved", {
        planned: formatDate(plan.plannedOpensOn, lang),
        plannedClose: plan.plannedClosesOn ? t("sitePages.plan.datesMovedClose", { date: formatDate(plan.plannedClosesOn, lang) }) : "",
        opened: formatDate(plan.opensOn, lang),
        moved: formatDate(plan.movedClosesOn, lang),
        length: plan.length ? length(plan.length) : t("sitePages.plan.period"),
      })}
    </div>
  );
}

/** "Staff and unions: 3 staff groups and 2 recognised unions were identified as affected." No names. */
export function stakeholderSentence(s: ProposalViewModel["stakeholders"], t: Translate = translator("en")): string {
  if (s.noStaffAffected || (s.staffGroupCount === 0 && s.unionCount === 0)) {
    return t("proposal.noStaff");
  }
  return t("proposal.staffAndUnions", { groups: s.staffGroupCount, unions: s.unionCount });
}

export function StakeholderSummary({ stakeholders, openedAt }: { stakeholders: ProposalViewModel["stakeholders"]; openedAt?: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <>
      <p className="govuk-body">{stakeholderSentence(stakeholders, t)}</p>
      {stakeholders.noticeSentAt ? (
        <p className="govuk-body">
          {openedAt
            ? t("proposal.noticeGivenBefore", { date: formatDate(stakeholders.noticeSentAt, lang), opened: formatDate(openedAt, lang) })
            : t("proposal.noticeGiven", { date: formatDate(stakeholders.noticeSentAt, lang) })}
        </p>
      ) : null}
    </>
  );
}

export function ProposalView({
  proposal,
  sectionActions = {},
  showContents = true,
  threads: givenThreads,
  easyReadHref,
}: {
  proposal: ProposalViewModel;
  /** each row's comment thread and its count; the public page passes these, staff pages do not */
  threads?: ItemThreads;
  /** something to show under a section's heading, such as a "Change" link on a check-answers page */
  sectionActions?: Partial<Record<SectionKey, ReactNode>>;
  showContents?: boolean;
  /** the public easy read page: linked from the summary; without it (staff pages) the text is shown */
  easyReadHref?: string;
}) {
  const p = proposal;
  const { t } = useTranslation();
  const lang = useContentLang();
  const characteristicName = useCharacteristicLabel();
  // The equality threads' links name the statutory characteristics in the page's language, as the grid does.
  const threads = givenThreads && {
    ...givenThreads,
    equality: givenThreads.equality.map((l) => {
      const row = p.equality.rows.find((r) => r.id === l.id);
      return row ? { ...l, label: characteristicName(row.key, l.label), labelTranslated: isStatutory(row.key) } : l;
    }),
  };

  const sections: Record<SectionKey, ReactNode> = {
    summary: (
      <>
        <Markdown html={p.summaryHtml} fallback={NOT_PROVIDED} lang={lang} />
        {p.easyReadHtml && easyReadHref ? (
          <p className="govuk-body">
            <a className="govuk-link" href={easyReadHref}>
              {t("proposal.readEasyRead")}
            </a>
          </p>
        ) : p.easyReadHtml ? (
          <Part title={t("proposal.easyRead")} html={p.easyReadHtml} />
        ) : null}
      </>
    ),
    details: (
      <>
        <Part title={t("proposal.whatChanges")} html={p.details.whatChangesHtml} />
        <Part title={t("proposal.whyChange")} html={p.details.whyChangeHtml} />
        <Part title={t("proposal.serviceNow")} html={p.details.currentServiceHtml} />
        <Part title={t("proposal.serviceAfter")} html={p.details.proposedServiceHtml} />
        <Part title={t("proposal.timeline")} html={p.details.timelineHtml} />
        <Part title={t("proposal.alreadyDecided")} html={p.details.alreadyDecidedHtml} />
        <Part title={t("proposal.openToChange")} html={p.details.openToChangeHtml} />
      </>
    ),
    options: <OptionsList options={p.options} />,
    impact: <ImpactFigures impact={p.impact} />,
    risks: (
      <>
        <p className="govuk-body">
          {t("proposal.riskScoring", { score: p.highRiskScore })}
        </p>
        <RiskTable risks={p.risks} />
        {threads ? <ItemThreadList heading={t("proposal.commentsRisks")} links={threads.risks} id="risk-threads" /> : null}
        <RiskMatrixChart risks={p.risks} highRiskScore={p.highRiskScore} />
      </>
    ),
    dependencies: (
      <>
        <DependencyTable dependencies={p.dependencies} />
        {threads ? <ItemThreadList heading={t("proposal.commentsDependencies")} links={threads.dependencies} id="dependency-threads" /> : null}
      </>
    ),
    mitigations: (
      <>
        <MitigationTable mitigations={p.mitigations} />
        {threads ? <ItemThreadList heading={t("proposal.commentsMitigations")} links={threads.mitigations} id="mitigation-threads" /> : null}
      </>
    ),
    equality: (
      <>
        <p className="govuk-body">
          {t("proposal.equalityDuty")}
        </p>
        <EqualityChart rows={p.equality.rows} />
        <EqualityGrid rows={p.equality.rows} />
        {threads ? <ItemThreadList heading={t("proposal.commentsEquality")} links={threads.equality} id="equality-threads" /> : null}
        <h3 className="govuk-heading-m app-section__subheading">{t("proposal.threeAims")}</h3>
        <h4 className="govuk-heading-s govuk-!-margin-bottom-2">{t("proposal.aimEliminate")}</h4>
        <Markdown html={p.equality.aimEliminateDiscriminationHtml} fallback={NOT_PROVIDED} lang={lang} />
        <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">{t("proposal.aimAdvance")}</h4>
        <Markdown html={p.equality.aimAdvanceEqualityHtml} fallback={NOT_PROVIDED} lang={lang} />
        <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">{t("proposal.aimFoster")}</h4>
        <Markdown html={p.equality.aimFosterRelationsHtml} fallback={NOT_PROVIDED} lang={lang} />
        <Part title={t("proposal.conclusion")} html={p.equality.conclusionHtml} />
      </>
    ),
    documents: <DocumentList documents={p.documents} />,
    plan: <PlanDetails plan={p.plan} />,
    stakeholders: <StakeholderSummary stakeholders={p.stakeholders} openedAt={p.lifecycle.openedAt} />,
    questions: null,
  };

  return (
    <div className="app-proposal">
      {showContents ? <ContentsList sections={SECTION_ORDER} /> : null}
      {SECTION_ORDER.map((key) => (
        <Section key={key} id={key} title={t(`sections.${key}`)} action={sectionActions[key]}>
          {sections[key]}
        </Section>
      ))}
    </div>
  );
}
