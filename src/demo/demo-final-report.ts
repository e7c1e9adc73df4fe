// The final report of "Uppsala, Jobbspår", which ended on 31 December 2025: started by the
// office in January with the initiative's facts, written from what the project sent, signed by
// every party on paper (registered by the office as each original arrived), submitted in
// February and accepted and locked in March.
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { recordFinalReportPaperSignature } from "../reports/final-report-signatures.ts";
import {
  acceptFinalReport,
  createFinalReport,
  getFinalReport,
  saveFinalReport,
  submitFinalReport,
} from "../reports/final-reports.ts";
import type { DemoApplicationContext } from "./demo-applications.ts";
import type { Timeline } from "./demo-time.ts";

type Org = keyof DemoApplicationContext["orgs"];

export const FINAL_REPORT_INITIATIVE = "Uppsala, Jobbspår";

const LESSONS: Partial<Record<Org, string>> = {
  uppsala:
    "Korta utbildningsspår med en arbetsgivare i sikte fungerar för personer som länge har haft försörjningsstöd, om språkstödet finns från start.",
  af: "Gemensam planering med kommunen gav snabbare vägar till anställningar med stöd.",
  fk: "Deltagare som också är sjukskrivna behöver en tidig avstämning med Försäkringskassan innan de börjar ett spår.",
};

/** Who signed the paper original for each party, and when (the same people as the applications'). */
const SIGNATURES: Partial<
  Record<Org, { name: string; title: string; email: string; signedOn: string }>
> = {
  uppsala: {
    name: "Fatima Rahimi",
    title: "Avdelningschef arbetsmarknad",
    email: "fatima.rahimi@uppsala.example",
    signedOn: "2026-02-10",
  },
  af: {
    name: "Mikael Ström",
    title: "Sektionschef",
    email: "mikael.strom@arbetsformedlingen.example",
    signedOn: "2026-02-11",
  },
  fk: {
    name: "Karin Ek",
    title: "Enhetschef",
    email: "karin.ek@forsakringskassan.example",
    signedOn: "2026-02-12",
  },
};

export interface DemoFinalReportContext {
  associationId: string;
  orgs: Record<Org, string>;
  initiativeIds: Map<string, string>;
  office: AuditActor;
}

/** Puts the final report's history on the timeline. */
export function planFinalReport(q: Queryable, timeline: Timeline, c: DemoFinalReportContext) {
  const initiativeId = c.initiativeIds.get(FINAL_REPORT_INITIATIVE);
  if (!initiativeId) throw new Error(`no demo initiative ${FINAL_REPORT_INITIATIVE}`);
  const orgOf = new Map(Object.entries(c.orgs).map(([key, id]) => [id, key as Org]));
  let id = "";
  let version = 1;
  timeline.add("2026-01-19", "09:00", async (at) => {
    id = (await createFinalReport(q, c.office, c.associationId, initiativeId, at)).id;
  });
  timeline.add("2026-02-09", "14:00", async (at) => {
    const report = await getFinalReport(q, c.associationId, id);
    if (!report) throw new Error("the demo's final report is missing");
    const parties = report.content.parties.map((p) => {
      const org = orgOf.get(p.organisationId);
      if (!org) throw new Error(`no demo party ${p.name}`);
      return { organisationId: p.organisationId, org };
    });
    const saved = await saveFinalReport(
      q,
      c.office,
      c.associationId,
      id,
      version,
      {
        goals: report.content.goals.map(() => ({
          achieved: "ja",
          outcome:
            "Av de 62 deltagare som avslutade Jobbspår gick 26 till arbete eller studier. Flest fick arbete inom lager och äldreomsorg.",
          figures: "26 av 62 deltagare, 42 % (målet var 40 %)",
        })),
        equality:
          "Kvinnor och män har haft samma tillgång till spåren. Spåret inom äldreomsorgen lockade främst kvinnor och lagerspåret främst män; från 2024 uppmuntrades deltagarna att pröva båda. Tolk användes vid behov.",
        changedNeed:
          "Behovet finns kvar, men fler i målgruppen har i dag kort utbildning och behöver studera svenska samtidigt som de går ett spår.",
        actualStartDate: "2023-01-01",
        actualEndDate: "2025-12-31",
        timeChangeReason: "",
        targetGroupChange: "Målgruppen ändrades inte.",
        participants: { feasibilityStudy: false, women: 34, men: 27, otherOrNotStated: 1 },
        methodChange:
          "Spåret inom städ ersattes 2024 av ett spår inom äldreomsorgen, efter önskemål från arbetsgivarna.",
        methodAsIntended: "delvis",
        methodAsIntendedText: "Språkstödet kom i gång först under 2024.",
        followUp:
          "Deltagarna registrerades i SUS. Styrgruppen följde utfallet varje kvartal, och deltagarna följdes upp sex månader efter avslut.",
        continuation:
          "Uppsala kommuns arbetsmarknadsavdelning driver spåren inom lager och äldreomsorg vidare i sin ordinarie verksamhet från januari 2026.",
        returnedFunds: {
          returned: "ja",
          amount: 85_000,
          reason: "Lokalkostnaderna 2025 blev lägre än budgeterat.",
          consequences: "Inga för insatsen. Medlen återförs till förbundet.",
        },
        lessons: parties.map((p) => ({ organisationId: p.organisationId, text: LESSONS[p.org] })),
      },
      at,
    );
    version = saved.version;
    // each party signs the report as saved; the office registers each original as it arrives
    for (const p of parties) {
      const signer = SIGNATURES[p.org];
      if (!signer) throw new Error(`no demo signer for ${p.org}`);
      timeline.add(signer.signedOn, "15:00", (signedAt) =>
        recordFinalReportPaperSignature(
          q,
          c.office,
          c.associationId,
          id,
          { organisationId: p.organisationId, ...signer },
          signedAt,
        ),
      );
    }
  });
  timeline.add("2026-02-18", "10:00", async (at) => {
    version = (await submitFinalReport(q, c.office, c.associationId, id, version, at)).version;
  });
  timeline.add("2026-03-04", "11:00", async (at) => {
    version = await acceptFinalReport(q, c.office, c.associationId, id, version, at);
  });
}
