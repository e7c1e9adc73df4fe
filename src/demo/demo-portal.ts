// The demo's participant portal (issue 9; domain/portal.md): participants of two initiatives —
// "Tierp, Växtverket", whose participant officer is the demo coach, and "Uppsala, Lärcentrum
// digitalt", where the demo participant account (deltagare@demo.samspar.se) is enrolled — get
// portal accounts, with what the portal shows them:
//
// - ACCOUNTS. Nine in ten of the ongoing enrollments of the two initiatives: a pseudonymous user (kind
//   'participant', "deltagare-…@portal.invalid", name "Deltagare", no password), the role
//   'participant' on the initiative and register.portal_accounts linking it to the register's
//   participant. Most read the portal in Swedish; some in Arabic, Somali, Tigrinya, Dari or
//   English. The demo participant account is linked to a woman enrolled in Lärcentrum digitalt.
// - PLAN STEPS. 2–5 steps of the action plan each, in plain Swedish, the first ones done.
// - AVAILABILITY. From the day the demo is seeded (the real date, so that a demo started later
//   can still book) four weeks ahead: the studiecoach on site and by video, the specialpedagog,
//   the kurator and the study places (capacity 8) with their opening hours. Earlier weeks have
//   windows too, for the bookings already kept or missed.
// - BOOKINGS. Past ones kept, missed or cancelled; a few future ones booked.
// - SIGN-INS. A history over the last eight months, so the usage figures have something to show
//   (some of it below the disclosure threshold).
// - GUIDES. Five published support guides for the whole association, in Swedish with English and
//   Arabic translations.
// - CODES. One-time sign-in codes (valid 14 days) for two participants, one reading Swedish (the
//   demo participant account) and one Arabic, printed with the other demo logins.
//
// STABLE where it can be: who gets an account, their language, steps, sign-ins and bookings are
// drawn from seeded streams (Dice, by the enrollment's deltagar_id), so every fresh demo looks the
// same relative to the day it was seeded. The codes are random (they open accounts). FAST: a
// handful of batched inserts.

import { randomInt } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { initiatives } from "../initiatives/schema.ts";
import { roleAssignments, users } from "../people/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { sha256 } from "../platform/secrets.ts";
import type { PortalLocale } from "../portal/locales.ts";
import {
  availability,
  type BookingKind,
  bookings,
  type GuideCategory,
  type GuideText,
  type MeetingMode,
  type PlanStepStatus,
  planSteps,
  portalAccounts,
  portalGuides,
  portalSignInCodes,
  portalSignIns,
} from "../portal/schema.ts";
import { enrollments, participants } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { Dice } from "./demo-participants.ts";
import { addDays, hashOf, swedishTime } from "./demo-time.ts";

/** The two initiatives whose participants use the portal in the demo. */
export const DEMO_PORTAL_INITIATIVES = ["Tierp, Växtverket", "Uppsala, Lärcentrum digitalt"];
/** The demo participant account, linked to a participant of Lärcentrum digitalt. */
export const DEMO_PARTICIPANT_EMAIL = "deltagare@demo.samspar.se";

/** The alphabet and length of a sign-in code (no 0/O, 1/I/L): "ABCD-EFGH". */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_VALID_DAYS = 14;

/** As the sign-in stores a code: upper case, no spaces or dashes. */
export const normaliseDemoCode = (typed: string): string =>
  typed.replace(/[\s\-\u2010-\u2015\u2212_.]/g, "").toUpperCase();

export interface DemoPortalCode {
  /** "ABCD-EFGH", as printed. */
  code: string;
  initiative: string;
  locale: PortalLocale;
  expiresAt: Date;
}

export interface DemoPortalSummary {
  accounts: number;
  planSteps: number;
  availability: number;
  bookings: number;
  signIns: number;
  guides: number;
  codes: DemoPortalCode[];
}

