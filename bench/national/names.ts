// Names and texts of the national dataset. Places are made up from Swedish place-name parts
// ("Ekköping", "Sandvik"), so that no association or municipality of the dataset is a real one;
// initiatives carry the kind of names Swedish samordningsförbund give them; people are drawn
// from common first names and surnames. Texts are short, plausible Swedish sentences of the
// kinds each form asks for.
import type { Dice } from "./random.ts";
import { oneOf } from "./random.ts";

const PREFIXES = [
  "Ale",
  "Berg",
  "Björk",
  "Bro",
  "Dal",
  "Ek",
  "Fager",
  "Fal",
  "Gran",
  "Hag",
  "Hed",
  "Hög",
  "Kal",
  "Kvarn",
  "Lind",
  "Ljung",
  "Lo",
  "Malm",
  "Mor",
  "Nor",
  "Näs",
  "Ros",
  "Sand",
  "Sjö",
  "Skog",
  "Sol",
  "Stor",
  "Sunne",
  "Ulv",
  "Vall",
  "Väster",
  "Åby",
  "Älv",
  "Öster",
  "Rå",
] as const;

const SUFFIXES = [
  "by",
  "berg",
  "borg",
  "dal",
  "fors",
  "hamn",
  "holm",
  "köping",
  "lund",
  "näs",
  "sala",
  "stad",
  "sund",
  "torp",
  "vik",
  "å",
  "ås",
  "ryd",
  "hult",
  "tuna",
] as const;

const COUNTY_ENDINGS = ["land", "mark", "bygden", "slätten", "dalen"] as const;

/** Every made-up place name, in a stable order shuffled by the stream. */
export function placeNames(dice: Dice): string[] {
  const names = PREFIXES.flatMap((p) =>
    SUFFIXES.filter((s) => !(p.endsWith(s.charAt(0)) && s.length < 3)).map((s) => `${p}${s}`),
  );
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(dice.next() * (i + 1));
    [names[i], names[j]] = [names[j] as string, names[i] as string];
  }
  return names;
}

export function countyName(dice: Dice, index: number): string {
  const prefix = PREFIXES[(index * 7 + dice.int(0, 3)) % PREFIXES.length] ?? "Nor";
  return `${prefix}${oneOf(dice, COUNTY_ENDINGS)}`;
}

/** "Tierps kommun", "Uppsala kommun", "Heby kommun": an s unless the name ends in a vowel or s. */
export const municipalityOrganisation = (place: string) =>
  /[aeiouyåäös]$/i.test(place) ? `${place} kommun` : `${place}s kommun`;

/** a–z, digits and hyphens, for slugs. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Names of individual initiatives, with what each is about (its register profile). */
export const INDIVIDUAL_INITIATIVES = [
  ["Jobbspår", "arbete"],
  ["Växtverket", "forrehab"],
  ["Steget vidare", "unga"],
  ["Arbetsbryggan", "arbete"],
  ["Unga i fokus", "unga"],
  ["IPS – individanpassat stöd till arbete", "arbete"],
  ["Vägen ut", "forrehab"],
  ["Lärcentrum", "nyanlanda"],
  ["Hälsolotsen", "forrehab"],
  ["Motivationshuset", "forrehab"],
  ["Språkbron", "nyanlanda"],
  ["Aktivitetshuset", "forrehab"],
  ["Startpunkten", "unga"],
  ["Navigatorcentrum", "unga"],
  ["Kraftsamling", "arbete"],
  ["Arbetsträningen", "forrehab"],
  ["Framtidsverkstan", "unga"],
  ["Samordnad rehabilitering", "forrehab"],
  ["Ung framtid", "unga"],
  ["Hälsa och arbete", "forrehab"],
  ["Bryggan", "arbete"],
  ["Nya vägar", "arbete"],
  ["Trappan", "forrehab"],
  ["Kompassen", "arbete"],
  ["Återgång i arbete", "forrehab"],
  ["Fokus arbete", "arbete"],
  ["Hållbar återgång", "forrehab"],
  ["Grön rehab", "forrehab"],
  ["Vidare mot arbete", "arbete"],
  ["Steg för steg", "forrehab"],
  ["Lots till arbete", "arbete"],
  ["Nyanländas väg till arbete", "nyanlanda"],
  ["Studiemotivation", "unga"],
  ["Arbetsmarknadstorget", "arbete"],
  ["Friskare tillsammans", "forrehab"],
] as const;

