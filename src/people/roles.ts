// The roles of domain/README.md, their scope, and the separation-of-duties rule.
export const ROLES = [
  "association_admin",
  "board_member",
  "initiative_lead",
  "steering_group_member",
  "participant_officer",
  "participant",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held for one initiative; the others hold for the whole association. */
export const INITIATIVE_ROLES: ReadonlySet<Role> = new Set([
  "initiative_lead",
  "steering_group_member",
  "participant_officer",
  "participant",
]);

/** Every role but the participant's is staff, and staff sign in with a second factor. */
export const isStaffRole = (role: Role) => role !== "participant";
export const STAFF_ROLES: readonly Role[] = ROLES.filter(isStaffRole);

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/**
 * Pairs one person may not hold in the same association. The office (which never sees
 * participants) may not also register participants, as in the national follow-up systems;
 * a participant account is never a staff account.
 */
const FORBIDDEN_PAIRS: ReadonlyArray<readonly [Role, Role]> = [
  ["association_admin", "participant_officer"],
  ...ROLES.filter((r) => r !== "participant").map((r) => ["participant", r] as const),
];

/** The role already held that forbids `adding`, or undefined when the combination is allowed. */
export function separationOfDutiesConflict(held: Iterable<Role>, adding: Role): Role | undefined {
  for (const role of held) {
    for (const [a, b] of FORBIDDEN_PAIRS) {
      if ((a === role && b === adding) || (b === role && a === adding)) return role;
    }
  }
  return undefined;
}
