// The follow-up reports of the association bundle (version 6): each follow-up the office keeps
// for the board (a period of the association) with its versions in number order — the drafts
// with the office's own texts, and the locked ones with the complete report exactly as it was
// locked (the follow-up report's own JSON format, docs/formats/follow-up-report.schema.json),
// the normal band of the förbrukningskvot it was drawn with, and who locked it when. A
// follow-up and a version are picked out by a stable key (their id), which the locked reports
// themselves use (the version's own id, and the locked version table 8 compared with); people
// by name only.
import * as z from "zod";
import { followUpReportSchema } from "../follow-up/documents/report-schema.ts";
import { FOLLOW_UP_VERSION_STATUSES } from "../follow-up/schema.ts";
import { FOLLOW_UP_LABEL_MAX, FOLLOW_UP_TEXT_MAX } from "../follow-up/store.ts";
import { instant, lowerKey, MAX_INT, requiredDate } from "./schema-parts.ts";

const done = z
  .strictObject({
    name: z.string().meta({ description: "Namnet på den som gjorde det." }),
    at: instant,
  })
  .meta({ description: "Vem som gjorde det (bara namnet) och när." });

const officeText = z
  .string()
  .max(FOLLOW_UP_TEXT_MAX, {
    error: `Texten får vara högst ${FOLLOW_UP_TEXT_MAX} tecken. Korta den.`,
  })
  .nullable()
  .default(null);

const locked = z
  .strictObject({
    name: z.string().min(1, { error: "Skriv namnet på den som låste versionen." }).meta({
      description: "Namnet på den som låste versionen.",
    }),
    at: instant.meta({ description: "När versionen låstes." }),
    ratioLowPercent: z.number().int().min(0).max(1000).meta({
      description:
        "Normalintervallets nedre gräns för förbrukningskvoten när versionen låstes, hela procent.",
    }),
    ratioHighPercent: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .meta({ description: "Normalintervallets övre gräns när versionen låstes, hela procent." }),
    report: followUpReportSchema.meta({
      description:
        "Rapporten som den låstes, oförändrad: ett historiskt dokument (förbundets namn och kortnamn i den är de som gällde då). Samma format som docs/formats/follow-up-report.schema.json.",
    }),
  })
  .refine((l) => l.ratioLowPercent <= l.ratioHighPercent, {
    error: "Den övre gränsen får inte vara lägre än den nedre.",
    path: ["ratioHighPercent"],
  })
  .nullable()
  .default(null)
  .meta({
    description: "För en låst version (status last): låsningen och rapporten. null för ett utkast.",
  });

const followUpVersion = z
  .strictObject({
    key: lowerKey("Versionens stabila nyckel (dess id)."),
    number: z
      .number()
      .int()
      .min(1)
      .max(MAX_INT)
      .meta({ description: "1, 2, 3 … i uppföljningen." }),
    status: z
      .enum(FOLLOW_UP_VERSION_STATUSES)
      .meta({ description: "utkast, eller last (låst: ändras aldrig)." }),
    summary: officeText.meta({
      description: "Kansliets text i Sammanfattning; null: Samspårs genererade text.",
    }),
    background: officeText.meta({
      description: "Kansliets text i Bakgrund; null: den genererade.",
    }),
    analysis: officeText.meta({
      description: "Kansliets Sammanfattande analys; null: den genererade.",
    }),
    created: done,
    updated: done,
    locked,
  })
  .meta({ description: "En version av uppföljningen: ett utkast eller en låst version." });

const followUp = z
  .strictObject({
    key: lowerKey(
      "Uppföljningens stabila nyckel (dess id). En ny import av samma nyckel för uppföljningen framåt i stället för att skapa en ny.",
    ),
    period: z
      .strictObject({
        from: requiredDate,
        to: requiredDate,
        label: z
          .string()
          .refine((s) => s.trim().length > 0, { error: "Skriv periodens namn." })
          .refine((s) => s.trim().length <= FOLLOW_UP_LABEL_MAX, {
            error: `Periodens namn får vara högst ${FOLLOW_UP_LABEL_MAX} tecken.`,
          })
          .meta({ description: "Hur rapporten namnger perioden, t.ex. kvartal 1 och 2 2026." }),
      })
      .meta({ description: "Perioden, båda dagarna inräknade. En uppföljning per period." }),
    created: done,
    versions: z.array(followUpVersion).min(1).meta({
      description:
        "Versionerna i ordning (1, 2, 3 …): alla utom den sista är låsta; den sista kan vara ett utkast. En import lägger till versioner och för ett utkast framåt, men ändrar aldrig en låst version.",
    }),
  })
  .meta({
    description:
      "En uppföljning till styrelsen (en period) med sina versioner. Personer ingår bara med namn.",
  });

/** What version 6 added to the bundle. */
export const followUpSections = {
  followUps: z.array(followUp).default([]),
};

export type BundleFollowUp = z.output<typeof followUp>;
export type BundleFollowUpVersion = z.output<typeof followUpVersion>;
