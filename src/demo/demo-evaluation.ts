// The demo's Tyck till (issue 10): the two portal initiatives ("Tierp, Växtverket" and
// "Uppsala, Lärcentrum digitalt") get their question sets stored (the defaults) and about a
// hundred answers spread over the six months up to the demo's today — after meetings, after the
// chapters of the learning centre's course, and exit surveys. Scales lean to 3–5, as real
// answers do; a few answers in plain Swedish say something in the participant's own words and
// name nobody.
//
// Responses are register data and are written in the register zone (as demo-portal.ts writes
// its rows). They carry no participant, so no receipts are made: the demo participant still has
// their own checks open in the portal.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { courses, courseVersions } from "../courses/schema.ts";
import { formOf } from "../evaluation/forms.ts";
import {
  type EvaluationContext,
  type EvaluationQuestion,
  evaluationResponses,
  type ResponseAnswer,
} from "../evaluation/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db, Tx } from "../platform/database/connect.ts";
import { inRegister } from "../register/zone.ts";
import { DEMO_PORTAL_INITIATIVES } from "./demo-portal.ts";

/** The demo's today (seed-demo.ts DEMO_TODAY): answers run over the six months up to it. */
const DEMO_MONTH = "2026-11";

export interface DemoEvaluationContext {
  associationId: string;
  /** "ÅÅÅÅ-MM": the last month with answers (the demo's today by default). */
  lastMonth?: string;
}

export interface DemoEvaluationSummary {
  forms: number;
  responses: number;
}

/** A small deterministic random source, so every seeding gives the same demo. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SCALE_WEIGHTS = [0.03, 0.07, 0.2, 0.38, 0.32];

const FREE_TEXTS: Record<string, string[]> = {
  kort: [
    "Bra att vi gick igenom allt lugnt.",
    "Jag vill ha tiden lite tidigare på dagen.",
    "Fler bilder skulle hjälpa mig.",
    "Det var lätt att förstå.",
    "Ibland gick det för fort.",
    "Skönt att kunna ställa frågor.",
  ],
  slut: [
    "Jag fick hjälp att skriva mitt CV.",
    "Att träffas varje vecka gjorde att jag orkade.",
    "Mer tid för praktik.",
    "Jag förstår mer svenska nu.",
    "Bra bemötande hela tiden.",
    "Jag hade velat börja tidigare.",
  ],
};

const monthsBack = (last: string, back: number): string => {
  const [y, m] = last.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-01`;
};

function answersTo(
  questions: readonly EvaluationQuestion[],
  kind: "kort" | "slut",
  next: () => number,
): ResponseAnswer[] {
  return questions.map((q) => {
    let value: number | string | null = null;
    if (q.type === "skala") {
      let r = next();
      value = 5;
      for (let i = 0; i < SCALE_WEIGHTS.length; i++) {
        r -= SCALE_WEIGHTS[i] as number;
        if (r < 0) {
          value = i + 1;
          break;
        }
      }
      if (next() < 0.05) value = null; // left empty now and then
    } else if (next() < 0.25) {
      const texts = FREE_TEXTS[kind] as string[];
      value = texts[Math.floor(next() * texts.length)] as string;
    }
    return { questionId: q.id, type: q.type, questionSv: q.texts.sv?.text ?? "", value };
  });
}

export async function seedDemoEvaluation(
  tx: Tx,
  ctx: DemoEvaluationContext,
): Promise<DemoEvaluationSummary> {
  const found = await tx
    .select({
      id: initiatives.id,
      name: initiatives.name,
      associationId: initiatives.associationId,
      ownerId: initiatives.ownerOrganisationId,
    })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.associationId, ctx.associationId),
        inArray(initiatives.name, DEMO_PORTAL_INITIATIVES),
      ),
    );
  const summary: DemoEvaluationSummary = { forms: 0, responses: 0 };
  if (found.length === 0) return summary;
  const last = ctx.lastMonth ?? DEMO_MONTH;

  // the chapters of the published courses the initiatives' participants read
  const courseRows = await tx
    .select({ id: courses.id, initiativeId: courses.initiativeId })
    .from(courses)
    .where(eq(courses.associationId, ctx.associationId));
  const versions =
    courseRows.length === 0
      ? []
      : await tx
          .selectDistinctOn([courseVersions.courseId], {
            courseId: courseVersions.courseId,
            snapshot: courseVersions.snapshot,
          })
          .from(courseVersions)
          .where(
            inArray(
              courseVersions.courseId,
              courseRows.map((c) => c.id),
            ),
          )
          .orderBy(courseVersions.courseId, desc(courseVersions.number));

  const rows: (typeof evaluationResponses.$inferInsert)[] = [];
  for (const [n, initiative] of found.entries()) {
    const kort = await formOf(tx, initiative, "kort");
    const slut = await formOf(tx, initiative, "slut");
    summary.forms += 2;
    const chapters = versions
      .filter((v) => {
        const course = courseRows.find((c) => c.id === v.courseId);
        return course && (course.initiativeId === null || course.initiativeId === initiative.id);
      })
      .flatMap((v) => v.snapshot.chapters.map((c) => ({ courseId: v.courseId, chapterId: c.id })));
    const next = random(20261123 + n);
    const count = 45 + Math.floor(next() * 15);
    for (let i = 0; i < count; i++) {
      const month = monthsBack(last, Math.floor(next() * 6));
      const roll = next();
      const context: EvaluationContext =
        roll < 0.12 ? "slut" : chapters.length > 0 && roll < 0.5 ? "kapitel" : "mote";
      const chapter =
        context === "kapitel" ? chapters[Math.floor(next() * chapters.length)] : undefined;
      const form = context === "slut" ? slut : kort;
      rows.push({
        associationId: ctx.associationId,
        dataControllerId: initiative.ownerId,
        initiativeId: initiative.id,
        formId: form.id,
        formVersion: form.version,
        kind: form.kind,
        context,
        courseId: chapter?.courseId ?? null,
        chapterId: chapter?.chapterId ?? null,
        month,
        answers: answersTo(form.questions, form.kind, next),
      });
    }
  }
  const scope = {
    controllers: [...new Set(found.map((i) => i.ownerId))],
    initiatives: found.map((i) => i.id),
  };
  const [{ role }] = (await tx.execute(sql`select current_user as role`)).rows as [
    { role: string },
  ];
  await inRegister(tx as unknown as Db, scope, (register) =>
    register.insert(evaluationResponses).values(rows),
  );
  // the register zone's SET LOCAL ROLE outlives the savepoint: back to the seeding role
  await tx.execute(sql`set local role ${sql.identifier(role)}`);
  summary.responses = rows.length;
  return summary;
}
