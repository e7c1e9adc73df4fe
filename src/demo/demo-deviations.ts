// The demo's deviation reports, one in each status, through the real workflow: funds left by a
// vacancy moved to the next year, approved by the board (Steget vidare, whose budget is
// re-phased in demo-money.ts), a changed target group approved by the office (Knivsta), funds
// to move refused by the board (Samverkansteam psykiatri), an extension approved by the board
// (IPS in Heby, whose end date moves), a staffing problem waiting for the board's decision
// (Arbete först) and a draft the office has begun (Kompetenslyft). The initiatives that send
// their reports by e-mail have their deviation reports entered by the office. None concerns
// Växtverket, whose lead starts with an empty list.
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  commentOnDeviationReport,
  createDeviationReport,
  type DecisionInput,
  type DeviationInput,
  decideDeviationReport,
  submitDeviationReport,
} from "../reports/deviation-reports.ts";
import type { Timeline } from "./demo-time.ts";

interface DemoDeviation {
  initiative: string;
  created: string;
  input: DeviationInput;
  submitted?: string;
  /** A comment after submission: who, when, what. */
  comment?: { by: "office" | "board"; on: string; text: string };
  decision?: { by: "office" | "board"; input: DecisionInput };
}

export const DEMO_DEVIATIONS: DemoDeviation[] = [
  {
    initiative: "Enköping, Steget vidare",
    created: "2025-10-14",
    input: {
      types: ["bemanning", "budget"],
      description:
        "En av insatsens två coachtjänster var vakant i sju veckor i augusti och september efter en uppsägning. Omkring 90 000 kr av personalbudgeten för 2025 har därför inte använts.",
      cause:
        "Coachen sade upp sig med kort varsel, och rekryteringen av en ersättare tog sju veckor. Den nya coachen började 1 oktober.",
      consequence:
        "Inga nya deltagare togs in under vakansen. Elva unga vuxna väntar på att få börja, och intaget hinner inte tas igen före sista intagsdag utan extra stöd.",
      measures:
        "Den nya coachen tar in de väntande deltagarna under hösten. Vi begär att 90 000 kr flyttas till första halvåret 2026 för en extra coach på 50 procent, så att intaget hinner tas igen.",
      request: "flytta_medel",
      requestedAmount: 90_000,
    },
    submitted: "2025-10-16",
    comment: {
      by: "office",
      on: "2025-10-27",
      text: "Kansliet föreslår bifall: medlen används inom insatsens tid och beviljade ram.",
    },
    decision: {
      by: "board",
      input: {
        decisionBody: "styrelse",
        decision: "godkand",
        decisionDate: "2025-11-12",
        meeting: "Styrelsemöte 2025-11-12",
        paragraph: "11",
        motivation:
          "Medlen används inom insatsens tid och beviljade ram. Budgeten fördelas om: 90 000 kr av personalbudgeten för kvartal 3 2025 flyttas till första halvåret 2026.",
      },
    },
  },
  {
    initiative: "Knivsta, Unga i fokus",
    created: "2026-03-12",
    input: {
      types: ["malgrupp"],
      description:
        "Insatsen riktar sig till unga 16–24 år. Sedan starten har elva unga vuxna 25–29 år med aktivitetsersättning hört av sig, men de ingår inte i målgruppen.",
      cause:
        "Det finns inget annat stöd i kommunen för unga vuxna med aktivitetsersättning som vill börja studera.",
      consequence:
        "Unga vuxna som behöver stöd får vänta, samtidigt som insatsen har lediga platser: 17 av 25 är besatta.",
      measures:
        "Vi begär att målgruppen utvidgas till 16–29 år. Metoden är densamma, och Arbetsförmedlingen och regionen står bakom ändringen.",
      request: "andrad_malgrupp",
      requestedTargetGroup:
        "Unga 16–29 år som varken arbetar eller studerar, även unga vuxna med aktivitetsersättning.",
    },
    submitted: "2026-03-16",
    decision: {
      by: "office",
      input: {
        decisionBody: "kansli",
        decision: "godkand",
        decisionDate: "2026-03-27",
        motivation:
          "Ändringen ryms i insatsens syfte och budget, och platserna räcker. Kansliet beslutar enligt delegation.",
      },
    },
  },
  {
    initiative: "Region, Samverkansteam psykiatri",
    created: "2026-05-05",
    input: {
      types: ["budget"],
      description: "Utbildningsinsatserna 2026 har kostat omkring 150 000 kr mindre än budgeterat.",
      cause:
        "Regionen och Uppsala kommun har upplåtit lokaler utan kostnad, och två föreläsare kom från parternas egna verksamheter.",
      consequence: "Medlen kommer inte att användas under 2026.",
      measures:
        "Vi begär att 150 000 kr flyttas till 2027 för att sprida rutinen till fler mottagningar efter insatstiden.",
      request: "flytta_medel",
      requestedAmount: 150_000,
    },
    submitted: "2026-05-11",
    comment: {
      by: "office",
      on: "2026-05-18",
      text: "Kansliet föreslår avslag: insatsen slutar 2026-12-31, och en spridning efter insatstiden bör sökas som en ny insats.",
    },
    decision: {
      by: "board",
      input: {
        decisionBody: "styrelse",
        decision: "avslagen",
        decisionDate: "2026-06-10",
        meeting: "Styrelsemöte 2026-06-10",
        paragraph: "15",
        motivation:
          "Insatsen slutar 2026-12-31 och förbundets budget för 2027 är redan fördelad. Spridningen av rutinen kan sökas som en ny insats. Outnyttjade medel återförs till förbundet.",
      },
    },
  },
  {
    initiative: "Heby, IPS – individanpassat stöd till arbete",
    created: "2026-09-07",
    input: {
      types: ["tidsplan"],
      description:
        "Insatsen slutar 2026-12-31. Sex deltagare som började under hösten 2026 hinner inte få stöd så länge som metoden förutsätter.",
      cause:
        "Psykiatrin har remitterat fler deltagare än väntat, och intaget under 2026 blev större än planerat.",
      consequence:
        "Utan förlängning slutar stödet för sex deltagare efter bara några månader, och de riskerar att förlora sina nya arbeten.",
      measures:
        "Vi begär förlängning till 2027-06-30 inom beviljad budget. Inga nya deltagare tas in efter 2026-12-31.",
      request: "forlangning",
      requestedEndDate: "2027-06-30",
    },
    submitted: "2026-09-10",
    decision: {
      by: "board",
      input: {
        decisionBody: "styrelse",
        decision: "godkand",
        decisionDate: "2026-10-07",
        meeting: "Styrelsemöte 2026-10-07",
        paragraph: "9",
        motivation:
          "Förlängningen ryms inom beviljad budget och ger deltagarna det stöd metoden förutsätter.",
      },
    },
  },
  {
    initiative: "Heby, Arbete först",
    created: "2026-11-12",
    input: {
      types: ["bemanning", "budget"],
      description:
        "Den andra arbetskonsulenttjänsten har inte gått att tillsätta sedan starten i augusti.",
      cause:
        "Få sökande har erfarenhet av supported employment. Tjänsten har annonserats två gånger.",
      consequence:
        "Intaget går långsammare: 18 deltagare i stället för planerade 25 vid årets slut. Omkring 95 000 kr av personalbudgeten för 2026 blir över.",
      measures:
        "Tjänsten annonseras på nytt med bredare krav, och Arbetsförmedlingen lånar ut en handläggare en dag i veckan. Vi begär att 95 000 kr flyttas till 2027.",
      request: "flytta_medel",
      requestedAmount: 95_000,
    },
    submitted: "2026-11-16",
    comment: {
      by: "board",
      on: "2026-11-18",
      text: "Styrelsen behandlar begäran på mötet 9 december.",
    },
  },
  {
    initiative: "Uppsala, Kompetenslyft samverkan",
    created: "2026-11-20",
    input: {
      types: ["mal"],
      description:
        "Färre medarbetare än planerat har gått utbildningen: 69 av 150 i slutet av oktober.",
      cause: "Arbetsförmedlingens medarbetare har haft svårt att gå ifrån en halv dag.",
      consequence: "",
      measures: "",
      request: "ingen",
    },
  },
];

