/**
 * A proposal's history for staff who may see its internal parts: the staff proposal page and
 * the approver's review show the same table. On a narrow screen each entry stacks, each cell labelled.
 */
export type TrailEntry = { id: number | string; when: string; who: string; what: string };

export function AuditTrail({ entries, captionId }: { entries: TrailEntry[]; captionId: string }) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-visually-hidden" id={captionId}>
          What has happened to this proposal
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell" data-label="When">{e.when}</td>
              <td className="govuk-table__cell" data-label="Who">{e.who}</td>
              <td className="govuk-table__cell" data-label="What">{e.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
