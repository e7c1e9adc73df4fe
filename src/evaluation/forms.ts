// Tyck till's question sets (issue 10; domain/portal.md item 8; ADR 0015): each initiative has a
// short check ("kort", one or two questions, after a meeting or a chapter) and an exit survey
// ("slut", up to fifteen). Until someone edits them they are the defaults below.
//
// Stored on first read: formOf inserts the defaults the first time an initiative's form is
// asked for (ON CONFLICT DO NOTHING, so two first reads at once make one row). Responses point
// at a stored form (form id and version), and the editor's optimistic version starts at 1.
//
// Questions keep their id when edited (results are per question id). A form is shown in a
// participant's language only when every question has that language (formLocale); otherwise
// the whole form is in Swedish — never mixed.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { canOnInitiative } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { LANGUAGE_IN_SWEDISH, PORTAL_LOCALES, type PortalLocale } from "../portal/locales.ts";
import {
  type EvaluationKind,
  type EvaluationQuestion,
  evaluationForms,
  MAX_QUESTIONS,
  QUESTION_TYPES,
  type QuestionText,
  type QuestionType,
} from "./schema.ts";

export const QUESTION_TEXT_MAX = 300;
export const END_WORD_MAX = 40;

/** Who stored the defaults (shown as "changed by" until someone edits the form). */
export const DEFAULTS_BY = "Samspår (standardfrågor)";

const scale = (
  id: string,
  texts: Record<"sv" | "en" | "ar", [string, string, string]>,
): EvaluationQuestion => ({
  id,
  type: "skala",
  texts: Object.fromEntries(
    Object.entries(texts).map(([l, [text, low, high]]) => [l, { text, low, high }]),
  ),
});

const freeText = (id: string, texts: Record<"sv" | "en" | "ar", string>): EvaluationQuestion => ({
  id,
  type: "fritext",
  texts: Object.fromEntries(Object.entries(texts).map(([l, text]) => [l, { text }])),
});

/** The questions every initiative starts with, in Swedish, English and Arabic. */
export const DEFAULT_QUESTIONS: Record<EvaluationKind, readonly EvaluationQuestion[]> = {
  kort: [
    scale("kort-hur", {
      sv: ["Hur var det?", "Inte bra", "Mycket bra"],
      en: ["How was it?", "Not good", "Very good"],
      ar: ["كيف كان؟", "ليس جيدًا", "جيد جدًا"],
    }),
    freeText("kort-battre", {
      sv: "Vad kan bli bättre? Du behöver inte svara.",
      en: "What can be better? You do not have to answer.",
      ar: "ما الذي يمكن أن يكون أفضل؟ لا يجب عليك الإجابة.",
    }),
  ],
  slut: [
    scale("slut-nytta", {
      sv: ["Har du haft nytta av insatsen?", "Ingen nytta", "Mycket nytta"],
      en: ["Has the programme helped you?", "Not at all", "Very much"],
      ar: ["هل استفدت من البرنامج؟", "لم أستفد", "استفدت كثيرًا"],
    }),
    scale("slut-respekt", {
      sv: ["Har du blivit bemött med respekt?", "Aldrig", "Alltid"],
      en: ["Were you treated with respect?", "Never", "Always"],
      ar: ["هل عوملت باحترام؟", "أبدًا", "دائمًا"],
    }),
    scale("slut-sprak", {
      sv: ["Har du fått hjälp på ditt eget språk när du behövde?", "Aldrig", "Alltid"],
      en: ["Did you get help in your own language when you needed it?", "Never", "Always"],
      ar: ["هل حصلت على مساعدة بلغتك عندما احتجت إليها؟", "أبدًا", "دائمًا"],
    }),
    scale("slut-narmare", {
      sv: ["Är du närmare jobb eller studier nu?", "Inte alls", "Mycket närmare"],
      en: ["Are you closer to work or studies now?", "Not at all", "Much closer"],
      ar: ["هل أصبحت أقرب إلى العمل أو الدراسة الآن؟", "لا، أبدًا", "أقرب بكثير"],
    }),
    scale("slut-rekommendera", {
      sv: ["Skulle du tipsa en vän om insatsen?", "Nej, inte alls", "Ja, absolut"],
      en: ["Would you tell a friend about the programme?", "No, not at all", "Yes, for sure"],
      ar: ["هل تنصح صديقًا بهذا البرنامج؟", "لا، أبدًا", "نعم، بالتأكيد"],
    }),
    freeText("slut-bast", {
      sv: "Vad var bäst?",
      en: "What was best?",
      ar: "ما هو أفضل شيء؟",
    }),
    freeText("slut-andra", {
      sv: "Vad skulle du vilja ändra?",
      en: "What would you like to change?",
      ar: "ما الذي تريد تغييره؟",
    }),
  ],
};

export type EvaluationForm = typeof evaluationForms.$inferSelect;

const copy = (questions: readonly EvaluationQuestion[]): EvaluationQuestion[] =>
  structuredClone([...questions]) as EvaluationQuestion[];

