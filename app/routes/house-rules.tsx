/** The house rules for comments, from content/house-rules.md. Each rule has an anchor the moderation log links to. */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { loadHouseRules } from "~/responses/house-rules.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader() {
  return loadHouseRules();
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data?.title ?? "House rules") }];

export default function HouseRules() {
  const { title, introHtml, rules } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{title}</h1>
        <Markdown html={introHtml} />
        {rules.map((rule) => (
          <section key={rule.key} id={rule.key} aria-labelledby={`${rule.key}-heading`}>
            <h3 className="govuk-heading-m govuk-!-margin-top-6" id={`${rule.key}-heading`}>
              {rule.title} <span className="govuk-caption-m">({rule.key})</span>
            </h3>
            <Markdown html={rule.html} />
          </section>
        ))}
      </div>
    </div>
  );
}
