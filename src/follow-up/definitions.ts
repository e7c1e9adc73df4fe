// What every figure of the follow-up report means and where it comes from (domain/follow-up.md:
// "every figure in the report can be traced"). FIGURE_KEYS maps each section and field of the
// report (model.ts) to its figure key; definitions() gives each key its label, exactly what is
// counted or computed, and its source, in Swedish. The participant figures use the register's
// own definitions (the catalogue of register/aggregates.ts), so the report and the register's
// statistics say the same thing.
import { courseFiguresSv } from "../platform/i18n/messages/course-figures.sv.ts";
import { portalUsageSv } from "../platform/i18n/messages/portal-usage.sv.ts";
import { registerFiguresSv } from "../platform/i18n/messages/register-figures.sv.ts";
import { DEFINITIONS as PROGRESSION } from "../progression/results.ts";
import type { FigureDefinition } from "./model.ts";
import { BEHIND_TARGET_SHARE } from "./sections-participants.ts";

export const FIGURE_KEYS = {
  initiatives: {
    name: "tabell1.insats",
    startDate: "tabell1.startdatum",
    endDate: "tabell1.slutdatum",
    group: "tabell1.grupp",
    plannedEndDate: "tabell1.planerat_slutdatum",
  },
  goalStatus: {
    inPhase: "tabell2.i_fas",
    prognosis: "tabell2.styrgruppens_prognos",
    colour: "tabell2.farg",
    deviationReport: "tabell2.avvikelserapport",
    comment: "tabell2.kommentar",
  },
  preconditions: {
    startedOnTime: "tabell3.startade_i_tid",
    vacanciesFunded: "tabell3.vakanser_forbundsfinansierade",
    vacanciesOwn: "tabell3.vakanser_egenfinansierade",
    budgetDeviationSubmitted: "tabell3.avvikelse_budget_inlamnad",
  },
  budget: {
    budget: "tabell4.budget",
    outcome: "tabell4.utfall",
    ratioPercent: "tabell4.forbrukningskvot",
    prognosis: "tabell4.prognos",
    total: "tabell4.summa",
  },
  quality: {
    steeringMeetingsAsAgreed: "tabell5.styrgruppsmoten_enligt_avtal",
    allOrdinaryAttended: "tabell5.alla_ordinarie_deltagit",
    followUpAsAgreed: "tabell5.uppfoljning_enligt_avtal",
    methodChecked: "tabell5.kontroll_av_metod",
    targetGroupChecked: "tabell5.kontroll_av_malgrupp",
    equityDiscussed: "tabell5.jamlikhet_diskuterad",
    genderEqualityDiscussed: "tabell5.jamstalldhet_diskuterad",
    deviationGoalsOrTargetGroup: "tabell5.avvikelse_mal_malgrupp",
  },
  structure: {
    initiatives: "struktur_och_individ.insatser",
    outcome: "struktur_och_individ.utfall",
  },
  individual: {
    wholeTime: "tabell6.hela_insatstiden",
    exitedWholeTime: "tabell6.avslutade_hela_insatstiden",
    exitedInPeriod: "tabell6.avslutade_under_perioden",
    womenToWorkOrStudies: "tabell6.kvinnor_till_arbete_studier",
    menToWorkOrStudies: "tabell6.man_till_arbete_studier",
    shareToWorkOrStudies: "tabell6.andel_till_arbete_studier",
    shareWithActionPlan: "tabell6.andel_med_handlingsplan",
    ongoing: "tabell6.pagaende",
    groupTotal: "tabell6.summa_grupp",
    total: "tabell6.totalt",
  },
  exitReasons: {
    arbete_ej_subventionerat: "tabell7.arbete_ej_subventionerat",
    subventionerat_arbete: "tabell7.subventionerat_arbete",
    eget_foretag: "tabell7.eget_foretag",
    studier: "tabell7.studier",
    bade_arbete_och_studier: "tabell7.bade_arbete_och_studier",
    arbetssokande: "tabell7.arbetssokande",
    ovriga_avslutade: "tabell7.ovriga_avslutade",
  },
  participantBackground: {
    enrolledInPeriod: "bakgrund.inskrivna_under_perioden",
    andel_kvinnor: "bakgrund.andel_kvinnor",
    andel_man: "bakgrund.andel_man",
    andel_under_30: "bakgrund.andel_under_30",
    andel_offentlig_forsorjning_mer_an_3_ar: "bakgrund.andel_offentlig_forsorjning_mer_an_3_ar",
    andel_kvinnor_offentlig_forsorjning_mer_an_3_ar:
      "bakgrund.andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
    andel_forgymnasial: "bakgrund.andel_forgymnasial",
    andel_kvinnor_forgymnasial: "bakgrund.andel_kvinnor_forgymnasial",
    andel_eftergymnasial: "bakgrund.andel_eftergymnasial",
    andel_utbildning_okand: "bakgrund.andel_utbildning_okand",
  },
  participants: {
    wholeTime: "tabell8.hela_insatstiden",
    change: "tabell8.forandring",
    expected: "tabell8.forvantat_antal",
    behindTarget: "tabell8.efter_malet",
  },
  summary: {
    activeInitiatives: "sammanfattning.aktiva_insatser",
    endedInitiatives: "sammanfattning.avslutade_insatser",
    startedInitiatives: "sammanfattning.startade_insatser",
    toWorkOrStudies: "sammanfattning.till_arbete_studier",
  },
  endedInitiatives: {
    purpose: "avslutade_insatser.syfte",
    outcomeSummary: "avslutade_insatser.resultat",
  },
  progression: {
    instrument: "progression.instrument",
    measuredShare: "progression.andel_matta",
    target: "progression.mal",
    change: "progression.forandring",
    improvedShare: "progression.andel_forbattrade",
    pairs: "progression.par",
  },
  portalUsage: {
    loggedIn: "deltagarportalen.inloggade",
    new: "deltagarportalen.nya",
    returning: "deltagarportalen.aterkommande",
    bookingsMade: "deltagarportalen.bokningar_gjorda",
    bookingsKept: "deltagarportalen.bokningar_genomforda",
    bookingsMissed: "deltagarportalen.bokningar_uteblivna",
    bookingsCancelled: "deltagarportalen.bokningar_avbokade",
  },
  coursesFeedback: {
    started: "kurser.paborjade",
    finished: "kurser.avslutade",
    chaptersCompleted: "kurser.klara_kapitel",
    quizFirstTry: "kurser.ratt_forsta_forsoket",
    answers: "tyck_till.antal_svar",
    distribution: "tyck_till.fordelning",
    mean: "tyck_till.medelvarde",
  },
  disclosure: {
    suppressedCells: "rojandekontroll.dolda_uppgifter",
  },
} as const;

