/**
 * Challenge a fact as a member of staff of the affected service, through the link emailed to
 * the staff groups when the consultation opened. The link is the same for all of them, and
 * using it stores nothing about who used it: no session is read, no address or email is kept,
 * and a name only if they choose to give one. A wrong link, or a proposal that is not public,
 * is the same 404 as a missing slug.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ChallengeForm } from "~/challenges/ChallengeForm";
import { checkStaffName, createChallenge, isStaffKey } from "~/challenges/challenges.server";
import { challengeFormPage, challengeReply, requirePublicProposal } from "~/challenges/page.server";
import { staffChallengeSchemaIn } from "~/challenges/schemas";
import { pageTitle } from "~/components/page-title";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { notFound } from "~/proposals/proposals.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { HONEYPOT_FIELD } from "~/responses/schemas";
import { NAME_MAX_CHARS } from "~/challenges/rules";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [
    { title: pageTitle(matches, data ? t("repPages.staffChallenge.title", { title: data.title }) : t("commentPages.titles.challenge")) },
    { name: "robots", content: "noindex" },
  ];
};

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

function requireStaffLink(slug: string | undefined, token: string | undefined) {
  // Nobody's session is read here: what the staff link says is all we know.
  const proposal = requirePublicProposal(slug);
  if (!isStaffKey(proposal.id, token)) throw notFound();
  return proposal;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireStaffLink(params.slug, params.token);
  return challengeFormPage(proposal, new URL(request.url).searchParams.get("claim"));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposal = requireStaffLink(params.slug, params.token);
  const { lang, t } = translatorFor(request);
  const submission = parseWithZod(await request.formData(), { schema: staffChallengeSchemaIn(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // Back to the consultation in the language the challenge was written in.
  const to = (path: string) => withLanguage(`/consultations/${encodeURIComponent(proposal.slug)}${path}`, lang);
  if (submission.value[HONEYPOT_FIELD]) throw redirect(to("?challenge=made#challenges"));
  const name = checkStaffName(submission.value.showAs === "name" ? submission.value.name : "");
  // The schema refuses a name too long already; this is the store's own check, in the same words.
  if (!name.ok) return data(submission.reply({ fieldErrors: { name: [t("repPages.staffChallenge.messages.nameTooLong", { max: NAME_MAX_CHARS.toLocaleString("en-GB") })] } }), { status: 400 });
  const result = createChallenge(proposal, { kind: "staff", displayName: name.name }, submission.value, addressFrom(context), { say: t });
  if (!result.ok) return challengeReply(submission, result);
  throw redirect(to(result.status === "pending" ? "?challenge=held#challenges" : `?challenge=made#challenge-${result.id}`));
}

export default function StaffChallenge() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={href(page.back)} className="govuk-back-link">
          {t("commentPages.challenge.back")}
        </Link>
        <span className="govuk-caption-l" lang={contentLang}>
          {page.title}
        </span>
        <h1 className="govuk-heading-l">{t("repPages.staffChallenge.heading")}</h1>
        <p className="govuk-body">{t("repPages.staffChallenge.intro", { days: page.workingDays })}</p>
        <div className="govuk-inset-text">{t("repPages.staffChallenge.anonymity")}</div>
        {page.accepting ? (
          <ChallengeForm claims={page.claims} chosen={page.chosen} lastResult={lastResult} staff />
        ) : (
          <p className="govuk-body">{t("commentPages.challenge.closed")}</p>
        )}
      </div>
    </div>
  );
}
