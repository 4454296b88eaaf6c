/**
 * The confidential notice, for a rep of a notified union: the proposal in full, the s.188
 * disclosure where it applies, acknowledgement, and the union's feedback thread. Signed-out
 * visitors are sent to sign in; anyone else (a rep of another union included) gets the 404.
 * Every view is recorded.
 */
import { useEffect, type ReactNode } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requireViewer } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Radios, Textarea } from "~/components/form-fields";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { ProposalView } from "~/components/ProposalView";
import { SummaryList, type SummaryListRow } from "~/components/SummaryList";
import { translator, translatorFor, type Translate } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useFormat, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";
import { now } from "~/lib/clock";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { FeedbackThread } from "~/notifications/FeedbackThread";
import { repNoticePage } from "~/notifications/notice-page.server";
import { FEEDBACK_MAX_CHARS } from "~/notifications/notice-rules";
import { acknowledgeNotice, addFeedback, isNotifiedRep, recordNoticeView } from "~/notifications/notices.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { SuccessBanner } from "~/components/SuccessBanner";

export const headers = confidentialHeaders;

const max = FEEDBACK_MAX_CHARS.toLocaleString("en-GB");

/** The feedback form's schema, its messages in `t`'s language. */
const feedbackSchemaIn = (t: Translate) => {
  const unionMissing = t("repPages.feedback.messages.unionMissing");
  const bodyMissing = t("repPages.feedback.messages.bodyMissing");
  return z.object({
    intent: z.literal("feedback"),
    unionId: z.coerce.number({ error: unionMissing }).int().positive({ error: unionMissing }),
    body: z
      .string({ error: bodyMissing })
      .trim()
      .min(1, { error: bodyMissing })
      .max(FEEDBACK_MAX_CHARS, { error: t("repPages.feedback.messages.bodyTooLong", { max }) }),
  });
};

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [
    { title: pageTitle(matches, data ? t("repPages.notice.title", { title: data.proposal.title }) : t("repPages.notice.titleFallback")) },
    { name: "robots", content: "noindex" },
  ];
};

