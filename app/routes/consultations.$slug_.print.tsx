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
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { buildProposalView } from "~/components/proposal-view-model";
import { ProposalView } from "~/components/ProposalView";
import { now } from "~/lib/clock";
import { baseUrl } from "~/lib/env.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";
import { MONITORING_QUESTIONS, PREFER_NOT_LABEL } from "~/reach/monitoring-questions";
import { consultationReference } from "~/reach/paper";
import { consultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import reachCss from "~/reach/reach.css?url";
import { RESPONDING_AS, RESPONDING_AS_LABELS, STANCE_LABELS, STANCES, asksForStance } from "~/responses/rules";

const T = {
  title: (title: string) => `Paper copy: ${title}`,
  kicker: "Public consultation",
  printButton: "Print this consultation or save it as a PDF",
  printHint: "Use your browser’s Print command to print it or save it as a PDF. The printed copy leaves out the website’s menus.",
  notPublished: "Not published yet: this copy is for staff preparing paper packs.",
  reference: "Reference",
  quote: (ref: string) => `Please quote ${ref} on your response.`,
  closes: "Send your response by",
  closesAt: (date: string) => `the end of ${date}`,
  ways: "Ways to respond",
  online: (url: string) => `Online: ${url}`,
  byPost: "By post (no stamp needed):",
  byPhone: (phone: string) => `By phone: ${phone}, and we will write down your views for you.`,
  byEmail: (email: string) => `By email: ${email}`,
  otherFormats: (phone: string | null, email: string) =>
    `This consultation is also available in large print, audio, Braille, easy read, British Sign Language and other languages. Ask us${phone ? ` on ${phone}` : ""} or at ${email}.`,
  formHeading: "Your response",
  formIntro: "Answer as many questions as you like. Tick one box where there is a choice, and write in the space below each question. Use extra sheets if you need to, with the reference on each.",
  question: (n: number) => `Question ${n}`,
  tickOne: "Tick one box:",
  writeHere: "Your answer:",
  aboutYou: "About you",
  aboutYouIntro: "We publish what people say, but not your name unless you agree.",
  yourName: "Your name (optional):",
  showName: "May we show your name beside your answers? Tick one box:",
  yes: "Yes",
  no: "No, show me as ‘Resident’",
  respondingAs: "Are you responding… Tick one box:",
  organisation: "If for an organisation or group, its name:",
  privacy: (url: string) => `How we use your information: ${url}`,
  sendTo: "Send this form to:",
  monitoringHeading: "Equality monitoring (optional)",
  monitoringIntro:
    "These questions help us see whether everyone affected has had their say. Answering is optional. Send this page back separately from your response, or tear it off: we count the answers without linking them to you, so do not write your name on it.",
  monitoringReference: (ref: string) => `Reference: ${ref}`,
};

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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? T.title(data.proposal.title) : null) }];

/** Only with JavaScript: without it, the hint says how to print. */
function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
      {T.printButton}
    </button>
  );
}

function Boxes({ options }: { options: string[] }) {
  return (
    <ul className="govuk-list app-tick-boxes">
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
  return (
    <address className="govuk-body app-postal-address">
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
  const closes = d.proposal.plan.closesOn ? formatDate(d.proposal.plan.closesOn) : null;
  return (
    <div className="app-paper-pack">
      <div className="app-no-print">
        {!d.isPublic ? <p className="govuk-inset-text">{T.notPublished}</p> : null}
        <p className="govuk-body">{T.printHint}</p>
        <PrintButton />
      </div>

      <div className="app-print-cover">
        <p className="govuk-caption-l">
          {d.council.name}: {T.kicker}
        </p>
        <h1 className="govuk-heading-xl">{d.proposal.title}</h1>
        <dl className="govuk-summary-list app-print-facts">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{T.reference}</dt>
            <dd className="govuk-summary-list__value">
              <strong data-testid="reference">{d.reference}</strong>. {T.quote(d.reference)}
            </dd>
          </div>
          {closes ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{T.closes}</dt>
              <dd className="govuk-summary-list__value">{T.closesAt(closes)}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="govuk-heading-m">{T.ways}</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>{T.online(d.urls.respond)}</li>
          <li>
            {T.byPost}
            <PostalAddress lines={d.postalAddress} />
          </li>
          {d.phone ? <li>{T.byPhone(d.phone)}</li> : null}
          <li>{T.byEmail(d.council.email)}</li>
        </ul>
        <p className="govuk-body">{T.otherFormats(d.phone, d.council.email)}</p>
      </div>

      <ProposalView proposal={d.proposal} showContents={false} />

      <section className="app-section app-print-form" aria-labelledby="response-form-heading">
        <h2 className="govuk-heading-l" id="response-form-heading">
          {T.formHeading}
        </h2>
        <p className="govuk-body">
          <strong>{T.quote(d.reference)}</strong> {T.formIntro}
        </p>
        {d.questions.map((q) => (
          <div key={q.n} className="app-print-question">
            <h3 className="govuk-heading-s">
              {T.question(q.n)}: {q.question}
            </h3>
            {q.stance ? (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">{T.tickOne}</p>
                <Boxes options={STANCES.map((s) => STANCE_LABELS[s])} />
              </>
            ) : null}
            <p className="govuk-body govuk-!-margin-bottom-1">{T.writeHere}</p>
            <WriteSpace />
          </div>
        ))}
        <div className="app-print-question">
          <h3 className="govuk-heading-s">{T.aboutYou}</h3>
          <p className="govuk-body">{T.aboutYouIntro}</p>
          <p className="govuk-body govuk-!-margin-bottom-1">{T.yourName}</p>
          <WriteSpace lines={1} />
          <p className="govuk-body govuk-!-margin-bottom-1">{T.showName}</p>
          <Boxes options={[T.yes, T.no]} />
          <p className="govuk-body govuk-!-margin-bottom-1">{T.respondingAs}</p>
          <Boxes options={RESPONDING_AS.map((r) => RESPONDING_AS_LABELS[r])} />
          <p className="govuk-body govuk-!-margin-bottom-1">{T.organisation}</p>
          <WriteSpace lines={1} />
          <p className="govuk-body">{T.privacy(d.urls.privacy)}</p>
        </div>
        <h3 className="govuk-heading-m">{T.sendTo}</h3>
        <PostalAddress lines={d.postalAddress} />
        {closes ? (
          <p className="govuk-body">
            <strong>
              {T.closes} {T.closesAt(closes)}.
            </strong>
          </p>
        ) : null}
      </section>

      <section className="app-section app-print-form" aria-labelledby="monitoring-form-heading">
        <h2 className="govuk-heading-l" id="monitoring-form-heading">
          {T.monitoringHeading}
        </h2>
        <p className="govuk-body">{T.monitoringIntro}</p>
        <p className="govuk-body">{T.monitoringReference(d.reference)}</p>
        {MONITORING_QUESTIONS.map((q) => (
          <div key={q.key} className="app-print-question">
            <h3 className="govuk-heading-s">{q.question}</h3>
            {q.hint ? <p className="govuk-body-s">{q.hint}</p> : null}
            <Boxes options={[...q.answers.map((a) => a.label), PREFER_NOT_LABEL]} />
          </div>
        ))}
        <PostalAddress lines={d.postalAddress} />
      </section>
    </div>
  );
}
