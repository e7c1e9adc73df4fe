// What each `samspar` command does: open the database, call one use case as the audit actor
// "cli", print the result, close the database. samspar.ts loads this module only once a command
// actually runs, so `--help` and flag errors do not pay for loading the database layer; the
// heavier modules only one command needs (backup, jobs) are loaded by that command.

import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { asc, eq } from "drizzle-orm";
import { createAssociation } from "../associations/create-association.ts";
import { findAssociationBySlug, listAssociations } from "../associations/find-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { verifyAuditChain } from "../audit/verify-audit-chain.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken, listApiTokens, revokeApiToken } from "../people/create-api-token.ts";
import { listUsers } from "../people/list-users.ts";
import { roleLabel } from "../people/role-labels.ts";
import { isRole, ROLES, type Role } from "../people/roles.ts";
import { users } from "../people/schema.ts";
import { setUserDisabled } from "../people/set-user-disabled.ts";
import { normaliseEmail } from "../people/validate.ts";
import { type Config, readConfig } from "../platform/config.ts";
import { type Database, openDatabase, type Queryable } from "../platform/database/connect.ts";
import { readLiveLock } from "../platform/database/embedded.ts";
import { NotFoundError, ValidationError } from "../platform/errors.ts";
import { takeOverStopSignals } from "../platform/stop-signals.ts";
import { UUID } from "../platform/uuid.ts";
import { CliError, formatTime, printFields, printJson, printLines, printTable } from "./output.ts";

/** Every change made here is recorded in the audit log under this actor. */
const CLI_ACTOR: AuditActor = { userId: null, label: "cli", requestId: null, ip: null };

async function withDatabase<T>(
  work: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = readConfig();
  if (!config.databaseUrl && !readLiveLock(config.dataDir) && config.logLevel === "info") {
    process.stderr.write(`Startar den inbäddade databasen i ${config.dataDir} …\n`);
  }
  const database = await openDatabase(config, { role: "cli" });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

async function associationBySlug(q: Queryable, slug: string) {
  const association = await findAssociationBySlug(q, slug.trim().toLowerCase());
  if (!association) {
    throw new NotFoundError(
      `Det finns inget förbund med kortnamnet ${slug}. Se förbunden med: npx samspar association list`,
    );
  }
  return association;
}

async function userByEmail(q: Queryable, email: string) {
  const [user] = await q
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  if (!user) throw new NotFoundError(`Det finns ingen användare med e-postadressen ${email}.`);
  return user;
}

function parseRole(value: string): Role {
  if (!isRole(value)) {
    throw new ValidationError({ role: `Okänd roll "${value}". Välj en av: ${ROLES.join(", ")}.` });
  }
  return value;
}

function parseInitiativeId(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!UUID.test(value)) {
    throw new ValidationError({ initiativeId: `Insatsens id ska vara ett UUID, inte "${value}".` });
  }
  return value;
}

const describeRole = (role: Role, initiative: string | null | undefined) =>
  initiative ? `${roleLabel(role)} (${initiative})` : roleLabel(role);

interface JsonFlag {
  json?: boolean;
}

export interface UserAddOptions extends JsonFlag {
  email: string;
  name: string;
  password?: string;
  association?: string;
  role?: string;
  initiative?: string;
  participant?: boolean;
}

