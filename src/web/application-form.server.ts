// What the application form posts, and the loader and action code its two pages (new and
// edit) share. The form's values are text by field name, as typed: numbers and amounts are
// read by validateApplication, which reports each problem at the field it names, so every
// input's id and name is its error key (`goals.0.targetPercent`, `budget.2027.personal`,
// `coFinancing.1.amount`). Empty rows are left out and the rest numbered from 0, as the
// validator numbers them.
import { data } from "react-router";
import { can, canCreateApplication, canOnInitiative, ForbiddenError } from "../access/policy.ts";
import {
  type ApplicationContent,
  BUDGET_CATEGORIES,
  emptyContent,
} from "../applications/content.ts";
import { getApplication } from "../applications/get-application.ts";
import {
  createApplication,
  EDITABLE_STATUSES,
  saveApplication,
} from "../applications/save-application.ts";
import { getApplicationSettings } from "../applications/settings.ts";
import type { ApplicationInput } from "../applications/validate-application.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { listMemberOrganisations } from "../associations/member-organisations.ts";
import { isoDate } from "../initiatives/validate-initiative.ts";
import {
  type ConflictChange,
  ConflictError,
  NotFoundError,
  ValidationError,
} from "../platform/errors.ts";
import { parseKronor, sumKronor } from "../platform/money.ts";
import { UUID } from "../platform/uuid.ts";
import { actorOf, redirectWithNotice, requireAssociation, text } from "./guard.server.ts";
import type { ApplicationBudgetView, ApplicationFormFailure } from "./ui/application-form.tsx";
import { initiativeFormValues, initiativeInput } from "./ui/initiative-form.tsx";

type Ctx = Parameters<typeof requireAssociation>[0];

/** See the top of the file: the form's fields as text by name. */
export type ApplicationFormValues = Record<string, string>;

const NARRATIVE = [
  "purpose",
  "background",
  "methods",
  "followUp",
  "implementation",
  "anchoringDescription",
] as const;
const CO_FINANCING_FIELDS = ["organisationId", "kind", "year", "amount"] as const;
/** A co-financing row with only its kind chosen is empty (the validator agrees). */
const CO_FINANCING_FILLED = ["organisationId", "year", "amount"] as const;
const BUDGET_KEY = /^budget\.(\d{4})\.([a-z]+)$/;
/** At most this many budget years from the planned dates (a typo like 2206 adds no 180 columns). */
const MAX_YEARS = 10;

const isBudgetCategory = (c: string): c is (typeof BUDGET_CATEGORIES)[number] =>
  (BUDGET_CATEGORIES as readonly string[]).includes(c);

