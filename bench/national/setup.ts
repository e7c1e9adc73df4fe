// The parts of an association written through the application's own use cases, so that they
// pass its validation and land in the audit log as they would in production: the association,
// its members, its reporting calendar and disclosure control, the funds of each year, and its
// initiatives with partners, goals and local units. There are few of these (a couple of
// thousand initiatives in all); the bulk — reports, money and the register — is written by
// reporting.ts, money.ts and register.ts.
import { createAssociation } from "../../src/associations/create-association.ts";
import { saveDisclosureSettings } from "../../src/associations/disclosure-settings.ts";
import { addMemberOrganisation } from "../../src/associations/member-organisations.ts";
import type { AuditActor } from "../../src/audit/record-audit-event.ts";
import { saveFundingYear } from "../../src/finance/association-money.ts";
import { createInitiative } from "../../src/initiatives/save-initiative.ts";
import type { Tx } from "../../src/platform/database/connect.ts";
import { saveReportingSettings } from "../../src/reports/calendar.ts";
import type { PlannedAssociation, PlannedInitiative } from "./plan.ts";
import { stream } from "./random.ts";

export const BENCH_ACTOR: AuditActor = { userId: null, label: "system:bench-national" };

export interface WrittenInitiative {
  plan: PlannedInitiative;
  id: string;
  ownerId: string;
  partnerIds: string[];
  /** In the order of plan.goals. */
  goalIds: string[];
  /** In the order of plan.localUnits. */
  localUnitIds: string[];
}

export interface WrittenAssociation {
  plan: PlannedAssociation;
  id: string;
  /** In the order of plan.members. */
  memberIds: string[];
  initiatives: WrittenInitiative[];
}

/** Whole thousands. */
const thousands = (n: number) => Math.round(n / 1000) * 1000;

export async function writeAssociation(
  tx: Tx,
  plan: PlannedAssociation,
  context: { seed: number; window: { from: string; to: string }; years: number[] },
): Promise<WrittenAssociation> {
  const dice = stream(context.seed, "setup", plan.index);
  const association = await createAssociation(tx, BENCH_ACTOR, {
    slug: plan.slug,
    name: plan.name,
    orgNumber: plan.orgNumber,
    requireStaffTotp: false,
  });
  const memberIds: string[] = [];
  for (const member of plan.members) {
    const row = await addMemberOrganisation(tx, BENCH_ACTOR, association.id, {
      name: member.name,
      orgNumber: member.orgNumber,
      kind: member.kind,
    });
    memberIds.push(row.id);
  }
  await saveReportingSettings(tx, BENCH_ACTOR, association.id, 0, {
    cadence: plan.cadence,
    dueMonthsAfter: 1,
    remindDaysBefore: 7,
    followUpPeriods: ["halfyear", "year"],
    reportsFrom: context.window.from,
  });
  if (plan.threshold !== null)
    await saveDisclosureSettings(tx, BENCH_ACTOR, association.id, 0, {
      threshold: plan.threshold,
      allowTrueZero: false,
    });

  const member = (index: number) => {
    const id = memberIds[index];
    if (!id) throw new Error(`member ${index} of ${plan.slug} missing`);
    return id;
  };
  const initiatives: WrittenInitiative[] = [];
  for (const i of plan.initiatives) {
    const saved = await createInitiative(tx, BENCH_ACTOR, association.id, {
      name: i.name,
      ownerOrganisationId: member(i.owner),
      partnerIds: i.partners.map(member),
      status: i.status,
      orientation: i.orientation,
      preRehabilitation: i.preRehabilitation,
      esf: i.esf,
      startDate: i.startDate,
      endDate: i.endDate,
      lastIntakeDate: i.lastIntakeDate,
      plannedEndDate: i.plannedEndDate,
      targetGroup: i.targetGroup,
      expectedParticipants: i.expectedParticipants,
      expectedParticipantsOngoing: i.expectedParticipantsOngoing,
      goals: i.goals,
      localUnits: i.localUnits.map((m) => ({
        name: plan.members[m]?.place ?? "",
        expectedParticipants:
          i.expectedParticipants === null
            ? null
            : Math.max(1, Math.round(i.expectedParticipants / i.localUnits.length)),
      })),
    });
    initiatives.push({
      plan: i,
      id: saved.id,
      ownerId: member(i.owner),
      partnerIds: i.partners.map(member),
      goalIds: saved.goals.map((g) => g.id),
      localUnitIds: saved.localUnits.map((u) => u.id),
    });
  }

  // the members' funds of each year: what the initiatives were granted, the office, a margin
  let equity = thousands(plan.initiatives.reduce((s, i) => s + i.annualBudget, 0) * 0.15);
  const lastYear = Number(context.window.to.slice(0, 4));
  for (const year of context.years) {
    const granted = plan.initiatives
      .filter((i) => i.startDate <= `${year}-12-31` && i.endDate >= `${year}-01-01`)
      .reduce((s, i) => s + i.annualBudget, 0);
    const adminBudget = thousands(600_000 + granted * 0.08);
    const totalAllocation = thousands((granted + adminBudget) * (0.95 + dice.next() * 0.1));
    const adminOutcome =
      year < lastYear ? thousands(adminBudget * (0.9 + dice.next() * 0.14)) : null;
    const keys: Record<string, number> = {};
    plan.members.forEach((m, index) => {
      if (m.kind === "kommun" || m.kind === "region") keys[member(index)] = m.population;
    });
    await saveFundingYear(tx, BENCH_ACTOR, association.id, year, 0, {
      totalAllocation,
      equityOpening: equity,
      adminBudget,
      adminOutcome,
      note: "",
      keys,
    });
    equity = thousands(equity + totalAllocation * (0.02 + dice.next() * 0.06) - adminBudget * 0.02);
  }
  return { plan, id: association.id, memberIds, initiatives };
}
