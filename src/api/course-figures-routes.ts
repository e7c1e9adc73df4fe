// The portal's courses in the API (issue 10; domain/portal.md item 6): per initiative and course,
// how many participants started it, finished it and how many chapters were completed (kvinnor /
// män / totalt), and the share of quiz answers right at the first try — after the association's
// disclosure control. src/courses/figures.ts counts inside the register zone and protects the
// figures; this file authorizes, reads the period and shapes the answer with the same cells, rows
// and shares as the participant statistics (StatisticsCell, StatisticsRow, StatisticsNamedShare).
// Nothing here names a participant: every figure is a protected count or share.
//
// Who: "portal.usage" — the office and the board for every initiative, the initiative's lead,
// steering group and participant officers for their own initiatives (like the staff page
// src/web/routes/courses-staff/figures.tsx). Several initiatives are never added together here:
// each initiative is its own set of tables, so a figure hidden in one cannot be worked out by
// subtracting one answer from another.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { can, canOnInitiative, ForbiddenError } from "../access/policy.ts";
import type { Principal } from "../access/principal.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { type CourseFigure, type CourseFigures, courseFigures } from "../courses/figures.ts";
import { getInitiative } from "../initiatives/get-initiative.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import { formatUsage, type UsageCell } from "../portal/usage.ts";
import { formatProtected, type ProtectedRatio } from "../register/disclosure.ts";
import { associationOf, guard, guarded, principalOf, type Rule } from "./app.ts";
import { AssociationParams, common, invalid, json, problem, security } from "./operation-kit.ts";
import type { ApiEnv } from "./problems.ts";
import { CellSchema, NamedShareSchema, RowSchema } from "./register-statistics-routes.ts";

const TAG = "Portalen";

// The participant statistics' cell, row and share schemas are reused (the same components in
// the OpenAPI document): a count after disclosure control is {value} or {suppressed, reason,
// display} everywhere.
const rowSchema = RowSchema;
const namedShareSchema = NamedShareSchema;
export const StatisticsCellSchema = CellSchema;

type CellOut = z.infer<typeof StatisticsCellSchema>;
type ShareOut = z.infer<typeof namedShareSchema>["share"];

/** A protected count as the API shapes it everywhere (see register-statistics-routes.ts). */
export const usageCellOut = (cell: UsageCell): CellOut =>
  "value" in cell
    ? { value: cell.value }
    : { suppressed: true, reason: cell.suppressed, display: formatUsage(cell) };

const shareOut = (share: ProtectedRatio): ShareOut =>
  "ratio" in share
    ? { ratio: share.ratio, display: formatProtected(share) }
    : { suppressed: true, reason: share.suppressed, display: formatProtected(share) };

// ---------------------------------------------------------------------------------------------
// The period and the initiatives: shared with Tyck till's results (evaluation-results-routes.ts)

export const monthQuery = {
  from: z
    .string()
    .max(20)
    .optional()
    .openapi({
      param: { name: "from", in: "query" },
      description:
        "Periodens första månad (ÅÅÅÅ-MM). Utelämnad: januari samma år som periodens sista månad.",
      example: "2026-01",
    }),
  to: z
    .string()
    .max(20)
    .optional()
    .openapi({
      param: { name: "to", in: "query" },
      description:
        "Periodens sista månad (ÅÅÅÅ-MM), månaden räknas med. Utelämnad: den här månaden.",
      example: "2026-06",
    }),
  initiativeId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: "initiativeId", in: "query" },
      description:
        "Bara den här insatsen. Utelämnad: alla individinriktade insatser som nyckelns ägare får se siffrorna för.",
      example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
    }),
};

/** The months asked for, with the defaults: January of the last month's year to this month. */
export function monthPeriod(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? todayInSweden().slice(0, 7);
  const from = query.from ?? `${/^\d{4}/.exec(to)?.[0] ?? todayInSweden().slice(0, 4)}-01`;
  return { from, to };
}

/** The initiatives of the association whose portal figures the principal reads: "all" or ids. */
function usageScope(principal: Principal, associationId: string): "all" | string[] {
  if (can(principal, "portal.usage", associationId)) return "all";
  return [
    ...new Set(
      principal.grants
        .filter((g) => g.associationId === associationId && g.initiativeId)
        .map((g) => g.initiativeId as string),
    ),
  ].filter((id) => canOnInitiative(principal, "portal.usage", associationId, id));
}

/** Reads the portal's protected figures of the association or of some initiative of it. */
export const readsPortalFigures: Rule = (principal, associationId) => {
  const scope = usageScope(principal, associationId);
  return scope === "all" || scope.length > 0;
};

