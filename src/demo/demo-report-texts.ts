// What the demo's initiatives wrote in their periodic reports, 2025–2026: per initiative the
// activities, user participation and summary texts (each list is read in order, one entry per
// report from the initiative's first report in Samspår, starting over when it runs out), how
// each goal went report by report, and what stood out in particular periods (a vacancy, a
// deviation, a changed target group). demo-reports.ts turns these into reports through the
// real workflow.
import type { StatusQuestionKey } from "../reports/periodic-report-content.ts";

type Answer = { answer: string; comment: string };

export interface ReportProfile {
  /**
   * Who writes in Samspår: the demo's initiative lead writes Växtverket's reports; the other
   * initiatives send theirs by e-mail and the office enters them.
   */
  writer: "lead" | "office";
  /** 3. Uppgiftslämnare. */
  reportedBy: string;
  /**
   * How each goal went, one letter per report from the first report in Samspår on (the last
   * letter repeats): T för tidigt, I i fas, R risk, E ej i fas, U uppfyllt.
   */
  moods: string[];
  activities: string[];
  userParticipation: string[];
  goingWell: string[];
  goingLessWell: string[];
  successFactors: string[];
  systemFaults: string[];
  measures: string[];
  /** 2.2 in the periods something deviated from the plan; otherwise a line saying nothing did. */
  deviations?: Record<string, string>;
  /** Vacancies in posts the association funds, by period: the comment to "Ja". */
  vacancies?: Record<string, string>;
  /**
   * Whether the steering group's meetings and attendance are recorded in Samspår: then the
   * report leaves those answers to be derived; otherwise the initiative answers them.
   */
  steeringInSamspar?: boolean;
  /** Answers given for particular periods, over the defaults. */
  answers?: Record<string, Partial<Record<StatusQuestionKey, Answer>>>;
}

const NO_DEVIATION = [
  "Inga avvikelser från planeringen under perioden.",
  "Verksamheten har följt planeringen. Inga avvikelser när det gäller ekonomi, tidsplan eller aktiviteter.",
  "Inga avvikelser. Kostnaderna följer budgeten.",
];

export const noDeviation = (i: number) => NO_DEVIATION[i % NO_DEVIATION.length] ?? "";

/** Section 2.6 of Växtverket's reports, written by the steering group's chair, in order. */
export const VAXTVERKET_STEERING = [
  {
    goalFulfilment:
      "Insatsen har kommit i gång enligt plan. Det är för tidigt att bedöma resultatmålet, men rekryteringen av deltagare går bra.",
    budget: "Kostnaderna följer budgeten. Lokalhyran för växthuset är lägre än beräknat.",
    deviations: "Inga avvikelser.",
    implementationPlan:
      "Styrgruppen har beslutat att följa hur arbetssättet kan föras över till kommunens arbetsmarknadsenhet från 2027.",
  },
  {
    goalFulfilment:
      "Andelen deltagare med handlingsplan vid avslut ligger i nivå med målet. Progressionsmätningen görs nu vid start för alla nya deltagare.",
    budget: "Budgeten håller. Försäljningen av plantor gav 18 400 kr som används till material.",
    deviations:
      "Arbetsförmedlingens ordinarie ledamot kunde inte delta i maj; ersättaren deltog. Styrgruppen ser ingen risk i det.",
    implementationPlan: "Oförändrad.",
  },
  {
    goalFulfilment:
      "Resultatmålet är i fas. Styrgruppen följer särskilt mål 2, där mätningen vid avslut har fallit bort för några deltagare.",
    budget:
      "Sjukskrivningen i augusti täcktes med en timanställd; kostnaden ryms i budgeten för personal.",
    deviations: "Arbetsledarens sjukskrivning i augusti, se 2.2.",
    implementationPlan:
      "Arbetsmarknadsenheten har besökt Växtverket och vill pröva samma upplägg i sin trädgårdsgrupp.",
  },
  {
    goalFulfilment:
      "Båda målen bedöms som risk vid årsskiftet. Styrgruppen har bett insatsen införa en rutin så att ingen avslutas utan mätning.",
    budget:
      "Årets utfall är 3 % under budget. Styrgruppen föreslår inte att medel flyttas till nästa år.",
    deviations: "Inga avvikelser som kräver avvikelserapport.",
    implementationPlan:
      "En plan för överlämning till arbetsmarknadsenheten tas fram under 2026 och behandlas i styrgruppen i maj.",
  },
  {
    goalFulfilment:
      "Rutinen för mätning vid avslut fungerar: mål 2 är i fas igen. Resultatmålet är i fas.",
    budget: "Kostnaderna följer budgeten för 2026.",
    deviations: "Försäkringskassan har bytt ordinarie ledamot från 1 januari.",
    implementationPlan: "Arbetet med överlämningsplanen har börjat.",
  },
  {
    goalFulfilment:
      "Båda målen är i fas. Styrgruppen noterar att fler deltagare än väntat går vidare till praktik.",
    budget: "Budgeten håller.",
    deviations:
      "Regionens ordinarie ledamot kunde inte delta i maj och har ingen ersättare. Regionen utser en ersättare.",
    implementationPlan:
      "Överlämningsplanen godkändes på mötet i maj: arbetsmarknadsenheten tar över arbetssättet från januari 2028.",
  },
];

