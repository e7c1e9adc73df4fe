// The demo association's money, 2025–2026 (domain/finance.md), made through the real use cases
// and consistent with the demo's reports: the members' allocated funds with the municipalities'
// population keys, the equity and the office's costs of both years (2026's opening equity is
// 2025's computed closing); a decided budget for every running and ended initiative — from the
// granted application where there is one, otherwise the board's yearly amounts spread over the
// initiative's quarters — with co-financing in staff time and, in the ESF project, the
// participants' benefits; and a requisition for every ended quarter from 2025 on, with the
// owner's ledger extract, approved and paid.
//
// The outcome follows the reports: a quarter whose report says a funded post was vacant claims
// less for staff, and the training costs of Samverkansteam psykiatri fell in 2026 as its deviation
// report says. Enköping's vacancy of 2025 led to an approved deviation report, after which its
// budget is re-phased into 2026 with the same total. The third quarter of 2026 is still being
// handled as of the demo's today: most requisitions are approved, the ESF project's waits for the
// office, Kompetenslyft's was returned for its missing ledger extract, Växtverket's is the lead's
// draft and Steget vidare's has not come in. Jobbspår returned funds as its final report says, and
// the office judges Växtverket's prognosis itself while its third quarter is not yet claimed.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  CO_FINANCING_KIND_LABELS,
  type CoFinancingKind,
} from "../applications/content.ts";
import { memberOrganisations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { saveFundingYear, yearOverview } from "../finance/association-money.ts";
import {
  type BudgetLine,
  type BudgetLineInput,
  budgetFromApplication,
  budgetLineKey,
  coFinancingCategory,
  monthsInside,
  rephaseBudget,
  rephasingReports,
  saveBudget,
} from "../finance/budgets.ts";
import { lineKey, type MoneyLineInput } from "../finance/lines.ts";
import { setPrognosisOverride } from "../finance/outcome.ts";
import { initiativePeriods, yearOfPeriod } from "../finance/periods.ts";
import {
  addRequisitionAttachment,
  approveRequisition,
  createRequisition,
  markRequisitionPaid,
  returnRequisition,
  saveRequisition,
  submitRequisition,
} from "../finance/requisitions.ts";
import { recordReturnedFunds } from "../finance/returned-funds.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Mailer } from "../mail/send-mail.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Tx } from "../platform/database/connect.ts";
import { formatMoney } from "../platform/i18n/format.ts";
import { allocateKronor, sumKronor } from "../platform/money.ts";
import type { ReportingPeriod } from "../reports/calendar.ts";
import type { PeriodicReportContent } from "../reports/periodic-report-content.ts";
import { periodicReports } from "../reports/schema.ts";
import type { DemoApplicationContext } from "./demo-applications.ts";
import { simplePdf } from "./demo-pdf.ts";
import { addDays, hashOf, Timeline, workdayFrom } from "./demo-time.ts";

type Org = keyof DemoApplicationContext["orgs"];
type Amounts = Partial<Record<BudgetCategory, number>>;

export interface DemoMoneyContext {
  associationId: string;
  orgs: Record<Org, string>;
  /** The office (the association admin), who decides budgets and handles requisitions. */
  office: AuditActor;
  mailer: Mailer;
  baseUrl: string;
  /** The demo's today, "2026-11-23": the quarters ended by then are claimed. */
  today: string;
}

/** The members' funds of each year; 2026's opening equity is computed from 2025. */
const FUNDING = {
  2025: {
    totalAllocation: 15_600_000,
    equityOpening: 1_900_000,
    adminBudget: 2_300_000,
    adminOutcome: 2_236_418,
    note: "Utfallet för administrationen enligt årsredovisningen 2025, fastställd av styrelsen 2026-03-18.",
  },
  2026: {
    totalAllocation: 16_400_000,
    adminBudget: 2_400_000,
    note: "Insatsernas budget för 2026 är större än de tilldelade medlen. Mellanskillnaden tas från det egna kapitalet enligt styrelsens beslut om verksamhetsplan och budget 2026, i linje med den nationella vägledningen om ett lågt eget kapital.",
  },
} as const;

/** The municipalities' key: their population. The region is one, so it needs none. */
const POPULATION: Partial<Record<Org, number>> = {
  uppsala: 242_140,
  enkoping: 47_000,
  tierp: 21_000,
  osthammar: 22_000,
  knivsta: 20_000,
  heby: 14_000,
};

