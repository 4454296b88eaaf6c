/**
 * The house rules for comments, from content/house-rules.md, or its translation for the page's
 * language (content/house-rules.bn.md); in English, marked as such, where there is none yet.
 * Each rule has an anchor the moderation log links to.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, languageInfo, languageOfRequest, languageOfUrl } from "~/i18n/languages";
import { useLanguage, useTranslation } from "~/i18n/react";
import { loadHouseRules } from "~/responses/house-rules.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  return loadHouseRules(languageOfRequest(request));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const lang = languageOfUrl(`${location.pathname}${location.search}`);
  // The English file's own title on an English page; the page's words for a page whose rules are not translated.
  const title = data && (data.language === lang || lang === DEFAULT_LANGUAGE) ? data.title : translator(lang)("commentPages.titles.houseRules");
  return [{ title: pageTitle(matches, title) }];
};

export default function HouseRules() {
  const { title, introHtml, rules, language } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const page = useLanguage();
  // The rules' own language, marked when it is not the page's (WCAG 3.1.2).
  const lang = language === page ? undefined : languageInfo(language).htmlLang;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {lang ? <p className="govuk-body">{t("commentPages.houseRules.inEnglish")}</p> : null}
        <div lang={lang}>
          <h1 className="govuk-heading-xl">{title}</h1>
          <Markdown html={introHtml} />
          {rules.map((rule) => (
            <section key={rule.key} id={rule.key} aria-labelledby={`${rule.key}-heading`}>
              <h3 className="govuk-heading-m govuk-!-margin-top-6" id={`${rule.key}-heading`}>
                {rule.title}{" "}
                <span className="govuk-caption-m" lang="en-GB" translate="no">
                  ({rule.key})
                </span>
              </h3>
              <Markdown html={rule.html} />
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
