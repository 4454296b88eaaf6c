/**
 * One theme: the answers and comments coded into it (each marked if the public outcome may quote
 * it), its count of respondents, and for officers of the service: rename it, merge it into
 * another theme, or remove it.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Select, TextInput } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import { SuccessBanner } from "~/components/SuccessBanner";
import { requireReading } from "~/outcomes/coding.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { THEME_NAME_MAX_CHARS } from "~/outcomes/rules";
import { listThemes, mergeThemes, removeTheme, renameTheme, themeItems } from "~/outcomes/themes.server";
import { notFound } from "~/proposals/proposals.server";
import { idFrom } from "~/proposals/sections/route.server";
import { parsePage } from "~/responses/thread-page.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

const PAGE = 25;

async function load(request: Request, params: Record<string, string | undefined>) {
  const reading = await requireReading(request, params);
  const themeId = idFrom(params.themeId);
  const themes = listThemes(reading.proposal.id);
  const theme = themes.find((t) => t.id === themeId);
  if (!theme) throw notFound();
  return { ...reading, theme, themes };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, theme, themes, canCode } = await load(request, params);
  const url = new URL(request.url);
  const pages = Math.max(1, Math.ceil(theme.items / PAGE));
  const page = Math.min(parsePage(url.searchParams.get("page")), pages);
  return {
    proposal: { id: proposal.id, title: proposal.title },
    theme: { id: theme.id, name: theme.name, respondents: theme.respondents, items: theme.items },
    others: themes.filter((t) => t.id !== theme.id).map((t) => ({ id: t.id, name: t.name })),
    items: themeItems(proposal.id, theme.id, { limit: PAGE, offset: (page - 1) * PAGE }),
    page,
    pages,
    canCode,
    done: url.searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal, theme } = await load(request, params);
  const form = await request.formData();
  const intent = form.get("intent");
  const here = `/staff/proposals/${proposal.id}/themes`;
  const fail = (message: string, field: string, status = 400) => data({ message, field }, { status });
  if (intent === "rename") {
    const name = form.get("name");
    if (typeof name !== "string") return fail("Enter a name for the theme", "name");
    const result = renameTheme(viewer, proposal.id, theme.id, name);
    return result.ok ? redirect(`${here}/${theme.id}?done=renamed`) : fail(result.message, "name", result.status);
  }
  if (intent === "merge") {
    const into = form.get("into");
    if (typeof into !== "string" || !/^[1-9]\d{0,9}$/.test(into)) return fail("Choose the theme to merge into", "into");
    const result = mergeThemes(viewer, proposal.id, theme.id, Number(into));
    return result.ok ? redirect(`${here}/${into}?done=merged`) : fail(result.message, "into", result.status);
  }
  if (intent === "remove") {
    const result = removeTheme(viewer, proposal.id, theme.id);
    return result.ok ? redirect(`${here}?done=removed`) : fail(result.message, "remove", result.status);
  }
  return fail("Choose what to do with the theme", "name");
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Theme: ${data.theme.name} – ${data.proposal.title} – Staff area` : "Theme") }];

export default function Theme() {
  const d = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const base = `/staff/proposals/${d.proposal.id}/themes`;
  return (
    <>
      <Link to={base} className="govuk-back-link">
        Back to the themes
      </Link>
      <ErrorSummary errors={error ? [{ field: error.field, message: error.message }] : []} focusKey={error} />
      {d.done === "renamed" ? <SuccessBanner>The theme was renamed.</SuccessBanner> : null}
      {d.done === "merged" ? <SuccessBanner>The themes were merged into this one. Nobody is counted twice.</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.proposal.title}</span>
      <h1 className="govuk-heading-l">{d.theme.name}</h1>
      <p className="govuk-body" data-testid="theme-count">
        Raised by {d.theme.respondents} {d.theme.respondents === 1 ? "respondent" : "respondents"}, in {d.theme.items} {d.theme.items === 1 ? "answer or comment" : "answers and comments"}.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">What people said</h2>
          {d.items.length === 0 ? (
            <p className="govuk-body">Nothing is coded into this theme yet.</p>
          ) : (
            <ol className="app-coding">
              {d.items.map((item) => (
                <li key={item.itemKey} className="app-coding__item">
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {item.kind === "answer" ? `Answer to “${item.about}”` : item.about}{" "}
                    {item.publishable ? <strong className="govuk-tag govuk-tag--green">Can be quoted</strong> : <strong className="govuk-tag govuk-tag--grey">Not for publication</strong>}
                  </p>
                  <blockquote className="app-quote govuk-body">{item.text || "No words given."}</blockquote>
                </li>
              ))}
            </ol>
          )}
          <Pagination page={d.page} pages={d.pages} hrefFor={(n) => `${base}/${d.theme.id}?page=${n}`} label="Pages of this theme" />
        </div>
        {d.canCode ? (
          <div className="govuk-grid-column-one-third">
            <h2 className="govuk-heading-m">Change this theme</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="rename" />
              <TextInput id="name" name="name" label="Rename it" labelSize="s" defaultValue={d.theme.name} maxLength={THEME_NAME_MAX_CHARS} error={error?.field === "name" ? error.message : undefined} />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Rename
              </button>
            </Form>
            {d.others.length ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="merge" />
                <Select
                  id="into"
                  name="into"
                  label="Merge it into another theme"
                  labelSize="s"
                  hint="Everything in this theme moves there, and this theme goes. Nobody is counted twice."
                  options={d.others.map((t) => ({ value: String(t.id), label: t.name }))}
                  error={error?.field === "into" ? error.message : undefined}
                />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Merge
                </button>
              </Form>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" id="remove" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Remove this theme
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </>
  );
}