export const STRUCTURAL_INITIATIVES = [
  "Kompetenslyft samverkan",
  "Samverkansteam psykiatri",
  "Föreningsbron",
  "Förstärkt samverkan",
  "Gemensam kartläggning",
  "Tidiga insatser",
  "Kunskapsbron",
  "Samtalsstöd unga",
  "Gemensam ingång",
  "Digital delaktighet",
  "Familjecentrum i samverkan",
  "Utbildning i motiverande samtal",
  "Strategisk samverkan arbetsmarknad",
  "Konsultation och handledning",
  "Samverkansforum",
] as const;

/** The initials of an initiative's name, for its participants' own keys ("JS", "IPS"). */
export const keyPrefixOf = (label: string) =>
  label
    .split(/[\s–-]+/)
    .filter((w) => /^[A-ZÅÄÖ]/.test(w))
    .map((w) => w.charAt(0))
    .join("")
    .replace(/[ÅÄ]/g, "A")
    .replace(/Ö/g, "O") || "D";

const FIRST_NAMES = [
  "Anna",
  "Maria",
  "Karin",
  "Sara",
  "Emma",
  "Lena",
  "Eva",
  "Johanna",
  "Fatima",
  "Sofia",
  "Elin",
  "Ingrid",
  "Leila",
  "Helena",
  "Malin",
  "Erik",
  "Lars",
  "Anders",
  "Johan",
  "Per",
  "Karl",
  "Mikael",
  "Ahmed",
  "Peter",
  "Jonas",
  "Magnus",
  "Fredrik",
  "Daniel",
  "Omar",
  "Stefan",
] as const;

const SURNAMES = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Holm",
  "Sandberg",
  "Ek",
  "Nordin",
  "Haddad",
  "Yusuf",
  "Berg",
  "Lundgren",
  "Bergström",
  "Axelsson",
  "Hassan",
  "Lind",
  "Engström",
  "Falk",
  "Sundberg",
  "Wikström",
] as const;

export const personName = (dice: Dice) => `${oneOf(dice, FIRST_NAMES)} ${oneOf(dice, SURNAMES)}`;

export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");

export const TITLES = [
  "Enhetschef",
  "Sektionschef",
  "Verksamhetschef",
  "Avdelningschef",
  "Verksamhetsutvecklare",
  "Samordnare",
] as const;

export const TARGET_GROUPS: Record<string, string> = {
  arbete:
    "Personer 20–64 år som har haft försörjningsstöd eller aktivitetsstöd länge och behöver samordnat stöd för att komma i arbete.",
  forrehab:
    "Personer 18–64 år långt från arbetsmarknaden, ofta med psykisk ohälsa eller sjukpenning, som behöver stöd innan de kan ta del av arbetsmarknadens insatser.",
  unga: "Unga vuxna 18–29 år som varken arbetar eller studerar och behöver stöd att komma vidare.",
  nyanlanda:
    "Nyanlända och personer med kort utbildning som behöver språkstöd och vägledning mot studier eller arbete.",
  structural:
    "Medarbetare och chefer hos förbundets parter som arbetar med personer i behov av samordnad rehabilitering.",
};

