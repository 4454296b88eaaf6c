/**
 * You said, we did: the published outcome of a consultation, and the decision once it is made.
 * Before the outcome is published the page says when it is due, and by how many days it is
 * overdue. Only published material appears here: a draft report never does, and a proposal that
 * is not public answers the site's 404 like any address that does not exist.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { OutcomeView } from "~/outcomes/OutcomeView";
import { daysText, outcomeClock } from "~/outcomes/overdue";
import { publicOutcomeView } from "~/outcomes/view.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal)) throw notFound();
  const clock = outcomeClock(proposal, now(), loadSettings().council.timeZone);
  return {
    slug: proposal.slug,
    title: proposal.title,
    state: proposal.state,
    closesOn: proposal.closesOn,
    clock,
    outcome: publicOutcomeView(proposal, loadSettings()),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Outcome: ${data.title}` : "Outcome") }];

export default function ConsultationOutcome() {
  const d = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(d.slug)}`;
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: d.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{d.title}</span>
          <h1 className="govuk-heading-xl">{d.outcome ? "What you said and what we did" : "Outcome of the consultation"}</h1>
          <p className="govuk-body">
            <StateTag state={d.state} />
            {d.outcome?.publishedAt ? <> Published {formatDate(d.outcome.publishedAt)}.</> : null}
          </p>
          {d.outcome ? null : d.state === "closed" ? (
            d.clock.overdue ? (
              <div className="govuk-warning-text" data-testid="outcome-overdue">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  The outcome is {daysText(d.clock.daysOverdue)} overdue. The council should have published it by {formatDate(d.clock.dueOn)}, 12 weeks after the consultation closed.
                </strong>
              </div>
            ) : (
              <p className="govuk-body">
                The consultation closed{d.closesOn ? ` on ${formatDate(d.closesOn)}` : ""}. The council is reading the responses and will publish what people said and what it will do by{" "}
                {formatDate(d.clock.dueOn)}.
              </p>
            )
          ) : d.state === "open" ? (
            <p className="govuk-body">
              The consultation is still open{d.closesOn ? ` until the end of ${formatDate(d.closesOn)}` : ""}. The council will publish what people said and what it will do within 12 weeks of it closing.
            </p>
          ) : d.state === "withdrawn" ? (
            <p className="govuk-body">The council withdrew this proposal, so there will be no outcome or decision.</p>
          ) : null}
        </div>
      </div>
      {d.outcome ? <OutcomeView outcome={d.outcome} answersHref={`${base}/outcome/answers`} /> : null}
      <p className="govuk-body">
        <Link className="govuk-link" to={base}>
          Read the consultation
        </Link>{" "}
        or{" "}
        <Link className="govuk-link" to={`${base}/history`}>
          see how it changed
        </Link>
        .
      </p>
    </>
  );
}
