// The instruments Samspår ships (domain/participants.md §"Progression measurement"): its own,
// open self-rating of the road to work along nine dimensions, and the officer's rating of the
// participant's chances. They are the same for every association (association_id null), are
// published as they stand here, and are never changed in place: a published version may already
// have answers. To change one, add a version with the next number to `versions` below; editing a
// published definition makes every start of Samspår stop with an error that says so.
//
// The translations (en, ar, so, ti, fa) are plain, short renderings of the Swedish by the
// developers. They must be reviewed by native speakers before they are used with participants;
// a reviewed wording is a new version.
import { and, eq, isNull } from "drizzle-orm";
import { canonicalJson } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import type { InstrumentDefinition, Texts } from "./model.ts";
import { progressionInstruments, progressionInstrumentVersions } from "./schema.ts";

export interface BuiltInInstrument {
  key: string;
  name: Texts;
  /** The published versions, numbered 1, 2, … — never edit one that is here; add the next. */
  versions: Array<{ number: number; definition: InstrumentDefinition }>;
}

/** Who the shipped instruments are created and published by. */
export const BUILT_IN_AUTHOR = "Samspår";

const SCALE_1_10 = {
  min: 1,
  max: 10,
  minLabel: {
    sv: "Inte alls",
    en: "Not at all",
    ar: "أبداً",
    so: "Gabi ahaanba maya",
    ti: "ፈጺሙ ኣይፋል",
    fa: "اصلاً",
  },
  maxLabel: {
    sv: "Helt och hållet",
    en: "Completely",
    ar: "تماماً",
    so: "Si buuxda",
    ti: "ብምሉኡ",
    fa: "کاملاً",
  },
};