interface DemoBudget {
  /** Association funds of each year by category, for the year's months within the initiative. */
  funds: Record<number, Amounts>;
  /** Co-financing per party and kind: the amount of each year. */
  coFinancing: Array<{ org: Org; kind: CoFinancingKind; byYear: Record<number, number> }>;
  /** The weight of the quarters K1–K4 per month inside the initiative; equal by default. */
  seasons?: readonly [number, number, number, number];
  reason: string;
}

/** Kept in Samspår from 2025, when the association began following its money here. */
const FROM_2025 =
  "Budgeten i Samspår gäller från 2025, då förbundet började följa upp ekonomin här; tidigare år finns i förbundets ekonomisystem.";

/**
 * The decided budgets of the initiatives that began before Samspår, or without an application in
 * it (the granted application's initiative takes its budget from the application).
 */
const DEMO_BUDGETS: Record<string, DemoBudget> = {
  "Tierp, Växtverket": {
    funds: {
      2025: {
        personal: 1_450_000,
        lokaler: 180_000,
        resor: 40_000,
        material: 120_000,
        ovrigt: 30_000,
      },
      2026: {
        personal: 1_500_000,
        lokaler: 185_000,
        resor: 40_000,
        material: 110_000,
        utvardering: 60_000,
        ovrigt: 30_000,
      },
      2027: {
        personal: 1_540_000,
        lokaler: 190_000,
        resor: 40_000,
        material: 100_000,
        utvardering: 80_000,
        ovrigt: 30_000,
      },
    },
    coFinancing: [
      {
        org: "tierp",
        kind: "personaltid",
        byYear: { 2025: 300_000, 2026: 300_000, 2027: 300_000 },
      },
      { org: "region", kind: "personaltid", byYear: { 2025: 60_000, 2026: 60_000, 2027: 60_000 } },
    ],
    reason:
      "Styrelsens beslut 2024-10-16 § 9 om insatsen 2025–2027: förbundsmedel per år, Tierps kommuns arbetsledning och vårdcentralens fysioterapeut som medfinansiering i personaltid.",
  },
  "Uppsala, Lärcentrum digitalt": {
    funds: {
      2026: {
        personal: 1_980_000,
        lokaler: 220_000,
        resor: 20_000,
        material: 160_000,
        ovrigt: 40_000,
      },
      2027: {
        personal: 2_200_000,
        lokaler: 240_000,
        resor: 25_000,
        material: 90_000,
        utvardering: 100_000,
        ovrigt: 45_000,
      },
      2028: { personal: 185_000, lokaler: 20_000, utvardering: 40_000 },
    },
    coFinancing: [
      {
        org: "uppsala",
        kind: "personaltid",
        byYear: { 2026: 370_000, 2027: 400_000, 2028: 35_000 },
      },
      { org: "af", kind: "personaltid", byYear: { 2026: 55_000, 2027: 60_000 } },
    ],
    reason:
      "Styrelsens beslut 2025-11-12 § 14 om insatsen 2026-02-01 – 2028-01-31. Uppsala kommuns studiehandledare och Arbetsförmedlingens drop-in är medfinansiering i personaltid.",
  },
  "Enköping, Steget vidare": {
    funds: {
      2025: {
        personal: 1_320_000,
        lokaler: 140_000,
        resor: 40_000,
        material: 60_000,
        ovrigt: 40_000,
      },
      2026: {
        personal: 1_340_000,
        lokaler: 145_000,
        resor: 40_000,
        material: 50_000,
        utvardering: 60_000,
        ovrigt: 25_000,
      },
    },
    coFinancing: [
      { org: "enkoping", kind: "personaltid", byYear: { 2025: 240_000, 2026: 240_000 } },
      { org: "fk", kind: "personaltid", byYear: { 2025: 80_000, 2026: 80_000 } },
    ],
    reason: `Styrelsens beslut 2024-11-20 § 12 om insatsens medel för 2025 och 2026. ${FROM_2025}`,
  },
  "Östhammar, Arbetsbryggan": {
    funds: {
      2025: {
        personal: 1_050_000,
        lokaler: 60_000,
        resor: 70_000,
        material: 30_000,
        ovrigt: 20_000,
      },
      2026: {
        personal: 1_280_000,
        lokaler: 72_000,
        resor: 85_000,
        material: 30_000,
        utvardering: 40_000,
        ovrigt: 20_000,
      },
      2027: { personal: 215_000, lokaler: 12_000, resor: 14_000, utvardering: 40_000 },
    },
    coFinancing: [
      {
        org: "osthammar",
        kind: "personaltid",
        byYear: { 2025: 170_000, 2026: 200_000, 2027: 34_000 },
      },
      { org: "af", kind: "personaltid", byYear: { 2025: 85_000, 2026: 100_000, 2027: 17_000 } },
    ],
    reason:
      "Styrelsens beslut 2025-01-22 § 6 om insatsen 2025-03-01 – 2027-02-28, med Östhammars kommuns och Arbetsförmedlingens personaltid som medfinansiering.",
  },
  "Knivsta, Unga i fokus": {
    funds: {
      2025: { personal: 380_000, lokaler: 25_000, resor: 10_000, material: 20_000, ovrigt: 10_000 },
      2026: { personal: 920_000, lokaler: 60_000, resor: 25_000, material: 40_000, ovrigt: 25_000 },
      2027: {
        personal: 470_000,
        lokaler: 30_000,
        resor: 12_000,
        material: 15_000,
        utvardering: 50_000,
        ovrigt: 10_000,
      },
    },
    coFinancing: [
      {
        org: "knivsta",
        kind: "personaltid",
        byYear: { 2025: 60_000, 2026: 150_000, 2027: 75_000 },
      },
      { org: "region", kind: "personaltid", byYear: { 2026: 40_000, 2027: 20_000 } },
    ],
    reason:
      "Styrelsens beslut 2025-06-11 § 10 om insatsen 2025-08-15 – 2027-06-30. Knivsta kommuns fritidsgård och ungdomsmottagningen är medfinansiering i personaltid.",
  },
  "Heby, IPS – individanpassat stöd till arbete": {
    funds: {
      2025: {
        personal: 980_000,
        lokaler: 40_000,
        resor: 45_000,
        material: 15_000,
        utvardering: 30_000,
        ovrigt: 10_000,
      },
      2026: {
        personal: 1_000_000,
        lokaler: 42_000,
        resor: 45_000,
        material: 15_000,
        ovrigt: 10_000,
      },
    },
    coFinancing: [
      { org: "heby", kind: "personaltid", byYear: { 2025: 120_000, 2026: 120_000 } },
      { org: "region", kind: "personaltid", byYear: { 2025: 180_000, 2026: 180_000 } },
    ],
    reason: `Styrelsens beslut 2024-11-20 § 13 om insatsens medel för 2025 och 2026. ${FROM_2025}`,
  },
  "Region, Samverkansteam psykiatri": {
    funds: {
      2025: { personal: 620_000, lokaler: 20_000, resor: 15_000, material: 10_000, ovrigt: 80_000 },
      2026: {
        personal: 640_000,
        lokaler: 40_000,
        resor: 15_000,
        material: 15_000,
        utvardering: 60_000,
        ovrigt: 190_000,
      },
    },
    coFinancing: [
      { org: "region", kind: "personaltid", byYear: { 2025: 300_000, 2026: 300_000 } },
      { org: "uppsala", kind: "personaltid", byYear: { 2025: 100_000, 2026: 100_000 } },
      { org: "fk", kind: "personaltid", byYear: { 2025: 60_000, 2026: 60_000 } },
    ],
    reason:
      "Styrelsens beslut 2024-11-20 § 14 om insatsen 2025–2026. Kostnaderna för utbildningsdagarna ligger under övrigt och lokaler.",
  },
  "Uppsala, Kompetenslyft samverkan": {
    funds: {
      2026: {
        personal: 380_000,
        lokaler: 60_000,
        material: 40_000,
        utvardering: 50_000,
        ovrigt: 120_000,
      },
    },
    coFinancing: [
      { org: "uppsala", kind: "personaltid", byYear: { 2026: 90_000 } },
      { org: "region", kind: "personaltid", byYear: { 2026: 40_000 } },
      { org: "fk", kind: "personaltid", byYear: { 2026: 30_000 } },
      { org: "af", kind: "personaltid", byYear: { 2026: 30_000 } },
    ],
    // no training days in July and the first half of August
    seasons: [3, 3, 2, 3],
    reason:
      "Styrelsens beslut 2025-12-10 § 8 om insatsen 2026. Utbildningsomgångarna ligger på vår och höst, så det tredje kvartalet har en mindre del av budgeten.",
  },
  "Uppsala, Jobbspår": {
    funds: {
      2025: {
        personal: 2_650_000,
        lokaler: 240_000,
        resor: 60_000,
        material: 90_000,
        utvardering: 80_000,
        ovrigt: 60_000,
      },
    },
    coFinancing: [
      { org: "uppsala", kind: "personaltid", byYear: { 2025: 600_000 } },
      { org: "af", kind: "personaltid", byYear: { 2025: 200_000 } },
    ],
    reason: `Styrelsens beslut 2024-11-20 § 11 om insatsens sista år, 2025. ${FROM_2025}`,
  },
  "Heby, Vägen ut": {
    funds: {
      2025: { personal: 360_000, lokaler: 30_000, resor: 10_000, material: 15_000, ovrigt: 10_000 },
    },
    coFinancing: [{ org: "heby", kind: "personaltid", byYear: { 2025: 60_000 } }],
    reason: `Styrelsens beslut 2024-11-20 § 15 om medel för 2025, till insatsens avslut i förtid 2025-06-30. ${FROM_2025}`,
  },
  "Knivsta, Föreningsbron": {
    funds: { 2025: { personal: 210_000, resor: 12_000, material: 8_000, ovrigt: 30_000 } },
    coFinancing: [{ org: "knivsta", kind: "personaltid", byYear: { 2025: 40_000 } }],
    reason: `Styrelsens beslut 2024-11-20 § 16 om insatsens sista halvår, januari–juni 2025. ${FROM_2025}`,
  },
  "Region, Länsgemensam ESF-insats Vidare": {
    funds: {
      2025: {
        personal: 1_300_000,
        lokaler: 90_000,
        resor: 50_000,
        material: 60_000,
        ovrigt: 40_000,
      },
      2026: {
        personal: 4_100_000,
        lokaler: 280_000,
        resor: 150_000,
        material: 120_000,
        utvardering: 150_000,
        ovrigt: 100_000,
      },
      2027: {
        personal: 4_200_000,
        lokaler: 290_000,
        resor: 150_000,
        material: 100_000,
        utvardering: 150_000,
        ovrigt: 110_000,
      },
      2028: {
        personal: 2_700_000,
        lokaler: 190_000,
        resor: 90_000,
        material: 40_000,
        utvardering: 250_000,
        ovrigt: 80_000,
      },
    },
    coFinancing: [
      {
        org: "region",
        kind: "personaltid",
        byYear: { 2025: 130_000, 2026: 400_000, 2027: 400_000, 2028: 270_000 },
      },
      {
        org: "fk",
        kind: "deltagarersattning",
        byYear: { 2025: 450_000, 2026: 1_800_000, 2027: 1_900_000, 2028: 1_200_000 },
      },
    ],
    reason:
      "Styrelsens beslut 2025-04-09 § 7 om förbundets del av ESF-projektet 2025-09-01 – 2028-08-31. Deltagarnas aktivitetsstöd från Försäkringskassan räknas som medfinansiering enligt projektets beslut från ESF-rådet.",
  },
};

