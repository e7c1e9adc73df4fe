// The demo association's applications, one in every status, made through the real workflow
// (created, saved, signed, registered, prepared, returned, decided) by the demo's people, so
// that the pages, the history and the documents show what a county association's year looks
// like: the lead's draft, an application that just arrived on paper, one in preparation with
// the office's and the board's comments, one returned for completion, one granted that now
// runs and one rejected. All dates lie in 2026 up to 23 November.

import { DEFAULT_AGREEMENT_TEXT, DEFAULT_HELP_TEXTS } from "../applications/content.ts";
import { createApplication, saveApplication } from "../applications/save-application.ts";
import { saveApplicationSettings } from "../applications/settings.ts";
import {
  recordPaperSignature,
  requestSignature,
  signWithLink,
} from "../applications/signatures.ts";
import type { ApplicationInput } from "../applications/validate-application.ts";
import {
  addComment,
  decideApplication,
  returnForCompletion,
  startPreparation,
  submitApplication,
} from "../applications/workflow.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Mailer } from "../mail/send-mail.ts";
import type { Tx } from "../platform/database/connect.ts";

type Org =
  | "tierp"
  | "uppsala"
  | "enkoping"
  | "osthammar"
  | "knivsta"
  | "heby"
  | "region"
  | "fk"
  | "af";

export interface DemoApplicationContext {
  associationId: string;
  orgs: Record<Org, string>;
  /** The demo's people who take part: the office, the board and the lead who drafts. */
  people: Record<"office" | "board" | "lead", AuditActor>;
  mailer: Mailer;
  baseUrl: string;
  /** The seed's "now": 23 November 2026 at the earliest, so every date below has passed. */
  now: Date;
}

/** The person authorised to sign for each party (fictional; .example addresses). */
const SIGNERS: Record<Org, { name: string; email: string; title: string }> = {
  tierp: { name: "Ingrid Holm", email: "ingrid.holm@tierp.example", title: "Socialchef" },
  uppsala: {
    name: "Fatima Rahimi",
    email: "fatima.rahimi@uppsala.example",
    title: "Avdelningschef arbetsmarknad",
  },
  enkoping: {
    name: "Helena Berglund",
    email: "helena.berglund@enkoping.example",
    title: "Förvaltningschef",
  },
  osthammar: {
    name: "Jonas Wiklund",
    email: "jonas.wiklund@osthammar.example",
    title: "Arbetsmarknadschef",
  },
  knivsta: { name: "Olof Nyström", email: "olof.nystrom@knivsta.example", title: "Kommundirektör" },
  heby: { name: "Anna Sjöberg", email: "anna.sjoberg@heby.example", title: "Socialchef" },
  region: {
    name: "Lena Åberg",
    email: "lena.aberg@regionuppsala.example",
    title: "Verksamhetschef primärvård",
  },
  fk: { name: "Karin Ek", email: "karin.ek@forsakringskassan.example", title: "Enhetschef" },
  af: {
    name: "Mikael Ström",
    email: "mikael.strom@arbetsformedlingen.example",
    title: "Sektionschef",
  },
};

/** A moment of a day in 2026, Swedish time (CET/CEST as the date falls). */
const at = (date: string, time = "10:00") => {
  const summer = date >= "2026-03-29" && date < "2026-10-25";
  return new Date(`${date}T${time}:00${summer ? "+02:00" : "+01:00"}`);
};

const goal = (text: string, kind: string, targetPercent?: number, targetNumber?: number) => ({
  text,
  kind,
  targetPercent: targetPercent ?? null,
  targetNumber: targetNumber ?? null,
});

const budget = (lines: Array<[number, string, number]>) =>
  lines.map(([year, category, amount]) => ({ year, category, amount }));

const blank: Omit<ApplicationInput, "name" | "ownerOrganisationId"> = {
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
};

