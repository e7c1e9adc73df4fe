// A follow-up report written by hand for the documents' tests: an association's first half of
// 2026, locked as version 2, compared with the locked report of the second half of 2025. It has
// what the outputs must handle: suppressed participant cells ("< 5" and ".."), a left-out
// total, two groups in table 6, an initiative that ended early within the period, one started
// in it, a structural one, a budget of 0, every colour and prognosis, an expected number given
// as "löpande", an edited summary beside generated text, and definitions for the figures.
import fs from "node:fs";
import * as z from "zod";
import {
  FOLLOW_UP_FORMAT,
  FOLLOW_UP_FORMAT_VERSION,
  type FollowUpReport,
  type IndividualRow,
  type PersonCount,
  type PersonShare,
} from "../model.ts";
import { FOLLOW_UP_SCHEMA_FILE } from "./write-schema.ts";

/** A validator made from the committed JSON Schema file alone (no schema of ours). */
export function committedSchemaValidator() {
  const schema = JSON.parse(fs.readFileSync(FOLLOW_UP_SCHEMA_FILE, "utf8")) as Parameters<
    typeof z.fromJSONSchema
  >[0];
  return z.fromJSONSchema(schema);
}

const v = (value: number): PersonCount => ({ value });
const lt5: PersonCount = { suppressed: "primary", threshold: 5 };
const dots: PersonCount = { suppressed: "secondary", threshold: 5 };
const r = (ratio: number): PersonShare => ({ ratio });
const fewShare: PersonShare = { suppressed: "denominator", threshold: 5 };

const ids = {
  tierp: "11111111-1111-4111-8111-111111111111",
  uppsala: "22222222-2222-4222-8222-222222222222",
  heby: "33333333-3333-4333-8333-333333333333",
  enkoping: "44444444-4444-4444-8444-444444444444",
  alvkarleby: "55555555-5555-4555-8555-555555555555",
};
const names = {
  tierp: "Tierp, Växtverket",
  uppsala: "Uppsala, Steg framåt",
  heby: "Heby, Unga vuxna i arbete",
  enkoping: "Enköping, Kompetenslyft för handläggare",
  alvkarleby: "Älvkarleby, Vägen vidare",
};
const ref = (k: keyof typeof ids) => ({ id: ids[k], name: names[k] });
const report = (k: keyof typeof ids, label: string) => ({
  kind: "periodic_report" as const,
  id: `${ids[k].slice(0, -1)}a`,
  label,
});

const individual = (
  initiative: { id: string; name: string } | null,
  label: string,
  cells: Omit<IndividualRow, "initiative" | "label">,
): IndividualRow => ({ initiative, label, ...cells });