/** A re-phasing after the approved deviation report that asked to move funds. */
const REPHASINGS: Record<
  string,
  {
    moves: Array<{ from: string; to: string; category: BudgetCategory; amount: number }>;
    reason: string;
  }
> = {
  "Enköping, Steget vidare": {
    moves: [
      { from: "2025-K3", to: "2026-K1", category: "personal", amount: 45_000 },
      { from: "2025-K3", to: "2026-K2", category: "personal", amount: 45_000 },
    ],
    reason:
      "Omfördelning enligt styrelsens beslut 2025-11-12 § 11: 90 000 kr av personalbudgeten för kvartal 3 2025, då en coachtjänst var vakant, flyttas till första halvåret 2026 för en extra coach på 50 procent.",
  },
};

/**
 * Per mille of the staff budget used in a quarter whose report says a funded post was vacant:
 * Växtverket's supervisor was replaced by the hour, Steget vidare lacked one of two coaches for
 * seven weeks, Arbete först never filled its second post.
 */
const VACANCY_SPENDING: Record<string, number> = {
  "Tierp, Växtverket": 880,
  "Enköping, Steget vidare": 720,
  "Heby, Arbete först": 500,
};
const VACANCY_DEFAULT = 750;

/** Per mille of the budget used where it differs from the usual 93–103 %, by quarter and category. */
const SPENDING: Record<string, Record<string, Amounts>> = {
  // the steering group: the greenhouse's rent is lower than calculated
  "Tierp, Växtverket": { "2025-K1": { lokaler: 820 } },
  // the partners lent their rooms and lecturers (the deviation report of May 2026)
  "Region, Samverkansteam psykiatri": {
    "2026-K1": { lokaler: 100, ovrigt: 450 },
    "2026-K2": { lokaler: 100, ovrigt: 400 },
    "2026-K3": { lokaler: 150, ovrigt: 550 },
  },
  // fewer staff than planned took the course (the draft deviation report)
  "Uppsala, Kompetenslyft samverkan": {
    "2026-K1": { lokaler: 800, ovrigt: 750 },
    "2026-K2": { lokaler: 750, ovrigt: 700 },
  },
  // wound down before the early end
  "Heby, Vägen ut": { "2025-K2": { personal: 780, material: 400, ovrigt: 500 } },
  // the slow intake with one consultant
  "Heby, Arbete först": { "2026-K3": { resor: 600, material: 450 } },
};

