// `npx samspar`: the instance operator's administration CLI. This module is its surface: the
// commands, their flags and Swedish help. What a command does lives in commands.ts, loaded
// only when one runs. Without DATABASE_URL a command uses the running server's embedded
// database, or starts the embedded database in SAMSPAR_DATA_DIR just for itself.
import { Command } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { ROLES } from "../people/roles.ts";
import type { UserAddOptions } from "./commands.ts";
import { printError, swedishHelp, translateParseError } from "./output.ts";
import { followUpReportCommands } from "./report-commands.ts";

/** The CLI's own environment; everything about the instance comes from readConfig(). */
const cliEnv = {
  password: process.env.SAMSPAR_PASSWORD || undefined,
  debug: process.env.SAMSPAR_DEBUG === "1",
};

/**
 * MEMBER_ORGANISATION_KINDS of associations/schema.ts, written out so that the help does not
 * load the database layer; cli.test.ts checks that the two agree.
 */
const ORGANISATION_KINDS = "forsakringskassan, arbetsformedlingen, region, kommun, annan";

const ROLE_HELP = `rollen: ${ROLES.join(", ")}`;
const JSON_HELP = "skriv ut som JSON";

const run = () => import("./commands.ts");

function userCommands(program: Command): void {
  const user = program
    .command("user")
    .description("personer: lägg till, lista, stäng av, ge roller");

  user
    .command("add")
    .description("lägg till en person, eventuellt med en roll i ett förbund")
    .requiredOption("--email <e-post>", "personens e-postadress")
    .requiredOption("--name <namn>", "personens namn")
    .option(
      "--password <lösenord>",
      "lösenord; annars används SAMSPAR_PASSWORD, och utan det får personen inget lösenord (bjud in via webben)",
    )
    .option("--association <kortnamn>", "förbundet där personen får rollen")
    .option("--role <roll>", ROLE_HELP)
    .option("--initiative <id>", "insatsen, för roller som gäller en insats")
    .option("--participant", "ett deltagarkonto i stället för ett personalkonto")
    .option("--json", JSON_HELP)
    .action(async (opts: UserAddOptions) =>
      (await run()).userAdd(opts, opts.password ?? cliEnv.password),
    );

  user
    .command("list")
    .description("lista alla personer, eller ett förbunds personal med deras roller")
    .option("--association <kortnamn>", "bara personalen i det här förbundet, med roller")
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).userList(opts));

  user
    .command("disable")
    .description("stäng av ett konto (alla dess inloggningar avslutas)")
    .requiredOption("--email <e-post>", "personens e-postadress")
    .action(async (opts) => (await run()).userSetDisabled(opts, true));

  user
    .command("enable")
    .description("aktivera ett avstängt konto igen")
    .requiredOption("--email <e-post>", "personens e-postadress")
    .action(async (opts) => (await run()).userSetDisabled(opts, false));

  user
    .command("role")
    .description("personernas roller")
    .command("add")
    .description("ge en person en roll i ett förbund eller en insats")
    .requiredOption("--email <e-post>", "personens e-postadress")
    .requiredOption("--association <kortnamn>", "förbundet")
    .requiredOption("--role <roll>", ROLE_HELP)
    .option("--initiative <id>", "insatsen, för roller som gäller en insats")
    .action(async (opts) => (await run()).userRoleAdd(opts));
}

function tokenCommands(program: Command): void {
  const token = program.command("token").description("API-nycklar för integrationer");

  token
    .command("create")
    .description("skapa en API-nyckel åt en person (den visas bara en gång)")
    .requiredOption("--user <e-post>", "personen som nyckeln agerar som")
    .requiredOption("--scope <read|write>", "behörighet: read (läsa) eller write (läsa och ändra)")
    .option("--name <namn>", "vad nyckeln används till")
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).tokenCreate(opts));

  token
    .command("list")
    .description("lista API-nycklarna (utan hemligheterna)")
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).tokenList(opts));

  token
    .command("revoke")
    .description("återkalla en API-nyckel")
    .argument("<id>", "nyckelns id (se token list)")
    .action(async (id: string) => (await run()).tokenRevoke(id));
}

function associationCommands(program: Command): void {
  const association = program.command("association").description("samordningsförbunden");

  association
    .command("create")
    .description("skapa ett förbund")
    .requiredOption("--slug <kortnamn>", "kortnamn i adresser, t.ex. uppsala-lan")
    .requiredOption("--name <namn>", "förbundets namn")
    .option("--org-number <nummer>", "organisationsnummer, t.ex. 222000-1234")
    .option(
      "--no-require-totp",
      "personalen behöver ingen andra inloggningsfaktor (bara för test och demo)",
    )
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).associationCreate(opts));

  association
    .command("list")
    .description("lista förbunden")
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).associationList(opts));

  program
    .command("organisation")
    .description("förbundens medlemsorganisationer")
    .command("add")
    .description("lägg till en medlemsorganisation i ett förbund")
    .requiredOption("--association <kortnamn>", "förbundet")
    .requiredOption("--name <namn>", "organisationens namn")
    .requiredOption("--org-number <nummer>", "organisationsnummer, t.ex. 212000-0274")
    .requiredOption("--kind <sort>", `sort: ${ORGANISATION_KINDS}`)
    .action(async (opts) => (await run()).organisationAdd(opts));
}

