// The application form (domain/documents.md §1) as data: every field, its Swedish label and
// the order the form, the documents and the version diff show them in. The content is stored
// as one JSON document per version; validate-application.ts decides what may be stored.
import type { GoalKind, Orientation } from "../initiatives/schema.ts";

export const BUDGET_CATEGORIES = [
  "personal",
  "lokaler",
  "resor",
  "material",
  "utvardering",
  "ovrigt",
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  personal: "Personal",
  lokaler: "Lokaler",
  resor: "Resor",
  material: "Material",
  utvardering: "Utvärdering",
  ovrigt: "Övrigt",
};

/** Own financing or co-financing of a party (finance.md): money, staff time, participants' benefits. */
export const CO_FINANCING_KINDS = ["pengar", "personaltid", "deltagarersattning"] as const;
export type CoFinancingKind = (typeof CO_FINANCING_KINDS)[number];
export const CO_FINANCING_KIND_LABELS: Record<CoFinancingKind, string> = {
  pengar: "Pengar",
  personaltid: "Personaltid",
  deltagarersattning: "Deltagarnas ersättningar (ESF)",
};

/** Swedish labels for the documents and the diff (the web pages use the i18n catalogues). */
export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  resultatmal: "resultatmål",
  insatsmal: "insatsmål",
  effektmal: "effektmål",
};

export const APPLICATION_STATUS_LABELS = {
  utkast: "Utkast",
  inskickad: "Inskickad",
  under_beredning: "Under beredning",
  komplettering: "Åter för komplettering",
  beviljad: "Beviljad",
  avslagen: "Avslagen",
} as const;

export interface ApplicationGoal {
  text: string;
  kind: GoalKind;
  targetNumber: number | null;
  targetPercent: number | null;
}

export interface ApplicationContent {
  name: string;
  ownerOrganisationId: string;
  partnerIds: string[];
  orientation: Orientation;
  preRehabilitation: boolean;
  esf: boolean;
  /** Narrative fields: plain text with light markup (platform/text/rich-text.ts). */
  purpose: string;
  goals: ApplicationGoal[];
  background: string;
  startDate: string | null;
  endDate: string | null;
  lastIntakeDate: string | null;
  targetGroup: string;
  expectedParticipants: number | null;
  expectedParticipantsOngoing: boolean;
  localUnits: Array<{ name: string; expectedParticipants: number | null }>;
  /** Gender target: the share of women in whole per cent (60 → 60/40), or none. */
  genderTargetWomenPercent: number | null;
  methods: string;
  followUp: string;
  implementation: string;
  /** Requested from the association, whole kronor, per year and cost category. */
  budget: Array<{ year: number; category: BudgetCategory; amount: number }>;
  /** Own financing / co-financing per party and year, whole kronor. */
  coFinancing: Array<{
    year: number;
    organisationId: string;
    kind: CoFinancingKind;
    amount: number;
  }>;
  /** Förankring: discussed in the local or strategic development group? */
  anchored: boolean | null;
  anchoringDescription: string;
}

export const emptyContent = (ownerOrganisationId = ""): ApplicationContent => ({
  name: "",
  ownerOrganisationId,
  partnerIds: [],
  orientation: "individual",
  preRehabilitation: false,
  esf: false,
  purpose: "",
  goals: [],
  background: "",
  startDate: null,
  endDate: null,
  lastIntakeDate: null,
  targetGroup: "",
  expectedParticipants: null,
  expectedParticipantsOngoing: false,
  localUnits: [],
  genderTargetWomenPercent: null,
  methods: "",
  followUp: "",
  implementation: "",
  budget: [],
  coFinancing: [],
  anchored: null,
  anchoringDescription: "",
});

/**
 * The form's sections and fields in order. `key` names the help text the association edits
 * and the field in the version diff; `required` fields must be filled in before submission.
 */