const SOURCE = {
  initiatives: "Insatsregistret (insatsens namn, ägare, samverkansparter, inriktning och datum)",
  periodic:
    "Lägesrapporterna (periodiska rapporter), den senaste inskickade eller låsta vars period slutar inom uppföljningsperioden",
  derived:
    "Lägesrapporterna; när frågan lämnats obesvarad härleds svaret ur styrgruppens möten och närvaro, avvikelserapporterna och rapporternas datum",
  deviations: "Avvikelserapporterna (inskickade eller beslutade under perioden)",
  money:
    "Insatsens gällande budgetversion (förbundsmedel) och godkända rekvisitioner för rapportperioder som slutar inom uppföljningsperioden",
  register:
    "Deltagarregistret (inskrivningar, bakgrund vid start och avslut), efter röjandekontroll",
  application: "Ansökan (förväntat antal deltagare), som den står i insatsregistret",
  finalReport: "Slutrapporten; saknas den, den beviljade ansökan",
  report: "Uppföljningens egna tal",
  portal:
    "Deltagarportalen: inloggningar och bokningar i deltagarregistret, med kön ur registret, efter röjandekontroll",
  courses:
    "Deltagarportalens kurser: kursernas publicerade versioner och deltagarnas läsning och svar på kunskapsfrågor i deltagarregistret, med kön ur registret, efter röjandekontroll",
  feedback:
    "Tyck till i deltagarportalen: insatsernas frågor och deltagarnas svar, sparade utan namn med månaden de lämnades, efter röjandekontroll",
  progression:
    "Progressionsmätningen: insatsens mätplan, instrumentets version och mätningarna av de inskrivna i deltagarregistret, efter röjandekontroll",
};

