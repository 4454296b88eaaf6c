/** Admin: every council setting, grouped as the pages that change them, with their current values. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ssoProvider } from "~/auth/sso-config.server";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { SummaryCard, SummaryList } from "~/components/SummaryList";
import { STATUTORY_CHARACTERISTICS } from "~/lib/settings";
import { loadSettings } from "~/lib/settings.server";
import { LIST_SECTIONS } from "~/settings/lists";
import { SCALAR_SECTIONS, displayValue } from "~/settings/sections";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "Settings – Admin") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const settings = loadSettings();
  const sso = ssoProvider();
  return {
    sections: SCALAR_SECTIONS.map((s) => ({
      slug: s.slug,
      title: s.title,
      description: s.description,
      rows: s.fields.map((f) => ({ label: f.label, value: displayValue(f, settings, s) })),
    })),
    lists: LIST_SECTIONS.map((l) => ({
      slug: l.slug,
      title: l.title,
      items: settings[l.key].map((i) => i.label),
      statutory: l.key === "localCharacteristics" ? STATUTORY_CHARACTERISTICS.length : 0,
    })),
    sso: sso ? { issuer: sso.issuer, label: sso.label } : null,
  };
}

const SAVED: Record<string, string> = { saved: "Settings saved.", unchanged: "Nothing was changed." };

export default function Settings() {
  const { sections, lists, sso } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const done = SAVED[searchParams.get("done") ?? ""];
  return (
    <>
      <Link to="/staff/admin" className="govuk-back-link">
        Admin
      </Link>
      {done ? <SuccessBanner>{done}</SuccessBanner> : null}
      <span className="govuk-caption-l">Admin</span>
      <h1 className="govuk-heading-l">Settings</h1>
      <p className="govuk-body">Every change is recorded in the audit log with who made it.</p>
      {sections.map((s) => (
        <SummaryCard key={s.slug} title={s.title} changeHref={`/staff/admin/settings/${s.slug}`} changeLabel={s.title.toLowerCase()}>
          <p className="govuk-body">{s.description}</p>
          {s.slug === "sign-in" ? (
            <p className="govuk-body">
              {sso
                ? `Single sign-on is set up with ${sso.issuer} (“Sign in with ${sso.label}”).`
                : "Single sign-on is not set up. The server's administrator sets OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to turn it on."}
            </p>
          ) : null}
          <SummaryList rows={s.rows.map((r) => ({ key: r.label, value: <span className="app-break-anywhere">{r.value}</span> }))} />
        </SummaryCard>
      ))}
      {lists.map((l) => (
        <SummaryCard key={l.slug} title={l.title} changeHref={`/staff/admin/settings/lists/${l.slug}`} changeLabel={l.title.toLowerCase()}>
          {l.statutory ? <p className="govuk-body">The {l.statutory} protected characteristics of the Equality Act 2010, and the council's own:</p> : null}
          {l.items.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {l.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">None.</p>
          )}
        </SummaryCard>
      ))}
    </>
  );
}