const INITIATIVE_NOT_FOUND = "Insatsen finns inte i förbundet. Kontrollera insatsens id.";

/**
 * The initiatives an answer covers, in name order: the one asked for (404 when it is not the
 * association's, 403 when the principal may not read its figures), or every individual
 * initiative the principal may read.
 */
export async function initiativesRead(
  db: Db,
  principal: Principal,
  associationId: string,
  initiativeId: string | undefined,
): Promise<{ id: string; name: string }[]> {
  const scope = usageScope(principal, associationId);
  if (initiativeId) {
    const initiative = await getInitiative(db, associationId, initiativeId);
    if (!initiative) throw new NotFoundError(INITIATIVE_NOT_FOUND);
    if (scope !== "all" && !scope.includes(initiativeId)) throw new ForbiddenError("portal.usage");
    return [{ id: initiative.id, name: initiative.name }];
  }
  const rows = await db
    .select({ id: initiatives.id, name: initiatives.name })
    .from(initiatives)
    .where(
      and(eq(initiatives.associationId, associationId), eq(initiatives.orientation, "individual")),
    );
  return rows
    .filter((r) => scope === "all" || scope.includes(r.id))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export const PORTAL_FIGURES_READERS =
  "Kräver behörigheten portal.usage: förbundets kansli och styrelse ser alla insatser, insatsens ansvariga, styrgrupp och deltagarhandläggare bara sina egna.";

// ---------------------------------------------------------------------------------------------
// Schemas

const DisclosureSchema = z
  .object({
    suppressedCells: z.number().int().openapi({
      description: "Antal och andelar som inte visas, sammanlagt (varje uppgift räknas en gång).",
      example: 4,
    }),
    primary: z.number().int().openapi({ description: "Antal under tröskeln." }),
    secondary: z.number().int().openapi({ description: "Antal dolda för att skydda andra." }),
    sharesNotShown: z.number().int().openapi({ description: "Andelar som inte visas." }),
    leftOut: z.number().int().openapi({ description: "Summor som lämnats ute." }),
    reasons: z.array(z.string()).openapi({
      description: "Varför uppgifter inte visas, på svenska; aldrig vilka värden.",
      example: ["3 uppgifter avser färre än 5 personer (0 inräknat) och visas som ”< 5”."],
    }),
  })
  .openapi("PortalFiguresDisclosure", {
    description: "Hur många uppgifter som inte visas och varför.",
  });

const CourseSchema = z
  .object({
    courseId: z.uuid(),
    title: z.string().openapi({ example: "Samhällsorientering" }),
    chapters: z.number().int().openapi({
      description: "Antal kapitel i kursens senaste version.",
      example: 4,
    }),
    version: z.number().int().openapi({ description: "Senaste versionens nummer.", example: 2 }),
    withdrawn: z.boolean().openapi({ description: "Kursen är tillbakadragen ur portalen." }),
    forAll: z.boolean().openapi({
      description: "Förbundets kurs (för alla insatsers deltagare); false: insatsens egen kurs.",
    }),
    rows: z.array(rowSchema).openapi({
      description:
        "started, finished och chapters. Raderna läggs inte ihop (en person kan börja en period och bli klar en annan), och kurser läggs inte ihop; partOf är alltid null.",
    }),
    quiz: namedShareSchema.nullable().openapi({
      description:
        "Andelen rätt på första försöket (key quiz), eller null när kursen saknar frågor.",
    }),
  })
  .openapi("CourseFigure", {
    description: "En kurs: påbörjade, avslutade och klara kapitel per kön, och kunskapsfrågorna.",
  });

const CourseFiguresSchema = z
  .object({
    period: z.object({
      from: z.string().openapi({ example: "2026-01" }),
      to: z.string().openapi({ example: "2026-06" }),
      fromLabel: z.string().openapi({ example: "januari 2026" }),
      toLabel: z.string().openapi({ example: "juni 2026" }),
    }),
    threshold: z.number().int().openapi({
      description:
        "Förbundets tröskel för röjandekontroll (0: avstängd). Antal under tröskeln visas som ”< tröskeln”.",
      example: 5,
    }),
    allowTrueZero: z.boolean().openapi({
      description:
        "Förbundets inställning om en sann nolla visas som 0 (annars som ”< tröskeln”, som ett litet antal).",
    }),
    genderNote: z.string().openapi({ description: "Hur könskolumnerna ska läsas." }),
    initiatives: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string().openapi({ example: "Uppsala Lärcentrum digitalt" }),
          courses: z.array(CourseSchema).openapi({
            description:
              "Förbundets kurser och insatsens egna som har publicerats, i kursernas ordning.",
          }),
          disclosure: DisclosureSchema,
        }),
      )
      .openapi({ description: "Varje insats för sig, i namnordning." }),
  })
  .openapi("CourseFigures", {
    description:
      "Kurserna i portalen efter röjandekontroll. Varje rad och andel har sin definition. Inga enskilda deltagare.",
  });

