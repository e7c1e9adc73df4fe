// `npx samspar report …`: the follow-up report of a period and the national figures of a year,
// for the office's own scripts and the national follow-up. This module is only the commands'
// surface (flags and Swedish help); what they do is in report-run.ts, loaded when one runs, so
// `--help` does not load the database layer. samspar.ts adds these with the other commands.
import type { Command } from "commander";

const run = () => import("./report-run.ts");

export function followUpReportCommands(program: Command): void {
  const report = program
    .command("report")
    .description("uppföljningsrapporten och de nationella uppgifterna");

  report
    .command("follow-up")
    .description(
      "uppföljningen av ett förbunds insatser för en period, räknad ur dagens uppgifter (tabell 8 jämförs med den senast låsta uppföljningen av en tidigare period); med --locked den senast låsta versionen av uppföljningen för exakt den perioden",
    )
    .requiredOption("--association <kortnamn>", "förbundet")
    .requiredOption("--from <ÅÅÅÅ-MM-DD>", "periodens första dag")
    .requiredOption("--to <ÅÅÅÅ-MM-DD>", "periodens sista dag (räknas med)")
    .option("--format <format>", "json, docx, pdf eller xlsx", "json")
    .option("--label <namn>", "periodens namn i rapporten; annars efter datumen")
    .option(
      "--locked",
      "den senast låsta versionen, som styrelsen fick, i stället för en ny beräkning",
    )
    .option(
      "--out <fil>",
      "filen som skapas; utan den skrivs json ut (de andra formaten kräver en fil)",
    )
    .action(async (opts) => (await run()).reportFollowUp(opts));

  report
    .command("national")
    .description(
      "de nationella uppgifterna för ett år: tilldelade medel, eget kapital, administrativa kostnader, insatsernas inriktning, målgrupp, budget och utfall, och deltagarna per kön efter röjandekontroll",
    )
    .requiredOption("--association <kortnamn>", "förbundet")
    .requiredOption("--year <ÅÅÅÅ>", "året")
    .option("--format <format>", "csv eller json", "csv")
    .option("--out <fil>", "filen som skapas; annars skrivs uppgifterna ut")
    .action(async (opts) => (await run()).reportNational(opts));
}