/** Notes to the office on requisitions that claim less than the budget for a known reason. */
const NOTES: Record<string, Record<string, string>> = {
  "Tierp, Växtverket": { "2025-K1": "Hyran för växthuset blev lägre än beräknat." },
  "Region, Samverkansteam psykiatri": {
    "2026-K1":
      "Regionen och Uppsala kommun har upplåtit lokaler utan kostnad, och föreläsarna kom från parternas egna verksamheter.",
    "2026-K2": "Utbildningsdagarna har även detta kvartal hållits i parternas lokaler.",
  },
  "Heby, Vägen ut": {
    "2025-K2": "Insatsen avslutades i förtid 30 juni; deltagarna har slussats vidare under juni.",
  },
};

type Fate = "paid" | "approved" | "submitted" | "returned" | "draft" | "missing";

/**
 * Requisitions still being handled on the demo's today (third quarter of 2026): the day the
 * owner's requisition was entered and the day the office acted. The rest are approved and paid.
 */
const HANDLING: Record<
  string,
  Record<string, { fate: Fate; entered?: string; handled?: string }>
> = {
  "Tierp, Växtverket": { "2026-K3": { fate: "draft", entered: "2026-11-16" } },
  "Region, Länsgemensam ESF-insats Vidare": {
    "2026-K3": { fate: "submitted", entered: "2026-11-20" },
  },
  "Uppsala, Kompetenslyft samverkan": {
    "2026-K3": { fate: "returned", entered: "2026-11-02", handled: "2026-11-05" },
  },
  "Enköping, Steget vidare": { "2026-K3": { fate: "missing" } },
  "Heby, IPS – individanpassat stöd till arbete": {
    "2026-K3": { fate: "approved", entered: "2026-11-09", handled: "2026-11-17" },
  },
  "Heby, Arbete först": {
    "2026-K3": { fate: "approved", entered: "2026-11-10", handled: "2026-11-18" },
  },
};

