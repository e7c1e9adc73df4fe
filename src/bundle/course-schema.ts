// Courses and Tyck till's question sets in the association bundle (version 8). Two sections:
// `courses` (course material: the association's and its initiatives' courses, each with its
// draft, its files and every published version) and `evaluationForms` (the initiatives' question
// sets). They are two because a question set belongs to an initiative, not to a course: the short
// check follows a meeting as well as a chapter, and the exit survey follows no course at all.
//
// A course, a chapter, a page and a file are picked out by a stable key: their id, which the
// import keeps. It must: a published version (a snapshot) names its chapters, pages and files by
// id, and participants' progress and quiz answers (participant register, not in the bundle) refer
// to the chapters and pages by id; a new id would leave the snapshot pointing at nothing.
// A question set is picked out by its initiative and its kind (an initiative has one of each).
// What participants did — progress, quiz answers, Tyck till's responses and receipts — is
// participant data in the participant register and never in the bundle.
import * as z from "zod";
import { COURSE_POSITION_MAX } from "../courses/authoring.ts";
import { MEDIA_KINDS, PAGE_KINDS, TRANSLATED_LOCALES } from "../courses/texts.ts";
import { EVALUATION_KINDS, QUESTION_TYPES } from "../evaluation/schema.ts";
import { PORTAL_LOCALES } from "../portal/locales.ts";
import { instant, lowerKey, MAX_INT } from "./schema-parts.ts";

const done = z
  .strictObject({
    name: z.string().meta({ description: "Namnet på den som gjorde det." }),
    at: instant,
  })
  .meta({ description: "Vem som gjorde det (bara namnet) och när." });

/** Texts per portal language: Swedish always, the others when there. */
const perLanguage = <T extends z.ZodType>(text: T, what: string) =>
  z
    .strictObject({
      sv: text,
      en: text.optional(),
      ar: text.optional(),
      so: text.optional(),
      ti: text.optional(),
      fa: text.optional(),
    })
    .meta({
      description: `${what} på svenska (sv, alltid) och på de av portalens språk som finns (${PORTAL_LOCALES.join(", ")}).`,
    });

const courseText = z.strictObject({
  title: z.string(),
  summary: z.string().meta({ description: "En eller två meningar i kurslistan; kan vara tom." }),
});

const chapterText = z.strictObject({
  title: z.string(),
  intro: z.string().meta({ description: "Kapitlets inledning; kan vara tom." }),
});

const pageText = z
  .strictObject({
    title: z.string(),
    body: z.string(),
    alt: z.string().optional().meta({ description: "Bildens alternativtext (bild)." }),
    audioId: z
      .string()
      .optional()
      .meta({ description: "Nyckeln till språkets inspelning (ljud), en fil i kursens media." }),
    captionsId: z.string().optional().meta({
      description: "Nyckeln till språkets textning (video, WebVTT), en fil i kursens media.",
    }),
    options: z.array(z.string()).optional().meta({ description: "Svarsalternativen (fraga)." }),
    explanation: z
      .string()
      .optional()
      .meta({ description: "Förklaringen till rätt svar (fraga)." }),
  })
  .meta({ description: "En sidas texter på ett språk." });

const position = z.number().int().min(0).max(MAX_INT);

const snapshot = z
  .strictObject({
    formatVersion: z.literal(1),
    courseId: z.string(),
    initiativeId: z.string().nullable(),
    texts: z.partialRecord(z.enum(PORTAL_LOCALES), courseText),
    chapters: z.array(
      z.strictObject({
        id: z.string(),
        locales: z.array(z.enum(PORTAL_LOCALES)),
        texts: z.partialRecord(z.enum(PORTAL_LOCALES), chapterText),
        pages: z.array(
          z.strictObject({
            id: z.string(),
            kind: z.enum(PAGE_KINDS),
            mediaId: z.string().nullable(),
            correctOption: z.number().int().nullable(),
            texts: z.partialRecord(z.enum(PORTAL_LOCALES), pageText),
          }),
        ),
      }),
    ),
  })
  .meta({
    description:
      "Versionen som deltagarna läser den, oförändrad (kurser, kapitel, sidor och filer med sina id, samma som nycklarna här).",
  });