/** Samspår's self-rating: nine dimensions of the road to work, 1–10 each, in plain language. */
export const SELF_RATING: BuiltInInstrument = {
  key: "samspar-sjalvskattning",
  name: {
    sv: "Samspårs självskattning: vägen mot arbete",
    en: "Samspår self-rating: the road to work",
    ar: "التقييم الذاتي من Samspår: الطريق إلى العمل",
    so: "Is-qiimaynta Samspår: waddada shaqada",
    ti: "ርእሰ-ገምጋም Samspår: መገዲ ናብ ስራሕ",
    fa: "خودارزیابی Samspår: مسیر رسیدن به کار",
  },
  versions: [
    {
      number: 1,
      definition: {
        respondent: "deltagare",
        instructions: {
          sv: "Svara på varje fråga med en siffra från 1 till 10. 1 betyder inte alls och 10 betyder helt och hållet. Det finns inga rätta eller fel svar. Du kan hoppa över en fråga som du inte vill svara på.",
          en: "Answer each question with a number from 1 to 10. 1 means not at all and 10 means completely. There are no right or wrong answers. You can skip a question you do not want to answer.",
          ar: "أجب عن كل سؤال برقم من 1 إلى 10. الرقم 1 يعني «أبداً» والرقم 10 يعني «تماماً». لا توجد إجابات صحيحة أو خاطئة. يمكنك تخطي أي سؤال لا تريد الإجابة عنه.",
          so: "Ku jawaab su'aal kasta tiro u dhexeysa 1 ilaa 10. 1 waxay ka dhigan tahay gabi ahaanba maya, 10-na waxay ka dhigan tahay si buuxda. Ma jiraan jawaabo sax ah ama khalad ah. Waad ka boodi kartaa su'aal aadan rabin inaad ka jawaabto.",
          ti: "ንነፍሲ ወከፍ ሕቶ ካብ 1 ክሳብ 10 ብዝኾነ ቁጽሪ መልሱ። 1 ፈጺሙ ኣይፋል ማለት እዩ፣ 10 ድማ ብምሉኡ ማለት እዩ። ቅኑዕ ወይ ጌጋ መልሲ የለን። ክትምልሱሉ ዘይደለኹምዎ ሕቶ ክትሓልፍዎ ትኽእሉ ኢኹም።",
          fa: "به هر سؤال با یک عدد از 1 تا 10 پاسخ دهید. 1 یعنی اصلاً و 10 یعنی کاملاً. پاسخ درست یا غلط وجود ندارد. اگر نمی‌خواهید به سؤالی پاسخ دهید، می‌توانید از آن بگذرید.",
        },
        scale: SCALE_1_10,
        subscales: [
          {
            key: "vardag_halsa",
            name: {
              sv: "Vardag och hälsa",
              en: "Daily life and health",
              ar: "الحياة اليومية والصحة",
              so: "Nolol maalmeedka iyo caafimaadka",
              ti: "መዓልታዊ ህይወትን ጥዕናን",
              fa: "زندگی روزمره و سلامت",
            },
          },
          {
            key: "tro_mal",
            name: {
              sv: "Tro och mål",
              en: "Belief and goals",
              ar: "الثقة والأهداف",
              so: "Rajada iyo yoolalka",
              ti: "እምነትን ዕላማታትን",
              fa: "باور و هدف‌ها",
            },
          },
          {
            key: "arbetsmarknad",
            name: {
              sv: "Arbete och arbetsmarknad",
              en: "Work and the labour market",
              ar: "العمل وسوق العمل",
              so: "Shaqada iyo suuqa shaqada",
              ti: "ስራሕን ዕዳጋ ስራሕን",
              fa: "کار و بازار کار",
            },
          },
        ],
        items: [
          {
            key: "vardag",
            reverse: false,
            subscale: "vardag_halsa",
            text: {
              sv: "Hur bra klarar du din vardag, som att passa tider, sköta hemmet och dina ärenden?",
              en: "How well do you manage your daily life, like keeping times, looking after your home and running errands?",
              ar: "إلى أي حد تتدبر أمور حياتك اليومية، مثل الالتزام بالمواعيد والاعتناء بالبيت وإنجاز معاملاتك؟",
              so: "Sidee baad u maareysaa noloshaada maalinlaha ah, sida ilaalinta waqtiyada, daryeelka guriga iyo arrimahaaga?",
              ti: "መዓልታዊ ህይወትኩም፣ ከም ሰዓት ምሕላው፣ ገዛ ምእላይን ጉዳያት ምፍጻምን፣ ክንደይ ጽቡቕ ተመሓድርዎ?",
              fa: "چقدر خوب از پس زندگی روزمره‌تان برمی‌آیید، مثل سر وقت رسیدن، رسیدگی به خانه و انجام کارهایتان؟",
            },
          },
          {
            key: "halsa",
            reverse: false,
            subscale: "vardag_halsa",
            text: {
              sv: "Hur bra mår du just nu, i kroppen och i huvudet?",
              en: "How well do you feel right now, in body and mind?",
              ar: "إلى أي حد تشعر أنك بخير الآن، جسدياً ونفسياً؟",
              so: "Sidee baad hadda u fiican tahay, jir ahaan iyo maskax ahaan?",
              ti: "ሕጂ ብኣካልን ብኣእምሮን ክንደይ ጽቡቕ ኣለኹም?",
              fa: "الان از نظر جسمی و روحی چقدر حالتان خوب است؟",
            },
          },
          {
            key: "koncentration",
            reverse: false,
            subscale: "vardag_halsa",
            text: {
              sv: "Hur bra kan du koncentrera dig på en uppgift?",
              en: "How well can you concentrate on a task?",
              ar: "إلى أي حد تستطيع التركيز على مهمة ما؟",
              so: "Sidee baad diiradda ugu saari kartaa hawl?",
              ti: "ኣብ ሓደ ዕዮ ክንደይ ጽቡቕ ኣተኩሮ ክትገብሩ ትኽእሉ?",
              fa: "چقدر خوب می‌توانید روی یک کار تمرکز کنید؟",
            },
          },
          {
            key: "tro_pa_arbete",
            reverse: false,
            subscale: "tro_mal",
            text: {
              sv: "Hur mycket tror du på att du kommer att få ett arbete?",
              en: "How much do you believe that you will get a job?",
              ar: "إلى أي حد تؤمن بأنك ستحصل على عمل؟",
              so: "Intee in le'eg ayaad rumaysan tahay inaad shaqo heli doonto?",
              ti: "ስራሕ ከም እትረኽቡ ክንደይ ትኣምኑ?",
              fa: "چقدر باور دارید که کار پیدا خواهید کرد؟",
            },
          },
          {
            key: "natverk",
            reverse: false,
            subscale: "tro_mal",
            text: {
              sv: "Hur mycket stöd får du av familj, vänner eller andra i din närhet?",
              en: "How much support do you get from family, friends or others close to you?",
              ar: "كم من الدعم تحصل عليه من العائلة أو الأصدقاء أو غيرهم من المقربين منك؟",
              so: "Intee in le'eg ayaad taageero ka hesho qoyska, saaxiibada ama dadka kale ee kuu dhow?",
              ti: "ካብ ስድራ፣ ኣዕሩኽ ወይ ካልኦት ቀረባኹም ክንደይ ደገፍ ትረኽቡ?",
              fa: "چقدر از خانواده، دوستان یا دیگر نزدیکانتان حمایت می‌گیرید؟",
            },
          },
          {
            key: "mal",
            reverse: false,
            subscale: "tro_mal",
            text: {
              sv: "Hur tydligt vet du vad du vill och vad som är ditt nästa steg?",
              en: "How clearly do you know what you want and what your next step is?",
              ar: "إلى أي حد تعرف بوضوح ما تريده وما هي خطوتك التالية؟",
              so: "Intee in le'eg ayaad si cad u taqaan waxaad rabto iyo tallaabadaada xigta?",
              ti: "እንታይ ከም እትደልዩን እቲ ዝቕጽል ስጉምትኹም እንታይ ምዃኑን ክንደይ ብንጹር ትፈልጡ?",
              fa: "چقدر روشن می‌دانید چه می‌خواهید و قدم بعدی‌تان چیست؟",
            },
          },
          {
            key: "samarbete",
            reverse: false,
            subscale: "arbetsmarknad",
            text: {
              sv: "Hur bra klarar du att samarbeta med andra?",
              en: "How well do you manage to work together with others?",
              ar: "إلى أي حد تنجح في التعاون مع الآخرين؟",
              so: "Sidee baad ugu fiican tahay inaad la shaqeyso dadka kale?",
              ti: "ምስ ካልኦት ክንደይ ጽቡቕ ክትሰርሑ ትኽእሉ?",
              fa: "چقدر خوب می‌توانید با دیگران همکاری کنید؟",
            },
          },
          {
            key: "soka_arbete",
            reverse: false,
            subscale: "arbetsmarknad",
            text: {
              sv: "Hur bra klarar du att söka arbete, till exempel att hitta annonser och kontakta arbetsgivare?",
              en: "How well do you manage to look for work, for example finding job ads and contacting employers?",
              ar: "إلى أي حد تنجح في البحث عن عمل، مثلاً إيجاد إعلانات الوظائف والتواصل مع أصحاب العمل؟",
              so: "Sidee baad ugu fiican tahay raadinta shaqo, tusaale ahaan helidda xayeysiisyada shaqada iyo la xiriirka loo-shaqeeyayaasha?",
              ti: "ስራሕ ንምድላይ፣ ንኣብነት መወዓውዒታት ስራሕ ምርካብን ንኣስራሕቲ ምርኻብን፣ ክንደይ ጽቡቕ ትኽእሉ?",
              fa: "چقدر خوب از پس جستجوی کار برمی‌آیید، مثلاً پیدا کردن آگهی‌های شغلی و تماس با کارفرمایان؟",
            },
          },
          {
            key: "arbetsmarknad",
            reverse: false,
            subscale: "arbetsmarknad",
            text: {
              sv: "Hur bra vet du vilka arbeten som finns och vad som krävs för dem?",
              en: "How well do you know which jobs there are and what they require?",
              ar: "إلى أي حد تعرف ما هي الوظائف المتوفرة وما الذي تتطلبه؟",
              so: "Intee in le'eg ayaad taqaan shaqooyinka jira iyo waxa ay u baahan yihiin?",
              ti: "ኣየኖት ስራሓት ከም ዘለዉን እንታይ ከም ዝሓቱን ክንደይ ጽቡቕ ትፈልጡ?",
              fa: "چقدر می‌دانید چه شغل‌هایی وجود دارد و هر کدام به چه چیزی نیاز دارد؟",
            },
          },
        ],
        scoring: { method: "medel", minAnsweredShare: 0.7, improvement: 1 },
      },
    },
  ],
};