const RETURN_REASON =
  "Underlaget saknas. Ladda upp ett utdrag ur huvudboken för perioden som visar kostnaderna per konto, så godkänner kansliet rekvisitionen.";

/** What Jobbspår's final report says it returned (demo-final-report.ts), recorded by the office. */
const RETURNED_FUNDS = {
  initiative: "Uppsala, Jobbspår",
  amount: 85_000,
  returnedOn: "2026-03-20",
  reason:
    "Lokalkostnaderna 2025 blev lägre än budgeterat: vid slutavräkningen krediterade hyresvärden 85 000 kr av årets hyra, efter att rekvisitionerna hade godkänts. Uppsala kommun har betalat tillbaka beloppet enligt slutrapporten.",
};

const OVERRIDE = {
  initiative: "Tierp, Växtverket",
  periodKey: "2026-K3",
  prognosis: "ok",
  comment:
    "Rekvisitionen för kvartal 3 är inte inskickad än, så kvoten hittills i år ser låg ut. Kvartal 1 och 2 följer budgeten och lägesrapporterna visar att insatsen går enligt plan.",
};

/** The owner's ledger accounts (BAS) for the cost categories, for the ledger extract. */
const ACCOUNTS: Record<BudgetCategory, string> = {
  personal: "7010 Löner och sociala avgifter",
  lokaler: "5010 Lokalhyra",
  resor: "5800 Resekostnader",
  material: "5460 Förbrukningsmaterial",
  utvardering: "6550 Konsultarvoden, utvärdering",
  ovrigt: "6990 Övriga externa kostnader",
};

