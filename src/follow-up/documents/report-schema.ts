// The follow-up report's JSON format (model.ts) as a schema: docs/formats/follow-up-report.schema.json
// (JSON Schema draft 2020-12) is generated from it (`node src/follow-up/documents/write-schema.ts`),
// and a test fails while the committed copy is stale. The schema and the model type are checked
// against each other when the code is type-checked: a field added to one must be added to the
// other.
import * as z from "zod";
import { FOLLOW_UP_FORMAT, FOLLOW_UP_FORMAT_VERSION, type FollowUpReport } from "../model.ts";

const date = z.iso.date().meta({ description: "Ett datum, ÅÅÅÅ-MM-DD." });
const timestamp = z.iso.datetime({ offset: true }).meta({ description: "En tidpunkt, ISO 8601." });
const kronor = z.number().int().meta({ description: "Hela kronor." });
const count = z.number().int().min(0);
const id = z.string().min(1);

const threshold = z.number().int().min(0).meta({ description: "Röjandekontrollens tröskel." });
const personCount = z
  .union([
    z.strictObject({ value: count }),
    z.strictObject({
      suppressed: z.enum(["primary", "secondary", "left_out"]),
      threshold,
    }),
  ])
  .meta({
    id: "PersonCount",
    description:
      "Ett antal personer efter röjandekontroll: value, eller varför det inte visas — primary: under tröskeln (”< 5”), secondary: dolt så att ett annat dolt antal inte kan räknas fram (”..”), left_out: en summa som inte visas av samma skäl.",
  });
const personShare = z
  .union([
    z.strictObject({ ratio: z.number().min(0).max(1) }),
    z.strictObject({
      suppressed: z.enum(["denominator", "numerator", "complement", "left_out"]),
      threshold,
    }),
  ])
  .meta({
    id: "PersonShare",
    description:
      "En andel personer (0–1) efter röjandekontroll, eller varför den inte visas: denominator: för få i nämnaren; numerator, complement: den skulle avslöja ett litet antal; left_out: en andel över flera grupper där en del inte visas.",
  });

const progressionMean = z
  .union([
    z.strictObject({ value: z.number() }),
    z.strictObject({ suppressed: z.enum(["n_hidden", "none"]), threshold }),
  ])
  .meta({
    id: "FollowUpProgressionMean",
    description:
      "Ett medelvärde (två decimaler) efter röjandekontroll, eller varför det inte visas — n_hidden: antalet personer bakom det visas inte (”..”); none: ingen att räkna (”–”).",
  });
const progressionSection = z
  .strictObject({
    rows: z.array(
      z.strictObject({
        id,
        name: z.string(),
        instrument: z.strictObject({
          key: z.string(),
          name: z.string(),
          version: z.number().int().min(1),
        }),
        measuredShare: personShare,
        targetPercent: z.number().int().min(0).max(100),
        target: z.enum(["uppnatt", "inte_uppnatt", "kan_inte_bedomas"]),
        targetText: z.string(),
        change: z.strictObject({
          women: progressionMean,
          men: progressionMean,
          total: progressionMean,
        }),
        improvedShare: personShare,
        pairs: personCount,
      }),
    ),
    noPlanText: z.string().nullable(),
  })
  .meta({
    id: "FollowUpProgressionSection",
    description:
      "Progression per individinriktad insats med mätplan och per instrumentversion i planen. Saknas i en version som låstes innan rapporten fick avsnittet.",
  });

const portalUsageSection = z
  .strictObject({
    rows: z.array(
      z.strictObject({
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
          .meta({ description: "Månaden, ÅÅÅÅ-MM." }),
        label: z.string(),
        women: personCount,
        men: personCount,
        total: personCount,
        new: personCount,
        returning: personCount,
        bookingsMade: personCount,
        bookingsKept: personCount,
        bookingsMissed: personCount,
        bookingsCancelled: personCount,
      }),
    ),
    bookingsTotal: z.strictObject({
      made: personCount,
      kept: personCount,
      missed: personCount,
      cancelled: personCount,
    }),
    disclosureReasons: z.array(z.string()),
    noneText: z.string().nullable(),
  })
  .meta({
    id: "FollowUpPortalUsageSection",
    description:
      "Deltagarportalens användning per kalendermånad, alla individinriktade insatser under perioden tillsammans: inloggade deltagare efter kön (varav nya och återkommande, totalt) och bokningar (antal bokningar, inte personer) gjorda, genomförda, uteblivna och avbokade, efter röjandekontroll. Saknas i en version som låstes innan rapporten fick avsnittet.",
  });