/** `password` is --password, else SAMSPAR_PASSWORD, else none (the person is invited via the web). */
export async function userAdd(opts: UserAddOptions, password: string | undefined): Promise<void> {
  if (Boolean(opts.association) !== Boolean(opts.role)) {
    throw new CliError(
      "Ange både --association och --role för att ge en roll, eller ingen av dem.",
    );
  }
  if (opts.initiative !== undefined && !opts.role) {
    throw new CliError("--initiative gäller rollen; ange också --association och --role.");
  }
  const role = opts.role === undefined ? undefined : parseRole(opts.role);
  const initiativeId = parseInitiativeId(opts.initiative);
  await withDatabase(async ({ db }) => {
    const association = opts.association
      ? await associationBySlug(db, opts.association)
      : undefined;
    // one transaction: a refused role leaves no person without it behind
    const { added, grant } = await db.transaction(async (tx) => {
      const added = await addUser(tx, CLI_ACTOR, {
        email: opts.email,
        name: opts.name,
        password,
        kind: opts.participant ? "participant" : "staff",
        associationId: association?.id ?? null,
      });
      const grant =
        association && role
          ? await assignRole(tx, CLI_ACTOR, {
              userId: added.id,
              associationId: association.id,
              role,
              initiativeId,
            })
          : undefined;
      return { added, grant };
    });
    const roles =
      grant && association
        ? [{ association: association.slug, role: grant.role, initiativeId: grant.initiativeId }]
        : [];
    if (opts.json) {
      printJson({
        id: added.id,
        email: added.email,
        name: added.name,
        kind: added.kind,
        hasPassword: added.passwordHash !== null,
        roles,
      });
      return;
    }
    printLines(`${added.name} är tillagd.`);
    printFields([
      ["id", added.id],
      ["e-post", added.email],
      ["namn", added.name],
      ["konto", added.kind === "participant" ? "deltagare" : "personal"],
      [
        "roller",
        roles.map((r) => `${describeRole(r.role, r.initiativeId)} i ${r.association}`).join(", ") ||
          "inga",
      ],
    ]);
    if (added.passwordHash === null) {
      printLines("Inget lösenord är satt: bjud in personen från webben så att hen kan välja ett.");
    }
  });
}

export async function userList(opts: JsonFlag & { association?: string }): Promise<void> {
  await withDatabase(async ({ db }) => {
    if (opts.association) {
      const association = await associationBySlug(db, opts.association);
      const people = (await listUsers(db, association.id)).map((p) => ({
        id: p.id,
        email: p.email,
        name: p.name,
        disabled: p.disabledAt !== null,
        totpEnabled: p.totpEnabledAt !== null,
        roles: p.grants.map((g) => ({
          role: g.role,
          initiativeId: g.initiativeId,
          initiative: g.initiativeName,
        })),
      }));
      if (opts.json) return printJson(people);
      printTable(
        ["ID", "E-POST", "NAMN", "STATUS", "ROLLER"],
        people.map((p) => [
          p.id,
          p.email,
          p.name,
          p.disabled ? "avstängd" : "aktiv",
          p.roles.map((r) => describeRole(r.role, r.initiative)).join(", "),
        ]),
        `Förbundet ${association.slug} har ingen personal än.`,
      );
      return;
    }
    const rows = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        kind: users.kind,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .orderBy(asc(users.email));
    const people = rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      kind: r.kind,
      disabled: r.disabledAt !== null,
    }));
    if (opts.json) return printJson(people);
    printTable(
      ["ID", "E-POST", "NAMN", "KONTO", "STATUS"],
      people.map((p) => [
        p.id,
        p.email,
        p.name,
        p.kind === "participant" ? "deltagare" : "personal",
        p.disabled ? "avstängd" : "aktiv",
      ]),
      "Det finns inga användare än.",
    );
  });
}

export async function userSetDisabled(opts: { email: string }, disabled: boolean): Promise<void> {
  await withDatabase(async ({ db }) => {
    const target = await userByEmail(db, opts.email);
    await setUserDisabled(db, CLI_ACTOR, { userId: target.id, disabled });
    printLines(
      disabled
        ? `Kontot för ${target.email} är avstängt och alla dess inloggningar är avslutade.`
        : `Kontot för ${target.email} är aktivt igen.`,
    );
  });
}

export async function userRoleAdd(opts: {
  email: string;
  association: string;
  role: string;
  initiative?: string;
}): Promise<void> {
  const role = parseRole(opts.role);
  const initiativeId = parseInitiativeId(opts.initiative);
  await withDatabase(async ({ db }) => {
    const target = await userByEmail(db, opts.email);
    const association = await associationBySlug(db, opts.association);
    await assignRole(db, CLI_ACTOR, {
      userId: target.id,
      associationId: association.id,
      role,
      initiativeId,
    });
    printLines(
      `${target.name} (${target.email}) är nu ${describeRole(role, initiativeId && `insats ${initiativeId}`)} i ${association.name}.`,
    );
  });
}

