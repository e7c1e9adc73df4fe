// An association's initiative money (domain/finance.md), written in bulk: each initiative's
// granted budget per reporting period and cost category (association funds, and the partners'
// co-financing in staff time or — in ESF initiatives — participants' benefits), as versions:
// the decision, then a revision after an approved early end or a re-phasing (omfördelning)
// after an approved request to move funds; the requisitions of every ended period of the
// window, most approved and paid, their amounts the budget's times a consumption that differs
// per initiative and drops in the periods with a vacancy; returned funds of ended initiatives
// that spent less; and a few prognoses the office overrode.

import { allocateKronor } from "../../src/platform/money.ts";
import { periodsBetween } from "../../src/reports/calendar.ts";
import type { BulkWriter } from "./bulk.ts";
import { addDays, earlier, later, momentOf, normal, oneOf, stream, uuidFrom } from "./random.ts";
import type { AssociationReporting } from "./reporting.ts";
import type { WrittenAssociation } from "./setup.ts";
import * as T from "./tables.ts";

const CATEGORIES = ["personal", "lokaler", "resor", "material", "utvardering", "ovrigt"] as const;
const INDIVIDUAL_WEIGHTS = [76, 8, 3, 5, 3, 5];
const STRUCTURAL_WEIGHTS = [70, 0, 6, 8, 8, 8];
const OFFICE = "Kansliet";

