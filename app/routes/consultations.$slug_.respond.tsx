/**
 * Answering the consultation's questions: a stance (where the question asks how far you
 * agree) and words for each. One set of answers per resident, which they can change until the
 * consultation closes. Signing in, the privacy notice and "how you appear" come first.
 */
import { useMemo, useState } from "react";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm, type Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorSummary, type ErrorSummaryItem } from "~/components/ErrorSummary";
import { Checkboxes, Radios, Textarea, conformProps } from "~/components/form-fields";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { loadMyResponse, saveOnlineResponse } from "~/responses/answers.server";
import commentsCss from "~/responses/comments.css?url";
import { useErrorTitle } from "~/responses/forms";
import { EnglishOriginal } from "~/components/TranslatedContent";
import { languageOfRequest } from "~/i18n/languages";
import { useTranslation } from "~/i18n/react";
import { readerTranslation } from "~/proposals/translations.server";
import { requireReadyRespondent } from "~/responses/respondents.server";
import { ANSWER_MAX_CHARS, STANCE_LABELS, STANCES, acceptingResponses, asksForStance, displayName, notAcceptingMessage } from "~/responses/rules";
import { councilTimeZone } from "~/lib/settings.server";
import { isSubscribedTo } from "~/notifications/subscriptions.server";
import { PUBLISH_FIELD, UPDATES_FIELD, answerField, answersFrom, answersSchema, stanceField } from "~/responses/schemas";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

