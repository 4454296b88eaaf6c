/**
 * Paper packs (issue 14, item 4): print the pack, and record how many were sent where (libraries,
 * Idea Stores, community centres). The public page lists the places. Officers whose service runs
 * the consultation, and admins; once approved (packs go out before opening day).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { ErrorSummary } from "~/components/ErrorSummary";
import { DateInput, Select, TextInput, conformProps } from "~/components/form-fields";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { now } from "~/lib/clock";
import { councilDate } from "~/lib/council-time";
import { councilTimeZone, loadSettings } from "~/lib/settings.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { notFound, requireVisibleProposalById } from "~/proposals/proposals.server";
import { hadFormError, idFrom, markFormError } from "~/proposals/sections/route.server";
import { COPIES_MAX, PLACE_KIND_LABELS, consultationReference } from "~/reach/paper";
import { listDeliveries, recordDelivery, removeDelivery } from "~/reach/paper-packs.server";

const T = {
  title: "Paper packs",
  back: "Back to the proposal",
  intro: "Print the pack for anyone who asks, and send copies to places where people can pick one up. The public page lists every place you record here.",
  print: "Open the paper pack to print or save as a PDF",
  reference: (ref: string) => `People quote ${ref} on a paper response.`,
  sentHeading: "Where packs were sent",
  none: "None recorded yet.",
  columns: ["Place", "Copies", "Sent on", "Recorded by", ""],
  remove: "Remove",
  removeHidden: (place: string, date: string) => ` the record of packs sent to ${place} on ${date}`,
  addHeading: "Record packs sent",
  place: "Where were they sent?",
  choose: "Choose a place",
  copies: "How many copies?",
  deliveredOn: "When were they sent?",
  deliveredOnHint: "For example, 3 3 2027",
  add: "Record",
  noPlaces: "The council has not listed any places yet: an admin adds them in the settings (paperPacks.places).",
  saved: "Recorded. The public page now lists the place.",
  removed: "The record was removed.",
  total: (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "copy" : "copies"} sent in all.`,
  errors: {
    place: "Choose where the packs were sent",
    copies: "Enter the number of copies, like 25",
    copiesMax: `The number of copies must be ${COPIES_MAX.toLocaleString("en-GB")} or fewer`,
    date: "Enter the date they were sent",
    dateReal: "The date they were sent must be a real date",
    dateFuture: "The date they were sent must be today or in the past",
  },
};

const deliverySchema = z.object({
  intent: z.literal("add"),
  placeKey: z.string({ error: T.errors.place }).max(100, { error: T.errors.place }),
  copies: z.coerce.number({ error: T.errors.copies }).int({ error: T.errors.copies }).min(1, { error: T.errors.copies }).max(COPIES_MAX, { error: T.errors.copiesMax }),
  deliveredOn: z
    .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() }, { error: T.errors.date })
    .transform((v, ctx) => {
      const parts = [v.day, v.month, v.year].map((x) => (x ?? "").trim());
      if (parts.every((x) => !x)) {
        ctx.addIssue({ code: "custom", message: T.errors.date });
        return z.NEVER;
      }
      const [d, m, y] = parts.map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      if (!parts.every((x) => /^\d{1,4}$/.test(x)) || y < 2000 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
        ctx.addIssue({ code: "custom", message: T.errors.dateReal });
        return z.NEVER;
      }
      return date.toISOString().slice(0, 10);
    }),
});

const removeSchema = z.object({ intent: z.literal("remove"), deliveryId: z.coerce.number().int().positive() });

async function requirePacks(request: Request, id: string | undefined): Promise<{ viewer: SignedInViewer; proposal: ReturnType<typeof requireVisibleProposalById> }> {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposal = requireVisibleProposalById(viewer, idFrom(id));
  if (!canEditProposal(viewer, proposal)) throw new Response("Only officers of the service running this consultation can record its paper packs", { status: 403 });
  // Packs are printed once the proposal is approved: before that, its text can still change.
  if (!proposal.approvedAt || proposal.state === "withdrawn") throw notFound();
  return { viewer, proposal };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { proposal } = await requirePacks(request, params.id);
  const settings = loadSettings();
  const done = new URL(request.url).searchParams.get("done");
  return {
    proposal: { id: proposal.id, title: proposal.title, slug: proposal.slug },
    reference: consultationReference(proposal, settings.paperPacks),
    places: settings.paperPacks.places.map((p) => ({ value: p.key, label: `${p.name} (${PLACE_KIND_LABELS[p.kind].toLowerCase()})` })),
    deliveries: listDeliveries(proposal.id),
    done: done === "saved" || done === "removed" ? done : null,
    formError: hadFormError(context),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, proposal } = await requirePacks(request, params.id);
  const formData = await request.formData();
  const back = `/staff/proposals/${proposal.id}/paper-packs`;
  if (formData.get("intent") === "remove") {
    const parsed = removeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success || !removeDelivery(viewer, proposal.id, parsed.data.deliveryId)) throw notFound();
    return redirect(`${back}?done=removed`);
  }
  const submission = parseWithZod(formData, { schema: deliverySchema });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  if (submission.value.deliveredOn > councilDate(now(), councilTimeZone())) {
    markFormError(context);
    return data(submission.reply({ fieldErrors: { deliveredOn: [T.errors.dateFuture] } }), { status: 400 });
  }
  const result = recordDelivery(viewer, proposal.id, submission.value, loadSettings());
  if (!result.ok) {
    markFormError(context);
    return data(submission.reply({ fieldErrors: { placeKey: [result.message] } }), { status: 400 });
  }
  return redirect(`${back}?done=saved`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${T.title} – ${data.proposal.title} – Staff area` : null, { error: data?.formError }) }];

export default function PaperPacks() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ id: "paper-pack", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema: deliverySchema }) });
  const errors = [fields.placeKey, fields.copies, fields.deliveredOn].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id === fields.deliveredOn.id ? `${f.id}-day` : f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const total = d.deliveries.reduce((n, x) => n + x.copies, 0);
  const typedDate = (lastResult?.initialValue as { deliveredOn?: { day?: string; month?: string; year?: string } } | undefined)?.deliveredOn;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/proposals/${d.proposal.id}`} className="govuk-back-link">
          {T.back}
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        {d.done ? <SuccessBanner>{d.done === "saved" ? T.saved : T.removed}</SuccessBanner> : null}
        <span className="govuk-caption-l">{d.proposal.title}</span>
        <h1 className="govuk-heading-l">{T.title}</h1>
        <p className="govuk-body">{T.intro}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/consultations/${encodeURIComponent(d.proposal.slug)}/print`}>
            {T.print}
          </Link>
          . {T.reference(d.reference)}
        </p>

        <h2 className="govuk-heading-m">{T.sentHeading}</h2>
        {d.deliveries.length === 0 ? (
          <p className="govuk-body">{T.none}</p>
        ) : (
          <>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">{T.sentHeading}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {T.columns.map((c, i) => (
                    <th key={i} scope="col" className={`govuk-table__header${c === "Copies" ? " govuk-table__header--numeric" : ""}`}>
                      {c || <span className="govuk-visually-hidden">Actions</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {d.deliveries.map((x) => (
                  <tr key={x.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {x.placeName}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{x.copies.toLocaleString("en-GB")}</td>
                    <td className="govuk-table__cell">{formatDate(x.deliveredOn)}</td>
                    <td className="govuk-table__cell">{x.recordedBy ?? ""}</td>
                    <td className="govuk-table__cell">
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="deliveryId" value={x.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          {T.remove}
                          <span className="govuk-visually-hidden">{T.removeHidden(x.placeName, formatDate(x.deliveredOn))}</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="govuk-body">{T.total(total)}</p>
          </>
        )}

        <h2 className="govuk-heading-m">{T.addHeading}</h2>
        {d.places.length === 0 ? (
          <p className="govuk-body">{T.noPlaces}</p>
        ) : (
          <Form method="post" {...formProps}>
            <input type="hidden" name="intent" value="add" />
            <Select
              id={fields.placeKey.id}
              name={fields.placeKey.name}
              label={T.place}
              labelSize="s"
              error={fields.placeKey.errors}
              defaultValue={typeof fields.placeKey.initialValue === "string" ? fields.placeKey.initialValue : ""}
              options={[{ value: "", label: T.choose }, ...d.places]}
            />
            <TextInput {...conformProps(fields.copies)} label={T.copies} labelSize="s" inputMode="numeric" width="4" />
            <DateInput id={fields.deliveredOn.id} name={fields.deliveredOn.name} legend={T.deliveredOn} legendSize="s" hint={T.deliveredOnHint} error={fields.deliveredOn.errors} defaultValue={typedDate} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {T.add}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