export async function tokenCreate(
  opts: JsonFlag & { user: string; scope: string; name?: string },
): Promise<void> {
  await withDatabase(async ({ db }) => {
    const created = await createApiToken(db, CLI_ACTOR, {
      email: opts.user,
      scope: opts.scope,
      ...(opts.name ? { name: opts.name } : {}),
    });
    if (opts.json) return printJson(created);
    printLines(
      `API-nyckeln är skapad (id ${created.id}, behörighet ${created.scope}):`,
      "",
      `  ${created.token}`,
      "",
      "Spara den nu: den kan inte visas igen. Samspår sparar bara ett kontrollvärde (hash) av den.",
    );
  });
}

export async function tokenList(opts: JsonFlag): Promise<void> {
  await withDatabase(async ({ db }) => {
    const tokens = await listApiTokens(db);
    if (opts.json) return printJson(tokens);
    printTable(
      ["ID", "BÖRJAR MED", "NAMN", "BEHÖRIGHET", "ANVÄNDARE", "SKAPAD", "SENAST ANVÄND", "STATUS"],
      tokens.map((t) => [
        t.id,
        t.prefix,
        t.name,
        t.scope,
        t.email,
        formatTime(t.createdAt),
        formatTime(t.lastUsedAt),
        t.revokedAt ? `återkallad ${formatTime(t.revokedAt)}` : "aktiv",
      ]),
      "Det finns inga API-nycklar.",
    );
  });
}

export async function tokenRevoke(id: string): Promise<void> {
  if (!UUID.test(id)) throw new NotFoundError("Det finns ingen aktiv API-nyckel med det id:t.");
  await withDatabase(async ({ db }) => {
    await revokeApiToken(db, CLI_ACTOR, id);
    printLines(`API-nyckeln ${id} är återkallad.`);
  });
}

export async function associationCreate(
  opts: JsonFlag & { slug: string; name: string; orgNumber?: string; requireTotp: boolean },
): Promise<void> {
  await withDatabase(async ({ db }) => {
    const created = await createAssociation(db, CLI_ACTOR, {
      slug: opts.slug,
      name: opts.name,
      orgNumber: opts.orgNumber,
      requireStaffTotp: opts.requireTotp,
    });
    if (opts.json) return printJson(created);
    printLines(`Förbundet ${created.name} är skapat.`);
    printFields([
      ["id", created.id],
      ["kortnamn", created.slug],
      ["org.nr", created.orgNumber ?? "–"],
      ["andra faktor", created.requireStaffTotp ? "krävs för personalen" : "krävs inte"],
    ]);
  });
}

export async function associationList(opts: JsonFlag): Promise<void> {
  await withDatabase(async ({ db }) => {
    const all = await listAssociations(db);
    if (opts.json) return printJson(all);
    printTable(
      ["KORTNAMN", "NAMN", "ORG.NR", "ANDRA FAKTOR", "ID"],
      all.map((a) => [
        a.slug,
        a.name,
        a.orgNumber ?? "–",
        a.requireStaffTotp ? "krävs" : "krävs inte",
        a.id,
      ]),
      "Det finns inga förbund än. Skapa ett med: npx samspar association create",
    );
  });
}

export async function organisationAdd(opts: {
  association: string;
  name: string;
  orgNumber: string;
  kind: string;
}): Promise<void> {
  await withDatabase(async ({ db }) => {
    const target = await associationBySlug(db, opts.association);
    const added = await addMemberOrganisation(db, CLI_ACTOR, target.id, {
      name: opts.name,
      orgNumber: opts.orgNumber,
      kind: opts.kind,
    });
    printLines(`${added.name} (${added.orgNumber}) är medlem i ${target.name}. Id: ${added.id}`);
  });
}

