/**
 * An officer enters a response that came on paper, by phone, by email or at an event: how it
 * came, who it is from (for the council's records, not published), the answers, and an optional
 * scan of the paper form.
 */
import { useMemo, useState } from "react";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm, type Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Checkboxes, Radios, TextInput, Textarea, conformProps } from "~/components/form-fields";
import { canEditProposal } from "~/proposals/lifecycle";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { readUploadForm } from "~/lib/upload-form.server";
import { SCAN_MAX_BYTES, enterOfflineResponse } from "~/responses/answers.server";
import { CHANNEL_LABELS, OFFLINE_CHANNELS, RESPONDING_AS, RESPONDING_AS_LABELS, STANCE_LABELS, STANCES, asksForStance, parseId } from "~/responses/rules";
import { PUBLISH_FIELD, answerField, answersFrom, answersSchema, stanceField } from "~/responses/schemas";

function offlineSchema(questions: { id: number }[], closed: boolean) {
  return z
    .object({
      channel: z.enum(OFFLINE_CHANNELS, { error: "Select how the response reached the council" }),
      label: z.string().trim().max(200, { error: "Who it is from must be 200 characters or fewer" }).optional(),
      respondingAs: z.enum(RESPONDING_AS, { error: "Select who they are responding as" }).optional(),
      inTime: z.string().optional(),
    })
    .and(answersSchema(questions))
    .superRefine((v, ctx) => {
      if (closed && v.inTime !== "yes") ctx.addIssue({ code: "custom", path: ["inTime"], message: "Confirm that the response reached the council by the closing date" });
    });
}

