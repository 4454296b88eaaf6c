/**
 * The paper pack (issue 14, item 4): the whole consultation laid out for print, for people who do
 * not use the internet. Every section of the public page, then a response form with the questions
 * and space to write, the postal address, the closing date and a reference to quote, and the
 * equality monitoring questions on a page of their own, to send back separately. The print
 * stylesheet (reach.css) leaves out the site's header, navigation and footer; any browser's
 * "Print" saves it as a PDF.
 *
 * Visible exactly as the consultation page is: to everyone once published, to staff who may see
 * it before (officers print packs before opening day), and otherwise the site's 404.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useFormat, useTranslation } from "~/i18n/react";
import { pageTitle } from "~/components/page-title";
import { buildProposalView } from "~/components/proposal-view-model";
import { ProposalView } from "~/components/ProposalView";
import { now } from "~/lib/clock";
import { baseUrl } from "~/lib/env.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";
import { MONITORING_QUESTIONS, monitoringWords } from "~/reach/monitoring-questions";
import { consultationReference } from "~/reach/paper";
import { consultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import reachCss from "~/reach/reach.css?url";
import { RESPONDING_AS, STANCES, asksForStance } from "~/responses/rules";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal, isPublic } = await consultationFor(request, params.slug);
  const settings = loadSettings();
  const facts = visibilityFacts(proposal);
  const base = baseUrl().replace(/\/+$/, "");
  const path = consultationPath(proposal.slug);
  return {
    isPublic,
    proposal: buildProposalView(proposal, settings, {
      render: (markdown, options) => renderMarkdown(markdown, "officer", options),
      // In full: on paper the print stylesheet writes out where each link goes.
      documentHref: (doc) => (canDownloadDocument(viewer, facts, doc) ? `${base}${path}/documents/${doc.id}` : null),
      now: now(),
    }),
    reference: consultationReference(proposal, settings.paperPacks),
    council: { name: settings.council.name, email: settings.council.contactEmail },
    postalAddress: settings.paperPacks.postalAddress,
    phone: settings.paperPacks.phone ?? null,
    urls: { consultation: `${base}${path}`, respond: `${base}${path}/respond`, privacy: `${base}/privacy` },
    questions: proposal.questions.map((q, i) => ({ n: i + 1, question: q.question, stance: asksForStance(q.question) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [
  { title: pageTitle(matches, data ? translator(languageOfUrl(`${location.pathname}${location.search}`))("consultationPages.print.title", { title: data.proposal.title }) : null) },
];

type T = (key: string, values?: Record<string, unknown>) => string;

function usePrintWords() {
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  return { t, p: (key: string, values?: Record<string, unknown>) => t(`consultationPages.print.${key}`, values) };
}

/** Only with JavaScript: without it, the hint says how to print. */
function PrintButton() {
  const { p } = usePrintWords();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      {p("printButton")}
    </button>
  );
}

function Boxes({ options, lang }: { options: string[]; lang?: string }) {
  return (
    <ul className="govuk-list app-tick-boxes" lang={lang}>
      {options.map((o) => (
        <li key={o}>
          <span className="app-tick-box" aria-hidden="true" />
          {o}
        </li>
      ))}
    </ul>
  );
}

function WriteSpace({ lines = 8 }: { lines?: number }) {
  return <div className="app-write-space" style={{ height: `${lines * 2}em` }} aria-hidden="true" />;
}