export async function bundleExport(opts: { association: string; out?: string }): Promise<void> {
  const { bundleJson, exportBundle } = await import("../bundle/export-bundle.ts");
  await withDatabase(async ({ db }) => {
    const association = await associationBySlug(db, opts.association);
    const bundle = await exportBundle(db, association.id);
    if (!opts.out) return void process.stdout.write(bundleJson(bundle));
    const target = path.resolve(opts.out);
    fs.writeFileSync(target, bundleJson(bundle));
    printLines(
      `Exporten av ${association.name} är sparad i ${target}: ${bundle.memberOrganisations.length} medlemsorganisationer, ${bundle.initiatives.length} insatser, ${bundle.applications.length} ansökningar, ${bundle.periodicReports.length} periodiska rapporter, ${bundle.deviationReports.length} avvikelserapporter, ${bundle.finalReports.length} slutrapporter, ${bundle.steeringGroups.length} styrgrupper, ${bundle.fundingYears.length} år med tilldelade medel, ${bundle.initiativeBudgets.length} insatsbudgetar, ${bundle.requisitions.length} rekvisitioner, ${bundle.returnedFunds.length} poster med återförda medel, ${bundle.prognosisOverrides.length} prognoser.`,
    );
  });
}

export async function bundleImport(file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`Filen ${source} finns inte.`);
  const text = fs.readFileSync(source, "utf8");
  const { IMPORT_ACTOR, importBundle } = await import("../bundle/import-bundle.ts");
  await withDatabase(async ({ db }) => {
    const result = await importBundle(db, IMPORT_ACTOR, text);
    const outcome = {
      created: "skapat",
      updated: "uppdaterat",
      unchanged: "oförändrat",
      absent: "finns inte i filen",
    };
    const counts = (c: { created: number; updated: number; unchanged: number }) =>
      `${c.created} nya, ${c.updated} ändrade, ${c.unchanged} oförändrade`;
    printLines(`Importen till ${result.association.name} (${result.association.slug}) är klar.`);
    printFields([
      ["förbundet", outcome[result.association.outcome]],
      ["medlemsorganisationer", counts(result.memberOrganisations)],
      ["insatser", counts(result.initiatives)],
      ["ansökningar", counts(result.applications)],
      ["diarienummerräknare", counts(result.registryCounters)],
      ["ansökningsblanketten", outcome[result.applicationSettings]],
      ["logotypen", outcome[result.logo]],
      ["röjandekontrollen", outcome[result.disclosureSettings]],
      ["rapportkalendern", outcome[result.reportingSettings]],
      ["periodiska rapporter", counts(result.periodicReports)],
      ["avvikelserapporter", counts(result.deviationReports)],
      ["slutrapporter", counts(result.finalReports)],
      ["styrgruppsledamöter", counts(result.steeringGroupMembers)],
      ["styrgruppsmöten", counts(result.steeringGroupMeetings)],
      ["mötesdokument", counts(result.meetingAttachments)],
      ["normalintervallet", outcome[result.financeSettings]],
      ["tilldelade medel per år", counts(result.fundingYears)],
      ["insatsbudgetar", counts(result.initiativeBudgets)],
      ["rekvisitioner", counts(result.requisitions)],
      ["rekvisitionsbilagor", counts(result.requisitionAttachments)],
      ["återförda medel", counts(result.returnedFunds)],
      ["prognoser", counts(result.prognosisOverrides)],
      ["uppföljningar", counts(result.followUps)],
      ["uppföljningsversioner", counts(result.followUpVersions)],
      ["egna instrument", counts(result.progressionInstruments)],
      ["instrumentversioner", counts(result.progressionInstrumentVersions)],
      ["mätplaner", counts(result.progressionPlans)],
      ["kurser", counts(result.courses)],
      ["kursfiler", counts(result.courseMedia)],
      ["kursversioner", counts(result.courseVersions)],
      ["frågor i Tyck till", counts(result.evaluationForms)],
    ]);
  });
}