const coursesFeedbackSection = z
  .strictObject({
    courses: z.array(
      z.strictObject({
        courseId: z.string(),
        title: z.string(),
        startedWomen: personCount,
        startedMen: personCount,
        startedTotal: personCount,
        finishedWomen: personCount,
        finishedMen: personCount,
        finishedTotal: personCount,
        chaptersCompleted: personCount,
        quizFirstTry: personShare.nullable(),
      }),
    ),
    feedback: z.array(
      z.strictObject({
        initiativeId: z.string(),
        initiative: z.string(),
        context: z.enum(["kapitel", "mote", "slut"]),
        question: z.string(),
        type: z.enum(["skala", "fritext"]),
        answers: personCount,
        distribution: z.array(personCount).length(5).nullable(),
        mean: z.number().min(1).max(5).nullable(),
      }),
    ),
    disclosureReasons: z.array(z.string()),
    noneText: z.string().nullable(),
  })
  .meta({
    id: "FollowUpCoursesFeedbackSection",
    description:
      "Deltagarportalens kurser och Tyck till, alla individinriktade insatser under perioden tillsammans, hela perioden: per publicerad kurs påbörjade och avslutade deltagare efter kön, klara kapitel (antal kapitel) och andelen svar på kunskapsfrågor som var rätt första gången; per insats, sammanhang (efter kapitel, efter möten, slutenkäten) och fråga antal svar, fördelningen 1–5 och medelvärdet (skalfrågor; fritextfrågor bara antal svar), efter röjandekontroll. Saknas i en version som låstes innan rapporten fick avsnittet.",
  });

const colour = z.enum(["green", "yellow", "red", "none"]);
const yesNo = z.enum(["ja", "nej"]).nullable().meta({ description: "null: inte besvarad." });
const sourceRef = z
  .strictObject({
    kind: z.enum([
      "initiative",
      "periodic_report",
      "deviation_report",
      "final_report",
      "requisition",
    ]),
    id,
    label: z.string(),
  })
  .meta({ id: "SourceRef", description: "En post bakom en uppgift." });
const period = z
  .strictObject({ from: date, to: date, label: z.string() })
  .meta({ id: "FollowUpPeriod", description: "Uppföljningsperioden, båda dagarna inräknade." });
const editableText = z
  .strictObject({
    generated: z.array(z.string()),
    edited: z.string().nullable(),
  })
  .meta({
    id: "EditableText",
    description:
      "Text som Samspår skapat (meningar i ordning) och kansliets egen text (null: den skapade används).",
  });
const ref = { id, name: z.string() };

const individualRow = z
  .strictObject({
    initiative: z.strictObject(ref).nullable(),
    label: z.string(),
    wholeTime: personCount,
    exitedWholeTime: personCount,
    exitedInPeriod: personCount,
    womenToWorkOrStudies: personCount,
    menToWorkOrStudies: personCount,
    shareToWorkOrStudies: personShare,
    shareWithActionPlan: personShare,
    ongoing: personCount,
  })
  .meta({ id: "IndividualRow" });