function bundleCommands(program: Command): void {
  program
    .command("export")
    .description(
      "exportera ett förbunds register (medlemsorganisationer, insatser) som en JSON-fil; personer ingår inte",
    )
    .requiredOption("--association <kortnamn>", "förbundet")
    .option("--out <fil>", "filen som skapas; annars skrivs exporten ut")
    .action(async (opts) => (await run()).bundleExport(opts));

  program
    .command("import")
    .description(
      "läs in en export: skapar och uppdaterar förbundet, medlemsorganisationer och insatser, tar aldrig bort något",
    )
    .argument("<fil>", "exportfilen (JSON)")
    .action(async (file: string) => (await run()).bundleImport(file));
}

function reportCommands(program: Command): void {
  program
    .command("reports")
    .description("insatsernas rapporter")
    .command("remind")
    .description(
      "skicka dagens påminnelser om periodiska rapporter (före sista dag och när de är försenade); varje påminnelse skickas en gång",
    )
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).reportsRemind(opts));
}

/**
 * The participant register. Other register commands (import) belong in this group too: one
 * `program.command("register")` only.
 */
function registerCommands(program: Command): void {
  const register = program.command("register").description("deltagarregistret");

  register
    .command("retention")
    .description(
      "gallra: radera identiteten för deltagare vars sista inskrivning avslutades för mer än SAMSPAR_REGISTER_RETENTION_MONTHS månader sedan (24 om inget anges); statistiken finns kvar och varje radering registreras",
    )
    .option("--dry-run", "räkna bara hur många identiteter som skulle raderas; inget ändras")
    .option("--json", JSON_HELP)
    .action(async (opts) => (await run()).registerRetention(opts));

  register
    .command("import")
    .description(
      "läs in deltagare i en insats från en CSV- eller XLSX-fil (kolumnerna: docs/formats/participant-import.md); samma deltagar_id igen uppdaterar, aldrig en dubblett. Utan --valid-rows sparas inget om någon rad har fel",
    )
    .argument("<fil>", "deltagarfilen (.csv med ; eller , i UTF-8, eller .xlsx)")
    .requiredOption("--initiative <id>", "insatsens id")
    .option("--dry-run", "kontrollera hela filen och visa varje fel; inget sparas")
    .option("--valid-rows", "läs in de felfria raderna även om andra rader har fel")
    .option(
      "--local-unit <delområde>",
      "delområdet som filens deltagare hör till (insatser med delområden)",
    )
    .option(
      "--consent-version <version>",
      "versionen av samtyckestexten som deltagarna godkände, t.ex. 2026:1",
    )
    .option(
      "--consent-language <språk>",
      "språket som deltagarna läste samtyckestexten på, t.ex. svenska",
    )
    .option("--json", JSON_HELP)
    .action(async (file: string, opts) => (await run()).registerImport(file, opts));
}

function operationsCommands(program: Command): void {
  program
    .command("backup")
    .description("säkerhetskopiera hela databasen till en fil")
    .argument("<fil>", "filen som skapas (gzip)")
    .action(async (file: string) => (await run()).backup(file));

  program
    .command("restore")
    .description("ersätt all data i databasen med en säkerhetskopia")
    .argument("<fil>", "säkerhetskopian")
    .option("--yes", "fråga inte om bekräftelse")
    .action(async (file: string, opts) => (await run()).restore(file, opts));

  program
    .command("audit")
    .description("granskningsloggen")
    .command("verify")
    .description("kontrollera att ingen händelse i granskningsloggen har ändrats eller tagits bort")
    .action(async () => (await run()).auditVerify());

  program
    .command("demo")
    .description("skapa demoförbundet om det saknas och visa inloggningarna")
    .action(async () => (await run()).demo());

  program
    .command("migrate")
    .description("uppdatera databasens schema till den här versionen")
    .action(async () => (await run()).migrate());

  program
    .command("worker")
    .description("kör bakgrundsjobben (e-post, städning) i den här processen tills den stoppas")
    .action(async () => (await run()).worker());
}

function buildProgram(): Command {
  const program = new Command("samspar")
    .description(
      "Samspår: administration från kommandoraden. Med DATABASE_URL används den databasen; " +
        "annars den inbäddade i SAMSPAR_DATA_DIR (den körande serverns, om den är igång).",
    )
    .configureHelp(swedishHelp)
    .configureOutput({ outputError: (text, write) => write(translateParseError(text)) })
    .helpOption("-h, --help", "visa hjälpen")
    .helpCommand("help [kommando]", "visa hjälpen för ett kommando")
    .version(packageJson.version, "-V, --version", "visa versionen");
  userCommands(program);
  tokenCommands(program);
  associationCommands(program);
  bundleCommands(program);
  reportCommands(program);
  registerCommands(program);
  followUpReportCommands(program);
  operationsCommands(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    return printError(error, cliEnv.debug);
  }
}

process.exit(await main(process.argv));