/** The hand-made report (a new object each call, so a test may change its copy). */
export function followUpFixture(): FollowUpReport {
  return {
    format: FOLLOW_UP_FORMAT,
    formatVersion: FOLLOW_UP_FORMAT_VERSION,
    association: { slug: "uppland", name: "Samordningsförbundet Uppland & Åsunda" },
    period: { from: "2026-01-01", to: "2026-06-30", label: "kvartal 1 och 2 2026" },
    generatedAt: "2026-09-14T08:12:00.000Z",
    version: {
      id: "99999999-9999-4999-8999-999999999999",
      number: 2,
      status: "last",
      lockedAt: "2026-09-14T10:30:00.000Z",
      lockedBy: "Kerstin Kansli",
    },
    previous: {
      id: "88888888-8888-4888-8888-888888888888",
      period: { from: "2025-07-01", to: "2025-12-31", label: "kvartal 3 och 4 2025" },
      lockedAt: "2026-02-20T09:00:00.000Z",
    },
    disclosure: {
      threshold: 5,
      allowTrueZero: false,
      suppressedCells: 11,
      reasons: [
        "7 antal är under tröskeln 5 och visas inte.",
        "3 antal döljs så att de andra inte kan räknas fram ur summorna.",
        "1 andel visas inte: underlaget är färre än 5 personer.",
      ],
    },
    summary: {
      generated: [
        "Under perioden var 5 insatser aktiva. 1 insats avslutades (kvartal 2) och 1 startade (kvartal 1).",
        "Av de 41 deltagare som avslutades under perioden gick 46 % till arbete och/eller studier.",
      ],
      edited:
        "Under första halvåret var fem insatser aktiva.\n\nNästan hälften av dem som avslutades gick till arbete eller studier; kvinnorna något oftare än männen.",
    },
    background: {
      generated: [
        "Rapporten bygger på deltagarregistret, insatsernas lägesrapporter, rekvisitioner och budgetar i Samspår.",
      ],
      edited: null,
    },
    initiatives: [
      {
        ...ref("tierp"),
        owner: "Tierps kommun",
        orientation: "individual",
        individualKind: "mot_arbete_studier",
        startDate: "2024-09-01",
        endDate: "2027-08-31",
        group: "active",
        plannedEndDate: null,
      },
      {
        ...ref("uppsala"),
        owner: "Uppsala kommun",
        orientation: "individual",
        individualKind: "forrehabiliterande",
        startDate: "2025-01-01",
        endDate: null,
        group: "active",
        plannedEndDate: null,
      },
      {
        ...ref("alvkarleby"),
        owner: "Älvkarleby kommun",
        orientation: "individual",
        individualKind: "mot_arbete_studier",
        startDate: "2026-03-01",
        endDate: "2027-02-28",
        group: "active",
        plannedEndDate: null,
      },
      {
        ...ref("enkoping"),
        owner: "Region Uppsala",
        orientation: "structural",
        individualKind: null,
        startDate: "2025-06-01",
        endDate: "2026-12-31",
        group: "active",
        plannedEndDate: null,
      },
      {
        ...ref("heby"),
        owner: "Heby kommun",
        orientation: "individual",
        individualKind: "forrehabiliterande",
        startDate: "2024-01-15",
        endDate: "2026-04-30",
        group: "ended_in_period",
        plannedEndDate: "2026-12-31",
      },
    ],
    goalStatus: [
      {
        ...ref("tierp"),
        inPhase: "ja",
        prognosis: "ja",
        colour: "green",
        colourText: "Grön: i fas",
        deviationReport: false,
        comment: null,
        report: report("tierp", "2026 kvartal 2"),
      },
      {
        ...ref("uppsala"),
        inPhase: "ja_kommentar",
        prognosis: "nej",
        colour: "yellow",
        colourText: "Gul (bevaka): Ja* och prognos Nej",
        deviationReport: false,
        comment: "Två handledare slutade i maj; rekrytering pågår.",
        report: report("uppsala", "2026 kvartal 2"),
      },
      {
        ...ref("alvkarleby"),
        inPhase: "for_tidigt",
        prognosis: "ingen",
        colour: "none",
        colourText: "Ingen färg: för tidigt att utläsa",
        deviationReport: false,
        comment: null,
        report: report("alvkarleby", "2026 kvartal 2"),
      },
      {
        ...ref("enkoping"),
        inPhase: "nej",
        prognosis: "nej",
        colour: "red",
        colourText: "Röd: inte i fas och avvikelserapport",
        deviationReport: true,
        comment: "Utbildningsdagarna flyttades till hösten efter avvikelserapport i april.",
        report: report("enkoping", "2026 kvartal 2"),
      },
    ],
    preconditions: [
      {
        ...ref("tierp"),
        startedOnTime: "ja",
        vacanciesFunded: "nej",
        vacanciesOwn: "nej",
        budgetDeviationSubmitted: "nej",
        report: report("tierp", "2026 kvartal 2"),
      },
      {
        ...ref("uppsala"),
        startedOnTime: "ja",
        vacanciesFunded: "ja",
        vacanciesOwn: "nej",
        budgetDeviationSubmitted: "nej",
        report: report("uppsala", "2026 kvartal 2"),
      },
      {
        ...ref("alvkarleby"),
        startedOnTime: "nej",
        vacanciesFunded: null,
        vacanciesOwn: null,
        budgetDeviationSubmitted: "nej",
        report: report("alvkarleby", "2026 kvartal 2"),
      },
      {
        ...ref("enkoping"),
        startedOnTime: null,
        vacanciesFunded: null,
        vacanciesOwn: null,
        budgetDeviationSubmitted: null,
        report: null,
      },
    ],
    budget: {
      rows: [
        {
          ...ref("tierp"),
          budget: 850_000,
          outcome: 790_500,
          ratioPercent: 93,
          prognosis: "OK",
          colour: "green",
          sources: [{ kind: "requisition", id: "r-1", label: "2026 kvartal 1" }],
        },
        {
          ...ref("uppsala"),
          budget: 600_000,
          outcome: 402_000,
          ratioPercent: 67,
          prognosis: "Bevaka",
          colour: "yellow",
          sources: [],
        },
        {
          ...ref("alvkarleby"),
          budget: 0,
          outcome: 12_000,
          ratioPercent: null,
          prognosis: "OK",
          colour: "green",
          sources: [],
        },
        {
          ...ref("enkoping"),
          budget: 300_000,
          outcome: 420_000,
          ratioPercent: 140,
          prognosis: "Åtgärd",
          colour: "red",
          sources: [],
        },
        {
          ...ref("heby"),
          budget: 200_000,
          outcome: 150_250,
          ratioPercent: 75,
          prognosis: "Avslutad",
          colour: "none",
          sources: [],
        },
      ],
      total: { budget: 1_950_000, outcome: 1_774_750, ratioPercent: 91 },
    },
    quality: [
      {
        ...ref("tierp"),
        steeringMeetingsAsAgreed: "ja",
        allOrdinaryAttended: "ja",
        followUpAsAgreed: "ja",
        methodChecked: "ja",
        targetGroupChecked: "ja",
        equityDiscussed: "ja",
        genderEqualityDiscussed: "nej",
        deviationGoalsOrTargetGroup: "nej",
        report: report("tierp", "2026 kvartal 2"),
      },
      {
        ...ref("uppsala"),
        steeringMeetingsAsAgreed: "nej",
        allOrdinaryAttended: "nej",
        followUpAsAgreed: "ja",
        methodChecked: "ja",
        targetGroupChecked: "nej",
        equityDiscussed: "nej",
        genderEqualityDiscussed: "ja",
        deviationGoalsOrTargetGroup: "nej",
        report: report("uppsala", "2026 kvartal 2"),
      },
      {
        ...ref("enkoping"),
        steeringMeetingsAsAgreed: null,
        allOrdinaryAttended: null,
        followUpAsAgreed: null,
        methodChecked: null,
        targetGroupChecked: null,
        equityDiscussed: null,
        genderEqualityDiscussed: null,
        deviationGoalsOrTargetGroup: null,
        report: null,
      },
    ],
    structure: [
      { orientation: "structural", initiatives: 1, outcome: 420_000 },
      { orientation: "individual", initiatives: 4, outcome: 1_354_750 },
      { orientation: "total", initiatives: 5, outcome: 1_774_750 },
    ],
    individual: {
      groups: [
        {
          kind: "forrehabiliterande",
          label: "Förrehabiliterande",
          rows: [
            individual(ref("uppsala"), names.uppsala, {
              wholeTime: v(64),
              exitedWholeTime: v(38),
              exitedInPeriod: v(17),
              womenToWorkOrStudies: v(5),
              menToWorkOrStudies: lt5,
              shareToWorkOrStudies: r(0.47),
              shareWithActionPlan: r(0.82),
              ongoing: v(26),
            }),
            individual(ref("heby"), names.heby, {
              wholeTime: v(31),
              exitedWholeTime: v(31),
              exitedInPeriod: v(12),
              womenToWorkOrStudies: lt5,
              menToWorkOrStudies: lt5,
              shareToWorkOrStudies: r(0.42),
              shareWithActionPlan: r(0.75),
              ongoing: { suppressed: "primary", threshold: 5 },
            }),
          ],
          total: individual(null, "Summa förrehabiliterande", {
            wholeTime: v(95),
            exitedWholeTime: v(69),
            exitedInPeriod: v(29),
            womenToWorkOrStudies: v(8),
            menToWorkOrStudies: v(5),
            shareToWorkOrStudies: r(0.45),
            shareWithActionPlan: r(0.79),
            ongoing: v(26),
          }),
        },
        {
          kind: "mot_arbete_studier",
          label: "Mot arbete/studier",
          rows: [
            individual(ref("tierp"), names.tierp, {
              wholeTime: v(118),
              exitedWholeTime: v(77),
              exitedInPeriod: v(12),
              womenToWorkOrStudies: dots,
              menToWorkOrStudies: dots,
              shareToWorkOrStudies: r(0.5),
              shareWithActionPlan: r(1),
              ongoing: v(41),
            }),
            individual(ref("alvkarleby"), names.alvkarleby, {
              wholeTime: v(9),
              exitedWholeTime: lt5,
              exitedInPeriod: lt5,
              womenToWorkOrStudies: lt5,
              menToWorkOrStudies: lt5,
              shareToWorkOrStudies: fewShare,
              shareWithActionPlan: fewShare,
              ongoing: v(9),
            }),
          ],
          total: individual(null, "Summa mot arbete/studier", {
            wholeTime: v(127),
            exitedWholeTime: v(77),
            exitedInPeriod: v(12),
            womenToWorkOrStudies: dots,
            menToWorkOrStudies: dots,
            shareToWorkOrStudies: r(0.5),
            shareWithActionPlan: r(1),
            ongoing: v(50),
          }),
        },
      ],
      total: individual(null, "Totalt", {
        wholeTime: v(222),
        exitedWholeTime: v(146),
        exitedInPeriod: v(41),
        womenToWorkOrStudies: v(11),
        menToWorkOrStudies: v(8),
        shareToWorkOrStudies: r(0.46),
        shareWithActionPlan: r(0.85),
        ongoing: { suppressed: "left_out", threshold: 5 },
      }),
    },
    exitReasons: [
      {
        key: "arbete_ej_subventionerat",
        label: "Arbete ej subventionerat",
        partOf: null,
        women: v(6),
        men: lt5,
        total: v(9),
      },
      {
        key: "subventionerat_arbete",
        label: "Subventionerat arbete",
        partOf: null,
        women: lt5,
        men: lt5,
        total: v(5),
      },
      {
        key: "eget_foretag",
        label: "Eget företag",
        partOf: null,
        women: lt5,
        men: lt5,
        total: lt5,
      },
      { key: "studier", label: "Studier", partOf: null, women: v(5), men: dots, total: v(7) },
      {
        key: "bade_arbete_och_studier",
        label: "Både arbete och studier",
        partOf: "arbete",
        women: lt5,
        men: lt5,
        total: lt5,
      },
      {
        key: "arbetssokande",
        label: "Arbetssökande",
        partOf: null,
        women: v(7),
        men: v(6),
        total: v(13),
      },
      {
        key: "ovriga_avslutade",
        label: "Övriga avslutade",
        partOf: null,
        women: dots,
        men: v(5),
        total: v(8),
      },
    ],
    participantBackground: {
      enrolledInPeriod: v(58),
      shares: [
        { key: "andel_kvinnor", label: "Andel kvinnor", share: r(0.55) },
        { key: "andel_man", label: "Andel män", share: r(0.43) },
        { key: "andel_under_30", label: "Andel under 30 år", share: r(0.38) },
        {
          key: "andel_forsorjning_over_3_ar",
          label: "Andel med offentlig försörjning mer än 3 år",
          share: r(0.29),
        },
        {
          key: "andel_kvinnor_forsorjning_over_3_ar",
          label: "– varav andel kvinnor",
          share: { suppressed: "numerator", threshold: 5 },
        },
        {
          key: "andel_forgymnasial",
          label: "Andel med förgymnasial utbildning som högsta",
          share: r(0.33),
        },
        {
          key: "andel_kvinnor_forgymnasial",
          label: "– varav andel kvinnor",
          share: r(0.47),
        },
        {
          key: "andel_eftergymnasial",
          label: "Andel med eftergymnasial utbildning",
          share: r(0.12),
        },
        {
          key: "andel_utbildning_saknas",
          label: "Andel med saknad eller okänd utbildning",
          share: { suppressed: "complement", threshold: 5 },
        },
      ],
    },
    participants: {
      rows: [
        {
          ...ref("tierp"),
          wholeTime: v(118),
          change: v(49),
          changeNegative: false,
          expected: { count: 210, ongoing: false },
          behindTarget: true,
        },
        {
          ...ref("uppsala"),
          wholeTime: v(64),
          change: v(12),
          changeNegative: false,
          expected: { count: 15, ongoing: true },
          behindTarget: false,
        },
        {
          ...ref("alvkarleby"),
          wholeTime: v(9),
          change: null,
          changeNegative: false,
          expected: { count: 40, ongoing: false },
          behindTarget: false,
        },
        {
          ...ref("heby"),
          wholeTime: v(31),
          change: lt5,
          changeNegative: false,
          expected: null,
          behindTarget: false,
        },
      ],
      total: { wholeTime: v(222), change: v(64), changeNegative: false },
      behindTargetText: "Efter sitt mål räknat över insatstiden: Tierp, Växtverket.",
    },
    endedInitiatives: [
      {
        ...ref("heby"),
        owner: "Heby kommun",
        partners: ["Försäkringskassan", "Arbetsförmedlingen", "Region Uppsala"],
        startDate: "2024-01-15",
        endDate: "2026-04-30",
        purpose:
          "Att ge unga vuxna med aktivitetsersättning stöd mot arbete genom praktik och vägledning.",
        outcomeSummary:
          "31 deltagare; 13 gick till arbete eller studier. Insatsen avslutades i förtid när kommunen tog över arbetssättet.",
        finalReport: { kind: "final_report", id: "fr-1", label: "Slutrapport Heby, Unga vuxna" },
      },
    ],
    progression: {
      rows: [
        {
          ...ref("tierp"),
          instrument: { key: "framtidstro", name: "Framtidstro", version: 2 },
          measuredShare: r(0.86),
          targetPercent: 50,
          target: "uppnatt",
          targetText: "Målet 50 % är uppnått.",
          change: { women: { value: 1.42 }, men: { value: -0.5 }, total: { value: 0.77 } },
          improvedShare: r(0.6),
          pairs: v(25),
        },
        {
          ...ref("uppsala"),
          instrument: { key: "framtidstro", name: "Framtidstro", version: 2 },
          measuredShare: { suppressed: "numerator", threshold: 5 },
          targetPercent: 80,
          target: "kan_inte_bedomas",
          targetText: "Målet 80 % kan inte bedömas: andelen mätta visas inte (röjandekontroll).",
          change: {
            women: { suppressed: "n_hidden", threshold: 5 },
            men: { suppressed: "none", threshold: 5 },
            total: { value: 0 },
          },
          improvedShare: fewShare,
          pairs: lt5,
        },
      ],
      noPlanText: null,
    },
    portalUsage: {
      rows: [
        {
          month: "2026-01",
          label: "januari 2026",
          women: v(12),
          men: v(9),
          total: v(23),
          new: v(8),
          returning: v(15),
          bookingsMade: v(30),
          bookingsKept: v(21),
          bookingsMissed: lt5,
          bookingsCancelled: v(5),
        },
        {
          month: "2026-02",
          label: "februari 2026",
          women: v(14),
          men: lt5,
          total: v(17),
          new: lt5,
          returning: { suppressed: "secondary", threshold: 5 },
          bookingsMade: v(26),
          bookingsKept: v(19),
          bookingsMissed: lt5,
          bookingsCancelled: lt5,
        },
      ],
      bookingsTotal: { made: v(56), kept: v(40), missed: v(6), cancelled: v(8) },
      disclosureReasons: [
        "4 uppgifter avser färre än 5 personer (0 inräknat) och visas som ”<\u00a05”.",
      ],
      noneText: null,
    },
    coursesFeedback: {
      courses: [
        {
          courseId: "c0000000-0000-4000-8000-000000000001",
          title: "Samhällsorientering",
          startedWomen: v(14),
          startedMen: v(11),
          startedTotal: v(26),
          finishedWomen: v(6),
          finishedMen: lt5,
          finishedTotal: { suppressed: "secondary", threshold: 5 },
          chaptersCompleted: v(88),
          quizFirstTry: { ratio: 0.72 },
        },
      ],
      feedback: [
        {
          initiativeId: "10000000-0000-4000-8000-000000000001",
          initiative: "Steget vidare",
          context: "mote",
          question: "Hur nöjd är du med mötet?",
          type: "skala",
          answers: v(31),
          distribution: [lt5, lt5, v(6), v(11), v(10)],
          mean: null,
        },
        {
          initiativeId: "10000000-0000-4000-8000-000000000001",
          initiative: "Steget vidare",
          context: "slut",
          question: "Vad var bäst?",
          type: "fritext",
          answers: v(9),
          distribution: null,
          mean: null,
        },
      ],
      disclosureReasons: [
        "Kurser: 1 uppgift avser färre än 5 personer (0 inräknat) och visas som ”<\u00a05”.",
      ],
      noneText: null,
    },
    analysis: {
      generated: [],
      edited:
        "Insatserna mot arbete och studier når sina mål.\n\nFörbrukningen i Enköping ligger över normalintervallet och följs upp med styrgruppen i september.",
    },
    definitions: {
      "tabell6.hela_insatstiden": {
        key: "tabell6.hela_insatstiden",
        label: "Deltagare hela insatstiden",
        definition:
          "Inskrivningar som startat från insatsens start till och med periodens slut; felregistreringar räknas inte.",
        source: "Deltagarregistret (inskrivningar)",
      },
      "tabell6.andel_till_arbete_studier": {
        key: "tabell6.andel_till_arbete_studier",
        label: "Andel till arbete och/eller studier",
        definition:
          "De som avslutades under perioden till arbete och/eller studier delat med alla som avslutades under perioden.",
        source: "Deltagarregistret (avslut)",
      },
      "tabell4.forbrukningskvot": {
        key: "tabell4.forbrukningskvot",
        label: "Förbrukningskvot",
        definition:
          "Godkänt utfall för periodens rekvisitioner delat med budgeten för perioden, i hela procent.",
        source: "Budgetar och rekvisitioner",
      },
    },
  };
}
