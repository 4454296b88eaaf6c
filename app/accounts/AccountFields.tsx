/**
 * The parts of the staff account pages that the invite and change forms share: the roles,
 * service and unions questions, the account status tag, and the words for audit entries.
 */
import type { ReactNode } from "react";
import { ROLES, ROLE_HINTS, ROLE_LABELS } from "~/auth/roles";
import { Checkboxes, Select } from "~/components/form-fields";
import { STATUS_LABELS, type AccountStatus } from "./rules";

type Field = { id: string; name: string; errors?: string[]; initialValue?: unknown };

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" && value ? [value] : [];
}

export function AssignmentFields({
  fields,
  services,
  unions,
}: {
  fields: { roles: Field; serviceId: Field; unionIds: Field };
  services: { id: number; name: string }[];
  unions: { id: number; name: string }[];
}) {
  return (
    <>
      <Checkboxes
        id={fields.roles.id}
        name={fields.roles.name}
        legend="Roles"
        legendSize="m"
        hint="Select all that apply."
        error={fields.roles.errors}
        options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_HINTS[role] }))}
        defaultValue={asList(fields.roles.initialValue)}
      />
      <Select
        id={fields.serviceId.id}
        name={fields.serviceId.name}
        label="Service"
        labelSize="m"
        hint="Officers draft and edit their service's proposals. Leave this as “No service” for people who work across the council."
        error={fields.serviceId.errors}
        options={[{ value: "", label: "No service" }, ...services.map((s) => ({ value: String(s.id), label: s.name }))]}
        defaultValue={typeof fields.serviceId.initialValue === "string" ? fields.serviceId.initialValue : ""}
      />
      {unions.length ? (
        <Checkboxes
          id={fields.unionIds.id}
          name={fields.unionIds.name}
          legend="Unions they represent"
          legendSize="m"
          hint="Only for union representatives. They are sent the union's advance notices, including any running now."
          error={fields.unionIds.errors}
          options={unions.map((u) => ({ value: String(u.id), label: u.name }))}
          defaultValue={asList(fields.unionIds.initialValue)}
          small
        />
      ) : null}
    </>
  );
}

const STATUS_COLOURS: Record<AccountStatus, string> = {
  active: "green",
  invited: "blue",
  invitation_expired: "orange",
  not_signed_in: "grey",
  deactivated: "red",
};

export function StatusTag({ status }: { status: AccountStatus }) {
  const colour = STATUS_COLOURS[status];
  // govuk-frontend 6 has no "--blue" modifier: the plain tag is blue.
  return <strong className={`govuk-tag${colour === "blue" ? "" : ` govuk-tag--${colour}`}`}>{STATUS_LABELS[status]}</strong>;
}

const HISTORY_LABELS: Record<string, string> = {
  "user.invited": "Invited",
  "user.invite_refused": "Invitation refused",
  "user.invitation_sent": "New invitation sent",
  "user.password_link_sent": "Link to set a new password sent",
  "user.password_link_refused": "Link to set a password refused",
  "user.invitation_accepted": "Set their password",
  "user.password_reset": "Set a new password",
  "user.changed": "Account changed",
  "user.change_refused": "Change refused",
  "user.deactivated": "Deactivated",
  "user.deactivate_refused": "Deactivation refused",
  "user.reactivated": "Reactivated",
  "user.signed_out_everywhere": "Signed out everywhere",
  "user.sign_out_everywhere_refused": "Signing out everywhere refused",
  "user.roles_synced": "Roles updated from their groups at sign-in",
  "user.created_by_sso": "Account created at their first single sign-on",
  "user.create_admin": "Created as an admin from the command line",
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "auth.sso_linked": "Linked to their council account",
  "auth.sso_refused": "Single sign-on refused",
};

export function historyLabel(action: string): string {
  return HISTORY_LABELS[action] ?? action;
}

/** The reason recorded with a refusal, if any. */
export function historyNote(detail: unknown): ReactNode {
  const reason = (detail as { reason?: unknown } | null)?.reason;
  return typeof reason === "string" ? reason : null;
}