export const followUpReportSchema = z
  .strictObject({
    format: z.literal(FOLLOW_UP_FORMAT),
    formatVersion: z.literal(FOLLOW_UP_FORMAT_VERSION),
    association: z.strictObject({ slug: z.string(), name: z.string() }),
    period,
    generatedAt: timestamp,
    version: z
      .strictObject({
        id,
        number: z.number().int().min(1),
        status: z.enum(["utkast", "last"]),
        lockedAt: timestamp.nullable(),
        lockedBy: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "Den sparade versionen; null: beräknad, inte sparad." }),
    previous: z
      .strictObject({ id, period, lockedAt: timestamp })
      .nullable()
      .meta({ description: "Den låsta version som tabell 8 jämför med." }),
    disclosure: z.strictObject({
      threshold,
      allowTrueZero: z.boolean(),
      suppressedCells: count,
      reasons: z.array(z.string()),
    }),
    summary: editableText,
    background: editableText,
    initiatives: z
      .array(
        z.strictObject({
          ...ref,
          owner: z.string(),
          orientation: z.enum(["individual", "structural"]),
          individualKind: z.enum(["forrehabiliterande", "mot_arbete_studier"]).nullable(),
          startDate: date.nullable(),
          endDate: date.nullable(),
          group: z.enum(["active", "ended_in_period"]),
          plannedEndDate: date.nullable(),
        }),
      )
      .meta({ description: "Tabell 1 Insatser." }),
    goalStatus: z
      .array(
        z.strictObject({
          ...ref,
          inPhase: z.enum(["ja", "ja_kommentar", "nej", "for_tidigt"]).nullable(),
          prognosis: z.enum(["ja", "nej", "ingen"]).nullable(),
          colour,
          colourText: z.string(),
          deviationReport: z.boolean(),
          comment: z.string().nullable(),
          report: sourceRef.nullable(),
        }),
      )
      .meta({ description: "Tabell 2 Nuläge mål." }),
    preconditions: z
      .array(
        z.strictObject({
          ...ref,
          startedOnTime: yesNo,
          vacanciesFunded: yesNo,
          vacanciesOwn: yesNo,
          budgetDeviationSubmitted: yesNo,
          report: sourceRef.nullable(),
        }),
      )
      .meta({ description: "Tabell 3 Förutsättningar för utfall." }),
    budget: z
      .strictObject({
        rows: z.array(
          z.strictObject({
            ...ref,
            budget: kronor,
            outcome: kronor,
            ratioPercent: z.number().int().nullable(),
            prognosis: z.enum(["OK", "Bevaka", "Åtgärd", "Avslutad"]),
            colour,
            sources: z.array(sourceRef),
          }),
        ),
        total: z.strictObject({
          budget: kronor,
          outcome: kronor,
          ratioPercent: z.number().int().nullable(),
        }),
      })
      .meta({ description: "Tabell 4 Prognos och utfall budget." }),
    quality: z
      .array(
        z.strictObject({
          ...ref,
          steeringMeetingsAsAgreed: yesNo,
          allOrdinaryAttended: yesNo,
          followUpAsAgreed: yesNo,
          methodChecked: yesNo,
          targetGroupChecked: yesNo,
          equityDiscussed: yesNo,
          genderEqualityDiscussed: yesNo,
          deviationGoalsOrTargetGroup: yesNo,
          report: sourceRef.nullable(),
        }),
      )
      .meta({ description: "Tabell 5 Kvalitetssäkring." }),
    structure: z
      .array(
        z.strictObject({
          orientation: z.enum(["structural", "individual", "total"]),
          initiatives: count,
          outcome: kronor,
        }),
      )
      .meta({ description: "Struktur och individ." }),
    individual: z
      .strictObject({
        groups: z.array(
          z.strictObject({
            kind: z.enum(["forrehabiliterande", "mot_arbete_studier"]),
            label: z.string(),
            rows: z.array(individualRow),
            total: individualRow,
          }),
        ),
        total: individualRow,
      })
      .meta({ description: "Tabell 6 Insatser med individinriktning." }),
    exitReasons: z
      .array(
        z.strictObject({
          key: z.enum([
            "arbete_ej_subventionerat",
            "subventionerat_arbete",
            "eget_foretag",
            "studier",
            "bade_arbete_och_studier",
            "arbetssokande",
            "ovriga_avslutade",
          ]),
          label: z.string(),
          partOf: z.string().nullable(),
          women: personCount,
          men: personCount,
          total: personCount,
        }),
      )
      .meta({ description: "Tabell 7 Avslutningsanledningar." }),
    participantBackground: z
      .strictObject({
        enrolledInPeriod: personCount,
        shares: z.array(z.strictObject({ key: z.string(), label: z.string(), share: personShare })),
      })
      .meta({ description: "Deltagarnas bakgrund." }),
    participants: z
      .strictObject({
        rows: z.array(
          z.strictObject({
            ...ref,
            wholeTime: personCount,
            change: personCount.nullable(),
            changeNegative: z.boolean(),
            expected: z.strictObject({ count, ongoing: z.boolean() }).nullable(),
            behindTarget: z.boolean(),
          }),
        ),
        total: z.strictObject({
          wholeTime: personCount,
          change: personCount.nullable(),
          changeNegative: z.boolean(),
        }),
        behindTargetText: z.string().nullable(),
      })
      .meta({ description: "Tabell 8 Antal deltagare." }),
    endedInitiatives: z
      .array(
        z.strictObject({
          ...ref,
          owner: z.string(),
          partners: z.array(z.string()),
          startDate: date.nullable(),
          endDate: date.nullable(),
          purpose: z.string(),
          outcomeSummary: z.string(),
          finalReport: sourceRef.nullable(),
        }),
      )
      .meta({ description: "Avslutade insatser." }),
    progression: progressionSection.optional(),
    portalUsage: portalUsageSection.optional(),
    coursesFeedback: coursesFeedbackSection.optional(),
    analysis: editableText,
    definitions: z
      .record(
        z.string(),
        z.strictObject({
          key: z.string(),
          label: z.string(),
          definition: z.string(),
          source: z.string(),
        }),
      )
      .meta({ description: "Varje uppgifts nyckel → vad som räknas och ur vilka data." }),
  })
  .meta({
    title: "Uppföljning av insatser",
    description:
      "Samordningsförbundets uppföljningsrapport för en period, som JSON: samma uppgifter som webbsidan, DOCX, PDF och XLSX. Uppgifter om deltagare har passerat röjandekontroll.",
  });

// the schema and the model describe the same object (checked by the type checker)
type SchemaReport = z.output<typeof followUpReportSchema>;
const _fromSchema: FollowUpReport = {} as SchemaReport;
const _toSchema: SchemaReport = {} as FollowUpReport;
void _fromSchema;
void _toSchema;

/** The committed JSON Schema (draft 2020-12). */
export const followUpReportJsonSchema = () =>
  z.toJSONSchema(followUpReportSchema, { target: "draft-2020-12" });