export function demoApplicationInputs(o: Record<Org, string>) {
  const arbeteForst: ApplicationInput = {
    ...blank,
    name: "Heby, Arbete först",
    ownerOrganisationId: o.heby,
    partnerIds: [o.af, o.fk, o.region],
    purpose:
      "Fler personer i Heby kommun som har försörjningsstöd eller sjukpenning ska få och behålla ett arbete på den öppna arbetsmarknaden, med stöd på arbetsplatsen i stället för lång förberedande träning.",
    goals: [
      goal("Deltagare som har arbete eller studerar vid avslut", "resultatmal", 60),
      goal("Deltagare som har haft minst fyra arbetsgivarkontakter", "insatsmal", 80),
      goal("Minskat behov av försörjningsstöd ett år efter avslut", "effektmal"),
    ],
    background:
      "# Behovet\n" +
      "I Heby har omkring 180 hushåll haft försörjningsstöd i mer än ett år. Många har varit i flera insatser utan att komma närmare ett arbete.\n\n" +
      "# Vad som finns i dag\n" +
      "- IPS-teamet (Heby, IPS – individanpassat stöd till arbete) når personer i psykiatrin.\n" +
      "- Arbetsmarknadsenheten erbjuder arbetsträning, men få går vidare till anställning.\n\n" +
      "Det saknas ett arbetssätt för dem som står utanför psykiatrin men behöver stöd på arbetsplatsen.",
    startDate: "2026-08-17",
    endDate: "2027-12-31",
    lastIntakeDate: "2027-09-30",
    targetGroup:
      "Personer 18–64 år i Heby kommun med försörjningsstöd eller sjukpenning som vill arbeta och behöver stöd för att få och behålla ett arbete.",
    expectedParticipants: 45,
    genderTargetWomenPercent: 55,
    methods:
      "Supported employment enligt SEF:s metodbeskrivning:\n" +
      "1. Kartläggning av deltagarens mål, styrkor och hinder.\n" +
      "2. Snabb matchning mot arbetsgivare; arbetsträning bara när den leder mot ett arbete.\n" +
      "3. Stöd på arbetsplatsen till deltagaren och arbetsgivaren så länge det behövs.\n\n" +
      "Samtalen förs med MI (motiverande samtal). Deltagarnas progression mäts med Indikatorn vid start och avslut.",
    followUp:
      "Deltagarna registreras i SUS. Styrgruppen följer målen varje kvartal. Metodtrogenheten granskas med SE Fidelity Scale efter ett år.",
    implementation:
      "Arbetsmarknadsenheten tar över arbetssättet från 2028; två av dess arbetskonsulenter utbildas i supported employment under insatsen.",
    budget: budget([
      [2026, "personal", 240_000],
      [2026, "lokaler", 15_000],
      [2026, "resor", 12_000],
      [2026, "material", 18_000],
      [2027, "personal", 690_000],
      [2027, "lokaler", 36_000],
      [2027, "resor", 30_000],
      [2027, "utvardering", 60_000],
      [2027, "ovrigt", 14_000],
    ]),
    coFinancing: [
      { year: 2026, organisationId: o.heby, kind: "personaltid", amount: 90_000 },
      { year: 2027, organisationId: o.heby, kind: "personaltid", amount: 240_000 },
      { year: 2027, organisationId: o.af, kind: "personaltid", amount: 120_000 },
      { year: 2027, organisationId: o.region, kind: "personaltid", amount: 80_000 },
    ],
    anchored: true,
    anchoringDescription: "Diskuterad i den lokala utvecklingsgruppen i Heby 2026-02-12.",
  };

  const mobilCoach: ApplicationInput = {
    ...blank,
    name: "Östhammar, Mobil coach",
    ownerOrganisationId: o.osthammar,
    partnerIds: [o.af],
    purpose:
      "Arbetslösa i glesbygden i Östhammars kommun ska få coachning där de bor, så att avståndet inte hindrar dem från att söka arbete.",
    goals: [goal("Till arbete eller studier", "resultatmal", 40)],
    background:
      "Kollektivtrafiken i norra kommundelen är gles. Den som saknar bil har svårt att ta sig till möten i Östhammar eller Gimo.",
    startDate: "2026-09-01",
    endDate: "2027-08-31",
    targetGroup: "Arbetslösa i glesbygd utan bil.",
    expectedParticipants: 20,
    methods:
      "En coach med bil som träffar deltagarna på orten, i bibliotek eller föreningslokaler.",
    followUp: "Uppföljning i styrgruppen varje kvartal.",
    implementation: "Kommunen prövar att ta över coachtjänsten efter insatsen.",
    budget: budget([
      [2026, "personal", 180_000],
      [2026, "resor", 60_000],
      [2027, "personal", 360_000],
      [2027, "resor", 90_000],
    ]),
    coFinancing: [{ year: 2027, organisationId: o.af, kind: "personaltid", amount: 50_000 }],
    anchored: false,
  };

  const halsaArbete: ApplicationInput = {
    ...blank,
    name: "Uppsala, Hälsa och arbete för unga vuxna",
    ownerOrganisationId: o.uppsala,
    partnerIds: [o.region, o.af],
    purpose:
      "Unga vuxna i Uppsala med psykisk ohälsa och försörjningsstöd ska få samordnat stöd från vården och arbetsmarknadsenheten, så att de kommer närmare arbete eller studier.",
    goals: [
      goal("Till arbete eller studier vid avslut", "resultatmal", 50),
      goal("Deltagare med en gemensam plan från vård och kommun", "insatsmal", 90),
    ],
    background:
      "Unga vuxna med psykisk ohälsa slussas i dag mellan vårdcentral, psykiatri och kommunens arbetsmarknadsenhet. Ingen har helheten.",
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    lastIntakeDate: "2028-06-30",
    targetGroup: "Unga vuxna 18–29 år i Uppsala kommun med försörjningsstöd och psykisk ohälsa.",
    expectedParticipants: 80,
    genderTargetWomenPercent: 50,
    methods:
      "Ett team med arbetsterapeut från regionen och arbetskonsulent från kommunen. IPS-inspirerat stöd mot arbete, med MI i samtalen.",
    followUp:
      "Deltagarna registreras i SUS. Extern utvärdering av Uppsala universitet under det andra året.",
    implementation:
      "Arbetsmarknadsenheten och vårdcentralerna skriver en gemensam rutin som gäller efter insatsen.",
    budget: budget([
      [2027, "personal", 820_000],
      [2027, "lokaler", 60_000],
      [2027, "material", 25_000],
      [2028, "personal", 850_000],
      [2028, "lokaler", 60_000],
      [2028, "utvardering", 120_000],
    ]),
    coFinancing: [
      { year: 2027, organisationId: o.uppsala, kind: "pengar", amount: 150_000 },
      { year: 2027, organisationId: o.region, kind: "personaltid", amount: 200_000 },
      { year: 2028, organisationId: o.region, kind: "personaltid", amount: 200_000 },
    ],
    anchored: true,
    anchoringDescription: "Diskuterad i den strategiska utvecklingsgruppen 2026-09-08.",
  };

  const primarvarden: ApplicationInput = {
    ...blank,
    name: "Region, Samordnad rehabilitering i primärvården",
    ownerOrganisationId: o.region,
    partnerIds: [o.fk, o.tierp, o.knivsta],
    orientation: "structural",
    purpose:
      "Vårdcentralerna i Tierp och Knivsta ska få en gemensam rutin med Försäkringskassan och kommunerna för tidig samordning vid sjukskrivning.",
    goals: [
      goal("Vårdcentraler med en gemensam rutin för tidig kontakt", "insatsmal", undefined, 6),
      goal("Rehabkoordinatorer och handläggare som gått utbildningen", "insatsmal", undefined, 60),
      goal("Kortare tid till första avstämningsmöte", "effektmal"),
    ],
    background:
      "Rehabkoordinatorerna arbetar olika på varje vårdcentral. Försäkringskassan och kommunerna får sällan veta tidigt när någon riskerar lång sjukskrivning.",
    startDate: "2027-01-01",
    endDate: "2028-06-30",
    targetGroup:
      "Rehabkoordinatorer, läkare och handläggare i primärvården, hos Försäkringskassan och i kommunerna.",
    expectedParticipants: 60,
    methods:
      "Tjänstedesign med medarbetare och patienter. Gemensamma utbildningsdagar och en rutin som prövas på två vårdcentraler först.",
    followUp: "Processmått varje kvartal; en slutrapport med tiden till första avstämningsmöte.",
    implementation: "Rutinen förs in i regionens riktlinjer för rehabkoordinering.",
    budget: budget([
      [2027, "personal", 520_000],
      [2027, "material", 40_000],
      [2027, "ovrigt", 20_000],
      [2028, "personal", 260_000],
      [2028, "utvardering", 80_000],
    ]),
    coFinancing: [
      { year: 2027, organisationId: o.region, kind: "personaltid", amount: 180_000 },
      { year: 2027, organisationId: o.fk, kind: "personaltid", amount: 90_000 },
    ],
    anchored: true,
    anchoringDescription: "Diskuterad i den strategiska utvecklingsgruppen 2026-09-08.",
  };

  const sprakstod: ApplicationInput = {
    ...blank,
    name: "Enköping, Familjecentralens språkstöd",
    ownerOrganisationId: o.enkoping,
    partnerIds: [o.af],
    purpose:
      "Föräldralediga kvinnor med kort utbildning ska lära sig svenska och förbereda sig för arbete eller studier redan under föräldraledigheten.",
    goals: [
      goal("Deltagare som börjar studera eller arbeta inom sex månader", "resultatmal", 40),
      goal("Deltagare som slutför kursen i vardagssvenska", "insatsmal", 75),
    ],
    background:
      "På familjecentralen i Enköping möter personalen många mammor som varken går på SFI eller är inskrivna hos Arbetsförmedlingen.",
    startDate: "2027-03-01",
    endDate: "2028-02-29",
    targetGroup: "Föräldralediga kvinnor med kort utbildning och begränsad svenska.",
    expectedParticipants: 35,
    genderTargetWomenPercent: 100,
    methods:
      "Språkcaféer med barnpassning på familjecentralen, studiebesök hos arbetsgivare och vägledning inför SFI.",
    followUp: "Kvartalsvis uppföljning i styrgruppen; deltagarna registreras i SUS.",
    implementation: "Familjecentralen och vuxenutbildningen tar över språkcaféerna efter insatsen.",
    budget: budget([
      [2027, "personal", 380_000],
      [2027, "lokaler", 30_000],
      [2027, "material", 20_000],
      [2028, "personal", 80_000],
    ]),
    coFinancing: [{ year: 2027, organisationId: o.enkoping, kind: "personaltid", amount: 120_000 }],
    anchored: true,
    anchoringDescription: "Diskuterad i den lokala utvecklingsgruppen i Enköping 2026-10-21.",
  };

  /** The lead's draft: begun, partly written, no budget yet. */
  const gronaJobb: ApplicationInput = {
    ...blank,
    name: "Tierp, Gröna jobb",
    ownerOrganisationId: o.tierp,
    partnerIds: [o.af],
    preRehabilitation: true,
    purpose:
      "Deltagare som blivit redo i Växtverket ska ta steget till en anställning inom de gröna näringarna i Tierps kommun.",
    startDate: "2028-01-01",
    endDate: "2029-12-31",
    targetGroup: "Personer 18–64 år som avslutat Tierp, Växtverket och vill arbeta.",
  };
  const gronaJobbMore: ApplicationInput = {
    ...gronaJobb,
    goals: [goal("Till anställning inom de gröna näringarna", "resultatmal", 40)],
    background:
      "Växtverket har fått många deltagare redo för arbete, men steget till en anställning är stort. Lantbruk, trädgårdar och skogsbruk i kommunen har svårt att rekrytera.",
    expectedParticipants: 30,
  };

  return {
    arbeteForst,
    mobilCoach,
    halsaArbete,
    primarvarden,
    sprakstod,
    gronaJobb,
    gronaJobbMore,
  };
}

