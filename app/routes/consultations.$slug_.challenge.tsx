/**
 * Challenge a fact published in an open consultation: a resident (signed in by email link), or
 * a union representative (signed in as themselves, shown with their union). Staff of the
 * affected service use the link they were emailed instead (…/challenge/staff/:token), which
 * asks nothing about who they are. A proposal that is not public is the same 404 as a missing
 * slug, for everyone.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { ChallengeForm } from "~/challenges/ChallengeForm";
import { challengeFormPage, challengeReply, requireChallengeable, challengerFor } from "~/challenges/page.server";
import { challengeSchemaIn } from "~/challenges/schemas";
import { translator, translatorFor } from "~/i18n/i18n";
import { useRichTranslation } from "~/i18n/rich";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { createChallenge } from "~/challenges/challenges.server";
import { pageTitle } from "~/components/page-title";
import { addressFrom } from "~/responses/rate-limit.server";
import { HONEYPOT_FIELD } from "~/responses/schemas";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data ? t("commentPages.titles.challengeOn", { title: data.title }) : t("commentPages.titles.challenge")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = await requireChallengeable(request, params.slug);
  const challenger = await challengerFor(request, proposal);
  if (challenger.kind === "redirect") throw redirect(withLanguage(challenger.to, translatorFor(request).lang));
  return {
    ...challengeFormPage(proposal, new URL(request.url).searchParams.get("claim")),
    as: challenger.kind === "author" ? challenger.label : null,
    /** a resident who chose not to show their name: "Resident" in the page's language */
    asResident: challenger.kind === "author" && challenger.author.kind === "resident" && !challenger.author.displayName,
    refused: challenger.kind === "refused",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const proposal = await requireChallengeable(request, params.slug);
  const challenger = await challengerFor(request, proposal);
  if (challenger.kind === "redirect") throw redirect(withLanguage(challenger.to, lang));
  if (challenger.kind === "refused") throw new Response(challenger.message, { status: 403 });
  const submission = parseWithZod(await request.formData(), { schema: challengeSchemaIn(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const base = `/consultations/${encodeURIComponent(proposal.slug)}`;
  if (submission.value[HONEYPOT_FIELD]) throw redirect(withLanguage(`${base}?challenge=made#challenges`, lang));
  const result = createChallenge(proposal, challenger.author, submission.value, addressFrom(context), { say: t });
  if (!result.ok) return challengeReply(submission, result);
  throw redirect(withLanguage(result.status === "pending" ? `${base}?challenge=held#challenges` : `${base}?challenge=made#challenge-${result.id}`, lang));
}

export default function Challenge() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
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
        <h1 className="govuk-heading-l">{t("commentPages.challenge.heading")}</h1>
        <p className="govuk-body">{t("commentPages.challenge.intro", { days: page.workingDays })}</p>
        {!page.accepting ? (
          <p className="govuk-body">{t("commentPages.challenge.closed")}</p>
        ) : page.refused ? (
          <p className="govuk-body">{t("commentPages.challenge.staffRefused")}</p>
        ) : (
          <>
            <p className="govuk-body">
              {rt("commentPages.challenge.as", {
                name: <strong>{page.asResident ? t("commentPages.challenge.resident") : <span data-as-written="">{page.as}</span>}</strong>,
                rules: (
                  <Link className="govuk-link" to={href("/house-rules")}>
                    {t("commentPages.challenge.houseRules")}
                  </Link>
                ),
              })}
            </p>
            <ChallengeForm claims={page.claims} chosen={page.chosen} lastResult={lastResult} staff={false} />
          </>
        )}
      </div>
    </div>
  );
}
