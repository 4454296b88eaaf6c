/**
 * Which open consultations hold new comments for a moderator before they appear. Useful where
 * a proposal is contentious or touches people who could be identified.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { formatDate } from "~/components/format";
import { premoderationSettings, setPremoderation } from "~/responses/moderation.server";
import { parseId } from "~/responses/rules";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "comment:moderate");
  return { consultations: premoderationSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requirePermission(request, "comment:moderate");
  const form = await request.formData();
  const id = parseId(form.get("proposalId"));
  if (id == null) throw new Response("Bad Request", { status: 400 });
  setPremoderation(id, form.get("premoderate") === "on", moderator);
  throw redirect("/staff/moderation/consultations");
}

export const meta: MetaFunction = () => [{ title: "Review comments before they appear – Staff area" }];

export default function PremoderationSettings() {
  const { consultations } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/moderation" className="govuk-back-link">
          Back to the queue
        </Link>
        <span className="govuk-caption-l">Staff area</span>
        <h1 className="govuk-heading-l">Review comments before they appear</h1>
        <p className="govuk-body">When this is on for a consultation, new comments from residents wait in the moderation queue until a moderator approves them. Official answers are never held.</p>
        {consultations.length === 0 ? <p className="govuk-body">No consultations are open.</p> : null}
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-table__caption--m">Open consultations</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Consultation
              </th>
              <th scope="col" className="govuk-table__header">
                Comments
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {consultations.map((c) => (
              <tr key={c.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/consultations/${encodeURIComponent(c.slug)}`}>
                    {c.title}
                  </Link>
                  {c.closesOn ? <span className="govuk-body-s govuk-!-display-block">Closes {formatDate(c.closesOn)}</span> : null}
                </th>
                <td className="govuk-table__cell" data-label="Comments">{c.premoderate ? "Reviewed before they appear" : "Appear straight away"}</td>
                <td className="govuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="proposalId" value={c.id} />
                    <input type="hidden" name="premoderate" value={c.premoderate ? "off" : "on"} />
                    <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                      {c.premoderate ? "Stop reviewing" : "Review first"}
                      <span className="govuk-visually-hidden"> comments on {c.title}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
