/** Admin: one service's staff groups, and adding a group. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { plural } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { getService } from "~/notifications/directory.server";
import { notFound } from "~/proposals/proposals.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.service.name} – Admin` : "Service – Admin") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:manage");
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const service = id.success ? getService(id.data) : null;
  if (!service) throw notFound();
  return { service };
}

export default function AdminService() {
  const { service } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/staff/admin/services" className="govuk-back-link">
        Services
      </Link>
      <span className="govuk-caption-l">{plural(service.workforcePosts ?? 0, "post")}</span>
      <h1 className="govuk-heading-l">{service.name}</h1>
      <h2 className="govuk-heading-m">Staff groups</h2>
      {service.groups.length === 0 ? (
        <p className="govuk-body">This service has no staff groups.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Staff groups in {service.name}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Group
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Staff
              </th>
              <th scope="col" className="govuk-table__header">
                Emailed at
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {service.groups.map((g) => (
              <tr className="govuk-table__row" key={g.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/staff/admin/staff-groups/${g.id}`}>
                    {g.name}
                  </Link>
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{g.headCount}</td>
                <td className="govuk-table__cell">{g.distributionEmail ?? (g.members ? plural(g.members, "member's address", "members' addresses") : <strong className="govuk-tag govuk-tag--red">No address</strong>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <Link className="govuk-button govuk-button--secondary" to={`/staff/admin/staff-groups/new?service=${service.id}`}>
          Add a staff group
        </Link>
      </p>
    </>
  );
}
