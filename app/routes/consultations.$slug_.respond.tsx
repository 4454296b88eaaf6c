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
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useFormat, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { loadMyResponse, saveOnlineResponse } from "~/responses/answers.server";
import commentsCss from "~/responses/comments.css?url";
import { EnglishOriginal } from "~/components/TranslatedContent";
import { readerTranslation } from "~/proposals/translations.server";
import { requireReadyRespondent } from "~/responses/respondents.server";
import {
  ANSWER_MAX_CHARS,
  STANCES,
  acceptingResponses,
  asksForStance,
  displayName,
  notAcceptingKey,
} from "~/responses/rules";
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
  if (!accepting) return { kind: "closed" as const, consultation, message: notAcceptingKey(proposal) };
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
  const { lang, t } = translatorFor(request);
  const formData = await request.formData();
  const schema = answersSchema(proposal.questions, t);
  const submission = parseWithZod(formData, { schema });
  if (!accepting) return data(submission.reply({ formErrors: [t(notAcceptingKey(proposal))] }), { status: 409 });
  if (viewer) throw new Response("Staff enter responses in the staff area", { status: 403 });
  const respondent = await requireReadyRespondent(request);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = saveOnlineResponse({
    proposalId: proposal.id,
    respondentId: respondent.id,
    answers: answersFrom(submission.value, proposal.questions),
    publishAnswers: submission.value[PUBLISH_FIELD] === "yes",
    wantsUpdates: submission.value[UPDATES_FIELD] === "yes",
    lang,
  });
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  throw redirect(withLanguage(`/consultations/${encodeURIComponent(proposal.slug)}/respond/confirmation`, lang));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data ? t("respond.titleWith", { title: data.consultation.title }) : t("respond.title")) }];
};

export default function Respond() {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const localHref = useLocalHref();
  const base = `/consultations/${encodeURIComponent(loaded.consultation.slug)}`;
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
          { href: base, text: loaded.consultation.title, lang: contentLang },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {loaded.kind === "form" ? (
            <AnswersForm data={loaded} base={base} />
          ) : (
            <>
              <span className="govuk-caption-l" lang={contentLang}>
                {loaded.consultation.title}
              </span>
              <h1 className="govuk-heading-l">{loaded.kind === "closed" ? t("respond.closedHeading") : "You are signed in to the staff area"}</h1>
              {loaded.kind === "closed" ? (
                <p className="govuk-body">{t(loaded.message as ReturnType<typeof notAcceptingKey>)}</p>
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
                <Link className="govuk-link" to={localHref(base)}>
                  {t("respond.back")}
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
  const [blocked, setBlocked] = useState(0);
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const lang = useLanguage();
  const localHref = useLocalHref();
  const format = useFormat();
  const schema = useMemo(() => answersSchema(d.questions, translator(lang)), [d.questions, lang]);
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
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (v: unknown) => (typeof v === "string" ? v : undefined);

  return (
    <>
      <ErrorSummary errors={errors} focusKey={focusKey} title={t("consultationPages.common.errorSummary")} />
      <span className="govuk-caption-l" lang={contentLang}>
        {d.consultation.title}
      </span>
      <h1 className="govuk-heading-l">{d.answeredBefore ? t("respond.changeHeading") : t("respond.heading")}</h1>
      <p className="govuk-body">
        {t("respond.answerAny")}
        {d.consultation.closesOn ? ` ${t("respond.changeUntil", { date: format.date(d.consultation.closesOn) })}` : ""}
      </p>
      <div className="govuk-inset-text">
        {t("respond.publishedAs")} <strong>{d.you.name}</strong>
        {d.you.capacity ? `, ${d.you.capacity}` : ""}
        {t("respond.publishedAsEnd")}{" "}
        <Link className="govuk-link" to={localHref(`/respondents/about-you?${new URLSearchParams({ redirectTo: localHref(`${base}/respond`) })}`)}>
          {t("respond.changeHowYouAppear")}
        </Link>
        <br />
        {t("respond.signedInAs", { email: d.you.email })}{" "}
        <Form method="post" action="/respondents/sign-out" className="app-inline-form">
          <button type="submit" className="app-link-button">
            {t("layout.signOut")}
          </button>
        </Form>
      </div>
      {d.translatedInto ? <p className="govuk-body">{t("translatedContent.answerAnyLanguage")}</p> : null}
      {d.questions.length === 0 ? (
        <p className="govuk-body">
          {t("respond.noQuestions")}{" "}
          <Link className="govuk-link" to={localHref(`${base}/comments`)}>
            {t("respond.commentInstead")}
          </Link>
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
                {t("respond.questionOf", { n: i + 1, total: d.questions.length })}
              </span>
              <h2 className="govuk-heading-m" id={`question-${i + 1}-heading`}>
                {q.translated && d.translatedInto ? <span lang={d.translatedInto}>{q.translated}</span> : <span lang={contentLang}>{q.question}</span>}
              </h2>
              {q.translated ? <EnglishOriginal text={q.question} /> : null}
              {q.stance ? (
                <Radios
                  id={fields[stanceField(q.id)].id}
                  name={fields[stanceField(q.id)].name}
                  error={fields[stanceField(q.id)].errors}
                  defaultValue={initial(fields[stanceField(q.id)].initialValue)}
                  legend={<>{t("respond.stanceLegend")}</>}
                  legendSize="s"
                  small
                  options={STANCES.map((s) => ({ value: s, label: t(`stances.${s}`) }))}
                />
              ) : null}
              <Textarea
                {...conformProps(fields[answerField(q.id)])}
                label={q.stance ? t("respond.tellUsWhy") : t("respond.yourAnswer")}
                labelSize="s"
                rows={5}
                hint={
                  q.personal
                    ? t("respond.hintPersonal", { max: ANSWER_MAX_CHARS.toLocaleString("en-GB") })
                    : t("respond.hint", { max: ANSWER_MAX_CHARS.toLocaleString("en-GB") })
                }
              />
            </section>
          ))}
          <Radios
            id={fields[PUBLISH_FIELD].id}
            name={fields[PUBLISH_FIELD].name}
            error={fields[PUBLISH_FIELD].errors}
            defaultValue={initial(fields[PUBLISH_FIELD].initialValue)}
            legend={t("respond.publishLegend")}
            legendSize="m"
            hint={t("respond.publishHint")}
            options={[
              { value: "yes", label: <>{t("respond.publishYes", { name: d.you.capacity ? `${d.you.name}, ${d.you.capacity}` : d.you.name })}</> },
              { value: "no", label: t("respond.publishNo"), hint: t("respond.publishNoHint") },
            ]}
          />
          <Checkboxes
            id={fields[UPDATES_FIELD].id}
            name={fields[UPDATES_FIELD].name}
            error={fields[UPDATES_FIELD].errors}
            defaultValue={initial(fields[UPDATES_FIELD].initialValue)}
            legend={t("respond.updatesLegend")}
            legendSize="m"
            options={[{ value: "yes", label: t("respond.updatesLabel", { email: d.you.email }), hint: t("respond.updatesHint") }]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {d.answeredBefore ? t("respond.save") : t("respond.send")}
          </button>
        </Form>
      )}
    </>
  );
}