export async function backup(file: string): Promise<void> {
  const target = path.resolve(file);
  const { backupDatabase } = await import("../platform/database/backup.ts");
  await withDatabase(async ({ pool }) => {
    const result = await backupDatabase(pool, target);
    printLines(
      `Säkerhetskopian är sparad i ${target}: ${result.tables} tabeller, ${result.rows} rader, ${result.bytes.toLocaleString("sv-SE")} byte.`,
    );
  });
}

async function confirmRestore(): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      "Återställningen ersätter all data i databasen. Lägg till --yes för att bekräfta när kommandot inte körs interaktivt.",
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(
      "Återställningen ersätter all data i databasen. Skriv ja för att fortsätta: ",
    );
    if (answer.trim().toLowerCase() !== "ja") {
      throw new CliError("Avbrutet. Databasen är oförändrad.");
    }
  } finally {
    prompt.close();
  }
}

export async function restore(file: string, opts: { yes?: boolean }): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`Filen ${source} finns inte.`);
  if (!opts.yes) await confirmRestore();
  const { restoreDatabase } = await import("../platform/database/backup.ts");
  await withDatabase(async ({ pool }) => {
    const result = await restoreDatabase(pool, source);
    printLines(
      `Databasen är återställd från ${source}: ${result.tables} tabeller, ${result.rows} rader. Alla inloggningar är avslutade.`,
    );
  });
}

export async function auditVerify(): Promise<void> {
  await withDatabase(async ({ db }) => {
    const verdict = await verifyAuditChain(db);
    if (!verdict.ok) {
      throw new CliError(
        `Granskningsloggen är bruten vid händelse ${verdict.brokenAtSeq}: ${verdict.reason}. ` +
          `De ${verdict.events} händelserna före den är hela.`,
      );
    }
    printLines(`Granskningsloggen är hel (${verdict.events} händelser).`);
  });
}

export async function demo(): Promise<void> {
  // the demo's data and texts are loaded only by this command: every other command starts faster
  const { DEMO_SLUG, formatDemoLogins, seedDemo } = await import("../demo/seed-demo.ts");
  await withDatabase(async ({ db }, config) => {
    const logins = await seedDemo(db);
    if (logins) return printLines(formatDemoLogins(logins, config.baseUrl));
    printLines(
      `Demoförbundet finns redan (kortnamn ${DEMO_SLUG}). Logga in på ${config.baseUrl}/logga-in`,
      `Se demokontona med: npx samspar user list --association ${DEMO_SLUG}`,
    );
  });
}

export async function migrate(): Promise<void> {
  // opening the database applies the migrations
  await withDatabase(async () => printLines("Databasen är uppdaterad."));
}

const REMINDER_LABELS: Record<string, string> = { before: "före sista dag" };
const reminderLabel = (kind: string) =>
  REMINDER_LABELS[kind] ??
  (kind === "overdue-0"
    ? "försenad, dagen efter"
    : kind === "overdue-1"
      ? "försenad, 1 vecka"
      : `försenad, ${kind.slice(8)} veckor`);

export async function reportsRemind(opts: JsonFlag): Promise<void> {
  // mail and reminders are loaded for this command only
  const { createMailer } = await import("../mail/send-mail.ts");
  const { sendReportReminders } = await import("../reports/reminders.ts");
  await withDatabase(async ({ db }, config) => {
    // no job queue in this process: mails for SMTP are delivered here, after they are recorded
    const queued: string[] = [];
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      enqueue: async (id) => {
        queued.push(id);
      },
    });
    const result = await sendReportReminders(db, { mailer, baseUrl: config.baseUrl });
    let failed = 0;
    for (const id of queued) await mailer.deliver(db, id).catch(() => failed++);
    if (opts.json) return printJson(result);
    printTable(
      ["Förbund", "Insats", "Period", "Påminnelse", "Till"],
      result.sent.map((s) => [
        s.associationSlug,
        s.initiativeName,
        s.periodKey,
        reminderLabel(s.kind),
        s.to.join(", "),
      ]),
      "Inga påminnelser att skicka i dag.",
    );
    if (result.mails)
      printLines(
        `${result.before} påminnelser före sista dag och ${result.overdue} om försenade rapporter, ${result.mails} mejl.`,
        config.smtpUrl
          ? `${queued.length - failed} mejl skickade.`
          : "Ingen SMTP-server är inställd: mejlen finns i förbundens utkorg.",
      );
    if (failed)
      throw new CliError(
        `${failed} mejl kunde inte skickas. De finns i utkorgen med status failed; kontrollera SMTP_URL.`,
      );
  });
}