interface Line {
  periodKey: string;
  year: number;
  category: (typeof CATEGORIES)[number];
  source: "forbund" | "medfinansiering";
  organisationId: string | null;
  coKind: "personaltid" | "deltagarersattning" | null;
  amount: number;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;

/** Writes budgets, requisitions, returned funds and overrides; returns the returned amounts by initiative. */
export function writeMoney(
  writer: BulkWriter,
  a: WrittenAssociation,
  reporting: AssociationReporting,
  context: { seed: number; window: { from: string; to: string } },
): Map<string, number> {
  const today = context.window.to;
  const returned = new Map<string, number>();
  const fk = a.memberIds[a.plan.members.findIndex((m) => m.kind === "forsakringskassan")] ?? null;
  for (const r of reporting.initiatives) {
    const { initiative } = r;
    const p = initiative.plan;
    const dice = stream(context.seed, "money", a.plan.index, p.index);
    const originalEnd = p.plannedEndDate ?? p.endDate;
    const weights = p.orientation === "structural" ? STRUCTURAL_WEIGHTS : INDIVIDUAL_WEIGHTS;
    const coPartner = initiative.partnerIds[0] ?? null;
    const esfPartner = p.esf && fk && initiative.partnerIds.includes(fk) ? fk : null;

    const linesFor = (until: string): Line[] =>
      periodsBetween(a.plan.cadence, p.startDate, until).flatMap((period) => {
        const from = later(period.start, p.startDate);
        const to = earlier(period.end, until);
        const total = Math.round((p.annualBudget * days(from, to)) / 365 / 100) * 100;
        const year = Number(period.key.slice(0, 4));
        const lines: Line[] = allocateKronor(total, weights)
          .map((amount, i) => ({
            periodKey: period.key,
            year,
            category: CATEGORIES[i] ?? "ovrigt",
            source: "forbund" as const,
            organisationId: null,
            coKind: null,
            amount,
          }))
          .filter((l) => l.amount > 0);
        if (coPartner)
          lines.push({
            periodKey: period.key,
            year,
            category: "personal",
            source: "medfinansiering",
            organisationId: coPartner,
            coKind: "personaltid",
            amount: Math.round((total * 0.12) / 100) * 100,
          });
        if (esfPartner)
          lines.push({
            periodKey: period.key,
            year,
            category: "ovrigt",
            source: "medfinansiering",
            organisationId: esfPartner,
            coKind: "deltagarersattning",
            amount: Math.round((total * 0.15) / 100) * 100,
          });
        return lines;
      });

    // ── budget versions ───────────────────────────────────────────────────────────────
    const decided = linesFor(originalEnd);
    const earlyEnd = r.deviations.find(
      (d) => d.request === "avslut_i_fortid" && d.status === "godkand",
    );
    const moved = r.deviations.find((d) => d.request === "flytta_medel" && d.status === "godkand");
    let current = decided;
    const versions: Array<{
      kind: "beslut" | "revision" | "omfordelning";
      reason: string;
      deviationId: string | null;
      at: string;
      lines: Line[];
    }> = [
      {
        kind: "beslut",
        reason: "Beviljad budget enligt styrelsens beslut.",
        deviationId: null,
        at: momentOf(dice, addDays(p.startDate, -dice.int(14, 40))),
        lines: decided,
      },
    ];
    if (earlyEnd) {
      current = linesFor(p.endDate);
      versions.push({
        kind: "revision",
        reason: `Insatsen avslutas i förtid den ${p.endDate} efter godkänd avvikelserapport.`,
        deviationId: earlyEnd.id,
        at: momentOf(dice, earlyEnd.decisionDate ?? earlyEnd.submittedOn),
        lines: current,
      });
    } else if (moved?.amount && moved.decisionDate) {
      const decisionDay = moved.decisionDate;
      const fromLine = decided.find(
        (l) =>
          l.source === "forbund" &&
          l.category === "personal" &&
          r.periods.some(
            (x) => x.key === l.periodKey && x.start <= decisionDay && x.end >= decisionDay,
          ),
      );
      const toLine = decided.findLast((l) => l.source === "forbund" && l.category === "personal");
      if (fromLine && toLine && fromLine !== toLine) {
        const amount = Math.min(moved.amount, fromLine.amount);
        current = decided.map((l) =>
          l === fromLine
            ? { ...l, amount: l.amount - amount }
            : l === toLine
              ? { ...l, amount: l.amount + amount }
              : l,
        );
        versions.push({
          kind: "omfordelning",
          reason: `Omfördelning av ${amount} kr från ${fromLine.periodKey} till ${toLine.periodKey} efter godkänd avvikelserapport.`,
          deviationId: moved.id,
          at: momentOf(dice, decisionDay),
          lines: current,
        });
      }
    }
    versions.forEach((v, i) => {
      const id = uuidFrom(dice);
      writer.add(T.initiativeBudgets, [
        id,
        a.id,
        initiative.id,
        i + 1,
        i === versions.length - 1 ? "gallande" : "ersatt",
        v.kind,
        v.reason,
        v.deviationId,
        OFFICE,
        v.at,
      ]);
      for (const l of v.lines)
        writer.add(T.initiativeBudgetLines, [
          id,
          l.periodKey,
          l.year,
          l.category,
          l.source,
          l.organisationId,
          l.coKind,
          l.amount,
        ]);
    });

    // ── requisitions: the ended periods of the window ─────────────────────────────────
    const consumption = normal(dice, 0.95, 0.08);
    let approvedTotal = 0;
    let latestEnded: string | null = null;
    for (const period of r.periods) {
      if (period.end >= today) continue;
      latestEnded = period.key;
      const budgetLines = current.filter((l) => l.periodKey === period.key);
      if (budgetLines.length === 0) continue;
      const settled = period.end <= addDays(today, -60);
      const status = settled
        ? dice.pick([
            ["godkand", 97],
            ["inskickad", 2],
            ["aterskickad", 1],
          ] as const)
        : dice.pick([
            ["godkand", 25],
            ["inskickad", 45],
            ["utkast", 30],
          ] as const);
      const vacancy = r.vacancies.has(period.key);
      const noise = normal(dice, 1, 0.08);
      const id = uuidFrom(dice);
      const submittedOn =
        status === "utkast" ? null : earlier(addDays(period.end, dice.int(10, 35)), today);
      const approvedOn =
        status === "godkand" && submittedOn
          ? earlier(addDays(submittedOn, dice.int(3, 15)), today)
          : null;
      const paidOn =
        approvedOn && approvedOn <= addDays(today, -10)
          ? earlier(addDays(approvedOn, dice.int(3, 10)), today)
          : null;
      const createdAt = momentOf(dice, earlier(addDays(period.end, dice.int(1, 9)), today));
      writer.add(T.requisitions, [
        id,
        a.id,
        initiative.id,
        period.key,
        period.start,
        period.end,
        status,
        vacancy ? "Lägre personalkostnader på grund av en vakant tjänst under perioden." : "",
        submittedOn ? momentOf(dice, submittedOn) : null,
        status === "aterskickad" ? "Bifoga huvudboksutdraget för perioden." : null,
        approvedOn ? momentOf(dice, approvedOn) : null,
        paidOn ? "betald" : "ej_betald",
        paidOn,
        createdAt,
        approvedOn ? momentOf(dice, paidOn ?? approvedOn) : createdAt,
        1,
      ]);
      for (const l of budgetLines) {
        const factor =
          l.source === "medfinansiering"
            ? normal(dice, 1, 0.1)
            : consumption *
              noise *
              (vacancy && l.category === "personal" ? 0.4 + dice.next() * 0.3 : 1) *
              normal(dice, 1, 0.05);
        const amount = Math.max(0, Math.round(l.amount * factor));
        if (status === "godkand" && l.source === "forbund") approvedTotal += amount;
        writer.add(T.requisitionLines, [
          id,
          l.category,
          l.source,
          l.organisationId,
          l.coKind,
          amount,
        ]);
      }
    }

    // ── returned funds of an ended initiative that spent less ────────────────────────
    if (p.status !== "pagaende" && p.endDate < today) {
      const budgeted = current
        .filter(
          (l) =>
            l.source === "forbund" && r.periods.some((x) => x.key === l.periodKey && x.end < today),
        )
        .reduce((s, l) => s + l.amount, 0);
      const unspent = budgeted - approvedTotal;
      if (unspent > budgeted * 0.05 && dice.chance(0.6)) {
        const amount = Math.round((unspent * 0.8) / 1000) * 1000;
        const returnedOn = earlier(addDays(p.endDate, dice.int(30, 90)), today);
        if (amount > 0) {
          returned.set(initiative.id, amount);
          writer.add(T.returnedFunds, [
            a.id,
            initiative.id,
            Number(p.endDate.slice(0, 4)),
            amount,
            "Vakanser under insatstiden gjorde att beviljade medel inte förbrukades.",
            returnedOn,
            OFFICE,
            momentOf(dice, returnedOn),
          ]);
        }
      }
    }

    // ── the office overrides a few prognoses ─────────────────────────────────────────
    if (p.status === "pagaende" && latestEnded && dice.chance(0.04)) {
      const period = r.periods.find((x) => x.key === latestEnded);
      const prognosis = oneOf(dice, ["bevaka", "atgard"] as const);
      writer.add(T.prognosisOverrides, [
        a.id,
        initiative.id,
        latestEnded,
        prognosis,
        prognosis === "atgard"
          ? "Förbrukningen är låg och rekryteringen av deltagare ligger efter; kansliet har kallat till möte med insatsägaren."
          : "Vakansen är nu tillsatt; kansliet följer förbrukningen nästa period.",
        OFFICE,
        momentOf(dice, earlier(addDays(period?.end ?? today, dice.int(30, 50)), today)),
      ]);
    }
  }
  return returned;
}