async function requireNotice(request: Request, slug: string | undefined) {
  const viewer = await requireViewer(request);
  const proposal = requireVisibleProposal(viewer, slug ?? "");
  if (!isNotifiedRep(viewer, proposal)) throw notFound();
  return { viewer, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal } = await requireNotice(request, params.slug);
  const at = now();
  recordNoticeView(proposal.id, viewer.id, at);
  return repNoticePage(viewer, proposal, at);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await requireNotice(request, params.slug);
  const { lang, t } = translatorFor(request);
  const formData = await request.formData();
  // Back to the notice in the language the form was sent from.
  const back = (done: string, fragment = "") => withLanguage(`/notices/${encodeURIComponent(proposal.slug)}?done=${done}${fragment}`, lang);
  if (formData.get("intent") === "acknowledge") {
    if (!acknowledgeNotice(viewer, proposal, now())) throw new Response(t("repPages.notice.periodOver"), { status: 409 });
    return redirect(back("acknowledged"));
  }
  const submission = parseWithZod(formData, { schema: feedbackSchemaIn(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = addFeedback(viewer, proposal, submission.value.unionId, submission.value.body, now());
  if (!result.ok) {
    const message = result.code ? t(`repPages.feedback.messages.${result.code}`, { max }) : result.message;
    return data(submission.reply({ fieldErrors: { [result.field]: [message] } }), { status: 400 });
  }
  return redirect(back("feedback", "#feedback"));
}

const DONE = ["acknowledged", "feedback"] as const;
const isDone = (value: string | null): value is (typeof DONE)[number] => (DONE as readonly (string | null)[]).includes(value);

/** A statute's name: the council's English legal reference, marked as such on a page in another language. */
const TULRCA = "Trade Union and Labour Relations (Consolidation) Act 1992";
const TUPE_REGULATIONS = "Transfer of Undertakings (Protection of Employment) Regulations 2006";

export default function Notice() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const format = useFormat();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const [form, fields] = useForm({
    id: "feedback-form",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchemaIn(translator(lang)) }),
  });
  const errors = [
    ...(fields.body.errors ?? []).map((message) => ({ field: fields.body.id, message })),
    ...(fields.unionId.errors ?? []).map((message) => ({ field: fields.unionId.id, message })),
  ];
  const errorPrefix = `${t("errors.errorPrefix")} `;
  useEffect(() => {
    if (!errors.length) return;
    const base = document.title;
    if (!base.startsWith(errorPrefix)) document.title = `${errorPrefix}${base}`;
    return () => {
      document.title = base;
    };
  }, [errors.length, errorPrefix]);

  const p = page.proposal;
  const content = (text: ReactNode) => <Content>{text}</Content>;
  const keyRows: SummaryListRow[] = [
    { key: t("repPages.notice.service"), value: content(p.serviceName) },
    { key: t("repPages.notice.noticeGiven"), value: page.period ? format.date(page.period.sentOn) : t("repPages.notice.notYet") },
  ];
  if (p.plan.opensOn) keyRows.push({ key: t("repPages.notice.opens"), value: format.date(p.plan.opensOn) });
  if (p.plan.closesOn) keyRows.push({ key: t("repPages.notice.closes"), value: format.date(p.plan.closesOn) });
  if (page.period) {
    keyRows.push({
      key: t("repPages.notice.period"),
      value: t("repPages.notice.periodValue", { days: page.period.requiredWorkingDays, date: format.date(page.period.earliestOpening) }),
    });
  }
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);

  let s188Total: ReactNode = null;
  if (page.s188) {
    const f = page.s188.totalFacts;
    const values = { total: f.total, posts: f.posts, others: f.otherPosts, proposals: f.otherProposals, days: f.days, place: content(f.place) };
    s188Total = rt(f.otherPosts ? (f.place ? "repPages.s188.totalAggregatedAt" : "repPages.s188.totalAggregated") : f.place ? "repPages.s188.totalAt" : "repPages.s188.total", values);
  }
  const itemLabel = (item: { key: string; paragraph: string | null }) => `${item.paragraph ? `${item.paragraph} ` : ""}${t(`repPages.${item.key.startsWith("transfer") ? "tupe" : "s188"}.items.${item.key}` as "repPages.s188.items.redundancyReasons")}`;

  return (
    <>
      <Link to={href("/notices")} className="govuk-back-link">
        {t("repPages.notice.allNotices")}
      </Link>
      <ConfidentialBanner repName={page.rep.name} unionNames={page.unions.map((u) => u.name)} />
      <ErrorSummary errors={errors} focusKey={lastResult} title={t("commentPages.errorSummary")} />
      {isDone(done) ? <SuccessBanner>{t(`repPages.notice.done.${done}`)}</SuccessBanner> : null}

      <span className="govuk-caption-l">{rt("repPages.notice.caption", { service: content(p.serviceName) })}</span>
      <h1 className="govuk-heading-xl" lang={contentLang}>
        {p.title}
      </h1>
      {!page.underNotice ? <p className="govuk-body">{t("repPages.notice.ended")}</p> : null}
      <SummaryList rows={keyRows} />

      <h2 className="govuk-heading-m" id="acknowledge">
        {t("repPages.notice.acknowledgeHeading")}
      </h2>
      {page.acknowledgedAt ? (
        <p className="govuk-body" data-testid="acknowledged">
          {t("repPages.notice.acknowledgedOn", { at: format.dateTime(page.acknowledgedAt) })}
        </p>
      ) : page.underNotice ? (
        <Form method="post">
          <input type="hidden" name="intent" value="acknowledge" />
          <p className="govuk-body">{t("repPages.notice.acknowledgeIntro")}</p>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("repPages.notice.acknowledge")}
          </button>
        </Form>
      ) : (
        <p className="govuk-body">{t("repPages.notice.notAcknowledged")}</p>
      )}

      {page.s188 ? (
        <section className="app-section" aria-labelledby="s188-heading" data-testid="s188-disclosure">
          <h2 className="govuk-heading-l" id="s188-heading">
            {t("repPages.s188.heading")}
          </h2>
          <p className="govuk-body">
            {rt("repPages.s188.intro", { total: s188Total, act: content(TULRCA) })}
            {page.clock
              ? ` ${t("repPages.s188.clock", { start: format.date(page.clock.startedOn), days: page.clock.days, date: format.date(page.clock.earliestDismissal) })}`
              : null}
            {page.s188.firstDismissalOn ? ` ${t("repPages.s188.firstDismissal", { date: format.date(page.s188.firstDismissalOn) })}` : null}
          </p>
          {page.s188.items.map((item) => (
            <div key={item.key}>
              <h3 className="govuk-heading-s">{itemLabel(item)}</h3>
              <Markdown html={item.html} lang={contentLang} fallback={<p className="govuk-body">{t("repPages.notice.notProvided")}</p>} />
            </div>
          ))}
        </section>
      ) : null}

      {page.tupe ? (
        <section className="app-section" aria-labelledby="tupe-heading" data-testid="tupe-disclosure">
          <h2 className="govuk-heading-l" id="tupe-heading">
            {t("repPages.tupe.heading")}
          </h2>
          <p className="govuk-body">
            {rt(page.tupe.transferOn ? "repPages.tupe.introOn" : "repPages.tupe.intro", {
              kind: t(`repPages.tupe.kinds.${page.tupe.transferKind}`),
              date: format.date(page.tupe.transferOn),
              regulations: content(TUPE_REGULATIONS),
            })}
          </p>
          {page.tupe.items.map((item) => (
            <div key={item.key}>
              <h3 className="govuk-heading-s">{itemLabel(item)}</h3>
              <Markdown html={item.html} lang={contentLang} fallback={<p className="govuk-body">{t("repPages.notice.notProvided")}</p>} />
            </div>
          ))}
        </section>
      ) : null}

      {page.staffGroups.length ? (
        <>
          <h2 className="govuk-heading-m">{t("repPages.notice.staffGroupsHeading")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {page.staffGroups.map((g) => (
              <li key={g.name}>{rt("repPages.notice.staffGroup", { name: content(g.name), count: g.headCount })}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-l govuk-!-margin-top-8">{t("repPages.notice.proposalHeading")}</h2>
      <ProposalView proposal={p} />

      <section className="app-section" aria-labelledby="feedback-heading" id="feedback">
        <h2 className="govuk-heading-l" id="feedback-heading">
          {t("repPages.feedback.heading")}
        </h2>
        <p className="govuk-body">{t("repPages.feedback.intro")}</p>
        {page.unions.map((u) => (
          <div key={u.id}>
            {page.unions.length > 1 ? (
              <h3 className="govuk-heading-m" lang={contentLang}>
                {u.name}
              </h3>
            ) : null}
            <FeedbackThread items={u.thread} emptyText={t("repPages.feedback.none")} />
          </div>
        ))}
        {page.underNotice ? (
          <Form method="post" {...formProps}>
            <input type="hidden" name="intent" value="feedback" />
            {page.unions.length > 1 ? (
              <Radios
                id={fields.unionId.id}
                name={fields.unionId.name}
                legend={t("repPages.feedback.unionLegend")}
                error={fields.unionId.errors}
                options={page.unions.map((u) => ({ value: String(u.id), label: content(u.name) }))}
              />
            ) : (
              <input type="hidden" name="unionId" value={page.unions[0]?.id ?? ""} />
            )}
            <Textarea
              id={fields.body.id}
              name={fields.body.name}
              error={fields.body.errors}
              defaultValue={typeof fields.body.initialValue === "string" ? fields.body.initialValue : undefined}
              label={t("repPages.feedback.label")}
              labelSize="m"
              hint={t("repPages.feedback.hint", { max })}
              rows={6}
              data-as-written=""
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("repPages.feedback.send")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