export const PROFILES: Record<string, ReportProfile> = {
  "Tierp, Växtverket": {
    writer: "lead",
    reportedBy: "Leila Haddad",
    steeringInSamspar: true,
    moods: ["TIIRII", "IIRRII"],
    // one text per report, 2025-K1 to 2026-K2
    activities: [
      "Förodlingen i växthuset har startat och odlingssäsongen har planerats tillsammans med deltagarna.\n- Deltagarna har skrivits in efter kartläggningssamtal\n- Gruppträffar varje vecka om hälsa, sömn och vardagsstruktur",
      "Plantförsäljning på torget i Tierp och i gårdsbutiken. Deltagarna har skött kassa, skyltning och kundkontakt.\n- Studiebesök hos två trädgårdsföretag i kommunen\n- Planeringssamtal med Arbetsförmedlingens handläggare för deltagare som närmar sig avslut",
      "Skörd och förädling: deltagarna har gjort sylt och saft som säljs i gårdsbutiken. Tre deltagare har gått vidare till praktik hos kyrkogårdsförvaltningen, ett gartneri och kommunens parkenhet.",
      "Vinterns arbete med skötsel av växthuset, planering av nästa säsong och en studiecirkel i trädgårdskunskap tillsammans med Studieförbundet Vuxenskolan. Progressionsmätning vid avslut för de deltagare som avslutats.",
      "Nya odlingsbäddar har byggts av deltagarna med material från kommunens återbruk. Två deltagare har börjat arbetsträna hos ett plantskoleföretag.",
      "Plantförsäljningen har vuxit: deltagarna har också sålt till två förskolor i kommunen. Gemensam friskvårdsdag med vårdcentralens fysioterapeut.",
    ],
    userParticipation: [
      "Deltagarrådet har träffats varje månad och valde vilka grödor som skulle odlas.",
      "Förslaget från deltagarrådet om en gemensam lunch på fredagar har införts.",
      "Två deltagare har varit med och tagit fram informationsbladet om Växtverket som delas ut hos Försäkringskassan och på vårdcentralen.",
      "Deltagarrådet har träffats varje månad.",
      "Två deltagare håller i introduktionen av nya deltagare, och deltagarrådet har varit med och planerat säsongen.",
      "Deltagarna har utvärderat de kortare teoripassen; de flesta vill behålla dem.",
    ],
    goingWell: [
      "Rekryteringen av deltagare har gått snabbare än väntat.",
      "Deltagarna kommer regelbundet; närvaron har varit 85 procent under perioden.",
      "Försäljningen ger deltagarna kundkontakt och ett tydligt ansvar, vilket många beskriver som ett första steg mot arbete.",
      "Tre deltagare har gått vidare till praktik hos arbetsgivare i kommunen.",
      "Samarbetet med vårdcentralen gör att deltagarna snabbt får träffa arbetsterapeut.",
      "Fler deltagare än väntat går vidare till praktik.",
    ],
    goingLessWell: [
      "Det tar lång tid att få remisser från Arbetsförmedlingen.",
      "Några deltagare har svårt att ta sig till Växtverket de dagar bussen inte går.",
      "Arbetsledarens sjukskrivning i augusti gjorde att två deltagare gjorde uppehåll.",
      "Vintermånaderna har färre arbetsuppgifter, och fem deltagare avslutades utan mätning vid avslut.",
      "Vintermånaderna har färre arbetsuppgifter, vilket gör det svårare att hålla motivationen uppe.",
      "Regionens ledamot har inte kunnat delta i styrgruppen, och regionen saknar ersättare.",
    ],
    successFactors: [
      "Fasta tider och en lugn miljö. Samma arbetsledare varje dag.",
      "Att deltagarna ser resultatet av sitt arbete, från frö till försäljning.",
    ],
    systemFaults: [
      "Deltagare som får sjukpenning kan inte börja arbetsträna på mer än 25 procent utan ny prövning, vilket gör stegen mellan nivåerna långa.",
      "Remisserna från parterna kommer på olika blanketter och med olika uppgifter.",
      "Deltagare som får sjukpenning kan inte börja arbetsträna på mer än 25 procent utan ny prövning, vilket gör stegen mellan nivåerna långa.",
      "Deltagare som avslutas med kort varsel, till exempel vid ett arbete, hinner inte mätas vid avslut.",
      "Det saknas anställningar med stöd inom de gröna näringarna i kommunen.",
      "Det saknas anställningar med stöd inom de gröna näringarna i kommunen.",
    ],
    measures: [
      "Vi har bett styrgruppen ta upp remissrutinen.",
      "Samåkning till Växtverket prövas för deltagare i Söderfors.",
      "En timanställd trädgårdsmästare ersatte arbetsledaren under sjukskrivningen.",
      "Rutin införd: ingen deltagare avslutas utan progressionsmätning.",
      "En gemensam remissblankett för parterna används från januari.",
      "Överlämningsplanen till arbetsmarknadsenheten har tagits fram och godkänts av styrgruppen.",
    ],
    deviations: {
      "2025-K3":
        "Arbetsledaren var sjukskriven i fyra veckor i augusti. En timanställd trädgårdsmästare ersatte, och verksamheten pågick som planerat.",
    },
    vacancies: {
      "2025-K3": "Arbetsledaren var sjukskriven i fyra veckor i augusti; en timanställd ersatte.",
    },
  },

  "Uppsala, Lärcentrum digitalt": {
    writer: "office",
    reportedBy: "Nadia Rahman, enhetschef",
    moods: ["TIII", "III"],
    activities: [
      "Lärcentrum öppnade i februari i Gottsunda. Studiehandledare på arabiska, dari och somaliska finns på plats tre dagar i veckan.\n- De första deltagarna har skrivits in efter information på SFI och hos Arbetsförmedlingen\n- Samhällsorienteringen ges digitalt med stöd på plats",
      "Sommarkurs i digital vardag: BankID, Vårdguiden och kontakt med myndigheter. Samarbete med stadsbiblioteket om lånedatorer.",
      "Höstterminen har startat med två nya grupper. Arbetsförmedlingen har haft drop-in på Lärcentrum varannan vecka.",
      "Deltagarna har gjort studiebesök på komvux och yrkesutbildningar inom vård och lager.",
    ],
    userParticipation: [
      "Deltagarna har svarat på en enkät på sitt modersmål. Öppettiderna har ändrats efter svaren.",
      "Ett deltagarråd med fem representanter har bildats och träffas en gång i månaden.",
    ],
    goingWell: [
      "Studiehandledningen på modersmål gör att deltagarna klarar kapitlen i samhällsorienteringen.",
      "Samarbetet med biblioteket ger deltagarna tillgång till datorer även kvällstid.",
    ],
    goingLessWell: [
      "Deltagare som saknar egen dator hinner inte lika mycket mellan träffarna.",
      "Det är långa köer till SFI, vilket fördröjer övergången till studier.",
    ],
    successFactors: ["Undervisning på modersmålet och en fast plats att komma till."],
    systemFaults: ["Väntetiden till SFI och komvux är lång."],
    measures: [
      "Lånedatorer införs från nästa termin. Vi har kontaktat vuxenutbildningen om tidigare besked om SFI-start.",
    ],
  },

  "Enköping, Steget vidare": {
    writer: "office",
    reportedBy: "Ahmed Karimi, projektledare",
    moods: ["IIRRIII"],
    activities: [
      "Gruppverksamhet tre förmiddagar i veckan om vardagsstruktur, studieteknik och hälsa. Individuella samtal med coach varannan vecka.",
      "Studiebesök på Enköpings folkhögskola och komvux. Fyra deltagare har börjat studera på deltid.",
      "Praktikplatser hos tre arbetsgivare i kommunen: en bilverkstad, ett café och en förskola.",
      "Trepartssamtal med Försäkringskassan inför förlängd aktivitetsersättning för sex deltagare.",
      "Friluftsdagar och kortare arbetspass hos föreningar för deltagare som behöver komma i gång.",
    ],
    userParticipation: [
      "Deltagarna har varit med och planerat gruppverksamhetens teman för terminen.",
      "Två tidigare deltagare berättar om sin väg till studier för nya deltagare.",
    ],
    goingWell: [
      "Fler deltagare än väntat har börjat studera.",
      "Samarbetet med Försäkringskassan kring aktivitetsersättningen fungerar bra.",
    ],
    goingLessWell: [
      "Några deltagare har haft långa uppehåll på grund av psykisk ohälsa.",
      "Praktikplatserna räcker inte till alla som är redo.",
    ],
    successFactors: ["En coach som följer deltagaren hela vägen, även in i studier."],
    systemFaults: [
      "Deltagare med aktivitetsersättning riskerar ersättningen om studierna går dåligt, vilket gör många försiktiga.",
    ],
    measures: [
      "Fler praktikplatser söks via näringslivsenheten. Coachen följer upp deltagare som har uppehåll varje vecka.",
    ],
    vacancies: {
      "2025-K3":
        "En coachtjänst var vakant i sju veckor efter en uppsägning. Ny coach började 1 oktober.",
    },
    deviations: {
      "2025-K3":
        "En av två coacher slutade i augusti. Nya deltagare togs inte in under sju veckor; intaget har tagits igen under hösten.",
      "2025-K4":
        "Personalbudgeten för 2025 användes inte fullt ut efter vakansen i kvartal 3. En avvikelserapport om att flytta 90 000 kr till första halvåret 2026 lämnades in i oktober; styrelsen godkände den i november.",
    },
  },

  "Östhammar, Arbetsbryggan": {
    writer: "office",
    reportedBy: "Marcus Sundin, projektledare",
    steeringInSamspar: true,
    moods: ["TIIRRIII", "TTTTIIII"],
    // one text per report, 2025-K1 to 2026-K3
    activities: [
      "Insatsen startade i mars. Arbetskonsulenterna har kartlagt de första deltagarnas erfarenheter och mål.",
      "Arbetsgivarkontakter i Gimo och Östhammar: sju deltagare har fått praktik, två inom industrin.",
      "Gruppträffar om arbetsmarknaden i norra Uppland. Studiebesök hos Sandvik i Gimo tillsammans med Arbetsförmedlingen.",
      "Individuellt stöd till deltagare som har börjat arbeta, både till deltagaren och arbetsgivaren.",
      "Samarbete med vuxenutbildningen om korta yrkesutbildningar inom lager och vård.",
      "Arbetskonsulenterna träffar nu deltagarna på orten, i bibliotek och föreningslokaler, i stället för i Östhammar.",
      "Planering av insatsens sista halvår: deltagarna får en plan för tiden efter insatsen, och arbetssättet dokumenteras.",
    ],
    userParticipation: [
      "Deltagarna utvärderar varje gruppträff. Önskemålet om fler arbetsgivarbesök har lett till ett besök varje månad.",
      "En deltagare som nu arbetar har berättat om sin väg för nya deltagare.",
    ],
    goingWell: [
      "Arbetsgivarna i kommunen är positiva och tar emot deltagare för praktik.",
      "Samverkan med försörjningsstödsenheten gör att deltagarna kan planera utan oro för ekonomin.",
    ],
    goingLessWell: [
      "Det är svårt att nå deltagare i glesbygden utan bil.",
      "Några praktikplatser har inte lett vidare till anställning.",
    ],
    successFactors: ["Snabb matchning mot arbetsgivare och stöd på arbetsplatsen."],
    systemFaults: [
      "Deltagare som får arbete med lönestöd väntar ofta länge på beslut, och arbetsgivaren tappar intresset.",
    ],
    measures: [
      "Fler arbetsgivarbesök tillsammans med Arbetsförmedlingen.",
      "Deltagare som har fått praktik följs upp varje vecka av sin arbetskonsulent.",
    ],
    deviations: {
      "2025-K3":
        "Styrgruppsmötet i augusti ställdes in på grund av semestrar och hölls i stället i oktober. Rapporten lämnades in en vecka för sent.",
    },
    answers: {
      "2026-K1": {
        followUpAsAgreed: {
          answer: "ja",
          comment:
            "Rapporten för kvartal 3 2025 kom in en vecka för sent; sedan dess lämnas rapporterna i tid.",
        },
      },
      "2026-K2": { followUpAsAgreed: { answer: "ja", comment: "" } },
      "2026-K3": { followUpAsAgreed: { answer: "ja", comment: "" } },
    },
  },

  "Knivsta, Unga i fokus": {
    writer: "office",
    reportedBy: "Elsa Norberg, projektledare",
    moods: ["TIIRI"],
    activities: [
      "Insatsen startade i augusti. Uppsökande arbete tillsammans med skolan och fritidsgården; de första tolv unga har skrivits in.",
      "Individuella samtal och gruppträffar om studier. Samarbete med gymnasiets introduktionsprogram.",
      "Studiebesök på folkhögskolor i länet. Fem unga har sökt till hösten.",
      "Sommarjobb i kommunen för sex deltagare, med en handledare från insatsen.",
      "Fyra unga har börjat studera i augusti. Uppföljningssamtal med dem som började i våras.",
    ],
    userParticipation: [
      "De unga har varit med och utformat insatsens sida på Instagram.",
      "Deltagarna har valt teman för gruppträffarna, bland annat ekonomi och boende.",
    ],
    goingWell: [
      "Det uppsökande arbetet når unga som ingen annan haft kontakt med.",
      "Samarbetet med skolan gör övergången till studier smidig.",
    ],
    // one text per report, 2025-K3 to 2026-K3
    goingLessWell: [
      "Det tar tid att bygga förtroende; flera unga har uteblivit från de första träffarna.",
      "Flera unga vuxna över 24 år har hört av sig men ingår inte i målgruppen.",
      "Flera unga vuxna över 24 år har hört av sig men ingår inte i målgruppen.",
      "Några deltagare har avbrutit studierna efter några veckor.",
      "Några deltagare har avbrutit studierna efter några veckor.",
    ],
    successFactors: ["Att möta de unga där de är, på fritidsgården och i skolan."],
    systemFaults: ["Det saknas studieformer som går att kombinera med deltidsarbete."],
    measures: [
      "Coacherna skickar påminnelser med sms dagen före varje träff.",
      "Vi undersöker om målgruppen kan utvidgas till 29 år.",
      "Vi har lämnat en avvikelserapport om att utvidga målgruppen till 29 år. Kansliet godkände den i mars.",
      "Studieavbrotten följs upp inom en vecka av deltagarens coach.",
      "Studieavbrotten följs upp inom en vecka av deltagarens coach.",
    ],
    deviations: {
      "2026-K1":
        "Målgruppen har visat sig för snäv: unga vuxna 25–29 år med aktivitetsersättning hör av sig men ingår inte i målgruppen. En avvikelserapport om ändrad målgrupp lämnades in i mars och godkändes av kansliet.",
    },
    answers: {
      "2026-K1": {
        deviationGoalsOrTargetGroup: {
          answer: "ja",
          comment: "Målgruppen utvidgades till 16–29 år efter avvikelserapport i mars.",
        },
      },
    },
  },

  "Heby, IPS – individanpassat stöd till arbete": {
    writer: "office",
    reportedBy: "Kristina Lund, IPS-samordnare",
    moods: ["IIRIIIII"],
    activities: [
      "IPS-coacherna har arbetat med deltagare från psykiatrins öppenvård. Tre deltagare har fått anställning, en inom handeln och två inom kommunen.",
      "Arbetsgivarkontakter: coacherna har träffat 22 arbetsgivare i Heby och Sala.",
      "Metodtrogenhetsgranskning med IPS Fidelity Scale; resultatet blev god metodtrogenhet.",
      "Stöd till deltagare som arbetar, med täta kontakter med arbetsgivarna under de första månaderna.",
      "Integrerat arbete med psykiatrins behandlingsteam: gemensamma möten varannan vecka.",
    ],
    userParticipation: [
      "En brukarrevisor från RSMH har intervjuat deltagare. Resultatet har diskuterats i teamet.",
      "Deltagarna väljer själva vilka arbetsgivare coachen ska kontakta.",
    ],
    goingWell: [
      "Samarbetet med psykiatrin gör att deltagarna får stöd både i vården och mot arbete.",
      "Metodtrogenheten är hög, och arbetsgivarna är positiva.",
    ],
    goingLessWell: [
      "Det är få arbetsgivare i kommunen, och många jobb kräver körkort.",
      "Några deltagare har förlorat arbetet efter en försämring i måendet.",
    ],
    successFactors: ["Snabb start mot arbete utan lång förberedande träning."],
    systemFaults: [
      "Deltagare med sjukersättning vågar inte arbeta mer än några timmar av rädsla för att förlora ersättningen.",
    ],
    measures: [
      "Coacherna samarbetar med Försäkringskassan om vilande sjukersättning. Körkortsstöd prövas med arbetsmarknadsenheten.",
    ],
    deviations: {
      "2026-K3":
        "Insatsen behöver mer tid för att deltagare som började under 2026 ska hinna få stöd. En avvikelserapport om förlängning till 2027-06-30 lämnades in i september.",
    },
  },

  "Region, Samverkansteam psykiatri": {
    writer: "office",
    reportedBy: "Johanna Ekström, samordnare",
    moods: ["IIIIIRUU"],
    // one text per report, 2025-K1 to 2026-K3
    activities: [
      "Teamet har kartlagt hur samordningen vid sjukskrivning fungerar i dag, med intervjuer på psykiatrisk öppenvård, socialtjänsten och Försäkringskassan.",
      "Två workshoppar med handläggare och behandlare om gemensamma mål för samordningen.",
      "Ett första utkast till gemensam rutin har skrivits och diskuterats med parternas chefer.",
      "Rutinen har prövats på den psykiatriska mottagningen i Uppsala under två månader.",
      "Utbildningsdag om rutinen för 45 medarbetare från de tre parterna.",
      "Rutinen har reviderats efter prövningen och skickats på remiss till parternas ledningar.",
      "Parternas ledningar har antagit rutinen. Den gäller från 1 oktober och har publicerats på parternas intranät.",
    ],
    userParticipation: [
      "Patientrådet vid psykiatrin har lämnat synpunkter på arbetet.",
      "Två personer med egen erfarenhet av sjukskrivning har deltagit i workshopparna.",
    ],
    goingWell: [
      "Medarbetarna från de tre parterna har fått en gemensam bild av varandras uppdrag.",
      "Engagemanget från parternas chefer är stort.",
    ],
    goingLessWell: [
      "Det har varit svårt att få tid med läkarna.",
      "Arbetet tar längre tid än planerat när alla tre parter ska vara överens.",
    ],
    successFactors: ["En samordnare med mandat från alla tre parter."],
    systemFaults: ["Parternas journalsystem kan inte dela information."],
    measures: [
      "Läkarna bjuds in till korta möten på mottagningarna i stället för workshoppar.",
      "Beslutsvägarna hos parterna har kartlagts så att rutinen kan antas utan dröjsmål.",
    ],
    deviations: {
      "2026-K2":
        "Utbildningsinsatserna blev billigare än budgeterat. En avvikelserapport om att flytta 150 000 kr till 2027 lämnades in i maj; styrelsen avslog den i juni.",
    },
  },

  "Uppsala, Kompetenslyft samverkan": {
    writer: "office",
    reportedBy: "Fredrik Åkesson, utbildningssamordnare",
    moods: ["IR"],
    activities: [
      "Utbildningsprogrammet har planerats med parterna: fyra halvdagar om samverkan, psykisk ohälsa och försörjning. De första medarbetarna har gått den första halvdagen.",
      "Två utbildningsomgångar har genomförts. En digital version av den första halvdagen har spelats in.",
    ],
    userParticipation: [
      "Utbildningen har utvärderats av deltagarna efter varje halvdag.",
      "Personer med egen erfarenhet medverkar i halvdagen om bemötande.",
    ],
    goingWell: ["Deltagarna ger utbildningen höga betyg, i snitt 4,5 av 5."],
    goingLessWell: [
      "Färre medarbetare från Arbetsförmedlingen än väntat har anmält sig.",
      "Sommaruppehållet gjorde att höstens omgång startade sent.",
    ],
    successFactors: ["Utbildningar med deltagare från alla parter i samma grupp."],
    systemFaults: ["Det är svårt för handläggare att gå ifrån en hel dag."],
    measures: ["Halvdagarna erbjuds nu också digitalt."],
  },

  "Region, Länsgemensam ESF-insats Vidare": {
    writer: "office",
    reportedBy: "Ulrika Strand, projektledare",
    steeringInSamspar: true,
    moods: ["TIIIII", "IIRRII"],
    activities: [
      "Projektet startade i september. Lokala team i sex kommuner har bemannats och de första deltagarna har skrivits in.",
      "Gemensam kompetensutveckling för de lokala teamen om motiverande samtal. Alla kommuner har nu deltagare.",
      "De lokala teamen har fått stöd av projektets arbetsgivarsamordnare, och de första deltagarna har börjat arbeta eller studera.",
      "Uppföljning av deltagare som har avslutat. ESF-rådets uppföljningsbesök genomfördes utan anmärkning.",
      "Erfarenhetsutbyte mellan kommunerna på en gemensam konferens i Enköping.",
      "Höstens intag med fokus på kvinnor som har varit länge utan arbete.",
    ],
    userParticipation: [
      "Deltagare i varje kommun är med i en referensgrupp som träffas varje kvartal.",
      "Deltagarna har varit med och tagit fram projektets informationsfilm.",
    ],
    goingWell: [
      "Alla kommuner har kommit i gång, och samverkan med Arbetsförmedlingen fungerar bra.",
      "Arbetsgivarsamordnaren har byggt upp ett nätverk av arbetsgivare i hela länet.",
    ],
    goingLessWell: [
      "Andelen kvinnor bland deltagarna är lägre än målet.",
      "ESF-redovisningen tar mycket tid från projektledningen.",
    ],
    successFactors: ["Lokala team med en gemensam metod och gemensam kompetensutveckling."],
    systemFaults: ["Olika regler för ersättning till deltagare i kommunerna."],
    measures: [
      "Riktad rekrytering av kvinnor via mödravården och familjecentralerna.",
      "En administratör avlastar projektledningen med ESF-redovisningen.",
    ],
  },

  "Heby, Arbete först": {
    writer: "office",
    reportedBy: "Rasmus Lindahl, projektledare",
    moods: ["T", "I", "T"],
    activities: [
      "Insatsen startade 17 augusti. En arbetskonsulent har anställts och de första deltagarna har skrivits in. Kartläggningssamtal och de första arbetsgivarkontakterna.",
      "Rekrytering av den andra arbetskonsulenten pågår.",
    ],
    userParticipation: ["Deltagarna har lämnat synpunkter på informationsmaterialet."],
    goingWell: ["Deltagarna är motiverade och arbetsgivarna i Heby är intresserade."],
    goingLessWell: ["Den andra arbetskonsulenten är ännu inte anställd."],
    successFactors: ["Snabb kontakt med arbetsgivare redan under de första veckorna."],
    systemFaults: [
      "Rekrytering av arbetskonsulenter med erfarenhet av supported employment är svår.",
    ],
    measures: ["Tjänsten har annonserats på nytt med bredare krav."],
    vacancies: {
      "2026-K3": "Den andra arbetskonsulenttjänsten har inte kunnat tillsättas.",
    },
    deviations: {
      "2026-K3":
        "Den andra arbetskonsulenten är inte anställd. Intaget har därför gått långsammare än planerat.",
    },
  },

  "Uppsala, Jobbspår": {
    writer: "office",
    reportedBy: "Oskar Engström, projektledare",
    moods: ["IIIU"],
    activities: [
      "Jobbspårets sista år: utbildningsspår inom lager och äldreomsorg tillsammans med Arbetsförmedlingen.",
      "Arbetsgivarträffar med fem företag i Uppsala. Nio deltagare har fått anställning.",
      "Sista intaget genomfördes i augusti. Arbetet med överlämning till arbetsmarknadsavdelningen har börjat.",
      "Avslutande uppföljning av deltagarna och arbete med slutrapporten. Insatsen avslutades 31 december.",
    ],
    userParticipation: [
      "Deltagarna har utvärderat utbildningsspåren; förslagen har använts vid planeringen av kommunens ordinarie spår.",
    ],
    goingWell: ["Utbildningsspåren leder till anställning för många deltagare."],
    goingLessWell: ["Deltagare med långvarigt försörjningsstöd behöver mer tid än spåren ger."],
    successFactors: ["Korta utbildningar med anställning i sikte, i samarbete med arbetsgivare."],
    systemFaults: ["Spåren kräver grundläggande svenska, vilket utesluter en del av målgruppen."],
    measures: ["Kommunen tar över spåren i sin ordinarie verksamhet från 2026."],
  },

  "Heby, Vägen ut": {
    writer: "office",
    reportedBy: "Kristina Lund, samordnare",
    moods: ["RE"],
    activities: [
      "Gruppverksamhet två dagar i veckan och individuella samtal.",
      "Insatsen avslutades i förtid 30 juni. Deltagarna har slussats vidare till socialtjänstens öppenvård och Arbetsförmedlingen.",
    ],
    userParticipation: ["Deltagarna har varit med och planerat hur de ska få fortsatt stöd."],
    goingWell: ["Samarbetet med beroendevården har fungerat bra."],
    goingLessWell: ["Det har varit svårt att rekrytera deltagare."],
    successFactors: ["Nära kontakt med beroendevården."],
    systemFaults: ["Målgruppen har svårt att klara de krav som ställs för att få ersättning."],
    measures: ["Parterna har beslutat att avsluta insatsen i förtid."],
    deviations: {
      "2025-K2":
        "Insatsen avslutades i förtid 30 juni 2025 i stället för 28 februari 2026, efter beslut i styrgruppen. Rekryteringen av deltagare har inte nått målet.",
    },
    answers: {
      "2025-K2": {
        deviationGoalsOrTargetGroup: {
          answer: "ja",
          comment: "Insatsen avslutades i förtid; målet nås inte.",
        },
      },
    },
  },

  "Knivsta, Föreningsbron": {
    writer: "office",
    reportedBy: "Elsa Norberg, projektledare",
    moods: ["IU"],
    activities: [
      "Avtal om praktikplatser har tecknats med tre nya föreningar, bland annat idrottsföreningen och en second hand-butik.",
      "Insatsen avslutades 30 juni. En handbok för föreningar som tar emot praktikanter har lämnats till kommunen.",
    ],
    userParticipation: [
      "Praktikanter har intervjuats om sina erfarenheter; deras råd finns med i handboken.",
    ],
    goingWell: ["Föreningarna vill fortsätta ta emot praktikanter."],
    goingLessWell: ["Föreningarnas handledare har begränsad tid."],
    successFactors: ["En kontaktperson på kommunen för föreningarna."],
    systemFaults: ["Föreningarna får ingen ersättning för handledningen."],
    measures: ["Kommunen fortsätter med en kontaktperson för föreningarna."],
  },
};