export async function registerRetention(opts: JsonFlag & { dryRun?: boolean }): Promise<void> {
  const { eraseExpiredIdentities } = await import("../register/retention.ts");
  const { todayInSweden } = await import("../applications/workflow.ts");
  await withDatabase(async ({ db }, config) => {
    const months = config.registerRetentionMonths;
    const result = await eraseExpiredIdentities(db, todayInSweden(), {
      monthsAfterExit: months,
      dryRun: Boolean(opts.dryRun),
    });
    if (opts.json) return printJson({ ...result, monthsAfterExit: months });
    printTable(
      ["Förbund", opts.dryRun ? "Skulle raderas" : "Raderade identiteter"],
      result.associations.map((a) => [a.slug, String(a.erased)]),
      `Inga identiteter att gallra: ingen deltagare avslutades före ${result.cutoff}.`,
    );
    const n = result.erased;
    const identities = `${n} ${n === 1 ? "identitet" : "identiteter"}`;
    if (n)
      printLines(
        opts.dryRun
          ? `${identities} skulle raderas (sista avslut före ${result.cutoff}, ${months} månader). Inget är ändrat: kör utan --dry-run för att radera.`
          : `${identities} ${n === 1 ? "raderad" : "raderade"} (sista avslut före ${result.cutoff}, ${months} månader). Statistiken finns kvar och varje radering är registrerad.`,
      );
  });
}

export interface RegisterImportOptions extends JsonFlag {
  initiative: string;
  dryRun?: boolean;
  validRows?: boolean;
  localUnit?: string;
  consentVersion?: string;
  consentLanguage?: string;
}