/** A share of an amount in whole kronor: the demo's spending of a budget line, per mille. */
const perMilleOf = (amount: number, perMille: number) => Math.round((amount * perMille) / 1000);

interface Initiative {
  id: string;
  associationId: string;
  name: string;
  status: string;
  startDate: string;
  endDate: string;
  ownerName: string;
  periods: ReportingPeriod[];
}

/** The decided budget's lines: each year's amounts over its quarters, weighted by months. */
function budgetLines(spec: DemoBudget, i: Initiative, orgs: Record<Org, string>) {
  const lines: BudgetLineInput[] = [];
  const spread = (year: number, amount: number, line: Omit<MoneyLineInput, "amount">) => {
    const own = i.periods.filter((p) => yearOfPeriod(p.key) === year);
    if (!own.length) throw new Error(`${i.name} has no periods in ${year}`);
    const weights = own.map(
      (p) =>
        monthsInside(p, i.startDate, i.endDate) *
        (spec.seasons?.[Number(p.key.slice(-1)) - 1] ?? 1),
    );
    allocateKronor(amount, weights).forEach((part, n) => {
      const period = own[n];
      if (period && part > 0) lines.push({ ...line, periodKey: period.key, amount: part });
    });
  };
  for (const [year, amounts] of Object.entries(spec.funds))
    for (const category of BUDGET_CATEGORIES) {
      const amount = amounts[category];
      if (amount)
        spread(Number(year), amount, {
          category,
          source: "forbund",
          organisationId: null,
          coKind: null,
        });
    }
  for (const co of spec.coFinancing)
    for (const [year, amount] of Object.entries(co.byYear))
      spread(Number(year), amount, {
        category: coFinancingCategory(co.kind),
        source: "medfinansiering",
        organisationId: orgs[co.org],
        coKind: co.kind,
      });
  return lines;
}

/** The re-phased lines: the moves applied to the current ones, every source's total kept. */
function rephased(lines: readonly BudgetLine[], moves: (typeof REPHASINGS)[string]["moves"]) {
  const out = new Map(lines.map((l) => [budgetLineKey(l), { ...l }]));
  for (const move of moves) {
    const key = (periodKey: string) =>
      `${periodKey}|${lineKey({ category: move.category, source: "forbund", organisationId: null, coKind: null })}`;
    const from = out.get(key(move.from));
    const to = out.get(key(move.to));
    if (!from || !to || from.amount < move.amount)
      throw new Error(`cannot move ${move.amount} from ${move.from} to ${move.to}`);
    from.amount = sumKronor([from.amount, -move.amount]);
    to.amount = sumKronor([to.amount, move.amount]);
  }
  return [...out.values()];
}

/** What the owner claims for a quarter: its budget lines as spent, per the reports. */
function claimed(
  name: string,
  periodKey: string,
  budget: readonly BudgetLine[],
  vacancy: boolean,
): MoneyLineInput[] {
  return budget
    .filter((l) => l.periodKey === periodKey && l.amount > 0)
    .map((l) => {
      const h = hashOf(`${name} ${periodKey} ${lineKey(l)}`);
      const perMille =
        l.source === "medfinansiering"
          ? 900 + (h % 16) * 10
          : (SPENDING[name]?.[periodKey]?.[l.category] ??
            (vacancy && l.category === "personal"
              ? (VACANCY_SPENDING[name] ?? VACANCY_DEFAULT)
              : 930 + (h % 11) * 10));
      return {
        category: l.category,
        source: l.source,
        organisationId: l.organisationId,
        coKind: l.coKind,
        amount: perMilleOf(l.amount, perMille),
      };
    });
}

/** The owner's ledger extract for the quarter, as the attachment of the requisition. */
function ledgerExtract(
  i: Initiative,
  period: ReportingPeriod,
  lines: readonly MoneyLineInput[],
  partyName: (id: string | null | undefined) => string,
): Buffer {
  const own = lines.filter((l) => l.source === "forbund");
  const co = lines.filter((l) => l.source === "medfinansiering");
  const amount = (l: MoneyLineInput) => Number(l.amount);
  return simplePdf(`Utdrag ur huvudboken, ${i.name}, ${period.key}`, [
    { text: i.ownerName, size: 9 },
    { text: "Utdrag ur huvudboken", bold: true, size: 16, space: 12 },
    {
      text: `${i.name}, ${period.label.toLowerCase()} (${period.start} – ${period.end})`,
      size: 12,
    },
    { text: "Kostnader som rekvireras ur förbundsmedel", bold: true, size: 12, space: 10 },
    ...own.map((l) => ({
      text: `${ACCOUNTS[l.category as BudgetCategory]}: ${formatMoney(amount(l))}`,
    })),
    { text: `Summa: ${formatMoney(sumKronor(own.map(amount)))}`, bold: true, space: 4 },
    ...(co.length
      ? [
          { text: "Medfinansiering enligt tidredovisning", bold: true, size: 12, space: 10 },
          ...co.map((l) => ({
            text: `${partyName(l.organisationId)}, ${CO_FINANCING_KIND_LABELS[l.coKind as CoFinancingKind].toLowerCase()}: ${formatMoney(amount(l))}`,
          })),
        ]
      : []),
    {
      text: "Utdraget är attesterat av insatsens ekonomiansvarige.",
      size: 9,
      space: 16,
    },
  ]);
}