async function load(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposal = requireVisibleProposalById(viewer, parseId(id) ?? 0);
  if (!canEditProposal(viewer, proposal)) throw new Response("Only officers of the service running this consultation can enter its responses", { status: 403 });
  if (proposal.state !== "open" && proposal.state !== "closed") throw redirect(`/staff/responses/${proposal.id}`);
  return { viewer, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal } = await load(request, params.id);
  return {
    id: proposal.id,
    title: proposal.title,
    closed: proposal.state === "closed",
    questions: proposal.questions.map((q) => ({ id: q.id, question: q.question, stance: asksForStance(q.question) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await load(request, params.id);
  const upload = await readUploadForm(request, SCAN_MAX_BYTES);
  if (!upload.ok) return data({ status: "error" as const, error: { scan: ["The scan must be smaller than 10 MB"] } }, { status: 413 });
  const formData = upload.formData;
  const scan = formData.get("scan");
  formData.delete("scan");
  const schema = offlineSchema(proposal.questions, proposal.state === "closed");
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const bytes = scan instanceof Blob && scan.size > 0 ? new Uint8Array(await scan.arrayBuffer()) : null;
  const result = enterOfflineResponse({
    proposalId: proposal.id,
    officer: viewer,
    channel: submission.value.channel,
    label: submission.value.label ?? null,
    answers: answersFrom(submission.value as Record<string, unknown>, proposal.questions),
    scan: bytes,
    respondingAs: submission.value.respondingAs ?? null,
    publishAnswers: (submission.value as Record<string, unknown>)[PUBLISH_FIELD] === "yes",
  });
  if (!result.ok) {
    const field = result.message.startsWith("The scan") ? "scan" : null;
    return data(field ? submission.reply({ fieldErrors: { scan: [result.message] } }) : submission.reply({ formErrors: [result.message] }), { status: result.status });
  }
  throw redirect(`/staff/responses/${proposal.id}?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Enter a response: ${data?.title ?? ""} – Staff area` }];

export default function EnterResponse() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [blocked, setBlocked] = useState(0);
  const schema = useMemo(() => offlineSchema(d.questions, d.closed), [d.questions, d.closed]);
  const [form, fields] = useForm<Record<string, string>>({
    id: "offline-response",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => {
      formData.delete("scan");
      return parseWithZod(formData, { schema }) as unknown as Submission<Record<string, string>>;
    },
  });
  const names = ["channel", "label", "respondingAs", "inTime", "scan", ...d.questions.flatMap((q) => [stanceField(q.id), answerField(q.id)]), PUBLISH_FIELD];
  const first = d.questions[0];
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: first ? fields[answerField(first.id)].id : fields.channel.id, message })),
    ...names.flatMap((name) => (fields[name].errors ?? []).map((message) => ({ field: fields[name].id, message }))),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);
  const scanError = fields.scan.errors?.[0];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/responses/${d.id}`} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} focusKey={focusKey} />
        <span className="govuk-caption-l">{d.title}</span>
        <h1 className="govuk-heading-l">Enter a response</h1>
        <Form
          method="post"
          encType="multipart/form-data"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          <Radios
            id={fields.channel.id}
            name={fields.channel.name}
            error={fields.channel.errors}
            defaultValue={initial(fields.channel.initialValue)}
            legend="How did the response reach the council?"
            legendSize="m"
            options={OFFLINE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          />
          <TextInput
            {...conformProps(fields.label)}
            label="Who it is from (optional)"
            hint="For example “Resident, Millbrook ward” or the name of an organisation. For the council’s records: it is not published."
          />
          <Radios
            id={fields.respondingAs.id}
            name={fields.respondingAs.name}
            error={fields.respondingAs.errors}
            defaultValue={initial(fields.respondingAs.initialValue)}
            legend="Who are they responding as? (optional)"
            legendSize="s"
            small
            options={RESPONDING_AS.map((r) => ({ value: r, label: RESPONDING_AS_LABELS[r] }))}
          />
          {d.closed ? (
            <Checkboxes
              id={fields.inTime.id}
              name={fields.inTime.name}
              error={fields.inTime.errors}
              legend="The consultation has closed"
              legendSize="s"
              options={[{ value: "yes", label: "This response reached the council by the closing date" }]}
            />
          ) : null}
          {d.questions.map((q, i) => (
            <section key={q.id} aria-labelledby={`q-${q.id}`} className="govuk-!-margin-bottom-6">
              <span className="govuk-caption-m">
                Question {i + 1} of {d.questions.length}
              </span>
              <h2 className="govuk-heading-m" id={`q-${q.id}`}>
                {q.question}
              </h2>
              {q.stance ? (
                <Radios
                  id={fields[stanceField(q.id)].id}
                  name={fields[stanceField(q.id)].name}
                  error={fields[stanceField(q.id)].errors}
                  defaultValue={initial(fields[stanceField(q.id)].initialValue)}
                  legend="How much do they agree or disagree? (optional)"
                  legendSize="s"
                  small
                  options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))}
                />
              ) : null}
              <Textarea {...conformProps(fields[answerField(q.id)])} label="Their answer (optional)" labelSize="s" rows={4} />
            </section>
          ))}
          <Radios
            id={fields[PUBLISH_FIELD].id}
            name={fields[PUBLISH_FIELD].name}
            error={fields[PUBLISH_FIELD].errors}
            defaultValue={initial(fields[PUBLISH_FIELD].initialValue)}
            legend="Did they agree that their answers may be published? (optional)"
            legendSize="s"
            hint="The paper form asks this. If they did not say, choose No: their answers are then read and counted, not published. Answers to questions marked personal are never published."
            small
            options={[
              { value: "yes", label: "Yes, they agreed" },
              { value: "no", label: "No, or they did not say" },
            ]}
          />
          <div className={`govuk-form-group${scanError ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor={fields.scan.id}>
              Scan of the paper form (optional)
            </label>
            <div id={`${fields.scan.id}-hint`} className="govuk-hint">
              PDF, JPG or PNG, smaller than 10 MB. Kept for the council’s records, never published.
            </div>
            {scanError ? (
              <p id={`${fields.scan.id}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {scanError}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${scanError ? " govuk-file-upload--error" : ""}`}
              id={fields.scan.id}
              name="scan"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-describedby={`${fields.scan.id}-hint${scanError ? ` ${fields.scan.id}-error` : ""}`}
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save response
          </button>
        </Form>
      </div>
    </div>
  );
}