async function load(request: Request, slug: string) {
  const viewer = await getViewer(request);
  const proposal = requireVisibleProposal(viewer, slug);
  if (!isPublic(proposal)) throw notFound();
  return { viewer, proposal, accepting: acceptingResponses(proposal, now(), councilTimeZone()) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal, accepting } = await load(request, params.slug ?? "");
  const consultation = { slug: proposal.slug, title: proposal.title, closesOn: proposal.closesOn };
  // Closed: the form is gone, whoever asks. Staff enter offline responses elsewhere.
  if (!accepting) return { kind: "closed" as const, consultation, message: notAcceptingMessage(proposal) };
  if (viewer) return { kind: "staff" as const, consultation, message: "" };
  const respondent = await requireReadyRespondent(request);
  const mine = loadMyResponse(proposal.id, respondent.id);
  const translation = readerTranslation(proposal, languageOfRequest(request));
  const defaults: Record<string, string> = {};
  if (mine) defaults[PUBLISH_FIELD] = mine.publishAnswers ? "yes" : "no";
  if (isSubscribedTo(respondent.email, proposal.id)) defaults[UPDATES_FIELD] = "yes";
  for (const q of proposal.questions) {
    const a = mine?.answers[q.id];
    if (a?.stance) defaults[stanceField(q.id)] = a.stance;
    if (a?.text) defaults[answerField(q.id)] = a.text;
  }
  return {
    kind: "form" as const,
    consultation,
    message: "",
    questions: proposal.questions.map((q) => ({ id: q.id, question: q.question, stance: asksForStance(q.question), personal: q.personal === true, translated: translation?.questions.find((x) => x.id === q.id)?.translated ?? null })),
    /** the language the questions are translated into, when the page is in one (issue 14) */
    translatedInto: translation?.language ?? null,
    defaults,
    answeredBefore: mine != null,
    you: { email: respondent.email, ...displayName(respondent) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal, accepting } = await load(request, params.slug ?? "");
  const formData = await request.formData();
  const schema = answersSchema(proposal.questions);
  const submission = parseWithZod(formData, { schema });
  if (!accepting) return data(submission.reply({ formErrors: [notAcceptingMessage(proposal)] }), { status: 409 });
  if (viewer) throw new Response("Staff enter responses in the staff area", { status: 403 });
  const respondent = await requireReadyRespondent(request);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = saveOnlineResponse({
    proposalId: proposal.id,
    respondentId: respondent.id,
    answers: answersFrom(submission.value, proposal.questions),
    publishAnswers: submission.value[PUBLISH_FIELD] === "yes",
    wantsUpdates: submission.value[UPDATES_FIELD] === "yes",
  });
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  throw redirect(`/consultations/${encodeURIComponent(proposal.slug)}/respond/confirmation`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Respond: ${data.consultation.title}` : "Respond") }];

export default function Respond() {
  const loaded = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(loaded.consultation.slug)}`;
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: loaded.consultation.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {loaded.kind === "form" ? (
            <AnswersForm data={loaded} base={base} />
          ) : (
            <>
              <span className="govuk-caption-l">{loaded.consultation.title}</span>
              <h1 className="govuk-heading-l">{loaded.kind === "closed" ? "This consultation is closed" : "You are signed in to the staff area"}</h1>
              {loaded.kind === "closed" ? (
                <p className="govuk-body">{loaded.message}</p>
              ) : (
                <p className="govuk-body">
                  Responses that reached the council on paper, by phone, by email or at an event are entered in the{" "}
                  <Link className="govuk-link" to="/staff/responses">
                    staff area
                  </Link>
                  . To respond as a resident, sign out of the staff area first.
                </p>
              )}
              <p className="govuk-body">
                <Link className="govuk-link" to={base}>
                  Back to the consultation
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </>
  );
}

type FormData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "form" }>;

function AnswersForm({ data: d, base }: { data: FormData; base: string }) {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [blocked, setBlocked] = useState(0);
  const schema = useMemo(() => answersSchema(d.questions), [d.questions]);
  const [form, fields] = useForm<Record<string, string>>({
    id: "answers",
    lastResult,
    defaultValue: d.defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
    // The schema is built from the questions, so its type is a plain record of fields.
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as unknown as Submission<Record<string, string>>,
  });
  const first = d.questions[0];
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((message) => ({ field: first ? fields[answerField(first.id)].id : "answers", message })),
    ...d.questions.flatMap((q) =>
      [stanceField(q.id), answerField(q.id)].flatMap((name) => (fields[name].errors ?? []).map((message) => ({ field: fields[name].id, message }))),
    ),
    ...[PUBLISH_FIELD, UPDATES_FIELD].flatMap((name) => (fields[name].errors ?? []).map((message) => ({ field: fields[name].id, message }))),
  ];
  const focusKey = useMemo(() => ({}), [blocked, lastResult]);
  useErrorTitle(errors.length > 0);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);

  return (
    <>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <span className="govuk-caption-l">{d.consultation.title}</span>
      <h1 className="govuk-heading-l">{d.answeredBefore ? "Change your response" : "Respond to the consultation"}</h1>
      <p className="govuk-body">
        Answer as many of the questions as you want to.{d.consultation.closesOn ? ` You can change your answers until the consultation closes at the end of ${formatDate(d.consultation.closesOn)}.` : ""}
      </p>
      <div className="govuk-inset-text">
        Your comments are published as <strong>{d.you.name}</strong>
        {d.you.capacity ? `, ${d.you.capacity}` : ""}. Your answers are published only if you say so below.{" "}
        <Link className="govuk-link" to={`/respondents/about-you?${new URLSearchParams({ redirectTo: `${base}/respond` })}`}>
          Change how you appear
        </Link>
        <br />
        Signed in as {d.you.email}.{" "}
        <Form method="post" action="/respondents/sign-out" className="app-inline-form">
          <button type="submit" className="app-link-button">
            Sign out
          </button>
        </Form>
      </div>
      {d.translatedInto ? <p className="govuk-body">{t("translatedContent.answerAnyLanguage")}</p> : null}
      {d.questions.length === 0 ? (
        <p className="govuk-body">
          This consultation has no questions.{" "}
          <Link className="govuk-link" to={`${base}/comments`}>
            Comment on the proposal
          </Link>{" "}
          instead.
        </p>
      ) : (
        <Form
          method="post"
          {...formProps}
          onSubmit={(event) => {
            formProps.onSubmit(event);
            if (event.defaultPrevented) setBlocked((n) => n + 1);
          }}
        >
          {d.questions.map((q, i) => (
            <section key={q.id} id={`question-${i + 1}`} aria-labelledby={`question-${i + 1}-heading`} className="govuk-!-margin-bottom-8">
              <span className="govuk-caption-m">
                Question {i + 1} of {d.questions.length}
              </span>
              <h2 className="govuk-heading-m" id={`question-${i + 1}-heading`}>
                {q.translated && d.translatedInto ? <span lang={d.translatedInto}>{q.translated}</span> : q.question}
              </h2>
              {q.translated ? <EnglishOriginal text={q.question} /> : null}
              {q.stance ? (
                <Radios
                  id={fields[stanceField(q.id)].id}
                  name={fields[stanceField(q.id)].name}
                  error={fields[stanceField(q.id)].errors}
                  defaultValue={initial(fields[stanceField(q.id)].initialValue)}
                  legend={<>How much do you agree or disagree? (optional)</>}
                  legendSize="s"
                  small
                  options={STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] }))}
                />
              ) : null}
              <Textarea
                {...conformProps(fields[answerField(q.id)])}
                label={q.stance ? "Tell us why (optional)" : "Your answer (optional)"}
                labelSize="s"
                rows={5}
                hint={
                  q.personal
                    ? `Up to ${ANSWER_MAX_CHARS.toLocaleString("en-GB")} characters. This question is about you or your family, so your answer to it is never published: only council staff working on the consultation read it.`
                    : `Up to ${ANSWER_MAX_CHARS.toLocaleString("en-GB")} characters. Do not include anything that would identify you or someone else.`
                }
              />
            </section>
          ))}
          <Radios
            id={fields[PUBLISH_FIELD].id}
            name={fields[PUBLISH_FIELD].name}
            error={fields[PUBLISH_FIELD].errors}
            defaultValue={initial(fields[PUBLISH_FIELD].initialValue)}
            legend="Can the council publish your answers after the consultation closes?"
            legendSize="m"
            hint="Published answers appear with the council’s outcome report. Answers to questions about you or your family are never published. If you do not choose, your answers are not published."
            options={[
              { value: "yes", label: <>Yes, publish my answers as {d.you.name}{d.you.capacity ? `, ${d.you.capacity}` : ""}</> },
              { value: "no", label: "No, only council staff working on the consultation should read them", hint: "They are still counted and considered in the same way." },
            ]}
          />
          <Checkboxes
            id={fields[UPDATES_FIELD].id}
            name={fields[UPDATES_FIELD].name}
            error={fields[UPDATES_FIELD].errors}
            defaultValue={initial(fields[UPDATES_FIELD].initialValue)}
            legend="Updates (optional)"
            legendSize="m"
            options={[{ value: "yes", label: `Email me at ${d.you.email} when the council publishes what people said and what it decided`, hint: "Every email has a link to stop them." }]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {d.answeredBefore ? "Save your changes" : "Send your response"}
          </button>
        </Form>
      )}
    </>
  );
}