/** The `coFinancing.<i>.<field>` rows of a post, empty ones left out, in order. */
function postedCoFinancing(form: FormData): Array<Record<string, string>> {
  const indices = new Set<number>();
  for (const key of form.keys()) {
    const match = /^coFinancing\.(\d{1,4})\./.exec(key);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((i) => {
      const row: Record<string, string> = {};
      for (const f of CO_FINANCING_FIELDS) {
        const value = form.get(`coFinancing.${i}.${f}`);
        row[f] = typeof value === "string" ? value : "";
      }
      return row;
    })
    .filter((row) => CO_FINANCING_FILLED.some((f) => (row[f] ?? "").trim() !== ""));
}

function rowsOf(values: ApplicationFormValues, list: string, fields: readonly string[]) {
  let count = 0;
  for (const key of Object.keys(values)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.`).exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(fields.map((f) => [f, values[`${list}.${i}.${f}`] ?? ""])),
  );
}

/** What the application form posted, as form values. */
export function applicationFormValues(form: FormData): ApplicationFormValues {
  const field = (name: string) => text(form, name);
  // the initiative's own fields post and parse as on the initiative form
  const { status: _s, plannedEndDate: _p, ...values } = initiativeFormValues(form);
  for (const name of NARRATIVE) values[name] = field(name);
  values.genderTargetWomenPercent = field("genderTargetWomenPercent");
  const anchored = field("anchored");
  values.anchored = anchored === "ja" || anchored === "nej" ? anchored : "";
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const match = BUDGET_KEY.exec(key);
    if (match && isBudgetCategory(match[2] ?? "")) values[key] = value;
  }
  postedCoFinancing(form).forEach((row, i) => {
    for (const [f, v] of Object.entries(row)) values[`coFinancing.${i}.${f}`] = v;
  });
  return values;
}

/** Form values as the use case's input; ids that are no ids (a tampered form) are left out. */
export function applicationInput(values: ApplicationFormValues): ApplicationInput {
  const get = (name: string) => values[name] ?? "";
  const { status: _s, plannedEndDate: _p, ...initiative } = initiativeInput(values);
  const budget: ApplicationInput["budget"] = [];
  for (const [key, amount] of Object.entries(values)) {
    const match = BUDGET_KEY.exec(key);
    if (match?.[1] && match[2]) budget.push({ year: match[1], category: match[2], amount });
  }
  return {
    ...initiative,
    purpose: get("purpose"),
    background: get("background"),
    methods: get("methods"),
    followUp: get("followUp"),
    implementation: get("implementation"),
    genderTargetWomenPercent: get("genderTargetWomenPercent"),
    budget,
    coFinancing: rowsOf(values, "coFinancing", CO_FINANCING_FIELDS).map((row) => ({
      organisationId: UUID.test(row.organisationId ?? "") ? (row.organisationId ?? "") : "",
      kind: row.kind ?? "",
      year: row.year ?? "",
      amount: row.amount ?? "",
    })),
    anchored: get("anchored") === "ja" ? true : get("anchored") === "nej" ? false : null,
    anchoringDescription: get("anchoringDescription"),
  };
}

/** Whole kronor as a person writes them (and parseKronor reads them): "1 200 000". */
const kronor = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** A stored application's content as form values, for the edit form. */
export function applicationValuesOf(c: ApplicationContent): ApplicationFormValues {
  const number = (n: number | null) => (n === null ? "" : String(n));
  const on = (b: boolean) => (b ? "on" : "");
  const values: ApplicationFormValues = {
    name: c.name,
    ownerOrganisationId: c.ownerOrganisationId,
    partnerIds: c.partnerIds.join(","),
    orientation: c.orientation,
    preRehabilitation: on(c.preRehabilitation),
    esf: on(c.esf),
    purpose: c.purpose,
    background: c.background,
    startDate: c.startDate ?? "",
    endDate: c.endDate ?? "",
    lastIntakeDate: c.lastIntakeDate ?? "",
    targetGroup: c.targetGroup,
    expectedParticipants: number(c.expectedParticipants),
    expectedParticipantsOngoing: on(c.expectedParticipantsOngoing),
    genderTargetWomenPercent: number(c.genderTargetWomenPercent),
    methods: c.methods,
    followUp: c.followUp,
    implementation: c.implementation,
    anchored: c.anchored === null ? "" : c.anchored ? "ja" : "nej",
    anchoringDescription: c.anchoringDescription,
  };
  c.goals.forEach((g, i) => {
    values[`goals.${i}.text`] = g.text;
    values[`goals.${i}.kind`] = g.kind;
    values[`goals.${i}.targetNumber`] = number(g.targetNumber);
    values[`goals.${i}.targetPercent`] = number(g.targetPercent);
  });
  c.localUnits.forEach((u, i) => {
    values[`localUnits.${i}.name`] = u.name;
    values[`localUnits.${i}.expectedParticipants`] = number(u.expectedParticipants);
  });
  for (const b of c.budget) values[`budget.${b.year}.${b.category}`] = kronor(b.amount);
  c.coFinancing.forEach((f, i) => {
    values[`coFinancing.${i}.organisationId`] = f.organisationId;
    values[`coFinancing.${i}.kind`] = f.kind;
    values[`coFinancing.${i}.year`] = String(f.year);
    values[`coFinancing.${i}.amount`] = kronor(f.amount);
  });
  return values;
}

/**
 * The budget matrix for the values shown: its years (the planned start to end year; without
 * usable dates this year and the next two; always every year that already has an amount)
 * and the totals of the amounts that can be read.
 */
export function budgetView(
  values: ApplicationFormValues,
  today = todayInSweden(),
): ApplicationBudgetView {
  const start = isoDate(values.startDate);
  const end = isoDate(values.endDate);
  const startYear = start && start !== "invalid" ? Number(start.slice(0, 4)) : null;
  const endYear = end && end !== "invalid" ? Number(end.slice(0, 4)) : null;
  const years = new Set<number>();
  const from = startYear ?? Number(today.slice(0, 4));
  const to =
    startYear !== null && endYear !== null && endYear >= startYear
      ? Math.min(endYear, startYear + MAX_YEARS - 1)
      : from + 2;
  for (let y = from; y <= to; y++) years.add(y);
  const amounts: Array<{ year: number; category: string; amount: number }> = [];
  for (const [key, value] of Object.entries(values)) {
    const match = BUDGET_KEY.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const year = Number(match[1]);
    years.add(year);
    const amount = parseKronor(value);
    if (typeof amount === "number") amounts.push({ year, category: match[2], amount });
  }
  const sorted = [...years].sort((a, b) => a - b);
  const sum = (keep: (a: (typeof amounts)[number]) => boolean) =>
    sumKronor(amounts.filter(keep).map((a) => a.amount));
  return {
    years: sorted,
    categoryTotals: Object.fromEntries(
      BUDGET_CATEGORIES.map((c) => [c, sum((a) => a.category === c)]),
    ),
    yearTotals: Object.fromEntries(sorted.map((y) => [String(y), sum((a) => a.year === y)])),
    total: sum(() => true),
  };
}

/** The form's choices and texts: the association's member organisations and help texts. */
async function formContext(
  db: Parameters<typeof getApplicationSettings>[0],
  associationId: string,
) {
  const settings = await getApplicationSettings(db, associationId);
  const organisations = (await listMemberOrganisations(db, associationId))
    .map((o) => ({ id: o.id, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { organisations, helpTexts: settings.helpTexts, formVersion: settings.formVersion };
}

/** A refusal the form shows: its errors at their fields, what was typed, the budget it makes. */
function failure(
  status: 400 | 409,
  errors: Record<string, string>,
  values: ApplicationFormValues,
  changes?: ConflictChange[],
) {
  const body: ApplicationFormFailure = {
    errors,
    values,
    budget: budgetView(values),
    ...(changes ? { changes } : {}),
  };
  return data(body, { status });
}

/** Runs a save; turns what the person can fix into the form's refusal. */
async function attemptSave<T>(
  run: () => Promise<T>,
  values: ApplicationFormValues,
): Promise<{ ok: true; value: T } | { ok: false; failure: ReturnType<typeof failure> }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof ValidationError) {
      // "status" (no longer editable) belongs to the whole form, not to a field
      const { status, ...fields } = error.fields;
      return {
        ok: false,
        failure: failure(400, status ? { form: status, ...fields } : fields, values),
      };
    }
    if (error instanceof ConflictError) {
      return {
        ok: false,
        failure: failure(409, { form: error.message }, values, error.changes),
      };
    }
    if (error instanceof NotFoundError) throw data({ message: error.message }, { status: 404 });
    throw error;
  }
}

// ---- the new application page ----

async function requireCreate(context: Ctx, request: Request, slug: string | undefined) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  if (!canCreateApplication(access.principal, access.association.id))
    throw data({ message: new ForbiddenError("applications.create").message }, { status: 403 });
  return {
    ...access,
    /** The office registers applications that arrived on paper or by e-mail. */
    office: can(access.principal, "applications.manage", access.association.id),
  };
}

export async function newApplicationLoader(
  context: Ctx,
  request: Request,
  slug: string | undefined,
) {
  const { state, association, office } = await requireCreate(context, request, slug);
  const values = applicationValuesOf(emptyContent());
  return {
    slug: association.slug,
    office,
    values,
    budget: budgetView(values),
    ...(await formContext(state.services.db, association.id)),
  };
}

export async function newApplicationAction(
  context: Ctx,
  request: Request,
  slug: string | undefined,
) {
  const { state, principal, association, office } = await requireCreate(context, request, slug);
  const form = await request.formData();
  const values = applicationFormValues(form);
  const onPaper = office && form.has("onPaper");
  if (onPaper) values.onPaper = "on";
  const result = await attemptSave(
    () =>
      createApplication(
        state.services.db,
        actorOf(state),
        association.id,
        applicationInput(values),
        // an applicant who is not the office leads the new initiative, so they can go on
        onPaper
          ? { onPaper: true }
          : can(principal, "applications.create", association.id)
            ? {}
            : { makeCreatorLead: true },
      ),
    values,
  );
  if (!result.ok) return result.failure;
  return redirectWithNotice(`/${association.slug}/ansokningar/${result.value}`, "skapad");
}

// ---- the edit page ----

async function requireEdit(
  context: Ctx,
  request: Request,
  slug: string | undefined,
  applicationId: string | undefined,
) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const { state, principal, association } = access;
  const application = applicationId
    ? await getApplication(state.services.db, association.id, applicationId)
    : undefined;
  if (!application) throw data({ message: "Ansökan finns inte." }, { status: 404 });
  if (!canOnInitiative(principal, "application.edit", association.id, application.initiativeId))
    throw data({ message: new ForbiddenError("application.edit").message }, { status: 403 });
  return { ...access, application };
}

export async function editApplicationLoader(
  context: Ctx,
  request: Request,
  slug: string | undefined,
  applicationId: string | undefined,
) {
  const { state, association, application } = await requireEdit(
    context,
    request,
    slug,
    applicationId,
  );
  const values = {
    ...applicationValuesOf(application.content),
    version: String(application.version),
  };
  return {
    slug: association.slug,
    id: application.id,
    name: application.content.name,
    status: application.status,
    editable: EDITABLE_STATUSES.has(application.status),
    values,
    budget: budgetView(values),
    ...(await formContext(state.services.db, association.id)),
  };
}

export async function editApplicationAction(
  context: Ctx,
  request: Request,
  slug: string | undefined,
  applicationId: string | undefined,
) {
  const { state, association, application } = await requireEdit(
    context,
    request,
    slug,
    applicationId,
  );
  const form = await request.formData();
  // the version the typed values are based on stays with them: saving again after a conflict
  // is refused again, rather than overwriting what the other person saved
  const values = { ...applicationFormValues(form), version: text(form, "version") };
  const version = Number(values.version);
  const result = await attemptSave(
    () =>
      saveApplication(
        state.services.db,
        actorOf(state),
        association.id,
        application.id,
        // a missing or mangled version can only be compared as "not the current one"
        Number.isSafeInteger(version) && version > 0 ? version : 0,
        applicationInput(values),
      ),
    values,
  );
  if (!result.ok) return result.failure;
  const removed = result.value.signaturesRemoved;
  const to = `/${association.slug}/ansokningar/${application.id}`;
  return redirectWithNotice(removed ? `${to}?underskrifter=${removed}` : to, "sparad");
}