const page = z
  .strictObject({
    key: lowerKey("Sidans stabila nyckel (dess id, som importen behåller)."),
    position: position.meta({ description: "Sidans plats i kapitlet (0, 1, 2 …)." }),
    kind: z.enum(PAGE_KINDS).meta({
      description: "text, bild, ljud (uppläsning), video eller fraga (en quizfråga).",
    }),
    media: lowerKey("Bilden eller videon: nyckeln till en fil i kursens media.")
      .nullable()
      .default(null),
    correctOption: z.number().int().min(0).max(20).nullable().default(null).meta({
      description:
        "En quizfrågas rätta svar (0 för det första alternativet); null för andra sidor.",
    }),
    texts: perLanguage(pageText, "Sidans texter"),
  })
  .meta({ description: "En sida i kapitlets utkast." });

const translation = z
  .strictObject({
    locale: z.enum(TRANSLATED_LOCALES),
    sourceHash: z.string().regex(/^[0-9a-f]{64}$/, {
      error: "Ange den svenska textens kontrollsumma som 64 hexadecimala tecken.",
    }),
    confirmed: done.meta({ description: "Vem som bekräftade översättningen och när." }),
  })
  .meta({
    description:
      "En översättares bekräftelse att kapitlet är klart på ett språk, mot den svenska text som hade kontrollsumman sourceHash. Ändras svenskan gäller den inte längre.",
  });

const chapter = z
  .strictObject({
    key: lowerKey("Kapitlets stabila nyckel (dess id, som importen behåller)."),
    position: position.meta({ description: "Kapitlets plats i kursen (0, 1, 2 …)." }),
    texts: perLanguage(chapterText, "Kapitlets rubrik och inledning"),
    translations: z.array(translation).default([]),
    pages: z.array(page).default([]).meta({ description: "Sidorna i ordning." }),
  })
  .meta({ description: "Ett kapitel i kursens utkast." });

const media = z
  .strictObject({
    key: lowerKey("Filens stabila nyckel (dess id, som importen behåller)."),
    kind: z.enum(MEDIA_KINDS).meta({ description: "bild, ljud, video eller textning (WebVTT)." }),
    mediaType: z.string().meta({
      description: "Filens typ, t.ex. image/png. Importen kontrollerar den mot filens första byte.",
    }),
    fileName: z.string().min(1).max(200),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, {
      error: "Ange kontrollsumman (SHA-256) som 64 hexadecimala tecken med små bokstäver.",
    }),
    dataBase64: z.base64({ error: "Filen ska vara base64-kodad." }).meta({
      description:
        "Filens byte, base64-kodade (bilder högst 2 MB, ljud och video 10 MB, textning 200 kB).",
    }),
    uploaded: done.meta({ description: "Vem som laddade upp filen och när." }),
  })
  .meta({
    description:
      "En fil i kursen. En fil ändras aldrig: finns filens nyckel redan ska den vara samma fil.",
  });

const version = z
  .strictObject({
    number: z.number().int().min(1).max(MAX_INT).meta({ description: "1, 2, 3 … i kursen." }),
    note: z
      .string()
      .nullable()
      .default(null)
      .meta({ description: "Vad som ändrades, eller null." }),
    published: done.meta({ description: "Vem som publicerade versionen och när." }),
    snapshot,
  })
  .meta({
    description:
      "En publicerad version. Den ändras aldrig: finns den redan här ska den vara exakt densamma som i filen.",
  });