/** `register import`: a participant file into one initiative; exit code 1 when it has problems. */
export async function registerImport(file: string, opts: RegisterImportOptions): Promise<void> {
  const initiativeId = parseInitiativeId(opts.initiative) as string;
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`Filen ${source} finns inte.`);
  if (Boolean(opts.consentVersion) !== Boolean(opts.consentLanguage))
    throw new CliError("Ange både --consent-version och --consent-language, eller ingen av dem.");
  const data = new Uint8Array(fs.readFileSync(source));
  const { importParticipants, UNKNOWN_CONSENT_TEXT } = await import(
    "../register/import-participants.ts"
  );
  const { createRegisterCrypto, loadRegisterKey } = await import("../register/crypto.ts");
  const { systemActor } = await import("../register/scope.ts");
  const { initiatives } = await import("../initiatives/schema.ts");
  await withDatabase(async ({ db }, config) => {
    const [initiative] = await db
      .select({
        id: initiatives.id,
        name: initiatives.name,
        owner: initiatives.ownerOrganisationId,
      })
      .from(initiatives)
      .where(eq(initiatives.id, initiativeId));
    if (!initiative) throw new NotFoundError(`Det finns ingen insats med id ${initiativeId}.`);
    const key = loadRegisterKey({ dataDir: config.dataDir });
    if (key.warning) process.stderr.write(`${key.warning}\n`);

    // progress on stderr for long files: a line per tenth (rewritten in place on a terminal)
    let shown = 0;
    const onProgress = ({ done, total }: { done: number; total: number }) => {
      if (total < 200) return;
      const tenth = Math.floor((done * 10) / total);
      if (tenth === shown && done !== total) return;
      shown = tenth;
      const text = `Läser in: ${done.toLocaleString("sv-SE")} av ${total.toLocaleString("sv-SE")} rader …`;
      process.stderr.write(
        process.stderr.isTTY ? `\r${text}${done === total ? "\n" : ""}` : `${text}\n`,
      );
    };
    const result = await importParticipants(
      db,
      createRegisterCrypto(key.key),
      systemActor("Samspår (import från kommandoraden)"),
      { controllers: [initiative.owner], initiatives: [initiative.id] },
      initiative.id,
      { data, name: path.basename(source) },
      {
        dryRun: Boolean(opts.dryRun),
        mode: opts.validRows ? "valid-rows" : "all-or-nothing",
        onProgress,
        localUnit: opts.localUnit ?? null,
        consentText:
          opts.consentVersion && opts.consentLanguage
            ? { textVersion: opts.consentVersion, language: opts.consentLanguage }
            : UNKNOWN_CONSENT_TEXT,
      },
    );
    const problemCount = result.problems.length;
    if (opts.json) {
      printJson(result);
    } else {
      const would = result.dryRun || (result.mode === "all-or-nothing" && problemCount > 0);
      printLines(
        result.dryRun
          ? `Provkörning av ${path.basename(source)} till ${initiative.name}: inget har sparats.`
          : `Import av ${path.basename(source)} till ${initiative.name}.`,
      );
      if (result.rows > 0)
        printFields([
          ["deltagarrader", String(result.rows)],
          [would ? "skulle bli nya" : "nya", String(result.created)],
          [would ? "skulle ändras" : "ändrade", String(result.updated)],
          ["oförändrade", String(result.unchanged)],
          ["rader med fel", String(result.rowsWithProblems)],
        ]);
      if (problemCount > 0) printLines("", ...result.problems.map(describeImportProblem));
    }
    if (problemCount === 0) {
      if (!opts.json && result.dryRun)
        printLines("Filen är felfri. Kör kommandot utan --dry-run för att läsa in den.");
      return;
    }
    const valid = result.created + result.updated + result.unchanged;
    const rowsWord = (n: number) => (n === 1 ? "1 rad" : `${n} rader`);
    throw new CliError(
      result.rowsWithProblems === 0
        ? "Filen kan inte läsas in: rätta felen ovan och försök igen."
        : result.dryRun
          ? `${rowsWord(result.rowsWithProblems)} har fel. Rätta dem, eller läs in bara de ${valid} felfria raderna med --valid-rows.`
          : result.mode === "valid-rows"
            ? `De felfria raderna är inlästa; ${rowsWord(result.rowsWithProblems)} med fel lästes inte in. Rätta dem och läs in filen igen: redan inlästa rader ändras inte.`
            : `Inget sparades: ${rowsWord(result.rowsWithProblems)} har fel. Rätta dem och läs in filen igen, eller läs in bara de ${valid} felfria raderna med --valid-rows.`,
    );
  });
}

/** "rad 7, kolumn kon: …" as the import's problems read on the command line. */
function describeImportProblem(p: { row: number | null; column: string | null; message: string }) {
  const where =
    p.row === null
      ? "filen"
      : [`rad ${p.row}${p.row === 1 ? " (rubrikraden)" : ""}`, p.column && `kolumn ${p.column}`]
          .filter(Boolean)
          .join(", ");
  return `${where}: ${p.message}`;
}

export async function worker(): Promise<void> {
  // pg-boss, mail and OpenID Connect are loaded for this command only
  const { createServices } = await import("../server/services.ts");
  await withDatabase(async (database, config) => {
    const stopped = takeOverStopSignals();
    const running = await createServices({ ...config, runJobs: true }, database);
    try {
      printLines("Bakgrundsjobben körs. Stoppa med Ctrl+C.");
      const signal = await stopped;
      printLines(`${signal}: stoppar bakgrundsjobben …`);
    } finally {
      await running.jobs.stop().catch(() => {});
    }
    printLines("Bakgrundsjobben är stoppade.");
  });
}