export const PURPOSES: Record<string, string> = {
  arbete:
    "Att fler personer långt från arbetsmarknaden får ett arbete genom samordnat stöd från kommun, Arbetsförmedlingen och Försäkringskassan.",
  forrehab:
    "Att deltagarna stärker sin hälsa och arbetsförmåga och får en handlingsplan mot arbete eller studier.",
  unga: "Att unga vuxna som varken arbetar eller studerar kommer vidare till studier eller arbete.",
  nyanlanda:
    "Att nyanlända med kort utbildning får språk och vägledning som leder till studier eller arbete.",
  structural:
    "Att parternas medarbetare arbetar samordnat kring personer som behöver stöd från flera myndigheter.",
};

const ACTIVITIES = [
  "Individuella samtal och kartläggning med nya deltagare. Gruppträffar varje vecka om hälsa och vardagsstruktur.",
  "Arbetsträning hos två arbetsgivare i kommunen och studiebesök på en folkhögskola.",
  "Gemensamma ärendedragningar med Arbetsförmedlingen och Försäkringskassan varannan vecka.",
  "Deltagarna har arbetat med cv och intervjuträning; fyra har varit på anställningsintervju.",
  "Friskvårdsaktiviteter två gånger i veckan och en temadag om sömn och stress.",
  "Utbildningsdag för medarbetare hos parterna om samordnad rehabilitering.",
  "Praktikplatser har tagits fram tillsammans med näringslivsenheten.",
] as const;
const USER_PARTICIPATION = [
  "Deltagarrådet har träffats varje månad och påverkat schemat för gruppträffarna.",
  "En enkät till deltagarna visade att de vill ha fler praktiska moment; det har införts.",
  "Två tidigare deltagare är med och tar emot nya deltagare.",
  "Deltagarnas synpunkter samlas in vid varje avslut och gås igenom i arbetsgruppen.",
] as const;
const GOING_WELL = [
  "Samarbetet mellan parterna fungerar bra och ärenden kommer snabbt vidare.",
  "Deltagarna kommer regelbundet och närvaron är hög.",
  "Fler deltagare än väntat har gått vidare till praktik.",
  "Rekryteringen av deltagare går enligt plan.",
] as const;
const GOING_LESS_WELL = [
  "Det tar lång tid att få remisser från en av parterna.",
  "Några deltagare har svårt att ta sig till verksamheten på grund av kollektivtrafiken.",
  "Personalomsättningen har gjort att några deltagare fått byta handledare.",
  "Det är svårt att hitta praktikplatser inom vissa yrken.",
] as const;
const SUCCESS_FACTORS = [
  "En gemensam ingång och täta avstämningar mellan parterna.",
  "Handledare som följer deltagaren hela vägen.",
  "Tydliga rutiner för överlämning mellan parterna.",
] as const;
const SYSTEM_FAULTS = [
  "Regelverken för ersättning gör att deltagare tappar försörjning vid övergång mellan myndigheter.",
  "Sekretessen mellan parterna gör att samtycke måste hämtas in flera gånger.",
  "Inga systemfel att rapportera under perioden.",
] as const;
const MEASURES = [
  "Parterna har kommit överens om en gemensam rutin för remisser.",
  "En extra handledare har anställts under hösten.",
  "Styrgruppen följer upp rekryteringen vid nästa möte.",
] as const;

export const periodicTexts = (dice: Dice) => ({
  activities: oneOf(dice, ACTIVITIES),
  userParticipation: oneOf(dice, USER_PARTICIPATION),
  goingWell: oneOf(dice, GOING_WELL),
  goingLessWell: oneOf(dice, GOING_LESS_WELL),
  successFactors: oneOf(dice, SUCCESS_FACTORS),
  systemFaults: oneOf(dice, SYSTEM_FAULTS),
  measures: oneOf(dice, MEASURES),
});

export const NO_DEVIATION = "Inga avvikelser från planeringen under perioden.";

