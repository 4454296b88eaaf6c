/**
 * The outcome report: one theme. What people said (a few of the answers and comments in it),
 * the council's response, and whether the proposal changed because of it; a change is linked to
 * the published version that made it, so anyone can check the claim on the history page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { Radios, Textarea } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { SectionFormPage, useSectionForm } from "~/components/SectionForm";
import { MarkdownField } from "~/components/WritingHelp";
import { OUTCOME_MIN_WORDS } from "~/outcomes/gate";
import { linkableVersions, saveThemeResponse } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage, runOutcomeForm } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { themeResponseSchema } from "~/outcomes/schemas";
import { listThemes, themeItems } from "~/outcomes/themes.server";
import { versionAnchor } from "~/proposals/diff";
import { notFound } from "~/proposals/proposals.server";
import { idFrom } from "~/proposals/sections/route.server";

async function load(request: Request, params: Record<string, string | undefined>, saving = false) {
  const page = await requireDraftingPage(request, params, { saving });
  const themeId = idFrom(params.themeId);
  const themes = listThemes(page.proposal.id);
  const i = themes.findIndex((t) => t.id === themeId);
  if (i === -1) throw notFound();
  return { page, theme: themes[i], next: themes[i + 1] ?? null, versions: linkableVersions(page.proposal.id) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { page, theme, versions } = await load(request, params);
  return {
    ...partBasics(page, context, (u) => u.themeId === theme.id),
    slug: page.proposal.slug,
    theme: { id: theme.id, name: theme.name, respondents: theme.respondents, items: theme.items },
    said: themeItems(page.proposal.id, theme.id, { limit: 5 }),
    versions: versions.map((v) => ({ id: v.id, number: v.number, createdAt: v.createdAt, changeNote: v.changeNote })),
    defaults: {
      councilResponse: theme.councilResponse ?? "",
      changed: theme.changed == null ? "" : theme.changed ? "yes" : "no",
      changeDescription: theme.changeDescription ?? "",
      versionId: theme.versionId ? String(theme.versionId) : "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { page, theme, next, versions } = await load(request, params, true);
  return runOutcomeForm(page, await request.formData(), context, {
    schema: () => themeResponseSchema(theme.name, versions.map((v) => v.id)),
    save: (revision, value) => saveThemeResponse(page.viewer, page.proposal.id, theme.id, revision, value),
    next: next ? outcomePath(page.proposal.id, `themes/${next.id}`) : outcomePath(page.proposal.id, "equality"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.theme.name} – Outcome report – ${data.proposal.title}` : "Theme", { error: data?.formError }) }];

export default function OutcomeTheme() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const state = useSectionForm({ id: "theme-response-form", defaults: d.defaults, reply, revision: d.revision, firstField: "councilResponse" });
  const history = `/consultations/${encodeURIComponent(d.slug)}/history`;
  return (
    <SectionFormPage
      formId="theme-response-form"
      state={state}
      needs={d.needs}
      caption={`Outcome report: ${d.proposal.title}`}
      heading={d.theme.name}
      backHref={outcomePath(d.proposal.id, "themes")}
      backText="Back to the themes"
      isPublicEdit={false}
      saveLater={false}
      intro={
        <>
          <p className="govuk-body">
            Raised by {d.theme.respondents} {d.theme.respondents === 1 ? "respondent" : "respondents"}, in {d.theme.items} {d.theme.items === 1 ? "answer or comment" : "answers and comments"}.{" "}
            <Link className="govuk-link" to={`/staff/proposals/${d.proposal.id}/themes/${d.theme.id}`}>
              Read them all
            </Link>
          </p>
          {d.said.length ? (
            <>
              <h2 className="govuk-heading-s">Some of what people said</h2>
              {d.said.map((item) => (
                <blockquote key={item.itemKey} className="app-quote govuk-body" style={{ whiteSpace: "pre-wrap" }}>
                  {item.text}
                </blockquote>
              ))}
            </>
          ) : null}
        </>
      }
    >
      <MarkdownField
        name="councilResponse"
        label="What did the council do about it?"
        labelSize="m"
        hint="Answer what people said, in plain words: what you found, what you decided to do, and why. “Noted” or “thank you for your comments” is not a response."
        defaultValue={state.text("councilResponse")}
        error={state.error("councilResponse")}
        rows={8}
        help={{ words: { min: OUTCOME_MIN_WORDS.councilResponse, scaled: false } }}
        previewHtml={state.preview?.field === "councilResponse" ? state.preview.html : undefined}
      />
      <Radios
        id="changed"
        name="changed"
        legend="Did the proposal change because of this theme?"
        legendSize="m"
        hint="Only a change published while the consultation was open can be claimed here: link it to its version, so anyone can see exactly what changed. Anything the council will change later belongs in “What happens next”."
        options={[
          { value: "yes", label: "Yes, the proposal changed" },
          { value: "no", label: "No" },
        ]}
        defaultValue={state.text("changed")}
        error={state.error("changed")}
        inline
      />
      <Textarea id="changeDescription" name="changeDescription" label="If it changed: what changed?" labelSize="s" rows={3} defaultValue={state.text("changeDescription")} error={state.error("changeDescription")} />
      {d.versions.length ? (
        <Radios
          id="versionId"
          name="versionId"
          legend="If it changed: which published version made the change?"
          legendSize="s"
          options={d.versions.map((v) => ({
            value: String(v.id),
            label: `Version ${v.number}, ${formatDate(v.createdAt)}`,
            hint: (
              <>
                {v.changeNote}{" "}
                <a className="govuk-link" href={`${history}#${versionAnchor(v.number)}`} target="_blank" rel="noreferrer">
                  See what changed (opens in a new tab)
                </a>
              </>
            ),
          }))}
          defaultValue={state.text("versionId")}
          error={state.error("versionId")}
        />
      ) : (
        <p className="govuk-inset-text" id="versionId">
          The proposal was not changed while the consultation was open, so no published change can be linked.
        </p>
      )}
    </SectionFormPage>
  );
}
