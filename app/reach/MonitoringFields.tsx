/**
 * The equality monitoring questions as form fields: one set of radios per question, every one
 * optional, each with "Prefer not to say". Used by the resident's page and by officers entering a
 * paper form, so both ask exactly the same.
 */
import { Radios } from "~/components/form-fields";
import { useTranslation } from "~/i18n/react";
import { MONITORING_QUESTIONS, PREFER_NOT, monitoringField, monitoringWords } from "./monitoring-questions";

export function monitoringErrors(errors: Record<string, string[] | null | undefined> | undefined) {
  return MONITORING_QUESTIONS.flatMap((q) => (errors?.[monitoringField(q.key)] ?? []).map((message) => ({ field: monitoringField(q.key), message })));
}

export function MonitoringFields({ values, errors }: { values?: Record<string, unknown>; errors?: Record<string, string[] | null | undefined> }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, values?: Record<string, unknown>) => string;
  return (
    <>
      {MONITORING_QUESTIONS.map((q) => {
        const words = monitoringWords(t, q);
        const name = monitoringField(q.key);
        const value = values?.[name];
        return (
          <Radios
            key={q.key}
            id={name}
            name={name}
            legend={t("consultationPages.common.optional", { label: words.question })}
            legendSize="s"
            hint={words.hint}
            error={errors?.[name] ?? undefined}
            defaultValue={typeof value === "string" ? value : null}
            options={[...words.answers.map((a) => ({ value: a.key, label: a.label })), { value: PREFER_NOT, label: words.preferNot }]}
          />
        );
      })}
    </>
  );
}