const course = z
  .strictObject({
    key: lowerKey(
      "Kursens stabila nyckel (dess id, som importen behåller). En ny import av samma nyckel för kursen framåt i stället för att skapa en ny.",
    ),
    initiative: lowerKey(
      "Nyckeln till kursens insats (en insats i filen eller i förbundet); null: för deltagarna i alla förbundets insatser.",
    )
      .nullable()
      .default(null),
    texts: perLanguage(courseText, "Kursens namn och sammanfattning"),
    position: z
      .number()
      .int()
      .min(0)
      .max(COURSE_POSITION_MAX)
      .default(0)
      .meta({
        description: `Kursens plats i kurslistan (0–${COURSE_POSITION_MAX}, lägre först).`,
      }),
    withdrawnAt: instant.nullable().default(null).meta({
      description: "När kursen drogs tillbaka från deltagarna; null: den visas.",
    }),
    updated: done.meta({ description: "Vem som senast ändrade kursens utkast och när." }),
    chapters: z.array(chapter).default([]).meta({
      description:
        "Utkastet: kapitlen i ordning med sina sidor. Importen gör utkastet till filens: ett kapitel eller en sida som inte finns i filen tas bort ur utkastet (de publicerade versionerna behåller dem).",
    }),
    media: z.array(media).default([]).meta({
      description:
        "Kursens filer. Importen kontrollerar varje fils SHA-256 och typ; en fil tas aldrig bort.",
    }),
    versions: z.array(version).default([]).meta({
      description:
        "De publicerade versionerna i ordning (1, 2, 3 …). En import lägger till versioner men ändrar aldrig en publicerad.",
    }),
  })
  .meta({ description: "En kurs i portalen med utkast, filer och publicerade versioner." });

const questionText = z.strictObject({
  text: z.string(),
  low: z.string().optional().meta({ description: "Skalans ord för 1 (skala)." }),
  high: z.string().optional().meta({ description: "Skalans ord för 5 (skala)." }),
});

const evaluationForm = z
  .strictObject({
    initiative: lowerKey(
      "Nyckeln till insatsen frågorna hör till: en insats i filen eller i förbundet.",
    ),
    kind: z.enum(EVALUATION_KINDS).meta({
      description: "kort: en eller två frågor efter ett möte eller kapitel; slut: slutenkäten.",
    }),
    version: z.number().int().min(1).max(MAX_INT).meta({
      description: "Frågornas version (svaren i deltagarregistret anger vilken de gavs till).",
    }),
    questions: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(100).meta({
            description: "Frågans stabila id: resultaten räknas per fråga.",
          }),
          type: z.enum(QUESTION_TYPES).meta({ description: "skala (1–5) eller fritext." }),
          texts: perLanguage(questionText, "Frågan"),
        }),
      )
      .meta({ description: "Frågorna i ordning." }),
    updated: done.meta({ description: "Vem som senast ändrade frågorna och när." }),
  })
  .meta({ description: "En insats frågor i Tyck till av ett slag." });

/** What version 8 added to the bundle. */
export const courseSections = {
  courses: z
    .array(course)
    .default([])
    .meta({
      description:
        "Kurserna i portalen: förbundets och insatsernas, med utkastet (kapitel, sidor, översättningsbekräftelser), filerna och alla publicerade versioner. " +
        "Kurser, kapitel, sidor och filer behåller sina id (nycklarna): de publicerade versionerna och deltagarnas framsteg pekar på dem. " +
        "Deltagarnas framsteg och quizsvar är deltagaruppgifter och ingår inte.",
    }),
  evaluationForms: z
    .array(evaluationForm)
    .default([])
    .meta({
      description:
        "Tyck till: insatsernas frågor (den korta frågan och slutenkäten), en egen del eftersom frågorna hör till insatsen och inte till en kurs. " +
        "Svaren och kvittona är deltagaruppgifter i deltagarregistret och ingår inte.",
    }),
};

export type BundleCourse = z.output<typeof course>;
export type BundleChapter = BundleCourse["chapters"][number];
export type BundlePage = BundleChapter["pages"][number];
export type BundleMedia = BundleCourse["media"][number];
export type BundleCourseVersion = BundleCourse["versions"][number];
export type BundleEvaluationForm = z.output<typeof evaluationForm>;
