// How the roles read in Swedish; the UI takes its labels from the message catalogue, which
// uses the same wording.
import type { Role } from "./roles.ts";

const LABELS: Record<Role, string> = {
  association_admin: "förbundsadministratör",
  board_member: "styrelseledamot/beredningsgrupp",
  initiative_lead: "insatsansvarig",
  steering_group_member: "styrgruppsledamot",
  participant_officer: "deltagaransvarig",
  participant: "deltagare",
  auditor: "dataskyddsombud/granskare",
};

export const roleLabel = (role: Role) => LABELS[role];