/**
 * The initiative's form of this kind. The first read stores the defaults (see the top of the
 * file); the initiative must be the association's (the caller has checked).
 */
export async function formOf(
  q: Queryable,
  initiative: { id: string; associationId: string },
  kind: EvaluationKind,
): Promise<EvaluationForm> {
  const where = and(
    eq(evaluationForms.initiativeId, initiative.id),
    eq(evaluationForms.kind, kind),
  );
  const [found] = await q.select().from(evaluationForms).where(where);
  if (found) return found;
  await q
    .insert(evaluationForms)
    .values({
      associationId: initiative.associationId,
      initiativeId: initiative.id,
      kind,
      questions: copy(DEFAULT_QUESTIONS[kind]),
      updatedByName: DEFAULTS_BY,
    })
    .onConflictDoNothing();
  const [stored] = await q.select().from(evaluationForms).where(where);
  if (!stored) throw new Error("the form was just stored");
  return stored;
}

/** A question has a language when its text (and, for a scale, both end words) are there. */
export const hasLanguage = (question: EvaluationQuestion, locale: PortalLocale): boolean => {
  const t = question.texts[locale];
  if (!t?.text) return false;
  return question.type === "fritext" || Boolean(t.low && t.high);
};

/** The language a form is shown in: the participant's when every question has it, else Swedish. */
export function formLocale(
  form: { questions: readonly EvaluationQuestion[] },
  wanted: PortalLocale,
): PortalLocale {
  return form.questions.length > 0 && form.questions.every((q) => hasLanguage(q, wanted))
    ? wanted
    : "sv";
}

/** The languages every question of the form has ("sv" first). */
export const formLanguages = (form: { questions: readonly EvaluationQuestion[] }): PortalLocale[] =>
  PORTAL_LOCALES.filter((l) => formLocale(form, l) === l);

// ── Editing ──────────────────────────────────────────────────────────────────────────────────

/** One question as the editor sends it. A language left out (undefined) keeps its texts. */
export interface QuestionInput {
  /** The question's id when it is an existing one; blank for a new question. */
  id?: string;
  type: string;
  texts: Partial<Record<PortalLocale, { text?: string; low?: string; high?: string }>>;
}

export interface FormInput {
  questions: QuestionInput[];
}

/** The editor's field names (the error summary links to them). */
export const questionField = (
  index: number,
  part: "text" | "low" | "high" | "type",
  locale?: PortalLocale,
) => (locale ? `q${index}-${part}-${locale}` : `q${index}-${part}`);

const KIND_NAME: Record<EvaluationKind, string> = {
  kort: "Den korta frågan efter möten och kapitel",
  slut: "Slutenkäten",
};

const oneLine = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();

const isQuestionType = (value: string): value is QuestionType =>
  (QUESTION_TYPES as readonly string[]).includes(value);

/** Checks the edited questions against the current ones; every problem at once. */
export function readQuestions(
  kind: EvaluationKind,
  input: FormInput,
  current: readonly EvaluationQuestion[],
): EvaluationQuestion[] {
  const problems: Record<string, string> = {};
  const max = MAX_QUESTIONS[kind];
  if (input.questions.length < 1)
    problems.questions = `${KIND_NAME[kind]} behöver minst en fråga. Lägg till en fråga.`;
  else if (input.questions.length > max)
    problems.questions = `${KIND_NAME[kind]} får ha högst ${max} frågor. Nu har den ${input.questions.length}. Ta bort ${input.questions.length - max}.`;

  const byId = new Map(current.map((q) => [q.id, q]));
  const used = new Set<string>();
  const questions: EvaluationQuestion[] = input.questions.map((raw, index) => {
    const n = index + 1;
    const previous = raw.id ? byId.get(raw.id) : undefined;
    const id = previous && !used.has(previous.id) ? previous.id : randomUUID();
    used.add(id);
    const type = raw.type as QuestionType;
    if (!isQuestionType(raw.type)) {
      problems[questionField(index, "type")] =
        `Välj om fråga ${n} ska besvaras med en skala från 1 till 5 eller med egna ord.`;
    }
    const texts: Partial<Record<PortalLocale, QuestionText>> = {};
    for (const locale of PORTAL_LOCALES) {
      const given = raw.texts[locale];
      if (given === undefined) {
        // not on the page: kept as it was
        const kept = previous?.texts[locale];
        if (kept) texts[locale] = type === "fritext" ? { text: kept.text } : { ...kept };
        continue;
      }
      const language = LANGUAGE_IN_SWEDISH[locale];
      const text = oneLine(given.text);
      const low = type === "skala" ? oneLine(given.low) : "";
      const high = type === "skala" ? oneLine(given.high) : "";
      const textField = questionField(index, "text", locale);
      const lowField = questionField(index, "low", locale);
      const highField = questionField(index, "high", locale);
      const anything = text || low || high;
      if (locale === "sv") {
        if (!text)
          problems[textField] = `Skriv fråga ${n} på svenska. Varje fråga behöver svenska.`;
        if (type === "skala") {
          if (!low)
            problems[lowField] =
              `Skriv vad 1 betyder i fråga ${n} på svenska, till exempel ”Inte bra”.`;
          if (!high)
            problems[highField] =
              `Skriv vad 5 betyder i fråga ${n} på svenska, till exempel ”Mycket bra”.`;
        }
      } else if (anything) {
        if (!text)
          problems[textField] =
            `Skriv fråga ${n} på ${language}, eller töm fälten på ${language} om frågan inte ska finnas på ${language}.`;
        if (type === "skala" && !low)
          problems[lowField] =
            `Skriv vad 1 betyder i fråga ${n} på ${language}, eller töm fälten på ${language}.`;
        if (type === "skala" && !high)
          problems[highField] =
            `Skriv vad 5 betyder i fråga ${n} på ${language}, eller töm fälten på ${language}.`;
      }
      if (text.length > QUESTION_TEXT_MAX)
        problems[textField] =
          `Fråga ${n} på ${language} får ha högst ${QUESTION_TEXT_MAX} tecken. Nu har den ${text.length}. Korta frågan.`;
      for (const [word, field, end] of [
        [low, lowField, "1"],
        [high, highField, "5"],
      ] as const)
        if (word.length > END_WORD_MAX)
          problems[field] =
            `Orden för ${end} i fråga ${n} på ${language} får ha högst ${END_WORD_MAX} tecken. Nu har de ${word.length}. Skriv några få ord.`;
      if (text) texts[locale] = type === "skala" ? { text, low, high } : { text };
    }
    return { id, type, texts };
  });
  if (Object.keys(problems).length) throw new ValidationError(problems);
  return questions;
}