/** The officer's own rating of the participant's chances of work or studies, 1–10. */
export const OFFICER_RATING: BuiltInInstrument = {
  key: "samspar-handlaggarbedomning",
  name: {
    sv: "Handläggarens bedömning av chanserna till arbete eller studier",
    en: "The officer's rating of the chances of work or studies",
  },
  versions: [
    {
      number: 1,
      definition: {
        respondent: "personal",
        instructions: {
          sv: "Gör din egen bedömning utifrån det du vet om deltagaren i dag. 1 betyder mycket låg och 10 mycket hög. Hoppa över en fråga som inte går att bedöma.",
          en: "Make your own assessment from what you know about the participant today. 1 means very low and 10 very high. Skip a question that cannot be assessed.",
        },
        scale: {
          min: 1,
          max: 10,
          minLabel: { sv: "Mycket låg", en: "Very low" },
          maxLabel: { sv: "Mycket hög", en: "Very high" },
        },
        subscales: [],
        items: [
          {
            key: "chanser",
            reverse: false,
            subscale: null,
            text: {
              sv: "Hur bedömer du deltagarens chanser att arbeta eller studera om ett år?",
              en: "How do you rate the participant's chances of working or studying in a year?",
            },
          },
          {
            key: "redo_arbete",
            reverse: false,
            subscale: null,
            text: {
              sv: "Hur bedömer du deltagarens beredskap att börja arbeta?",
              en: "How do you rate the participant's readiness to start working?",
            },
          },
          {
            key: "redo_studier",
            reverse: false,
            subscale: null,
            text: {
              sv: "Hur bedömer du deltagarens beredskap att börja studera?",
              en: "How do you rate the participant's readiness to start studying?",
            },
          },
        ],
        scoring: { method: "medel", minAnsweredShare: 0.3, improvement: 1 },
      },
    },
  ],
};