/** Seeds the demo's money; call it once the initiatives, applications and reports are in. */
export async function seedDemoMoney(tx: Tx, c: DemoMoneyContext): Promise<void> {
  const { associationId, office, today } = c;
  const deps = { mailer: c.mailer, baseUrl: c.baseUrl };
  const keys = Object.fromEntries(
    Object.entries(POPULATION).map(([org, value]) => [c.orgs[org as Org], value]),
  );
  await saveFundingYear(tx, office, associationId, 2025, 0, { ...FUNDING[2025], keys });

  const orgNames = new Map(
    (
      await tx
        .select({ id: memberOrganisations.id, name: memberOrganisations.name })
        .from(memberOrganisations)
        .where(eq(memberOrganisations.associationId, associationId))
    ).map((o) => [o.id, o.name]),
  );
  const partyName = (id: string | null | undefined) => orgNames.get(id ?? "") ?? "";
  const rows = await tx
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, associationId),
        inArray(initiatives.status, ["pagaende", "avslutad", "avslutad_i_fortid"]),
        isNotNull(initiatives.startDate),
        isNotNull(initiatives.endDate),
      ),
    )
    .orderBy(initiatives.name);
  // the initiatives' own leads write their requisitions; the office enters the others'
  const leads = new Map(
    (
      await tx
        .select({
          initiativeId: roleAssignments.initiativeId,
          userId: users.id,
          email: users.email,
        })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(
          and(
            eq(roleAssignments.associationId, associationId),
            eq(roleAssignments.role, "initiative_lead"),
          ),
        )
    ).map((r) => [r.initiativeId, { userId: r.userId, label: r.email } as AuditActor]),
  );
  // the quarters whose report says a post funded by the association was vacant, and how
  const vacancies = new Map<string, string>();
  for (const r of await tx
    .select({
      initiativeId: periodicReports.initiativeId,
      periodKey: periodicReports.periodKey,
      content: periodicReports.content,
    })
    .from(periodicReports)
    .where(eq(periodicReports.associationId, associationId))) {
    const answer = (r.content as unknown as Partial<PeriodicReportContent>).answers
      ?.vacanciesFunded;
    if (answer?.answer === "ja") vacancies.set(`${r.initiativeId} ${r.periodKey}`, answer.comment);
  }

  const timeline = new Timeline();
  const byName = new Map<string, Initiative>();
  for (const row of rows) {
    const i: Initiative = {
      id: row.id,
      associationId,
      name: row.name,
      status: row.status,
      startDate: row.startDate ?? "",
      endDate: row.endDate ?? "",
      ownerName: partyName(row.ownerOrganisationId),
      periods: [],
    };
    i.periods = await initiativePeriods(tx, i);
    byName.set(i.name, i);

    // the decided budget: the granted application's, or the board's yearly amounts
    const proposal = await budgetFromApplication(tx, associationId, i.id);
    const spec = DEMO_BUDGETS[i.name];
    if (!proposal && !spec) throw new Error(`no demo budget for ${i.name}`);
    const decided = await saveBudget(tx, office, associationId, i.id, null, {
      kind: "beslut",
      lines: proposal ? proposal.lines : budgetLines(spec as DemoBudget, i, c.orgs),
      reason: proposal ? proposal.reason : (spec as DemoBudget).reason,
    });
    let current = decided;
    const rephasing = REPHASINGS[i.name];
    let rephasedOn: string | null = null;
    if (rephasing) {
      const [report] = await rephasingReports(tx, associationId, i.id);
      if (!report) throw new Error(`no approved deviation report to re-phase ${i.name}`);
      current = await rephaseBudget(
        tx,
        office,
        associationId,
        i.id,
        decided.version,
        report.id,
        rephased(decided.lines, rephasing.moves),
        rephasing.reason,
      );
      rephasedOn = report.decisionDate;
    }

    // a requisition for every quarter from 2025 that has ended by the demo's today
    const writer = leads.get(i.id) ?? office;
    // the lead in the afternoon, the office first thing in the morning
    const clock = leads.has(i.id)
      ? { create: "15:10", save: "15:30", attach: "15:35", submit: "15:40" }
      : { create: "09:20", save: "09:40", attach: "09:45", submit: "09:50" };
    for (const period of i.periods) {
      if (period.start < "2025-01-01" || period.end >= today) continue;
      const handling = HANDLING[i.name]?.[period.key];
      const fate = handling?.fate ?? "paid";
      if (fate === "missing") continue;
      const h = hashOf(`${i.name} ${period.key} rekvisition`);
      // the costs follow the budget that applied while they were incurred
      const basis = rephasedOn && period.start > rephasedOn ? current.lines : decided.lines;
      const vacancy = vacancies.get(`${i.id} ${period.key}`);
      const lines = claimed(i.name, period.key, basis, vacancy !== undefined);
      const note =
        NOTES[i.name]?.[period.key] ??
        (vacancy === undefined ? "" : `Lägre personalkostnader än budgeterat. ${vacancy}`.trim());
      const entered = handling?.entered ?? workdayFrom(addDays(period.end, 10 + (h % 12)));
      const decidedOn = handling?.handled ?? workdayFrom(addDays(entered, 4 + ((h >>> 4) % 6)));
      const paidOn = workdayFrom(addDays(decidedOn, 3 + ((h >>> 8) % 5)));
      let id = "";
      let version = 1;
      timeline.add(entered, clock.create, async (at) => {
        id = await createRequisition(tx, writer, associationId, i.id, period.key, at);
      });
      timeline.add(entered, clock.save, async (at) => {
        version = await saveRequisition(
          tx,
          writer,
          associationId,
          id,
          version,
          { lines, note },
          { now: at },
        );
      });
      if (fate === "draft") continue;
      if (fate !== "returned")
        timeline.add(entered, clock.attach, async (at) => {
          await addRequisitionAttachment(
            tx,
            writer,
            associationId,
            id,
            {
              fileName: `Huvudboksutdrag ${period.key}.pdf`,
              data: ledgerExtract(i, period, lines, partyName),
            },
            at,
          );
          version++;
        });
      timeline.add(entered, clock.submit, async (at) => {
        await submitRequisition(tx, deps, writer, associationId, id, version, at);
        version++;
      });
      if (fate === "submitted") continue;
      if (fate === "returned") {
        timeline.add(decidedOn, "11:00", async (at) => {
          await returnRequisition(tx, deps, office, associationId, id, version, RETURN_REASON, at);
        });
        continue;
      }
      timeline.add(decidedOn, "14:00", async (at) => {
        await approveRequisition(tx, deps, office, associationId, id, version, at);
        version++;
      });
      if (fate === "paid" && paidOn <= today)
        timeline.add(paidOn, "10:30", async (at) => {
          await markRequisitionPaid(tx, office, associationId, id, version, paidOn, at);
        });
    }
  }
  await timeline.run();

  const returning = byName.get(RETURNED_FUNDS.initiative);
  if (!returning) throw new Error(`no demo initiative ${RETURNED_FUNDS.initiative}`);
  await recordReturnedFunds(
    tx,
    office,
    associationId,
    returning.id,
    {
      amount: RETURNED_FUNDS.amount,
      reason: RETURNED_FUNDS.reason,
      returnedOn: RETURNED_FUNDS.returnedOn,
    },
    { today },
  );
  const judged = byName.get(OVERRIDE.initiative);
  if (!judged) throw new Error(`no demo initiative ${OVERRIDE.initiative}`);
  await setPrognosisOverride(
    tx,
    office,
    associationId,
    judged.id,
    OVERRIDE.periodKey,
    OVERRIDE.prognosis,
    OVERRIDE.comment,
    { today },
  );

  // 2026 opens with the equity 2025 closed with
  const closed = await yearOverview(tx, associationId, 2025, today);
  await saveFundingYear(tx, office, associationId, 2026, 0, {
    ...FUNDING[2026],
    equityOpening: closed.equity.closing,
    adminOutcome: null,
    keys,
  });
}