export const getCourseFiguresRoute = createRoute({
  method: "get",
  path: "/associations/{slug}/course-figures",
  operationId: "getCourseFigures",
  tags: [TAG],
  summary: "Kurserna i portalen efter röjandekontroll",
  description: `Per insats och kurs för en period av hela månader: hur många deltagare som påbörjade kursen, hur många som blev klara med den och hur många kapitel som blev klara (kvinnor, män och totalt), och andelen kunskapsfrågor med rätt svar på första försöket. Antal under förbundets tröskel visas inte, och inte heller så många andra att de kan räknas fram. Svaret har aldrig en enskild deltagare. ${PORTAL_FIGURES_READERS}`,
  security,
  request: { params: AssociationParams, query: z.object(monthQuery) },
  responses: {
    200: json(CourseFiguresSchema, "Siffrorna."),
    400: invalid,
    403: problem(
      "Nyckelns ägare saknar behörigheten portal.usage, eller får inte se siffrorna för den insats som angavs.",
    ),
    404: problem(
      "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
    ),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Answers

export function disclosureOut(figures: Pick<CourseFigures, "disclosure" | "leftOut">) {
  const d = figures.disclosure;
  const sharesNotShown = d.shares.denominator + d.shares.numerator + d.shares.complement;
  return {
    suppressedCells: d.primary + d.secondary + sharesNotShown + figures.leftOut,
    primary: d.primary,
    secondary: d.secondary,
    sharesNotShown,
    leftOut: figures.leftOut,
    reasons: [...d.reasons],
  };
}

const courseOut = (c: CourseFigure): z.infer<typeof CourseSchema> => ({
  courseId: c.courseId,
  title: c.title,
  chapters: c.chapters,
  version: c.version,
  withdrawn: c.withdrawn,
  forAll: c.forAll,
  rows: c.rows.map((r) => ({
    key: r.key,
    label: r.label,
    definition: r.definition,
    partOf: null,
    kvinnor: usageCellOut(r.kvinnor),
    man: usageCellOut(r.man),
    totalt: usageCellOut(r.totalt),
  })),
  quiz: c.quiz
    ? {
        key: "quiz",
        label: c.quiz.label,
        definition: c.quiz.definition,
        share: shareOut(c.quiz.share),
      }
    : null,
});

type Labels = { from: string; to: string };

export function courseFiguresOut(
  period: { from: string; to: string },
  perInitiative: readonly { id: string; name: string; figures: CourseFigures }[],
  defaults: { threshold: number; allowTrueZero: boolean; genderNote: string; labels: Labels },
): z.infer<typeof CourseFiguresSchema> {
  return {
    period: { ...period, fromLabel: defaults.labels.from, toLabel: defaults.labels.to },
    threshold: defaults.threshold,
    allowTrueZero: defaults.allowTrueZero,
    genderNote: defaults.genderNote,
    initiatives: perInitiative.map((i) => ({
      id: i.id,
      name: i.name,
      courses: i.figures.courses.map(courseOut),
      disclosure: disclosureOut(i.figures),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Registration

export function registerCourseFiguresRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  app.openapi(
    guarded(getCourseFiguresRoute, guard(services, "portal.usage", readsPortalFigures)),
    async (c) => {
      const query = c.req.valid("query");
      const association = associationOf(c);
      const period = monthPeriod(query);
      const list = await initiativesRead(
        services.db,
        principalOf(c),
        association.id,
        query.initiativeId,
      );
      // every initiative is counted and protected on its own (the association's own threshold);
      // with none to count, the period is still checked and named
      const perInitiative = [];
      for (const initiative of list)
        perInitiative.push({
          ...initiative,
          figures: await courseFigures(services.db, association.id, {
            ...period,
            initiativeIds: [initiative.id],
          }),
        });
      const named =
        perInitiative[0]?.figures ??
        (await courseFigures(services.db, association.id, { ...period, initiativeIds: [] }));
      return c.json(
        courseFiguresOut(period, perInitiative, {
          threshold: named.threshold,
          allowTrueZero: named.allowTrueZero,
          genderNote: named.genderNote,
          labels: { from: named.period.fromLabel, to: named.period.toLabel },
        }),
        200,
      );
    },
  );
}