const rf = (key: string): string => {
  const text = (registerFiguresSv as Record<string, string>)[key];
  if (text === undefined) throw new Error(`registrets katalog saknar ${key}`);
  return text;
};

const COUNTING = rf("registerFigures.countingNote");
const GENDER = rf("registerFigures.genderNote");

const yesNo = (question: string, extra = ""): string =>
  `Svaret (Ja eller Nej) på frågan ”${question}” i den senaste lägesrapporten vars period slutar inom uppföljningsperioden.${extra ? ` ${extra}` : ""} Tomt (–) när frågan inte är besvarad eller insatsen saknar rapport för perioden.`;

/** Every figure key of the report with its label, definition and source (Swedish). */
export function definitions(threshold: number): Record<string, FigureDefinition> {
  const K = FIGURE_KEYS;
  const list: Array<[string, string, string, string]> = [
    // Tabell 1
    [
      K.initiatives.name,
      "Insats",
      "Insatsens namn med ägarens kommun (eller ”Region”) först, till exempel ”Tierp, Växtverket”. Aktiva insatser står först, därefter de som avslutades under perioden. En insats är aktiv under perioden om den startat senast periodens sista dag och inte slutat före periodens första dag; ansökningar och avslagna ansökningar räknas inte.",
      SOURCE.initiatives,
    ],
    [K.initiatives.startDate, "Start", "Insatsens startdatum.", SOURCE.initiatives],
    [
      K.initiatives.endDate,
      "Slut",
      "Insatsens slutdatum (det faktiska, om den avslutades i förtid).",
      SOURCE.initiatives,
    ],
    [
      K.initiatives.group,
      "Aktiva / avslutade under perioden",
      "”Avslutade under perioden”: insatser vars slutdatum ligger inom perioden. Övriga aktiva insatser står under ”Aktiva insatser”.",
      SOURCE.initiatives,
    ],
    [
      K.initiatives.plannedEndDate,
      "Planerat slut (fotnot)",
      "För en insats som avslutats i förtid: det slutdatum den ursprungligen var planerad att ha.",
      SOURCE.initiatives,
    ],
    // Tabell 2
    [
      K.goalStatus.inPhase,
      "I fas gällande uppsatta mål",
      "Svaret på frågan ”Ligger insatsen i fas gällande uppsatta mål?”: Ja, Ja* (ja, med kommentar), Nej eller För tidigt att utläsa, i den senaste lägesrapporten vars period slutar inom uppföljningsperioden.",
      SOURCE.periodic,
    ],
    [
      K.goalStatus.prognosis,
      "Styrgruppens prognos",
      "Styrgruppens prognos för måluppfyllelse (Ja, Nej eller –) i samma lägesrapport.",
      SOURCE.periodic,
    ],
    [
      K.goalStatus.colour,
      "Färg",
      "Röd: insatsen ligger inte i fas, eller en avvikelserapport kom in eller beslutades under perioden. Gul (bevaka): i fas med kommentar (Ja*), eller styrgruppens prognos är Nej. Grön: i fas. Ingen färg: för tidigt att utläsa, eller ingen rapport. Färgen anges alltid också i ord.",
      `${SOURCE.periodic}; ${SOURCE.deviations}`,
    ],
    [
      K.goalStatus.deviationReport,
      "Avvikelserapport",
      "Om en avvikelserapport (av vilken typ som helst) kom in eller beslutades under perioden.",
      SOURCE.deviations,
    ],
    [
      K.goalStatus.comment,
      "Kommentar",
      "För de insatser som avviker (Ja*, Nej, prognos Nej eller avvikelserapport): kommentaren i lägesrapporten och avvikelserapportens beskrivning. Visas efter tabellen.",
      `${SOURCE.periodic}; ${SOURCE.deviations}`,
    ],
    // Tabell 3
    [
      K.preconditions.startedOnTime,
      "Startade i tid",
      yesNo(
        "Startade insatsen i tid?",
        "Frågan ställs tills den besvaras med Ja; ett Ja i en tidigare rapport gäller sedan.",
      ),
      SOURCE.periodic,
    ],
    [
      K.preconditions.vacanciesFunded,
      "Vakanser i förbundsfinansierade tjänster",
      yesNo("Vakanser i tjänster finansierade av förbundet?"),
      SOURCE.periodic,
    ],
    [
      K.preconditions.vacanciesOwn,
      "Vakanser i egenfinansierade resurser",
      yesNo("Vakanser i egenfinansierade resurser?"),
      SOURCE.periodic,
    ],
    [
      K.preconditions.budgetDeviationSubmitted,
      "Avvikelse gällande budget inlämnad",
      yesNo(
        "Avvikelse gällande budget inlämnad?",
        "Svaret härleds ur avvikelserapporterna om budget som lämnats in under rapportens period och kan bekräftas i rapporten.",
      ),
      SOURCE.derived,
    ],
    // Tabell 4
    [
      K.budget.budget,
      "Budget för perioden",
      "Förbundsmedel i insatsens gällande budgetversion för de rapportperioder som slutar inom uppföljningsperioden, i hela kronor (visas i tkr). Medfinansiering ingår inte.",
      SOURCE.money,
    ],
    [
      K.budget.outcome,
      "Utfall för perioden",
      "Förbundsmedel i godkända rekvisitioner för samma rapportperioder, i hela kronor (visas i tkr). Rekvisitioner som inte är godkända ingår inte.",
      SOURCE.money,
    ],
    [
      K.budget.ratioPercent,
      "Förbrukningskvot",
      "Utfall för perioden ÷ budget för perioden, i hela procent (avrundat). Visas inte när budgeten är 0.",
      SOURCE.money,
    ],
    [
      K.budget.prognosis,
      "Prognos",
      "Prognosen OK, Bevaka, Åtgärd eller Avslutad som insatsens ekonomisida visar per periodens sista dag (eller i dag, för en period som inte är slut): kansliets egen prognos för den senaste avslutade rapportperioden om den finns, annars den föreslagna utifrån förbrukningskvoten hittills under året, förbundets normalintervall och den senaste lägesrapporten. Färg: OK grön, Bevaka gul, Åtgärd röd.",
      SOURCE.money,
    ],
    [
      K.budget.total,
      "Summa",
      "Summan av tabellens budget och utfall, och förbrukningskvoten av summorna. Tabellen tar med varje insats som är aktiv under perioden och varje annan insats med budget eller utfall för perioden.",
      SOURCE.money,
    ],
    // Tabell 5
    [
      K.quality.steeringMeetingsAsAgreed,
      "Styrgruppsmöten enligt avtal",
      yesNo(
        "Styrgruppsmöten enligt avtal?",
        "Härleds ur styrgruppens hållna möten: minst ett under rapportens period och, vid årets slut, minst fyra under året (färre för en insats som startat under året).",
      ),
      SOURCE.derived,
    ],
    [
      K.quality.allOrdinaryAttended,
      "Alla ordinarie representanter deltagit",
      yesNo(
        "Har alla ordinarie representanter deltagit?",
        "Härleds ur närvaron på periodens hållna möten.",
      ),
      SOURCE.derived,
    ],
    [
      K.quality.followUpAsAgreed,
      "Uppföljning enligt avtal",
      yesNo("Uppföljning enligt avtal?", "Härleds ur om tidigare rapporter lämnats in i tid."),
      SOURCE.derived,
    ],
    [K.quality.methodChecked, "Kontroll av metod", yesNo("Kontroll av metod"), SOURCE.periodic],
    [
      K.quality.targetGroupChecked,
      "Kontroll av målgrupp",
      yesNo("Kontroll av målgrupp"),
      SOURCE.periodic,
    ],
    [
      K.quality.equityDiscussed,
      "Jämlikhet diskuterad",
      yesNo("Jämlikhet diskuterad (i styrgruppen eller i arbetet)"),
      SOURCE.periodic,
    ],
    [
      K.quality.genderEqualityDiscussed,
      "Jämställdhet diskuterad",
      yesNo("Jämställdhet diskuterad (i styrgruppen eller i arbetet)"),
      SOURCE.periodic,
    ],
    [
      K.quality.deviationGoalsOrTargetGroup,
      "Avvikelse mål/målgrupp",
      yesNo("Avvikelse mål/målgrupp"),
      SOURCE.periodic,
    ],
    // Struktur och individ
    [
      K.structure.initiatives,
      "Antal insatser",
      "Insatser som är aktiva under perioden, strukturinriktade och individinriktade, och totalt.",
      SOURCE.initiatives,
    ],
    [
      K.structure.outcome,
      "Utfall (tkr)",
      "Summan av utfallet för perioden (tabell 4) för de aktiva insatserna med den inriktningen, i hela kronor (visas i tkr).",
      SOURCE.money,
    ],
    // Tabell 6
    [
      K.individual.wholeTime,
      "Deltagare hela insatstiden",
      `${rf("registerFigures.deltagare.hela_insatstiden.definition")} ${COUNTING}`,
      SOURCE.register,
    ],
    [
      K.individual.exitedWholeTime,
      "Avslutade hela insatstiden",
      `${rf("registerFigures.deltagare.avslutade_hela_insatstiden.definition")} ${COUNTING}`,
      SOURCE.register,
    ],
    [
      K.individual.exitedInPeriod,
      "Avslutade under perioden",
      `${rf("registerFigures.deltagare.avslutade_under_perioden.definition")} ${COUNTING}`,
      SOURCE.register,
    ],
    [
      K.individual.womenToWorkOrStudies,
      "Kvinnor till arbete och/eller studier",
      `Kvinnor bland de avslutade under perioden som gick till arbete (alla former) eller studier. ${rf("registerFigures.avslut.till_arbete_och_eller_studier.definition")}`,
      SOURCE.register,
    ],
    [
      K.individual.menToWorkOrStudies,
      "Män till arbete och/eller studier",
      `Män bland de avslutade under perioden som gick till arbete (alla former) eller studier. ${rf("registerFigures.avslut.till_arbete_och_eller_studier.definition")} ${GENDER}`,
      SOURCE.register,
    ],
    [
      K.individual.shareToWorkOrStudies,
      "Andel till arbete och/eller studier",
      rf("registerFigures.share.andel_till_arbete_och_eller_studier.definition"),
      SOURCE.register,
    ],
    [
      K.individual.shareWithActionPlan,
      "Andel med handlingsplan",
      rf("registerFigures.share.andel_med_handlingsplan.definition"),
      SOURCE.register,
    ],
    [
      K.individual.ongoing,
      "Pågående",
      rf("registerFigures.deltagare.pagaende_vid_periodens_slut.definition"),
      SOURCE.register,
    ],
    [
      K.individual.groupTotal,
      "Summa per grupp",
      "Summan för de förrehabiliterande insatserna respektive insatserna mot arbete eller studier. Varje grupps insatser och summa går tillsammans genom röjandekontrollen, så att ingen dold uppgift kan räknas fram ur gruppens summa.",
      SOURCE.register,
    ],
    [
      K.individual.total,
      "Totalt",
      "Summan av de två gruppernas summor. En summa visas när båda gruppernas uppgifter visas; annars visas ”..”. En andel räknas ur gruppernas visade antal, med samma röjandekontroll som andra andelar.",
      SOURCE.register,
    ],
    // Tabell 7
    [
      K.exitReasons.arbete_ej_subventionerat,
      "Arbete, ej subventionerat",
      rf("registerFigures.avslut.arbete_ej_subventionerat.definition"),
      SOURCE.register,
    ],
    [
      K.exitReasons.subventionerat_arbete,
      "Subventionerat arbete",
      rf("registerFigures.avslut.arbete_subventionerat.definition"),
      SOURCE.register,
    ],
    [
      K.exitReasons.eget_foretag,
      "Eget företag",
      rf("registerFigures.avslut.eget_foretag.definition"),
      SOURCE.register,
    ],
    [
      K.exitReasons.studier,
      "Studier (ej arbete)",
      `${rf("registerFigures.avslut.studier_utan_arbete.definition")} De fyra första raderna summerar till ”till arbete och/eller studier” i tabell 6.`,
      SOURCE.register,
    ],
    [
      K.exitReasons.bade_arbete_och_studier,
      "varav både arbete och studier",
      rf("registerFigures.avslut.bade_arbete_och_studier.definition"),
      SOURCE.register,
    ],
    [
      K.exitReasons.arbetssokande,
      "Arbetssökande",
      rf("registerFigures.avslut.arbetssokande.definition"),
      SOURCE.register,
    ],
    [
      K.exitReasons.ovriga_avslutade,
      "Övriga avslutade",
      `${rf("registerFigures.avslut.ovriga_avslutade.definition")} ${GENDER}`,
      SOURCE.register,
    ],
    // Deltagarnas bakgrund
    [
      K.participantBackground.enrolledInPeriod,
      "Inskrivna under perioden",
      `${rf("registerFigures.enrolled.definition")} De är precis de som avslutades under perioden och de som pågick vid periodens slut, så antalet visas bara när båda de antalen visas.`,
      SOURCE.register,
    ],
    ...(
      [
        "andel_kvinnor",
        "andel_man",
        "andel_under_30",
        "andel_offentlig_forsorjning_mer_an_3_ar",
        "andel_kvinnor_offentlig_forsorjning_mer_an_3_ar",
        "andel_forgymnasial",
        "andel_kvinnor_forgymnasial",
        "andel_eftergymnasial",
        "andel_utbildning_okand",
      ] as const
    ).map((key): [string, string, string, string] => [
      K.participantBackground[key],
      rf(`registerFigures.share.${key}.label`),
      rf(`registerFigures.share.${key}.definition`),
      SOURCE.register,
    ]),
    // Tabell 8
    [
      K.participants.wholeTime,
      "Deltagare hela insatstiden",
      `${rf("registerFigures.deltagare.hela_insatstiden.definition")} ${COUNTING}`,
      SOURCE.register,
    ],
    [
      K.participants.change,
      "Förändring sedan förra uppföljningen",
      `Antalet deltagare hela insatstiden nu minus antalet i den senast låsta uppföljningen, med tecken (+49). ${threshold > 0 ? `Ett antal personer: en förändring på 1–${threshold - 1} visas som ”< ${threshold}”. ` : ""}Visas som ”..” när något av de två antalen inte visas, och saknas när det inte finns någon låst uppföljning att jämföra med.`,
      `${SOURCE.register}; den senast låsta uppföljningen`,
    ],
    [
      K.participants.expected,
      "Förväntat antal",
      "Det förväntade antalet deltagare enligt ansökan: för hela insatstiden (”210”), eller det antal som ska delta samtidigt (”15 personer löpande”).",
      SOURCE.application,
    ],
    [
      K.participants.behindTarget,
      "Efter målet",
      `En insats ligger efter sitt mål när antalet deltagare hela insatstiden är mindre än ${Math.round(BEHIND_TARGET_SHARE * 100)} % av det förväntade antalet i proportion till hur stor del av den planerade insatstiden (start till ursprungligt planerat slut) som gått vid periodens slut (eller vid insatsens slut, om den slutat tidigare); för ett förväntat antal ”löpande” när antalet pågående deltagare vid periodens slut är mindre än ${Math.round(BEHIND_TARGET_SHARE * 100)} % av det antalet (bara för insatser som pågår vid periodens slut). Bedöms bara ur det visade antalet${threshold > 0 ? `: ”< ${threshold}” räknas som högst ${threshold - 1}, ett dolt antal (”..”) bedöms inte` : ""}. Insatserna nämns i texten under tabellen.`,
      `${SOURCE.register}; ${SOURCE.application}`,
    ],
    // Sammanfattning
    [
      K.summary.activeInitiatives,
      "Aktiva insatser",
      "Insatser som startat senast periodens sista dag och inte slutat före periodens första dag, per inriktning.",
      SOURCE.initiatives,
    ],
    [
      K.summary.endedInitiatives,
      "Avslutade insatser",
      "Insatser vars slutdatum ligger inom perioden, per kalenderkvartal.",
      SOURCE.initiatives,
    ],
    [
      K.summary.startedInitiatives,
      "Startade insatser",
      "Insatser vars startdatum ligger inom perioden, per kalenderkvartal.",
      SOURCE.initiatives,
    ],
    [
      K.summary.toWorkOrStudies,
      "Till arbete och/eller studier",
      `Andelen av alla avslutade under perioden (alla individinriktade insatser) som gick till arbete och/eller studier, och hur många av dem som var kvinnor och män (tabell 6, raden Totalt). ${threshold > 0 ? `Ett antal under tröskeln skrivs ”färre än ${threshold}”, ett dolt antal skrivs inte ut.` : ""}`,
      SOURCE.register,
    ],
    // Avslutade insatser
    [
      K.endedInitiatives.purpose,
      "Syfte",
      "Insatsens syfte som det står i slutrapporten (eller, innan slutrapporten kommit in, i den beviljade ansökan).",
      SOURCE.finalReport,
    ],
    [
      K.endedInitiatives.outcomeSummary,
      "Resultat",
      "Slutrapportens bedömning av varje mål (uppnått Ja, Nej eller Delvis) med dess utfall i ord och siffror.",
      SOURCE.finalReport,
    ],
    // Progression
    [
      K.progression.instrument,
      "Instrument",
      "Det mätinstrument och den version som insatsens mätplan anger. En insats med flera instrument i planen har en rad per instrument. Bara individinriktade insatser som är aktiva under perioden och har en mätplan visas.",
      SOURCE.progression,
    ],
    [
      K.progression.measuredShare,
      "Andel mätta",
      `${PROGRESSION.andel_matta} Här totalt. ${PROGRESSION.inskrivna} ${PROGRESSION.matta}`,
      SOURCE.progression,
    ],
    [K.progression.target, "Mål för andel mätta", PROGRESSION.mal, SOURCE.progression],
    [
      K.progression.change,
      "Förändring i totalpoäng",
      `${PROGRESSION.forandring} Måttet är instrumentets totalpoäng. ${PROGRESSION.par} ${PROGRESSION.kon}`,
      SOURCE.progression,
    ],
    [
      K.progression.improvedShare,
      "Andel förbättrade",
      `${PROGRESSION.andel_forbattrade} Här totalt.`,
      SOURCE.progression,
    ],
    [K.progression.pairs, "Par", `${PROGRESSION.par} Här totalt.`, SOURCE.progression],
    // Deltagarportalen (the texts of the portal's usage figures: portal-usage.sv.ts)
    [
      K.portalUsage.loggedIn,
      "Inloggade",
      `${portalUsageSv["portalStaff.usage.table.inloggade.definition"]} Här alla individinriktade insatser under perioden tillsammans: en person räknas en gång per månad även om hen deltar i flera av dem hos samma huvudman (hos två huvudmän är hen två personer i registret, och räknas två gånger).`,
      SOURCE.portal,
    ],
    [
      K.portalUsage.new,
      "Varav nya",
      `${portalUsageSv["portalStaff.usage.table.nya.definition"]} Här totalt.`,
      SOURCE.portal,
    ],
    [
      K.portalUsage.returning,
      "Varav återkommande",
      `${portalUsageSv["portalStaff.usage.table.aterkommande.definition"]} Här totalt.`,
      SOURCE.portal,
    ],
    [
      K.portalUsage.bookingsMade,
      "Bokningar gjorda",
      `${portalUsageSv["portalStaff.usage.bookings.made.definition"]} ${portalUsageSv["portalStaff.usage.bookings.definition"]}`,
      SOURCE.portal,
    ],
    [
      K.portalUsage.bookingsKept,
      "Bokningar genomförda",
      portalUsageSv["portalStaff.usage.bookings.kept.definition"],
      SOURCE.portal,
    ],
    [
      K.portalUsage.bookingsMissed,
      "Bokningar uteblivna",
      portalUsageSv["portalStaff.usage.bookings.missed.definition"],
      SOURCE.portal,
    ],
    [
      K.portalUsage.bookingsCancelled,
      "Bokningar avbokade",
      portalUsageSv["portalStaff.usage.bookings.cancelled.definition"],
      SOURCE.portal,
    ],
    // Kurser och Tyck till (the texts of the staff pages: course-figures.sv.ts)
    [
      K.coursesFeedback.started,
      "Påbörjade kursen",
      `${courseFiguresSv["courseFigures.row.started.definition"]} Här alla individinriktade insatser under perioden tillsammans.`,
      SOURCE.courses,
    ],
    [
      K.coursesFeedback.finished,
      "Avslutade kursen",
      courseFiguresSv["courseFigures.row.finished.definition"],
      SOURCE.courses,
    ],
    [
      K.coursesFeedback.chaptersCompleted,
      "Klara kapitel",
      `${courseFiguresSv["courseFigures.row.chapters.definition"]} Här totalt.`,
      SOURCE.courses,
    ],
    [
      K.coursesFeedback.quizFirstTry,
      "Rätt på första försöket",
      courseFiguresSv["courseFigures.quiz.definition"],
      SOURCE.courses,
    ],
    [
      K.coursesFeedback.answers,
      "Antal svar",
      `${courseFiguresSv["courseFigures.results.answersDefinition"]} Per insats, fråga och sammanhang (efter kapitel, efter möten, slutenkäten), hela perioden. Fritextsvarens texter ingår aldrig i rapporten.`,
      SOURCE.feedback,
    ],
    [
      K.coursesFeedback.distribution,
      "Fördelning 1–5",
      "Hur många som valde varje värde på skalan 1–5 under hela perioden. Visas inte när frågan fick för få svar.",
      SOURCE.feedback,
    ],
    [
      K.coursesFeedback.mean,
      "Medelvärde",
      courseFiguresSv["courseFigures.results.meanDefinition"],
      SOURCE.feedback,
    ],
    // Röjandekontroll
    [
      K.disclosure.suppressedCells,
      "Dolda uppgifter",
      `Antalet uppgifter om deltagare som inte visas: antal under tröskeln (${threshold > 0 ? `”< ${threshold}”` : "ingen, när röjandekontrollen är avstängd"}), antal som döljs för att de dolda inte ska kunna räknas fram ur summorna (”..”), summor för flera insatser där en del är dold, tal som döljs när rapporten granskas som helhet — så att ingen dold uppgift kan räknas fram ur tabellerna tillsammans, varken med summor eller med de gränser markeringarna anger — och andelar som inte visas. Rapporten säger hur många och varför, aldrig vilka värden.`,
      SOURCE.register,
    ],
  ];
  return Object.fromEntries(
    list.map(([key, label, definition, source]) => [
      key,
      { key, label, definition: definition.trim(), source },
    ]),
  );
}
