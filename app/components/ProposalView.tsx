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
import type { ItemThreads } from "~/responses/types";

/** Section headings as the public reads them, in the order of the publication gate. */
export const PUBLIC_SECTION_TITLES: Record<SectionKey, string> = {
  summary: "Summary",
  details: "The proposal in full",
  options: "Options considered",
  impact: "The change in numbers",
  risks: "Risks",
  dependencies: "Services and partners affected",
  mitigations: "How the risks and impacts would be reduced",
  equality: "Equality impact assessment",
  documents: "Documents",
  plan: "How to have your say",
  stakeholders: "Staff and unions",
  // Shown inside "How to have your say" (SECTION_ORDER leaves it out); named for Change links.
  questions: "What we are asking",
};

const SECTION_ORDER: SectionKey[] = ["summary", "details", "options", "impact", "risks", "dependencies", "mitigations", "equality", "documents", "plan", "stakeholders"];

const NOT_PROVIDED = <p className="govuk-body app-not-provided">Not provided.</p>;

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
  return (
    <>
      <h3 className="govuk-heading-m app-section__subheading">{title}</h3>
      <Markdown html={html} fallback={NOT_PROVIDED} />
    </>
  );
}

export function ContentsList({ sections }: { sections: SectionKey[] }) {
  return (
    <nav className="app-contents-list" aria-labelledby="contents-heading">
      <h2 className="govuk-heading-s" id="contents-heading">
        Contents
      </h2>
      <ol className="app-contents-list__list">
        {sections.map((key) => (
          <li key={key} className="app-contents-list__item">
            <a className="govuk-link" href={`#${sectionId(key)}`}>
              {PUBLIC_SECTION_TITLES[key]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function OptionsList({ options }: { options: OptionView[] }) {
  if (options.length === 0) return NOT_PROVIDED;
  return (
    <>
      {options.map((option) => (
        <div key={option.id} className="app-option govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-m app-section__subheading">
            {option.title}{" "}
            {option.isProposed ? <strong className="govuk-tag govuk-tag--green">Proposed option</strong> : <strong className="govuk-tag govuk-tag--grey">Rejected</strong>}
          </h3>
          <Markdown html={option.descriptionHtml} fallback={NOT_PROVIDED} />
          {option.isProposed ? null : (
            <>
              <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">Why this option was rejected</h4>
              <Markdown html={option.rejectedBecauseHtml} fallback={NOT_PROVIDED} />
            </>
          )}
        </div>
      ))}
    </>
  );
}

const DEPENDENCY_KINDS: Record<DependencyView["kind"], string> = DEPENDENCY_KIND_LABELS;

function consultedText(consulted: boolean | null): string {
  if (consulted === true) return "Yes";
  if (consulted === false) return "No";
  return "Not recorded";
}

export function DependencyTable({ dependencies }: { dependencies: DependencyView[] }) {
  if (dependencies.length === 0) return <p className="govuk-body">No other services, teams, partners or contracts were identified as affected.</p>;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="dependencies-caption" tabIndex={0}>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id="dependencies-caption">
          Services, teams, partners and contracts that rely on or are affected by the change
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Who or what
            </th>
            <th scope="col" className="govuk-table__header">
              Type
            </th>
            <th scope="col" className="govuk-table__header">
              Effect of the change
            </th>
            <th scope="col" className="govuk-table__header">
              Consulted
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {dependencies.map((d) => (
            <tr key={d.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {d.name}
              </th>
              <td className="govuk-table__cell" data-label="Type">{DEPENDENCY_KINDS[d.kind] ?? d.kind}</td>
              <td className="govuk-table__cell" data-label="Effect of the change">{d.effect}</td>
              <td className="govuk-table__cell" data-label="Consulted">
                <strong>{consultedText(d.consulted)}</strong>
                {d.consultationNote ? <span className="app-consultation-note">. {d.consultationNote}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MitigationTable({ mitigations }: { mitigations: MitigationView[] }) {
  if (mitigations.length === 0) return <p className="govuk-body">No mitigations have been recorded.</p>;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby="mitigations-caption" tabIndex={0}>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id="mitigations-caption">
          Actions the council would take, who is responsible and by when
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Action
            </th>
            <th scope="col" className="govuk-table__header">
              Responsible
            </th>
            <th scope="col" className="govuk-table__header">
              By
            </th>
            <th scope="col" className="govuk-table__header">
              Addresses
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
                  <span className="govuk-!-font-weight-regular">: {m.action}</span>
                </th>
                <td className="govuk-table__cell" data-label="Responsible">{m.owner}</td>
                <td className="govuk-table__cell" data-label="By">{m.dueOn ? formatDate(m.dueOn) : <span className="app-not-provided">No date set</span>}</td>
                <td className="govuk-table__cell" data-label="Addresses">
                  {addresses.length === 0 ? (
                    <span className="app-not-provided">Not linked</span>
                  ) : (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {m.risks.map((r) => (
                        <li key={r.anchor}>
                          <a className="govuk-link" href={`#${r.anchor}`}>
                            {r.text}
                          </a>
                        </li>
                      ))}
                      {m.equalityRows.map((r) => (
                        <li key={r.anchor}>
                          <a className="govuk-link" href={`#${r.anchor}`}>
                            Equality impact: {r.text}
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

const DISCLOSURE_TEXT: Record<DocumentView["disclosure"], string> = {
  published: "Published in full.",
  part_withheld: "Published with some parts withheld. The parts withheld, and why, are listed below.",
  withheld: "Withheld in full. The reasons are listed below.",
};

export function DocumentList({ documents }: { documents: DocumentView[] }) {
  if (documents.length === 0) return <p className="govuk-body">No documents have been published with this proposal.</p>;
  return (
    <>
      {documents.map((doc) => {
        const type = fileTypeLabel(doc.mimeType, doc.filename);
        return (
          <div key={doc.id} className="app-document">
            <h3 className="govuk-heading-s app-document__title">
              {doc.href ? (
                <a className="govuk-link" href={doc.href} download>
                  {doc.title}{" "}
                  <span className="govuk-visually-hidden">
                    ({type}, {formatFileSize(doc.sizeBytes)})
                  </span>
                </a>
              ) : (
                doc.title
              )}
            </h3>
            <p className="app-document__meta">
              {type}, {formatFileSize(doc.sizeBytes)}. {DISCLOSURE_TEXT[doc.disclosure]}
            </p>
            {doc.withheldParts.length > 0 ? <WithheldParts doc={doc} /> : null}
          </div>
        );
      })}
    </>
  );
}

function WithheldParts({ doc }: { doc: DocumentView }) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={`withheld-${doc.id}-caption`} tabIndex={0}>
      <table className="govuk-table govuk-!-margin-bottom-0 app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--s" id={`withheld-${doc.id}-caption`}>
          What was withheld from “{doc.title}” and why
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Part withheld
            </th>
            <th scope="col" className="govuk-table__header">
              Legal ground
            </th>
            <th scope="col" className="govuk-table__header">
              Public interest
            </th>
            <th scope="col" className="govuk-table__header">
              To be reviewed by
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {doc.withheldParts.map((w) => (
            <tr key={w.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {w.part}
              </th>
              <td className="govuk-table__cell" data-label="Legal ground">{w.groundLabel}</td>
              <td className="govuk-table__cell" data-label="Public interest">{w.publicInterestNote}</td>
              <td className="govuk-table__cell" data-label="To be reviewed by">{formatDate(w.reviewOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PlanDetails({ plan }: { plan: ProposalViewModel["plan"] }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Opens", value: plan.opensOn ? formatDate(plan.opensOn) : "Not set" },
          { key: "Closes", value: plan.closesOn ? formatDate(plan.closesOn) : "Not set" },
          ...(plan.length ? [{ key: "Length", value: plan.length }] : []),
        ]}
      />
      <DatesMoved plan={plan} />
      {plan.shortPeriodReasonHtml ? <Part title="Why the consultation is shorter than 12 weeks" html={plan.shortPeriodReasonHtml} /> : null}
      {plan.preElectionReasonHtml ? <Part title="Why the consultation runs during a pre-election period" html={plan.preElectionReasonHtml} /> : null}
      <Part title="How to respond" html={plan.howToRespondHtml} />
      {plan.questions.length > 0 ? (
        <>
          <h3 className="govuk-heading-m app-section__subheading">What we are asking</h3>
          <ol className="govuk-list govuk-list--number">
            {plan.questions.map((q) => (
              <li key={q.id}>{q.question}</li>
            ))}
          </ol>
        </>
      ) : null}
      <Part title="Other formats and help to respond" html={plan.alternativeFormatsHtml} />
      <Part title="Events" html={plan.eventsHtml} />
    </>
  );
}

/** When the consultation opened later than planned: the closing date moved to keep the approved length. */
export function DatesMoved({ plan }: { plan: Pick<ProposalViewModel["plan"], "opensOn" | "plannedOpensOn" | "plannedClosesOn" | "movedClosesOn" | "length"> }) {
  if (!plan.plannedOpensOn || !plan.opensOn || !plan.movedClosesOn) return null;
  return (
    <div className="govuk-inset-text" data-testid="dates-moved">
      The consultation was planned to open on {formatDate(plan.plannedOpensOn)}
      {plan.plannedClosesOn ? <> and close on {formatDate(plan.plannedClosesOn)}</> : null}. It opened on {formatDate(plan.opensOn)}, so its closing date moved to{" "}
      {formatDate(plan.movedClosesOn)}: people still have the full {plan.length ?? "period"} that was approved.
    </div>
  );
}

/** "Staff and unions: 3 staff groups and 2 recognised unions were identified as affected." No names. */
export function stakeholderSentence(s: ProposalViewModel["stakeholders"]): string {
  if (s.noStaffAffected || (s.staffGroupCount === 0 && s.unionCount === 0)) {
    return "Staff and unions: the council identified no staff affected by this proposal, so no union notice was needed.";
  }
  return `Staff and unions: ${plural(s.staffGroupCount, "staff group")} and ${plural(s.unionCount, "recognised union")} were identified as affected.`;
}

export function StakeholderSummary({ stakeholders, openedAt }: { stakeholders: ProposalViewModel["stakeholders"]; openedAt?: string | null }) {
  return (
    <>
      <p className="govuk-body">{stakeholderSentence(stakeholders)}</p>
      {stakeholders.noticeSentAt ? (
        <p className="govuk-body">
          The recognised unions were given confidential advance notice on {formatDate(stakeholders.noticeSentAt)}
          {openedAt ? <>, before the consultation opened on {formatDate(openedAt)}</> : null}.
        </p>
      ) : null}
    </>
  );
}

export function ProposalView({
  proposal,
  sectionActions = {},
  showContents = true,
  threads,
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
  const sections: Record<SectionKey, ReactNode> = {
    summary: (
      <>
        <Markdown html={p.summaryHtml} fallback={NOT_PROVIDED} />
        {p.easyReadHtml && easyReadHref ? (
          <p className="govuk-body">
            <a className="govuk-link" href={easyReadHref}>
              Read the easy read summary
            </a>
          </p>
        ) : p.easyReadHtml ? (
          <Part title="Easy read summary" html={p.easyReadHtml} />
        ) : null}
      </>
    ),
    details: (
      <>
        <Part title="What would change" html={p.details.whatChangesHtml} />
        <Part title="Why the council is proposing this" html={p.details.whyChangeHtml} />
        <Part title="The service now" html={p.details.currentServiceHtml} />
        <Part title="The service if the proposal goes ahead" html={p.details.proposedServiceHtml} />
        <Part title="Timeline" html={p.details.timelineHtml} />
        <Part title="What has already been decided" html={p.details.alreadyDecidedHtml} />
        <Part title="What you can still influence" html={p.details.openToChangeHtml} />
      </>
    ),
    options: <OptionsList options={p.options} />,
    impact: <ImpactFigures impact={p.impact} />,
    risks: (
      <>
        <p className="govuk-body">
          Each risk is scored from 1 to 5 for how likely it is and how much harm it would do. The score is the two multiplied together: {p.highRiskScore} or more is high, and every high risk
          must have a mitigation.
        </p>
        <RiskTable risks={p.risks} />
        {threads ? <ItemThreadList heading="Comments on each risk" links={threads.risks} id="risk-threads" /> : null}
        <RiskMatrixChart risks={p.risks} highRiskScore={p.highRiskScore} />
      </>
    ),
    dependencies: (
      <>
        <DependencyTable dependencies={p.dependencies} />
        {threads ? <ItemThreadList heading="Comments on each service, team, partner or contract" links={threads.dependencies} id="dependency-threads" /> : null}
      </>
    ),
    mitigations: (
      <>
        <MitigationTable mitigations={p.mitigations} />
        {threads ? <ItemThreadList heading="Comments on each mitigation" links={threads.mitigations} id="mitigation-threads" /> : null}
      </>
    ),
    equality: (
      <>
        <p className="govuk-body">
          The public sector equality duty (Equality Act 2010, section 149) requires the council to consider the effect of its decisions on people who share a protected characteristic.
        </p>
        <EqualityChart rows={p.equality.rows} />
        <EqualityGrid rows={p.equality.rows} />
        {threads ? <ItemThreadList heading="Comments on the impact for each characteristic" links={threads.equality} id="equality-threads" /> : null}
        <h3 className="govuk-heading-m app-section__subheading">The three aims of the duty</h3>
        <h4 className="govuk-heading-s govuk-!-margin-bottom-2">Eliminating discrimination, harassment and victimisation</h4>
        <Markdown html={p.equality.aimEliminateDiscriminationHtml} fallback={NOT_PROVIDED} />
        <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">Advancing equality of opportunity</h4>
        <Markdown html={p.equality.aimAdvanceEqualityHtml} fallback={NOT_PROVIDED} />
        <h4 className="govuk-heading-s govuk-!-margin-top-4 govuk-!-margin-bottom-2">Fostering good relations</h4>
        <Markdown html={p.equality.aimFosterRelationsHtml} fallback={NOT_PROVIDED} />
        <Part title="Conclusion" html={p.equality.conclusionHtml} />
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
        <Section key={key} id={key} title={PUBLIC_SECTION_TITLES[key]} action={sectionActions[key]}>
          {sections[key]}
        </Section>
      ))}
    </div>
  );
}