export interface DemoPortalContext {
  associationId: string;
  /** The moment the demo is seeded: availability runs four weeks from its day. */
  now: Date;
  /** Who wrote the guides (the office). */
  guideAuthor: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

// ---------------------------------------------------------------------------------------------
// What the demo's initiatives publish

interface WindowSpec {
  kind: BookingKind;
  title: string;
  mode: MeetingMode;
  place: string;
  /** 1 = Monday … 5 = Friday. */
  weekdays: readonly number[];
  opens: string;
  closes: string;
  slot: number;
  capacity: number;
  /** The person staff-wise (for the demo: a name only). */
  by: string;
}

const WINDOWS: Record<string, readonly WindowSpec[]> = {
  "Tierp, Växtverket": [
    {
      kind: "studiecoach",
      title: "Sara, studiecoach",
      mode: "pa_plats",
      place: "Växtverket, Centralgatan 7, Tierp. Rum 2 på bottenvåningen.",
      weekdays: [2, 4],
      opens: "09:00",
      closes: "12:00",
      slot: 30,
      capacity: 1,
      by: "Sara Nordin",
    },
    {
      kind: "studiecoach",
      title: "Sara, studiecoach (video)",
      mode: "video",
      place: "https://mote.demo.samspar.se/vaxtverket-sara",
      weekdays: [3],
      opens: "13:00",
      closes: "15:00",
      slot: 30,
      capacity: 1,
      by: "Sara Nordin",
    },
    {
      kind: "specialpedagog",
      title: "Anders, specialpedagog",
      mode: "pa_plats",
      place: "Växtverket, Centralgatan 7, Tierp. Rum 4.",
      weekdays: [1],
      opens: "13:00",
      closes: "15:15",
      slot: 45,
      capacity: 1,
      by: "Sara Nordin",
    },
    {
      kind: "kurator",
      title: "Mirja, kurator",
      mode: "pa_plats",
      place: "Tierps kommun, Möbelvägen 6, Tierp. Fråga i receptionen.",
      weekdays: [5],
      opens: "09:00",
      closes: "11:15",
      slot: 45,
      capacity: 1,
      by: "Sara Nordin",
    },
    {
      kind: "studieplats",
      title: "Lärcentrum Tierp, studieplatser",
      mode: "pa_plats",
      place: "Lärcentrum Tierp, Centralgatan 5, Tierp. Plan 2, studierummet.",
      weekdays: [1, 2, 3, 4],
      opens: "09:00",
      closes: "16:00",
      slot: 60,
      capacity: 8,
      by: "Sara Nordin",
    },
  ],
  "Uppsala, Lärcentrum digitalt": [
    {
      kind: "studiecoach",
      title: "Lina, studiecoach",
      mode: "pa_plats",
      place: "Lärcentrum, Kungsgatan 47, Uppsala. Entré från gården.",
      weekdays: [1, 3],
      opens: "10:00",
      closes: "12:00",
      slot: 30,
      capacity: 1,
      by: "Lina Berg",
    },
    {
      kind: "studiecoach",
      title: "Lina, studiecoach (video)",
      mode: "video",
      place: "https://mote.demo.samspar.se/larcentrum-lina",
      weekdays: [4],
      opens: "13:00",
      closes: "15:00",
      slot: 30,
      capacity: 1,
      by: "Lina Berg",
    },
    {
      kind: "specialpedagog",
      title: "Omar, specialpedagog (video)",
      mode: "video",
      place: "https://mote.demo.samspar.se/larcentrum-omar",
      weekdays: [2],
      opens: "09:00",
      closes: "11:15",
      slot: 45,
      capacity: 1,
      by: "Lina Berg",
    },
    {
      kind: "kurator",
      title: "Helena, kurator",
      mode: "pa_plats",
      place: "Lärcentrum, Kungsgatan 47, Uppsala. Rum 12.",
      weekdays: [4],
      opens: "09:00",
      closes: "10:30",
      slot: 45,
      capacity: 1,
      by: "Lina Berg",
    },
    {
      kind: "studieplats",
      title: "Lärcentrum Uppsala, studieplatser",
      mode: "pa_plats",
      place: "Lärcentrum, Kungsgatan 47, Uppsala. Datasalen, plan 1.",
      weekdays: [1, 2, 3, 4, 5],
      opens: "09:00",
      closes: "15:00",
      slot: 60,
      capacity: 8,
      by: "Lina Berg",
    },
  ],
};

/** Steps of an action plan, as a coach writes them for the participant. */
const STEPS: readonly (readonly [string, string | null])[] = [
  [
    "Skriv ditt CV tillsammans med Lina",
    "Ta med betyg och intyg som du har. Vi skriver på datorn.",
  ],
  ["Besök Arbetsförmedlingen", "Boka en tid och fråga om arbetsmarknadsutbildning."],
  ["Prova på praktik i köket", "Fyra veckor på restaurangen, tre dagar i veckan."],
  ["Läs svenska på Komvux två kvällar i veckan", null],
  ["Gå till vårdcentralen och prata om sömnen", "Du kan be kuratorn följa med."],
  ["Öva på matte inför gymnasiekursen", "En timme i veckan på studieplatsen."],
  ["Skaffa ett bibliotekskort", "Du behöver legitimation. Bibliotekarien hjälper dig."],
  ["Skriv ett personligt brev till ett jobb du vill ha", null],
  ["Ta körkortsteori: plugga 20 minuter om dagen", null],
  ["Träffa specialpedagogen om hur du lär dig bäst", null],
  ["Sök studiemedel hos CSN", "Vi fyller i ansökan tillsammans."],
  ["Lär dig att logga in med BankID", null],
];

const STEP_RECORDER: Record<string, string> = {
  "Tierp, Växtverket": "Sara Nordin",
  "Uppsala, Lärcentrum digitalt": "Lina Berg",
};

/** The portal languages of the demo's participants, by weight. */
const LOCALE_WEIGHTS: readonly (readonly [PortalLocale, number])[] = [
  ["sv", 60],
  ["ar", 12],
  ["so", 8],
  ["ti", 6],
  ["fa", 6],
  ["en", 8],
];

// ---------------------------------------------------------------------------------------------
// The guides

const GUIDES: readonly {
  category: GuideCategory;
  texts: { sv: GuideText; en: GuideText; ar: GuideText };
}[] = [
  {
    category: "videomote",
    texts: {
      sv: {
        title: "Så går du med i ett videomöte",
        body: "När du bokar en tid med video får du en länk. Länken finns också under Boka.\n\n- Öppna länken fem minuter innan mötet.\n- Tryck på ”Gå med”. Du behöver inte installera något.\n- Tillåt kamera och mikrofon när telefonen eller datorn frågar.\n- Sitt där det är lugnt. Hörlurar gör det lättare att höra.\n\nOm det inte fungerar: ring Växtverket eller Lärcentrum. Då kan vi prata i telefon i stället.",
      },
      en: {
        title: "How to join a video meeting",
        body: "When you book a video meeting you get a link. You also find the link under Book.\n\n- Open the link five minutes before the meeting.\n- Press “Join”. You do not need to install anything.\n- Allow the camera and microphone when your phone or computer asks.\n- Sit somewhere quiet. Headphones make it easier to hear.\n\nIf it does not work: call Växtverket or Lärcentrum. Then we can talk on the phone instead.",
      },
      ar: {
        title: "كيف تنضم إلى اجتماع بالفيديو",
        body: "عندما تحجز موعدًا بالفيديو تحصل على رابط. تجد الرابط أيضًا في صفحة الحجز.\n\n- افتح الرابط قبل الاجتماع بخمس دقائق.\n- اضغط على ”انضمام“. لا تحتاج إلى تثبيت أي برنامج.\n- اسمح باستخدام الكاميرا والميكروفون عندما يسألك الهاتف أو الحاسوب.\n- اجلس في مكان هادئ. السماعات تجعل السماع أسهل.\n\nإذا لم ينجح ذلك: اتصل بـ Växtverket أو Lärcentrum. يمكننا عندها أن نتحدث بالهاتف.",
      },
    },
  },
  {
    category: "digitalt",
    texts: {
      sv: {
        title: "Bibliotekets datorer",
        body: "På biblioteket kan du låna en dator gratis. Du kan skriva, skriva ut och söka jobb.\n\n- Visa ditt bibliotekskort i informationsdisken.\n- Du får använda datorn en timme. Fråga om du behöver mer tid.\n- Utskrifter kostar några kronor per sida.\n- Logga ut när du är klar, så att ingen annan ser dina saker.\n\nHar du inget bibliotekskort? Ta med legitimation, så får du ett direkt.",
      },
      en: {
        title: "The library's computers",
        body: "At the library you can use a computer for free. You can write, print and look for jobs.\n\n- Show your library card at the information desk.\n- You can use the computer for one hour. Ask if you need more time.\n- Printing costs a few kronor per page.\n- Log out when you are done, so no one else sees your things.\n\nNo library card? Bring an ID and you get one straight away.",
      },
      ar: {
        title: "حواسيب المكتبة",
        body: "في المكتبة يمكنك استخدام حاسوب مجانًا. يمكنك الكتابة والطباعة والبحث عن عمل.\n\n- أظهر بطاقة المكتبة عند مكتب الاستعلامات.\n- يمكنك استخدام الحاسوب لمدة ساعة. اسأل إذا احتجت إلى وقت أطول.\n- الطباعة تكلف بضع كرونات للصفحة.\n- سجّل الخروج عندما تنتهي حتى لا يرى أحد أشياءك.\n\nليس لديك بطاقة مكتبة؟ أحضر بطاقة هوية وستحصل على بطاقة فورًا.",
      },
    },
  },
  {
    category: "matematik",
    texts: {
      sv: {
        title: "Hjälp med matematik",
        body: "Matte blir lättare när du övar lite varje dag.\n\n- Boka en studieplats och ta med dina uppgifter.\n- Fråga studiecoachen eller specialpedagogen när du kör fast.\n- Börja med det du redan kan. Gå sedan vidare ett steg i taget.\n- Skriv ner hur du tänker. Då är det lättare att hitta felet.\n\nPå biblioteket finns också läxhjälp en kväll i veckan.",
      },
      en: {
        title: "Help with mathematics",
        body: "Maths gets easier when you practise a little every day.\n\n- Book a study place and bring your exercises.\n- Ask the study coach or the special needs teacher when you get stuck.\n- Start with what you already know. Then go on one step at a time.\n- Write down how you think. Then it is easier to find a mistake.\n\nThe library also has homework help one evening a week.",
      },
      ar: {
        title: "مساعدة في الرياضيات",
        body: "تصبح الرياضيات أسهل عندما تتدرب قليلًا كل يوم.\n\n- احجز مكانًا للدراسة وأحضر تمارينك.\n- اسأل مدرب الدراسة أو المعلم المختص عندما تواجه صعوبة.\n- ابدأ بما تعرفه. ثم تقدّم خطوة خطوة.\n- اكتب طريقة تفكيرك. هكذا يسهل أن تجد الخطأ.\n\nفي المكتبة أيضًا مساعدة في الواجبات مساء يوم واحد في الأسبوع.",
      },
    },
  },
  {
    category: "svenska",
    texts: {
      sv: {
        title: "Öva svenska varje dag",
        body: "Du lär dig mer svenska när du använder språket ofta.\n\n- Lyssna på nyheter på lätt svenska: 8 Sidor eller Radio Sweden på lätt svenska.\n- Läs en kort text högt för dig själv.\n- Skriv tre meningar om din dag.\n- Prata svenska på praktiken, i affären och med grannar. Det gör inget om det blir fel.\n\nSpråkcafé finns på biblioteket. Där pratar man svenska tillsammans.",
      },
      en: {
        title: "Practise Swedish every day",
        body: "You learn more Swedish when you use the language often.\n\n- Listen to news in easy Swedish: 8 Sidor or Radio Sweden in easy Swedish.\n- Read a short text aloud to yourself.\n- Write three sentences about your day.\n- Speak Swedish at your work placement, in the shop and with neighbours. It does not matter if you make mistakes.\n\nThe library has a language café where people speak Swedish together.",
      },
      ar: {
        title: "تدرّب على اللغة السويدية كل يوم",
        body: "تتعلم السويدية أكثر عندما تستخدم اللغة كثيرًا.\n\n- استمع إلى الأخبار بالسويدية السهلة: 8 Sidor أو راديو السويد بالسويدية السهلة.\n- اقرأ نصًا قصيرًا بصوت عالٍ لنفسك.\n- اكتب ثلاث جمل عن يومك.\n- تحدث السويدية في التدريب العملي وفي المتجر ومع الجيران. لا بأس إذا أخطأت.\n\nفي المكتبة مقهى لغة حيث يتحدث الناس السويدية معًا.",
      },
    },
  },
  {
    category: "studieteknik",
    texts: {
      sv: {
        title: "Studieteknik: plugga smart",
        body: "Korta pass och pauser hjälper dig att komma ihåg.\n\n- Plugga 25 minuter. Ta sedan 5 minuters paus.\n- Stäng av ljudet på telefonen medan du pluggar.\n- Berätta för någon vad du just har lärt dig.\n- Repetera dagen efter. Då fastnar det bättre.\n\nVill du ha hjälp att göra ett schema? Boka en tid med studiecoachen.",
      },
      en: {
        title: "Study technique: study smart",
        body: "Short sessions and breaks help you remember.\n\n- Study for 25 minutes. Then take a 5-minute break.\n- Turn off the sound on your phone while you study.\n- Tell someone what you have just learnt.\n- Go over it again the next day. Then it sticks better.\n\nWould you like help making a plan? Book a time with the study coach.",
      },
      ar: {
        title: "طرق الدراسة: ادرس بذكاء",
        body: "الجلسات القصيرة والاستراحات تساعدك على التذكر.\n\n- ادرس 25 دقيقة. ثم خذ استراحة 5 دقائق.\n- أطفئ صوت الهاتف أثناء الدراسة.\n- أخبر شخصًا آخر بما تعلمته للتو.\n- راجع في اليوم التالي. هكذا تتذكر بشكل أفضل.\n\nهل تريد مساعدة في وضع جدول؟ احجز موعدًا مع مدرب الدراسة.",
      },
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Seeding

function newCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

interface Slot {
  windowIndex: number;
  day: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Seeds the portal of the demo's two initiatives. Runs inside the seed's transaction, after the
 * register (seedDemoParticipants); the register rows are written in the register zone.
 */
export async function seedDemoPortal(tx: Tx, ctx: DemoPortalContext): Promise<DemoPortalSummary> {
  const found = await tx
    .select({
      id: initiatives.id,
      name: initiatives.name,
      ownerId: initiatives.ownerOrganisationId,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, ctx.associationId),
        inArray(initiatives.name, DEMO_PORTAL_INITIATIVES),
      ),
    );
  const chosen = DEMO_PORTAL_INITIATIVES.flatMap((name) => found.filter((i) => i.name === name));
  const summary: DemoPortalSummary = {
    accounts: 0,
    planSteps: 0,
    availability: 0,
    bookings: 0,
    signIns: 0,
    guides: 0,
    codes: [],
  };
  if (chosen.length === 0) return summary;
  const [demoUser] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_PARTICIPANT_EMAIL));

  const today = todayInSweden(ctx.now);
  const historyFrom = addDays(today, -8 * 31);
  const scope = {
    controllers: [...new Set(chosen.map((i) => i.ownerId))],
    initiatives: chosen.map((i) => i.id),
  };
  const [{ role }] = (await tx.execute(sql`select current_user as role`)).rows as [
    { role: string },
  ];

  // the ongoing enrollments of the two initiatives, read in the register zone
  const enrolled = await inRegister(tx as unknown as Db, scope, (register) =>
    register
      .select({
        enrollmentId: enrollments.id,
        participantId: enrollments.participantId,
        initiativeId: enrollments.initiativeId,
        dataControllerId: enrollments.dataControllerId,
        externalKey: enrollments.externalKey,
        startDate: enrollments.startDate,
        gender: participants.gender,
      })
      .from(enrollments)
      .innerJoin(participants, eq(participants.id, enrollments.participantId))
      .where(
        and(
          inArray(enrollments.initiativeId, scope.initiatives),
          isNull(enrollments.endDate),
          eq(enrollments.voided, false),
        ),
      ),
  );
  await tx.execute(sql`set local role ${sql.identifier(role)}`);

  type Account = (typeof enrolled)[number] & {
    userId: string;
    locale: PortalLocale;
    initiativeName: string;
    dice: Dice;
    since: string;
  };
  const accounts: Account[] = [];
  const seen = new Set<string>();
  let demoLinked = false;
  for (const initiative of chosen) {
    const list = enrolled
      .filter((e) => e.initiativeId === initiative.id)
      .sort(
        (a, b) =>
          (a.externalKey ?? "").localeCompare(b.externalKey ?? "") ||
          a.startDate.localeCompare(b.startDate),
      );
    for (const e of list) {
      if (seen.has(e.participantId)) continue; // one account per person
      const key = `portal:${initiative.name}:${e.externalKey ?? e.startDate}`;
      const dice = new Dice(hashOf(key));
      const linkDemo =
        !demoLinked &&
        demoUser !== undefined &&
        initiative.name === "Uppsala, Lärcentrum digitalt" &&
        e.gender === "kvinna";
      if (!linkDemo && !dice.chance(0.9)) continue;
      seen.add(e.participantId);
      const since = e.startDate > historyFrom ? e.startDate : addDays(historyFrom, dice.int(0, 60));
      accounts.push({
        ...e,
        userId: linkDemo && demoUser ? demoUser.id : "",
        locale: linkDemo ? "sv" : dice.pick(LOCALE_WEIGHTS),
        initiativeName: initiative.name,
        dice,
        since: since > today ? today : since,
      });
      if (linkDemo) demoLinked = true;
    }
  }
  // an Arabic reader in Växtverket for the printed code
  const arabic =
    accounts.find((a) => a.initiativeName === "Tierp, Växtverket" && a.locale === "ar") ??
    accounts.find((a) => a.initiativeName === "Tierp, Växtverket");
  if (arabic) arabic.locale = "ar";

  // the pseudonymous users and their participant role (the demo account has both already)
  const fresh = accounts.filter((a) => a.userId === "");
  if (fresh.length > 0) {
    const made = await tx
      .insert(users)
      .values(
        fresh.map((a) => ({
          email: `deltagare-${sha256(`${ctx.associationId}:${a.enrollmentId}`).slice(0, 20)}@portal.invalid`,
          name: "Deltagare",
          kind: "participant" as const,
          locale: a.locale === "en" ? ("en" as const) : ("sv" as const),
        })),
      )
      .returning({ id: users.id });
    made.forEach((u, i) => {
      (fresh[i] as Account).userId = u.id;
    });
    await tx.insert(roleAssignments).values(
      fresh.map((a) => ({
        userId: a.userId,
        associationId: ctx.associationId,
        initiativeId: a.initiativeId,
        role: "participant" as const,
      })),
    );
  }

  // availability: the last eight months (for the history) and four weeks ahead
  const availabilityRows: (typeof availability.$inferInsert & { id: string })[] = [];
  const slotsByInitiative = new Map<string, { past: Slot[]; future: Slot[] }>();
  for (const initiative of chosen) {
    const specs = WINDOWS[initiative.name] ?? [];
    const slots = { past: [] as Slot[], future: [] as Slot[] };
    for (let day = historyFrom; day <= addDays(today, 28); day = addDays(day, 1)) {
      const dow = weekday(day);
      const future = day > today;
      specs.forEach((spec) => {
        if (!spec.weekdays.includes(dow)) return;
        // the history keeps the coach's on-site times only, every other week
        if (!future && (spec.kind !== "studiecoach" || hashOf(day) % 2 === 0)) return;
        const id = globalThis.crypto.randomUUID();
        availabilityRows.push({
          id,
          associationId: ctx.associationId,
          dataControllerId: initiative.ownerId,
          initiativeId: initiative.id,
          kind: spec.kind,
          title: spec.title,
          mode: spec.mode,
          place: spec.place,
          day,
          opensAt: spec.opens,
          closesAt: spec.closes,
          slotMinutes: spec.slot,
          capacity: spec.capacity,
          createdByName: spec.by,
          createdAt: swedishTime(future ? today : addDays(day, -14), "08:00"),
        });
        if (spec.kind === "studieplats") return; // study places are booked by the hour, freely
        for (
          let m = minutesOf(spec.opens);
          m + spec.slot <= minutesOf(spec.closes);
          m += spec.slot
        ) {
          const startsAt = swedishTime(day, timeOf(m));
          const slot = {
            windowIndex: availabilityRows.length - 1,
            day,
            startsAt,
            endsAt: new Date(startsAt.getTime() + spec.slot * 60_000),
          };
          (future ? slots.future : slots.past).push(slot);
        }
      });
    }
    slotsByInitiative.set(initiative.id, slots);
  }

  // plan steps, sign-ins and bookings per account
  const stepRows: (typeof planSteps.$inferInsert)[] = [];
  const signInRows: (typeof portalSignIns.$inferInsert)[] = [];
  const bookingRows: (typeof bookings.$inferInsert)[] = [];
  const taken = new Set<string>();
  const take = (list: Slot[], dice: Dice, after: string, before: Date): Slot | undefined => {
    const open = list.filter(
      (s) =>
        !taken.has(`${s.windowIndex}|${s.startsAt.getTime()}`) &&
        s.day >= after &&
        s.startsAt < before,
    );
    if (open.length === 0) return undefined;
    const slot = open[dice.int(0, open.length - 1)] as Slot;
    taken.add(`${slot.windowIndex}|${slot.startsAt.getTime()}`);
    return slot;
  };
  for (const a of accounts) {
    const { dice } = a;
    // steps: the first done, one going on, the rest planned
    const count = dice.int(2, 5);
    const first = dice.int(0, STEPS.length - 1);
    for (let k = 0; k < count; k++) {
      const [title, details] = STEPS[(first + k * 5) % STEPS.length] as readonly [
        string,
        string | null,
      ];
      const status: PlanStepStatus = k === 0 && count > 2 ? "klar" : k <= 1 ? "pagar" : "planerad";
      stepRows.push({
        associationId: ctx.associationId,
        dataControllerId: a.dataControllerId,
        initiativeId: a.initiativeId,
        enrollmentId: a.enrollmentId,
        participantId: a.participantId,
        title,
        details,
        dueOn: status === "klar" ? null : addDays(today, 7 * (k + 1) + dice.int(0, 6)),
        status,
        position: k,
        recordedByName: STEP_RECORDER[a.initiativeName] ?? "Studiecoach",
        createdAt: swedishTime(a.since, "10:00"),
        updatedAt: swedishTime(a.since, "10:00"),
      });
    }
    // sign-ins: an activity level per person; months without any for some
    const activity = dice.pick([
      [0.9, 3],
      [0.6, 4],
      [0.3, 3],
    ] as const);
    for (let day = a.since; day <= today; day = addDays(day, 7)) {
      if (!dice.chance(activity)) continue;
      const at = swedishTime(day, timeOf(8 * 60 + dice.int(0, 11 * 60)));
      if (at > ctx.now) continue;
      signInRows.push({
        associationId: ctx.associationId,
        dataControllerId: a.dataControllerId,
        initiativeId: a.initiativeId,
        participantId: a.participantId,
        at,
        method: "kod",
      });
    }
    // past bookings: kept, missed or cancelled
    const slots = slotsByInitiative.get(a.initiativeId);
    if (!slots) continue;
    const past = dice.int(0, 3);
    for (let k = 0; k < past; k++) {
      const slot = take(slots.past, dice, a.since, ctx.now);
      if (!slot) break;
      const status = dice.pick([
        ["genomford", 75],
        ["uteblev", 12],
        ["avbokad", 13],
      ] as const);
      const createdAt = new Date(slot.startsAt.getTime() - dice.int(2, 10) * 86_400_000);
      bookingRows.push({
        availabilityId: availabilityRows[slot.windowIndex]?.id as string,
        associationId: ctx.associationId,
        dataControllerId: a.dataControllerId,
        initiativeId: a.initiativeId,
        participantId: a.participantId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        status,
        bookedBy: dice.chance(0.7) ? "deltagare" : "personal",
        cancelledAt: status === "avbokad" ? new Date(slot.startsAt.getTime() - 86_400_000) : null,
        createdAt: createdAt < swedishTime(a.since) ? swedishTime(a.since) : createdAt,
      });
    }
    // a future booking for about a third (never the demo account: it books for itself)
    if (a.userId !== demoUser?.id && dice.chance(0.35)) {
      const slot = take(slots.future, dice, today, new Date(8.64e15));
      if (slot)
        bookingRows.push({
          availabilityId: availabilityRows[slot.windowIndex]?.id as string,
          associationId: ctx.associationId,
          dataControllerId: a.dataControllerId,
          initiativeId: a.initiativeId,
          participantId: a.participantId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: "bokad",
          bookedBy: "deltagare",
          createdAt: ctx.now,
        });
    }
  }

  await inRegister(tx as unknown as Db, scope, async (register) => {
    const chunks = async <T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
    };
    await chunks(accounts, (chunk) =>
      register.insert(portalAccounts).values(
        chunk.map((a) => ({
          userId: a.userId,
          participantId: a.participantId,
          associationId: ctx.associationId,
          dataControllerId: a.dataControllerId,
          initiativeId: a.initiativeId,
          locale: a.locale,
          reminders: "ingen" as const,
          createdByName: STEP_RECORDER[a.initiativeName] ?? "Studiecoach",
          createdAt: swedishTime(a.since, "09:30"),
        })),
      ),
    );
    await chunks(stepRows, (chunk) => register.insert(planSteps).values(chunk));
    await chunks(availabilityRows, (chunk) => register.insert(availability).values(chunk));
    await chunks(bookingRows, (chunk) => register.insert(bookings).values(chunk));
    await chunks(signInRows, (chunk) => register.insert(portalSignIns).values(chunk));
  });
  await tx.execute(sql`set local role ${sql.identifier(role)}`);

  // the guides, for every initiative of the association
  await tx.insert(portalGuides).values(
    GUIDES.map((g, position) => ({
      associationId: ctx.associationId,
      initiativeId: null,
      category: g.category,
      texts: g.texts,
      published: true,
      position,
      updatedByName: ctx.guideAuthor,
    })),
  );

  // sign-in codes: the demo account (Swedish) and the Arabic reader in Växtverket
  const expiresAt = new Date(ctx.now.getTime() + CODE_VALID_DAYS * 86_400_000);
  const coded = [accounts.find((a) => a.userId === demoUser?.id), arabic].filter(
    (a): a is Account => a !== undefined,
  );
  for (const a of coded) {
    const code = newCode();
    await tx.insert(portalSignInCodes).values({
      userId: a.userId,
      codeHash: sha256(normaliseDemoCode(code)),
      expiresAt,
    });
    summary.codes.push({
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      initiative: a.initiativeName,
      locale: a.locale,
      expiresAt,
    });
  }

  return {
    ...summary,
    accounts: accounts.length,
    planSteps: stepRows.length,
    availability: availabilityRows.length,
    bookings: bookingRows.length,
    signIns: signInRows.length,
    guides: GUIDES.length,
  };
}