export const APPLICATION_FIELDS = [
  { key: "name", label: "Insatsens namn", section: "Insatsen", required: true },
  { key: "ownerOrganisationId", label: "Insatsägare", section: "Insatsen", required: true },
  { key: "partnerIds", label: "Samverkansparter", section: "Insatsen", required: true },
  { key: "orientation", label: "Inriktning", section: "Insatsen", required: true },
  { key: "preRehabilitation", label: "Förrehabiliterande", section: "Insatsen", required: false },
  { key: "esf", label: "Medfinansierad av ESF", section: "Insatsen", required: false },
  { key: "purpose", label: "Syfte", section: "Syfte och mål", required: true },
  { key: "goals", label: "Mål", section: "Syfte och mål", required: true },
  { key: "background", label: "Bakgrund och behov", section: "Bakgrund", required: true },
  { key: "startDate", label: "Planerad start", section: "Planerad insatstid", required: true },
  { key: "endDate", label: "Planerat slut", section: "Planerad insatstid", required: true },
  { key: "lastIntakeDate", label: "Sista intag", section: "Planerad insatstid", required: false },
  { key: "targetGroup", label: "Målgrupp", section: "Målgrupp", required: true },
  {
    key: "expectedParticipants",
    label: "Förväntat antal deltagare",
    section: "Målgrupp",
    required: true,
  },
  {
    key: "localUnits",
    label: "Fördelning per kommun/delområde",
    section: "Målgrupp",
    required: false,
  },
  {
    key: "genderTargetWomenPercent",
    label: "Mål för könsfördelning (andel kvinnor)",
    section: "Målgrupp",
    required: false,
  },
  { key: "methods", label: "Metod(er)", section: "Metod", required: true },
  {
    key: "followUp",
    label: "Uppföljning och utvärdering",
    section: "Uppföljning",
    required: true,
  },
  {
    key: "implementation",
    label: "Tillvaratagande och implementering",
    section: "Tillvaratagande",
    required: true,
  },
  { key: "budget", label: "Sökta medel från förbundet", section: "Budget", required: true },
  { key: "coFinancing", label: "Egen- och medfinansiering", section: "Budget", required: false },
  {
    key: "anchored",
    label: "Diskuterad i lokal eller strategisk utvecklingsgrupp",
    section: "Förankring",
    required: true,
  },
  {
    key: "anchoringDescription",
    label: "Hur och när förankrades ansökan",
    section: "Förankring",
    required: false,
  },
] as const satisfies ReadonlyArray<{
  key: keyof ApplicationContent;
  label: string;
  section: string;
  required: boolean;
}>;

export type ApplicationFieldKey = (typeof APPLICATION_FIELDS)[number]["key"];

export const fieldLabel = (key: string): string =>
  APPLICATION_FIELDS.find((f) => f.key === key)?.label ?? key;

/** Default help texts; the association edits its own (application_settings.help_texts). */
export const DEFAULT_HELP_TEXTS: Partial<Record<ApplicationFieldKey, string>> = {
  name: "Ett kort namn som beskriver insatsen, gärna med kommunens namn först.",
  ownerOrganisationId: "Den medlemsorganisation som driver insatsen och är arbetsgivare.",
  partnerIds: "Minst en annan medlemsorganisation: en insats drivs av minst två parter.",
  orientation:
    "Individinriktad: deltagare skrivs in. Strukturövergripande: rutiner, kompetens och samverkan; bara antal räknas.",
  purpose: "Vad ska insatsen åstadkomma, och för vem?",
  goals:
    "Skriv mätbara mål där det går, till exempel ”60 % till arbete eller studier”. Ange sort: resultatmål, insatsmål eller effektmål.",
  background: "Vilket behov finns, hur vet ni det, och vad finns redan i dag?",
  targetGroup: "Vilka deltagarna är: ålder, situation, försörjning. Ange antal för hela perioden.",
  expectedParticipants:
    "Antal för hela perioden, eller markera ”löpande” om antalet gäller vid varje tillfälle.",
  methods: "Till exempel tjänstedesign, supported employment, IPS, MI eller BIP.",
  followUp: "Hur målen följs upp under och efter insatsen, och vem som utvärderar.",
  implementation: "Hur resultaten tas tillvara i ordinarie verksamhet när insatsen slutar.",
  budget: "Belopp i hela kronor per år och kostnadsslag. Kostnader ersätts mot faktiska kostnader.",
  coFinancing: "Varje parts egen insats i pengar, personaltid eller deltagarnas ersättningar.",
  anchored: "Har ansökan diskuterats i den lokala eller strategiska utvecklingsgruppen?",
};

export const DEFAULT_FORM_VERSION = "Ansökan 2026:1";

export const DEFAULT_AGREEMENT_TEXT = `Parterna förbinder sig att genomföra insatsen enligt ansökan och förbundets beslut, och att följa de lagar och regler som gäller för verksamheten, bland annat lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och dataskyddsförordningen.

Insatsägaren har arbetsgivaransvaret för den personal som finansieras av förbundet.

Parterna rapporterar till förbundet enligt förbundets rapporteringsplan: periodiska rapporter, avvikelserapporter och slutrapport, och registrerar deltagare i deltagarregistret.

Förbundets kostnader är begränsade till beviljat belopp och betalas ut mot faktiska kostnader efter rekvisition. Medel som inte använts återförs till förbundet.`;