export const BUILT_IN_INSTRUMENTS: readonly BuiltInInstrument[] = [SELF_RATING, OFFICER_RATING];

/**
 * Makes sure every database has the shipped instruments and their versions, published; run
 * right after the migrations, as the owner. Idempotent. A stored published version whose
 * definition is not the code's means someone edited a published version in the code: that is
 * refused, loudly, before anything is changed.
 */
export async function ensureBuiltInInstruments(
  q: Queryable,
  instruments: readonly BuiltInInstrument[] = BUILT_IN_INSTRUMENTS,
): Promise<void> {
  await q.transaction(async (tx) => {
    for (const shipped of instruments) {
      let [row] = await tx
        .select()
        .from(progressionInstruments)
        .where(
          and(
            isNull(progressionInstruments.associationId),
            eq(progressionInstruments.key, shipped.key),
          ),
        );
      if (!row) {
        [row] = await tx
          .insert(progressionInstruments)
          .values({
            associationId: null,
            key: shipped.key,
            name: shipped.name,
            licence: null,
            createdByName: BUILT_IN_AUTHOR,
          })
          .returning();
      } else if (canonicalJson(row.name) !== canonicalJson(shipped.name)) {
        // the name is not part of a version: it may be corrected in place
        await tx
          .update(progressionInstruments)
          .set({ name: shipped.name, updatedAt: new Date(), version: row.version + 1 })
          .where(eq(progressionInstruments.id, row.id));
      }
      if (!row) throw new Error(`Samspårs instrument ${shipped.key} kunde inte läggas in.`);
      const stored = await tx
        .select()
        .from(progressionInstrumentVersions)
        .where(eq(progressionInstrumentVersions.instrumentId, row.id));
      for (const version of shipped.versions) {
        const existing = stored.find((s) => s.number === version.number);
        if (!existing) {
          const now = new Date();
          await tx.insert(progressionInstrumentVersions).values({
            instrumentId: row.id,
            number: version.number,
            status: "publicerad",
            definition: version.definition,
            createdByName: BUILT_IN_AUTHOR,
            publishedAt: now,
            publishedByName: BUILT_IN_AUTHOR,
          });
        } else if (
          existing.status !== "publicerad" ||
          canonicalJson(existing.definition) !== canonicalJson(version.definition)
        ) {
          throw new Error(
            `Version ${version.number} av Samspårs instrument "${shipped.key}" är publicerad och kan ha svar, men definitionen i src/progression/builtin.ts skiljer sig från den som finns i databasen. Ändra aldrig en publicerad version: återställ den och lägg till ändringen som version ${Math.max(...shipped.versions.map((v) => v.number), ...stored.map((s) => s.number)) + 1} i stället.`,
          );
        }
      }
    }
  });
}