export const COMMENTS = {
  inPhaseWithComment: [
    "I fas, men rekryteringen av deltagare har gått långsammare än planerat.",
    "I fas; ett av delmålen mäts först vid årets slut.",
    "Målen nås, men andelen kvinnor är lägre än målet.",
  ],
  notInPhase: [
    "Färre deltagare än planerat har skrivits in, eftersom remisserna från en part har uteblivit.",
    "En vakant tjänst under perioden har gjort att verksamheten inte kunnat ta emot nya deltagare.",
    "Andelen som går vidare till arbete eller studier är lägre än målet.",
  ],
  prognosisNo: [
    "Styrgruppen bedömer att resultatmålet inte nås utan förändringar i arbetssättet.",
    "Styrgruppen bedömer att målet om antal deltagare inte nås under insatstiden.",
  ],
  vacancy: [
    "En handledartjänst var vakant under två månader.",
    "Projektledaren slutade och ersättaren började efter sex veckor.",
    "En av två coacher var föräldraledig utan ersättare under perioden.",
  ],
  startedLate:
    "Insatsen startade en månad senare än planerat, eftersom rekryteringen av personal tog längre tid.",
  noMeetings: "Inget styrgruppsmöte hölls under perioden; nästa möte är inplanerat.",
  absent: "En ordinarie ledamot kunde inte delta och hade ingen ersättare.",
} as const;

export const DEVIATION_TEXTS = {
  description: [
    "Insatsen har inte kunnat bemanna en av de finansierade tjänsterna under perioden.",
    "Antalet inskrivna deltagare är lägre än planerat.",
    "Kostnaderna för lokaler blev lägre än budgeterat, och medel behöver flyttas till nästa år.",
    "Målgruppen behöver vidgas för att insatsen ska nå det planerade antalet deltagare.",
    "Tidsplanen har förskjutits eftersom starten blev försenad.",
  ],
  cause: [
    "Rekryteringen av personal tog längre tid än väntat.",
    "Remisserna från en av parterna har minskat efter en omorganisation.",
    "Hyresavtalet blev billigare än beräknat.",
  ],
  consequence: [
    "Färre deltagare kan tas emot under året.",
    "Budgeten förbrukas inte i den takt som planerats.",
    "Resultatmålet riskerar att inte nås inom insatstiden.",
  ],
  measures: [
    "Parterna har tagit fram en ny rutin för remisser.",
    "En vikarie har anställts.",
    "Styrgruppen föreslår att medel flyttas till nästa period.",
  ],
  earlyEnd:
    "Parterna har beslutat att avsluta insatsen i förtid, eftersom målgruppen nu får stöd inom ordinarie verksamhet.",
} as const;

export const FINAL_TEXTS = {
  equality:
    "Insatsen har följt könsfördelningen bland deltagarna varje kvartal och anpassat aktiviteterna efter det.",
  changedNeed: "Behovet finns kvar, men fler i målgruppen har i dag psykisk ohälsa.",
  followUp:
    "Målen har följts upp i de periodiska rapporterna och i deltagarregistret varje kvartal.",
  continuation:
    "Arbetssättet förs över till kommunens arbetsmarknadsenhet och används i ordinarie verksamhet.",
  lesson: [
    "Ett gemensamt arbetssätt mellan parterna ger deltagarna snabbare stöd.",
    "Tidiga och täta avstämningar mellan handläggarna var avgörande.",
    "Vi behöver bli bättre på att planera överlämningen till ordinarie verksamhet.",
  ],
  timeChangeEarly: "Insatsen avslutades i förtid efter beslut om avvikelse.",
  outcome: [
    "Målet nåddes: andelen låg över målvärdet vid avslut.",
    "Målet nåddes delvis: andelen låg något under målvärdet.",
    "Målet nåddes inte, främst på grund av färre deltagare än planerat.",
  ],
} as const;

export const MEETING_TEXTS = {
  agenda:
    "1. Föregående protokoll\n2. Lägesrapport och deltagarstatistik\n3. Ekonomi\n4. Övriga frågor",
  decisions: [
    "Styrgruppen godkände lägesrapporten.",
    "Styrgruppen beslutade att följa upp rekryteringen av deltagare vid nästa möte.",
    "Styrgruppen godkände budgetuppföljningen och lade den till handlingarna.",
  ],
} as const;
