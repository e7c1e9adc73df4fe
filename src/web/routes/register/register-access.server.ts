// The participant register's pages, server side: the person's register scope (participant
// officers only, on their own initiatives; anybody else gets 403), the register's crypto with
// the process's key, the initiatives in scope as the forms need them, and the checks the forms
// share. Every register query of the pages goes through the use cases of src/register, inside
// the scope taken here.
import { data, type RouterContextProvider } from "react-router";
import { canOnInitiative, ForbiddenError, type Permission } from "../../../access/policy.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { getInitiative } from "../../../initiatives/get-initiative.ts";
import type { Db } from "../../../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../../../platform/errors.ts";
import { isUuid } from "../../../platform/uuid.ts";
import { registerCryptoFor } from "../../../register/key.server.ts";
import { registerScopeFor } from "../../../register/scope.ts";
import { requireAssociation } from "../../guard.server.ts";

type Ctx = Readonly<RouterContextProvider>;

export const forbidden = (permission: Permission) =>
  data({ message: new ForbiddenError(permission).message }, { status: 403 });

export interface ScopeInitiative {
  id: string;
  name: string;
  orientation: "individual" | "structural";
  startDate: string | null;
  endDate: string | null;
  localUnits: Array<{ id: string; name: string }>;
}

/**
 * The register as the signed-in person may work in it: a participant officer's scope (every
 * initiative they hold the role on), or 403 for anybody else — the office, the board and the
 * other initiative roles never see a participant.
 */
export async function requireRegister(context: Ctx, request: Request, slug: string | undefined) {
  const access = await requireAssociation(context, request, slug, "association.enter");
  const { state, principal, association } = access;
  const db = state.services.db;
  const register = await registerScopeFor(db, principal, association.id);
  if (register.scope.initiatives.length === 0) throw forbidden("register.view");
  const initiatives: ScopeInitiative[] = [];
  for (const id of register.scope.initiatives) {
    const found = await getInitiative(db, association.id, id);
    if (found)
      initiatives.push({
        id: found.id,
        name: found.name,
        orientation: found.orientation,
        startDate: found.startDate,
        endDate: found.endDate,
        localUnits: found.localUnits.map((u) => ({ id: u.id, name: u.name })),
      });
  }
  initiatives.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return {
    ...access,
    db: db as Db,
    scope: register.scope,
    actor: { ...register.actor, requestId: state.requestId },
    crypto: registerCryptoFor(state.services.config),
    initiatives,
    today: todayInSweden(),
    /** May change the register on this initiative (register.write). */
    writes: (initiativeId: string) =>
      canOnInitiative(principal, "register.write", association.id, initiativeId),
  };
}

export type RegisterAccessResult = Awaited<ReturnType<typeof requireRegister>>;

/** The refusal of a change by someone who may read but not write the initiative's register. */
export function requireWrite(register: RegisterAccessResult, initiativeId: string): void {
  if (!register.writes(initiativeId)) throw forbidden("register.write");
}

class CheckOnly extends Error {
  constructor() {
    super("check only");
  }
}

/**
 * Runs a use case in a transaction that is always rolled back, and answers the problems it
 * found (none when it would have succeeded). Used when the page itself has refused the form,
 * so that every problem is shown at once and nothing is written.
 */
export async function problemsOf(
  db: Db,
  run: (db: Db) => Promise<unknown>,
): Promise<Record<string, string>> {
  let problems: Record<string, string> = {};
  try {
    await db.transaction(async (tx) => {
      try {
        // the use cases open their own register transaction: a savepoint in this one
        await run(tx as unknown as Db);
      } catch (error) {
        if (error instanceof ValidationError) problems = error.fields;
        else if (error instanceof ConflictError) problems = { form: error.message };
        else throw error;
      }
      throw new CheckOnly();
    });
  } catch (error) {
    if (!(error instanceof CheckOnly)) throw error;
  }
  return problems;
}

export { isUuid };

/** The posted fields as text, a multi-choice field's values joined by "|" (kept if refused). */
export function formValues(
  form: FormData,
  names: readonly string[],
  lists: readonly string[] = [],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    values[name] = typeof v === "string" ? v : "";
  }
  for (const name of lists)
    values[name] = form
      .getAll(name)
      .filter((v): v is string => typeof v === "string" && v !== "")
      .join("|");
  return values;
}

export const listOf = (text: string | undefined) => (text ?? "").split("|").filter(Boolean);

/** A typed birth year: null when empty; a problem unless it is four digits. */
export function birthYearOf(
  text: string,
  problems: Record<string, string>,
  field = "birthYear",
): number | null {
  const v = text.trim();
  if (v === "") return null;
  if (!/^\d{4}$/.test(v)) {
    problems[field] = "Skriv födelseåret med fyra siffror, till exempel 1990.";
    return null;
  }
  return Number(v);
}

/** The background codes of a form, as the use cases take them. */
export const backgroundOf = (values: Record<string, string>) => ({
  education: values.education ?? "",
  supportBefore: listOf(values.supportBefore),
  timeOnSupport: values.timeOnSupport ?? "",
  occupationBefore: values.occupationBefore ?? "",
  referrer: values.referrer ?? "",
});

/** Renames the problem keys of a use case's ValidationError (to the page's field ids). */
export async function renamingProblems<T>(
  run: () => Promise<T>,
  rename: Record<string, string>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        Object.fromEntries(Object.entries(error.fields).map(([k, m]) => [rename[k] ?? k, m])),
      );
    throw error;
  }
}
