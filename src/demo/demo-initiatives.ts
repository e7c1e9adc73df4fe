// The demo association's initiatives: a county association's register as it might look at the
// end of 2026 — municipal prefixes, both orientations, some ended and one ended early. These
// came before Samspår; the initiatives that began as applications in it (still applying,
// granted and running, rejected) are made by demo-applications.ts.
import type { InitiativeInput } from "../initiatives/validate-initiative.ts";

type Ids = Record<
  "tierp" | "uppsala" | "enkoping" | "osthammar" | "knivsta" | "heby" | "region" | "fk" | "af",
  string
>;

type Demo = Pick<
  InitiativeInput,
  "name" | "ownerOrganisationId" | "partnerIds" | "status" | "orientation"
> &
  Partial<InitiativeInput>;

const goal = (text: string, kind: string, targetPercent?: number, targetNumber?: number) => ({
  text,
  kind,
  targetPercent: targetPercent ?? null,
  targetNumber: targetNumber ?? null,
});

export function demoInitiatives(o: Ids): InitiativeInput[] {
  const list: Demo[] = [
    {
      name: "Tierp, Växtverket",
      ownerOrganisationId: o.tierp,
      partnerIds: [o.fk, o.af, o.region],
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: true,
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      lastIntakeDate: "2027-06-30",
      targetGroup:
        "Personer 18–64 år långt från arbetsmarknaden, ofta med psykisk ohälsa, som behöver en lugn start i trädgårdsarbete.",
      expectedParticipants: 24,
      expectedParticipantsOngoing: true,
      goals: [
        goal(
          "Deltagare som har en handlingsplan mot arbete eller studier vid avslut",
          "resultatmal",
          80,
        ),
        goal("Deltagare mäts med progressionsmätning vid start och avslut", "insatsmal", 50),
      ],
    },
    {
      name: "Uppsala, Lärcentrum digitalt",
      ownerOrganisationId: o.uppsala,
      partnerIds: [o.af, o.region],
      status: "pagaende",
      orientation: "individual",
      startDate: "2026-02-01",
      endDate: "2028-01-31",
      targetGroup:
        "Nyanlända och personer med kort utbildning som behöver studiestöd och digital samhällsorientering.",
      expectedParticipants: 120,
      goals: [
        goal("Till arbete eller studier vid avslut", "resultatmal", 40),
        goal("Kapitel i Samhällsorienteringen genomförda digitalt", "insatsmal", undefined, 600),
      ],
    },
    {
      name: "Enköping, Steget vidare",
      ownerOrganisationId: o.enkoping,
      partnerIds: [o.fk, o.af],
      status: "pagaende",
      orientation: "individual",
      startDate: "2024-09-01",
      endDate: "2026-12-31",
      lastIntakeDate: "2026-09-30",
      targetGroup: "Unga vuxna 16–29 år med aktivitetsersättning.",
      expectedParticipants: 40,
      goals: [goal("Till arbete eller studier", "resultatmal", 60)],
    },
    {
      name: "Östhammar, Arbetsbryggan",
      ownerOrganisationId: o.osthammar,
      partnerIds: [o.af, o.fk],
      status: "pagaende",
      orientation: "individual",
      startDate: "2025-03-01",
      endDate: "2027-02-28",
      targetGroup:
        "Personer med försörjningsstöd och sjukpenning som står långt från arbetsmarknaden.",
      expectedParticipants: 30,
      goals: [
        goal("Till arbete eller studier", "resultatmal", 50),
        goal("Minskat behov av försörjningsstöd", "effektmal"),
      ],
    },
    {
      name: "Knivsta, Unga i fokus",
      ownerOrganisationId: o.knivsta,
      partnerIds: [o.af, o.region],
      status: "pagaende",
      orientation: "individual",
      startDate: "2025-08-15",
      endDate: "2027-06-30",
      targetGroup: "Unga 16–24 år som varken arbetar eller studerar.",
      expectedParticipants: 25,
      goals: [goal("Tillbaka till studier", "resultatmal", 50)],
    },
    {
      name: "Heby, IPS – individanpassat stöd till arbete",
      ownerOrganisationId: o.heby,
      partnerIds: [o.region, o.af],
      status: "pagaende",
      orientation: "individual",
      startDate: "2024-01-01",
      endDate: "2026-12-31",
      targetGroup:
        "Personer med psykisk funktionsnedsättning som vill arbeta (Individual Placement and Support).",
      expectedParticipants: 15,
      expectedParticipantsOngoing: true,
      goals: [goal("Har ett arbete på den öppna arbetsmarknaden", "resultatmal", 40)],
    },
    {
      name: "Region, Samverkansteam psykiatri",
      ownerOrganisationId: o.region,
      partnerIds: [o.fk, o.uppsala],
      status: "pagaende",
      orientation: "structural",
      startDate: "2025-01-01",
      endDate: "2026-12-31",
      targetGroup: "Handläggare och behandlare i psykiatri, kommun och Försäkringskassan.",
      goals: [goal("Gemensam rutin för samordning vid sjukskrivning", "insatsmal", undefined, 1)],
    },
    {
      name: "Uppsala, Kompetenslyft samverkan",
      ownerOrganisationId: o.uppsala,
      partnerIds: [o.af, o.fk, o.region],
      status: "pagaende",
      orientation: "structural",
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      targetGroup: "Medarbetare hos förbundets medlemmar som möter målgruppen.",
      goals: [goal("Medarbetare som deltagit i utbildning", "insatsmal", undefined, 150)],
    },
    {
      name: "Tierp, Hälsofrämjande arbetsträning",
      ownerOrganisationId: o.tierp,
      partnerIds: [o.region, o.fk],
      status: "beviljad",
      orientation: "individual",
      preRehabilitation: true,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      targetGroup: "Personer på sjukpenning som behöver förrehabilitering.",
      expectedParticipants: 20,
      goals: [goal("Deltagare med en plan mot arbete eller studier", "resultatmal", 80)],
    },
    {
      name: "Uppsala, Jobbspår",
      ownerOrganisationId: o.uppsala,
      partnerIds: [o.af, o.fk],
      status: "avslutad",
      orientation: "individual",
      startDate: "2023-01-01",
      endDate: "2025-12-31",
      targetGroup: "Personer med försörjningsstöd i mer än två år.",
      expectedParticipants: 60,
      goals: [goal("Till arbete eller studier", "resultatmal", 40)],
    },
    {
      name: "Heby, Vägen ut",
      ownerOrganisationId: o.heby,
      partnerIds: [o.af, o.fk],
      status: "avslutad_i_fortid",
      orientation: "individual",
      startDate: "2024-03-01",
      endDate: "2025-06-30",
      plannedEndDate: "2026-02-28",
      targetGroup: "Unga vuxna med missbruksproblematik.",
      expectedParticipants: 18,
      goals: [goal("Till arbete eller studier", "resultatmal", 30)],
    },
    {
      name: "Knivsta, Föreningsbron",
      ownerOrganisationId: o.knivsta,
      partnerIds: [o.af],
      status: "avslutad",
      orientation: "structural",
      startDate: "2024-01-01",
      endDate: "2025-06-30",
      targetGroup: "Föreningar och idéburna organisationer som tar emot praktikanter.",
      goals: [goal("Föreningar med avtal om praktikplatser", "insatsmal", undefined, 12)],
    },
    {
      name: "Region, Länsgemensam ESF-insats Vidare",
      ownerOrganisationId: o.region,
      partnerIds: [o.uppsala, o.enkoping, o.tierp, o.osthammar, o.knivsta, o.heby, o.af, o.fk],
      status: "pagaende",
      orientation: "individual",
      esf: true,
      startDate: "2025-09-01",
      endDate: "2028-08-31",
      lastIntakeDate: "2028-02-29",
      targetGroup: "Personer 16–64 år med behov av samordnad rehabilitering i hela länet.",
      expectedParticipants: 300,
      goals: [
        goal("Till arbete eller studier", "resultatmal", 35),
        goal("Kvinnor av deltagarna", "insatsmal", 60),
      ],
      localUnits: [
        { name: "Uppsala", expectedParticipants: 120 },
        { name: "Enköping", expectedParticipants: 50 },
        { name: "Tierp", expectedParticipants: 35 },
        { name: "Östhammar", expectedParticipants: 35 },
        { name: "Knivsta", expectedParticipants: 30 },
        { name: "Heby", expectedParticipants: 30 },
      ],
    },
  ];
  return list.map((d) => ({
    preRehabilitation: false,
    esf: false,
    startDate: null,
    endDate: null,
    lastIntakeDate: null,
    plannedEndDate: null,
    targetGroup: "",
    expectedParticipants: null,
    expectedParticipantsOngoing: false,
    goals: [],
    localUnits: [],
    ...d,
  }));
}