/** The form to change: the initiative must be the association's and the person may edit it. */
async function checkInitiative(
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId: string,
) {
  const [initiative] = /^[0-9a-f-]{36}$/i.test(initiativeId)
    ? await q
        .select({ id: initiatives.id, associationId: initiatives.associationId })
        .from(initiatives)
        .where(and(eq(initiatives.id, initiativeId), eq(initiatives.associationId, associationId)))
    : [];
  if (!initiative || !canOnInitiative(principal, "evaluation.edit", associationId, initiativeId))
    throw new NotFoundError("Insatsen finns inte, eller så får du inte ändra dess frågor.");
  return initiative;
}

/** The initiative's form for its editor (NotFoundError when the person may not edit it). */
export async function formForEditing(
  q: Queryable,
  principal: Principal,
  associationId: string,
  initiativeId: string,
  kind: EvaluationKind,
): Promise<EvaluationForm> {
  const initiative = await checkInitiative(q, principal, associationId, initiativeId);
  return formOf(q, initiative, kind);
}

/**
 * Replaces the questions of one of the initiative's forms (add, remove, reorder, edit): one
 * transaction, the version the editor read (ConflictError if someone saved in between), an
 * audit event saying what changed (counts and languages; the questions are about no person).
 */
export async function updateForm(
  q: Queryable,
  actor: AuditActor,
  principal: Principal,
  associationId: string,
  initiativeId: string,
  kind: EvaluationKind,
  input: FormInput,
  expectedVersion: number,
): Promise<EvaluationForm> {
  return q.transaction(async (tx) => {
    const initiative = await checkInitiative(tx, principal, associationId, initiativeId);
    await formOf(tx, initiative, kind);
    const [current] = await tx
      .select()
      .from(evaluationForms)
      .where(and(eq(evaluationForms.initiativeId, initiativeId), eq(evaluationForms.kind, kind)))
      .for("update");
    if (!current) throw new Error("the form was just stored");
    if (current.version !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat frågorna medan du arbetade. Ladda om sidan, läs deras ändringar och gör din ändring igen.",
      );
    const questions = readQuestions(kind, input, current.questions);
    const before = new Set(current.questions.map((x) => x.id));
    const after = new Set(questions.map((x) => x.id));
    const [row] = await tx
      .update(evaluationForms)
      .set({
        questions,
        updatedByName: principal.name,
        updatedAt: new Date(),
        version: current.version + 1,
      })
      .where(eq(evaluationForms.id, current.id))
      .returning();
    if (!row) throw new Error("update returned nothing");
    await recordAuditEvent(tx, actor, {
      action: "evaluation_form.updated",
      associationId,
      targetType: "evaluation_form",
      targetId: row.id,
      details: {
        initiativeId,
        kind,
        questions: questions.length,
        added: questions.filter((x) => !before.has(x.id)).length,
        removed: current.questions.filter((x) => !after.has(x.id)).length,
        reordered:
          current.questions
            .filter((x) => after.has(x.id))
            .map((x) => x.id)
            .join() !==
          questions
            .filter((x) => before.has(x.id))
            .map((x) => x.id)
            .join(),
        languages: formLanguages({ questions }),
      },
    });
    return row;
  });
}
