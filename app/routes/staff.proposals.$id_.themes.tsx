/**
 * A consultation's themes: how many respondents raised each (never counting one person twice in
 * a theme), a way into each one's answers and comments, and a new theme. Officers of the service
 * code and manage them; approvers and decision makers read them.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { requireReading } from "~/outcomes/coding.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { THEME_NAME_MAX_CHARS } from "~/outcomes/rules";
import { createTheme, listThemes } from "~/outcomes/themes.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, canCode } = await requireReading(request, params);
  const url = new URL(request.url);
  return {
    proposal: { id: proposal.id, title: proposal.title },
    themes: listThemes(proposal.id).map(({ id, name, respondents, items, councilResponse }) => ({ id, name, respondents, items, answered: !!councilResponse })),
    canCode,
    done: url.searchParams.get("done"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reading = await requireReading(request, params);
  const form = await request.formData();
  const name = form.get("name");
  if (form.get("intent") !== "create" || typeof name !== "string") return data({ message: "Choose what to do", field: "name" }, { status: 400 });
  const result = createTheme(reading.viewer, reading.proposal.id, name);
  if (!result.ok) return data({ message: result.message, field: "name" }, { status: result.status });
  return redirect(`/staff/proposals/${reading.proposal.id}/themes?done=created`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Themes – ${data.proposal.title} – Staff area` : "Themes") }];

export default function Themes() {
  const d = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const base = `/staff/proposals/${d.proposal.id}`;
  return (
    <>
      <Link to={`${base}/responses`} className="govuk-back-link">
        Back to the responses
      </Link>
      <ErrorSummary errors={error ? [{ field: "name", message: error.message }] : []} focusKey={error} />
      {d.done === "created" ? <SuccessBanner>The theme was added. Code answers and comments into it as you read them.</SuccessBanner> : null}
      {d.done === "merged" ? <SuccessBanner>The themes were merged. Nobody is counted twice.</SuccessBanner> : null}
      {d.done === "removed" ? <SuccessBanner>The theme was removed.</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.proposal.title}</span>
      <h1 className="govuk-heading-l">Themes</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            A theme groups what people said about one thing. One answer or comment can be in several themes. Each theme counts the respondents who raised it, each person once, however many of their
            answers and comments it holds. The outcome report answers every theme.
          </p>
          {d.themes.length === 0 ? (
            <p className="govuk-body">There are no themes yet.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Themes, in the order they were started</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Theme
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Respondents
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Answers and comments
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {d.themes.map((t) => (
                  <tr key={t.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`${base}/themes/${t.id}`}>
                        {t.name}
                      </Link>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric" data-testid={`theme-${t.id}-respondents`}>
                      {t.respondents}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.items}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.canCode ? (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="create" />
              <TextInput id="name" name="name" label="Start a theme" labelSize="m" hint="A few words for what people raised, such as “Saturday opening”." maxLength={THEME_NAME_MAX_CHARS} error={error?.message} />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Add theme
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </>
  );
}