function PostalAddress({ lines }: { lines: string[] }) {
  const contentLang = useContentLang();
  return (
    <address className="govuk-body app-postal-address" lang={contentLang}>
      {lines.map((line) => (
        <span key={line}>
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}

export default function PaperPack() {
  const d = useLoaderData<typeof loader>();
  const { t, p } = usePrintWords();
  const format = useFormat();
  const contentLang = useContentLang();
  const closes = d.proposal.plan.closesOn ? format.date(d.proposal.plan.closesOn) : null;
  return (
    <div className="app-paper-pack">
      <div className="app-no-print">
        {!d.isPublic ? <p className="govuk-inset-text">{p("notPublished")}</p> : null}
        <p className="govuk-body">{p("printHint")}</p>
        <PrintButton />
      </div>

      <div className="app-print-cover">
        <p className="govuk-caption-l">
          <Words text={p("kicker", { council: "\u0000" })} content={d.council.name} lang={contentLang} />
        </p>
        <h1 className="govuk-heading-xl" lang={contentLang}>
          {d.proposal.title}
        </h1>
        <dl className="govuk-summary-list app-print-facts">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{p("reference")}</dt>
            <dd className="govuk-summary-list__value">
              <strong data-testid="reference">{d.reference}</strong>. {p("quote", { reference: d.reference })}
            </dd>
          </div>
          {closes ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{p("closes")}</dt>
              <dd className="govuk-summary-list__value">{p("closesAt", { date: closes })}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="govuk-heading-m">{p("ways")}</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            {p("online")} {d.urls.respond}
          </li>
          <li>
            {p("byPost")}
            <PostalAddress lines={d.postalAddress} />
          </li>
          {d.phone ? <li>{p("byPhone", { phone: d.phone })}</li> : null}
          <li>
            {p("byEmail")} {d.council.email}
          </li>
        </ul>
        <p className="govuk-body">{d.phone ? p("otherFormatsPhone", { phone: d.phone, email: d.council.email }) : p("otherFormats", { email: d.council.email })}</p>
      </div>

      <ProposalView proposal={d.proposal} showContents={false} />

      <section className="app-section app-print-form" aria-labelledby="response-form-heading">
        <h2 className="govuk-heading-l" id="response-form-heading">
          {p("formHeading")}
        </h2>
        <p className="govuk-body">
          <strong>{p("quote", { reference: d.reference })}</strong> {p("formIntro")}
        </p>
        {d.questions.map((q) => (
          <div key={q.n} className="app-print-question">
            <h3 className="govuk-heading-s">
              {p("question", { n: q.n })} <span lang={contentLang}>{q.question}</span>
            </h3>
            {q.stance ? (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">{p("tickOne")}</p>
                <Boxes options={STANCES.map((s) => t(`stances.${s}`))} />
              </>
            ) : null}
            <p className="govuk-body govuk-!-margin-bottom-1">{p("writeHere")}</p>
            <WriteSpace />
          </div>
        ))}
        <div className="app-print-question">
          <h3 className="govuk-heading-s">{p("aboutYou")}</h3>
          <p className="govuk-body">{p("aboutYouIntro")}</p>
          <p className="govuk-body govuk-!-margin-bottom-1">{p("yourName")}</p>
          <WriteSpace lines={1} />
          <p className="govuk-body govuk-!-margin-bottom-1">{p("showName")}</p>
          <Boxes options={[p("yes"), p("no")]} />
          <p className="govuk-body govuk-!-margin-bottom-1">{p("respondingAs")}</p>
          <Boxes options={RESPONDING_AS.map((r) => t(`consultationPages.respondingAs.${r}`))} />
          <p className="govuk-body govuk-!-margin-bottom-1">{p("organisation")}</p>
          <WriteSpace lines={1} />
          <p className="govuk-body">
            {p("privacy")} {d.urls.privacy}
          </p>
        </div>
        <h3 className="govuk-heading-m">{p("sendTo")}</h3>
        <PostalAddress lines={d.postalAddress} />
        {closes ? (
          <p className="govuk-body">
            <strong>
              {p("closes")} {p("closesAt", { date: closes })}
              {t("consultationPages.outcome.end")}
            </strong>
          </p>
        ) : null}
      </section>

      <section className="app-section app-print-form" aria-labelledby="monitoring-form-heading">
        <h2 className="govuk-heading-l" id="monitoring-form-heading">
          {p("monitoringHeading")}
        </h2>
        <p className="govuk-body">{p("monitoringIntro")}</p>
        <p className="govuk-body">{p("monitoringReference", { reference: d.reference })}</p>
        {MONITORING_QUESTIONS.map((q) => monitoringWords(t, q)).map((q, i) => (
          <div key={MONITORING_QUESTIONS[i].key} className="app-print-question">
            <h3 className="govuk-heading-s">{q.question}</h3>
            {q.hint ? <p className="govuk-body-s">{q.hint}</p> : null}
            <Boxes options={[...q.answers.map((a) => a.label), q.preferNot]} />
          </div>
        ))}
        <PostalAddress lines={d.postalAddress} />
      </section>
    </div>
  );
}

/** A catalogue sentence with the council's own words where its value stands, marked as such. */
function Words({ text, content, lang }: { text: string; content: string; lang: string | undefined }) {
  const [before, after = ""] = text.split("\u0000");
  return (
    <>
      {before}
      <span lang={lang}>{content}</span>
      {after}
    </>
  );
}