export interface DemoDeviationContext {
  associationId: string;
  initiativeIds: Map<string, string>;
  people: Record<"office" | "board", AuditActor>;
}

/** Puts the deviation reports' history on the timeline. */
export function planDeviations(q: Queryable, timeline: Timeline, c: DemoDeviationContext) {
  for (const d of DEMO_DEVIATIONS) {
    const initiativeId = c.initiativeIds.get(d.initiative);
    if (!initiativeId) throw new Error(`no demo initiative ${d.initiative}`);
    let id = "";
    let version = 1;
    timeline.add(d.created, "09:00", async () => {
      id = await createDeviationReport(q, c.people.office, c.associationId, initiativeId, d.input);
    });
    if (d.submitted)
      timeline.add(d.submitted, "10:00", async (at) => {
        version = (
          await submitDeviationReport(q, c.people.office, c.associationId, id, version, at)
        ).version;
      });
    const comment = d.comment;
    if (comment)
      timeline.add(comment.on, "11:00", async () => {
        await commentOnDeviationReport(q, c.people[comment.by], c.associationId, id, comment.text);
      });
    const decision = d.decision;
    if (decision)
      timeline.add(decision.input.decisionDate, "15:00", async (at) => {
        version = await decideDeviationReport(
          q,
          c.people[decision.by],
          c.associationId,
          id,
          version,
          decision.input,
          { bodies: decision.by === "board" ? ["styrelse"] : ["kansli", "styrelse"], now: at },
        );
      });
  }
}