/** Seeds the applications; returns their ids by status. */
export async function seedDemoApplications(
  tx: Tx,
  context: DemoApplicationContext,
): Promise<Record<string, string>> {
  const { associationId, orgs, people, now } = context;
  const { office, board, lead } = people;
  const inputs = demoApplicationInputs(orgs);
  const orgKey = new Map(Object.entries(orgs).map(([k, id]) => [id, k as Org]));
  const parties = (input: ApplicationInput) =>
    [input.ownerOrganisationId, ...input.partnerIds].map((id) => {
      const k = orgKey.get(id);
      if (!k) throw new Error(`no demo signer for ${id}`);
      return { organisationId: id, ...SIGNERS[k] };
    });

  // the association's own form: the standard texts, and help for the split per municipality
  await saveApplicationSettings(tx, office, associationId, 0, {
    formVersion: "Ansökan 2026:1",
    helpTexts: {
      ...DEFAULT_HELP_TEXTS,
      localUnits:
        "Fördela deltagarna per kommun om insatsen finns i flera av länets kommuner, till exempel Tierp 20 och Östhammar 15.",
    } as Record<string, string>,
    agreementText: DEFAULT_AGREEMENT_TEXT,
  });

  /** An original that came on paper: registered, signed and submitted by the office. */
  const registerPaper = async (input: ApplicationInput, signedOn: string, arrival: string) => {
    const id = await createApplication(tx, office, associationId, input, { onPaper: true });
    for (const signer of parties(input))
      await recordPaperSignature(
        tx,
        office,
        associationId,
        id,
        { ...signer, signedOn },
        at(arrival, "09:30"),
      );
    const submitted = await submitApplication(tx, office, associationId, id, 1, {
      arrivalDate: arrival,
      now: at(arrival, "10:00"),
    });
    return { id, ...submitted };
  };

  // granted in May: the initiative has run since August
  const granted = await registerPaper(inputs.arbeteForst, "2026-03-04", "2026-03-09");
  let version = await startPreparation(tx, office, associationId, granted.id, granted.version);
  await addComment(
    tx,
    office,
    associationId,
    granted.id,
    "Budgeten är rimlig för 45 deltagare. Arbetsförmedlingens och regionens personaltid är bekräftad i samverkansavtalet.",
  );
  await addComment(
    tx,
    board,
    associationId,
    granted.id,
    "Bra att arbetsmarknadsenheten tar över arbetssättet. Styrelsen vill se en delrapport efter första halvåret.",
  );
  await decideApplication(
    tx,
    office,
    associationId,
    granted.id,
    version,
    {
      decision: "beviljad",
      amount: 1_115_000,
      startDate: "2026-08-17",
      endDate: "2027-12-31",
      conditions:
        "Delrapport till styrelsen efter första halvåret. Deltagarna registreras i SUS från start.",
      meeting: "Styrelsemöte 2026-05-20",
      paragraph: "8",
      decisionDate: "2026-05-20",
    },
    now,
  );

  // rejected in June
  const rejected = await registerPaper(inputs.mobilCoach, "2026-04-08", "2026-04-14");
  version = await startPreparation(tx, office, associationId, rejected.id, rejected.version);
  await addComment(
    tx,
    board,
    associationId,
    rejected.id,
    "Insatsen liknar Arbetsförmedlingens ordinarie stöd, och ansökan är inte förankrad i utvecklingsgruppen. Jag föreslår avslag.",
  );
  await decideApplication(
    tx,
    office,
    associationId,
    rejected.id,
    version,
    {
      decision: "avslagen",
      meeting: "Styrelsemöte 2026-06-10",
      paragraph: "14",
      decisionDate: "2026-06-10",
    },
    now,
  );

  // returned for completion: came by e-mail, signed through the links Samspår mailed
  const returnedId = await createApplication(tx, office, associationId, inputs.halsaArbete, {
    onPaper: true,
  });
  for (const signer of parties(inputs.halsaArbete)) {
    const { token } = await requestSignature(
      tx,
      office,
      associationId,
      returnedId,
      signer,
      { mailer: context.mailer, baseUrl: context.baseUrl },
      at("2026-09-29", "08:15"),
    );
    await signWithLink(
      tx,
      {},
      token,
      { confirmAuthorised: true, name: signer.name },
      at("2026-10-01", "14:00"),
    );
  }
  const returned = await submitApplication(tx, office, associationId, returnedId, 1, {
    arrivalDate: "2026-10-05",
    now: at("2026-10-05"),
  });
  version = await startPreparation(tx, office, associationId, returnedId, returned.version);
  await addComment(
    tx,
    office,
    associationId,
    returnedId,
    "Personalkostnaden är inte fördelad per tjänst, och det framgår inte hur insatsen skiljer sig från Uppsala, Jobbspår.",
  );
  await returnForCompletion(
    tx,
    office,
    associationId,
    returnedId,
    version,
    "Dela upp personalkostnaden för 2027 och 2028 per tjänst och omfattning. Beskriv också hur insatsen skiljer sig från Uppsala, Jobbspår. Skicka sedan in ansökan igen; alla parter behöver skriva under på nytt om ni ändrar innehållet.",
  );

  // in preparation: the office and the board have commented
  const preparing = await registerPaper(inputs.primarvarden, "2026-10-14", "2026-10-19");
  await startPreparation(tx, office, associationId, preparing.id, preparing.version);
  await addComment(
    tx,
    office,
    associationId,
    preparing.id,
    "Ansökan är komplett. Försäkringskassans personaltid behöver bekräftas för 2028 också; jag har frågat Karin Ek.",
  );
  await addComment(
    tx,
    board,
    associationId,
    preparing.id,
    "Viktigt arbete. Kan insatsen omfatta fler vårdcentraler i länet när rutinen är prövad?",
  );

  // just arrived on paper and registered
  const submitted = await registerPaper(inputs.sprakstod, "2026-11-10", "2026-11-16");

  // the lead's draft, which she continues in the browser
  const draftId = await createApplication(tx, lead, associationId, inputs.gronaJobb, {
    makeCreatorLead: true,
  });
  await saveApplication(tx, lead, associationId, draftId, 1, inputs.gronaJobbMore);

  return {
    beviljad: granted.id,
    avslagen: rejected.id,
    komplettering: returnedId,
    under_beredning: preparing.id,
    inskickad: submitted.id,
    utkast: draftId,
  };
}
