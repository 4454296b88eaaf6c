/**
 * The equality monitoring questions as form fields: one set of radios per question, every one
 * optional, each with "Prefer not to say". Used by the resident's page and by officers entering a
 * paper form, so both ask exactly the same.
 */
import { Radios } from "~/components/form-fields";
import { MONITORING_QUESTIONS, PREFER_NOT, PREFER_NOT_LABEL, monitoringField } from "./monitoring-questions";

export function monitoringErrors(errors: Record<string, string[] | null | undefined> | undefined) {
  return MONITORING_QUESTIONS.flatMap((q) => (errors?.[monitoringField(q.key)] ?? []).map((message) => ({ field: monitoringField(q.key), message })));
}

export function MonitoringFields({ values, errors }: { values?: Record<string, unknown>; errors?: Record<string, string[] | null | undefined> }) {
  return (
    <>
      {MONITORING_QUESTIONS.map((q) => {
        const name = monitoringField(q.key);
        const value = values?.[name];
        return (
          <Radios
            key={q.key}
            id={name}
            name={name}
            legend={`${q.question} (optional)`}
            legendSize="s"
            hint={q.hint}
            error={errors?.[name] ?? undefined}
            defaultValue={typeof value === "string" ? value : null}
            options={[...q.answers.map((a) => ({ value: a.key, label: a.label })), { value: PREFER_NOT, label: PREFER_NOT_LABEL }]}
          />
        );
      })}
    </>
  );
}
