// The register's code lists (domain/participants.md), as codes with their Swedish words. Every
// background and exit field can also be "uppgift_saknas". Imports use the Swedish words; the
// database stores the codes; the statistics group them as the follow-up does.

export const MISSING = "uppgift_saknas";

const list = <T extends string>(entries: Record<T, string>) => entries;

export const GENDER = list({
  kvinna: "kvinna",
  man: "man",
  annan: "annan (icke-binär)",
  vill_ej_ange: "vill ej ange",
  uppgift_saknas: "uppgift saknas",
});

/** Age groups at start; "under 30" and "55+" are reported as well. */
export const AGE_GROUPS = [
  { code: "16-19", from: 16, to: 19 },
  { code: "20-24", from: 20, to: 24 },
  { code: "25-29", from: 25, to: 29 },
  { code: "30-39", from: 30, to: 39 },
  { code: "40-49", from: 40, to: 49 },
  { code: "50-54", from: 50, to: 54 },
  { code: "55-64", from: 55, to: 64 },
] as const;

export const EDUCATION = list({
  forgymnasial_kortare_an_9: "förgymnasial kortare än 9 år",
  forgymnasial_9: "förgymnasial 9 år (grundskola)",
  gymnasial: "gymnasial",
  eftergymnasial_kortare_an_3: "eftergymnasial kortare än 3 år",
  eftergymnasial_3_eller_langre: "eftergymnasial 3 år eller längre",
  saknas: "saknas",
  okand: "okänd",
  uppgift_saknas: "uppgift saknas",
});

/** ISCED groups of the education codes. */
export const EDUCATION_ISCED: Record<keyof typeof EDUCATION, "0-2" | "3-4" | "5-8" | null> = {
  forgymnasial_kortare_an_9: "0-2",
  forgymnasial_9: "0-2",
  gymnasial: "3-4",
  eftergymnasial_kortare_an_3: "5-8",
  eftergymnasial_3_eller_langre: "5-8",
  saknas: "0-2",
  okand: null,
  uppgift_saknas: null,
};

/** Försörjning (before and after; several may apply). */
export const SUPPORT = list({
  lon: "lön",
  sjukpenning: "sjukpenning inkl. rehabiliteringspenning",
  aktivitetsersattning: "aktivitetsersättning",
  sjukersattning: "sjukersättning",
  a_kassa: "a-kassa",
  aktivitetsstod: "aktivitetsstöd inkl. utvecklingsersättning",
  etableringsersattning: "etableringsersättning",
  forsorjningsstod: "försörjningsstöd",
  studiemedel: "studiemedel",
  annan: "annan",
  ingen: "ingen",
  uppgift_saknas: "uppgift saknas",
});

export const SUPPORT_GROUPS: Record<string, readonly (keyof typeof SUPPORT)[]> = {
  ohalsa: ["sjukpenning", "aktivitetsersattning", "sjukersattning"],
  arbetsmarknadsstod: ["a_kassa", "aktivitetsstod", "etableringsersattning"],
  ekonomiskt_bistand: ["forsorjningsstod"],
};

export const TIME_ON_SUPPORT = list({
  under_1_ar: "under 1 år",
  "1_2_ar": "1–2 år",
  "2_3_ar": "2–3 år",
  mer_an_3_ar: "mer än 3 år",
  okand: "okänd",
  uppgift_saknas: "uppgift saknas",
});

export const OCCUPATION_BEFORE = list({
  arbetslos: "arbetslös",
  sjukskriven: "sjukskriven",
  studerar: "studerar",
  arbetar_delvis: "arbetar delvis",
  ingen_sysselsattning: "ingen sysselsättning",
  okand: "okänd",
  uppgift_saknas: "uppgift saknas",
});

export const REFERRER = list({
  arbetsformedlingen: "Arbetsförmedlingen",
  forsakringskassan: "Försäkringskassan",
  kommun: "kommun",
  region: "region",
  eget_initiativ: "eget initiativ",
  annan: "annan",
  uppgift_saknas: "uppgift saknas",
});

/** Status at exit. Felregistrering voids the enrollment. */
export const EXIT_STATUS = list({
  arbete_ej_subventionerat: "arbete, ej subventionerat",
  arbete_subventionerat: "arbete, subventionerat",
  eget_foretag: "eget företag",
  studier: "studier",
  arbetssokande: "arbetssökande",
  annan_insats: "annan insats",
  sjukskriven: "sjukskriven / ohälsa",
  foraldraledig: "föräldraledig",
  flyttat: "flyttat",
  avbrutit: "avbrutit",
  kontakt_upphort: "kontakt upphört",
  avliden: "avliden",
  annat: "annat",
  felregistrering: "felregistrering",
});

export const WORK_EXIT = [
  "arbete_ej_subventionerat",
  "arbete_subventionerat",
  "eget_foretag",
] as const;

export const EXTENT = list({ heltid: "heltid", deltid: "deltid" });

/** The Swedish word → code, for imports ("kvinna" → "kvinna", "a-kassa" → "a_kassa"). */
export function codeOfWord<T extends string>(
  entries: Record<T, string>,
  word: string,
): T | undefined {
  const w = word.trim().toLocaleLowerCase("sv");
  for (const [code, label] of Object.entries(entries) as Array<[T, string]>)
    if (label.toLocaleLowerCase("sv") === w || code === w) return code;
  return undefined;
}

/** The age group at start of someone born in `birthYear`, by the start date's year. */
export function ageGroup(birthYear: number | null, startDate: string): string {
  if (birthYear === null) return MISSING;
  const age = Number(startDate.slice(0, 4)) - birthYear;
  return AGE_GROUPS.find((g) => age >= g.from && age <= g.to)?.code ?? "ovrigt";
}

/** Derived: to work and/or studies (both is a subset, never counted twice). */
export function toWorkOrStudies(exit: { status: string; studies?: boolean }): boolean {
  return (
    (WORK_EXIT as readonly string[]).includes(exit.status) ||
    exit.status === "studier" ||
    exit.studies === true
  );
}
