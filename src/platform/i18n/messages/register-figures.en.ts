// English texts of register-figures.sv.ts; spread into register-statistics.en.ts.
import type { registerFiguresSv } from "./register-figures.sv.ts";

export const registerFiguresEn: Record<keyof typeof registerFiguresSv, string> = {
  "registerFigures.genderNote":
    "Women and men are shown separately. Other (non-binary), prefers not to say and not known are not shown as columns of their own but count in the total.",
  "registerFigures.countingNote":
    "Each enrolment counts on its own: a person enrolled in several initiatives, or several times in the same initiative, counts once per enrolment. Registration errors never count. Participants registered anonymously and participants whose identity has been erased count in every total.",
  "registerFigures.allIndividual": "All individual initiatives",
  "registerFigures.allStructural": "All structural initiatives",
  "registerFigures.missing": "not known",

  "registerFigures.enrolled.definition":
    "Enrolments running on some day of the period: start date no later than the last day of the period and no end date, or an end date no earlier than the first day of the period.",
  "registerFigures.enrolled.label": "Enrolled during the period (total)",
  "registerFigures.background": "Background at start among those enrolled during the period.",
  "registerFigures.severalNote":
    "Several may apply to the same person, so the rows do not add up to the total.",
  "registerFigures.severalGroupsNote":
    "Several groups may apply to the same person, so the rows do not add up to the total.",
  "registerFigures.optionalNote":
    "The variable is only recorded if the association has chosen to ask for it.",

  "registerFigures.deltagare.title": "Participants",
  "registerFigures.deltagare.startade_under_perioden.label": "Started during the period",
  "registerFigures.deltagare.startade_under_perioden.definition":
    "Enrolments with a start date from the first day of the period up to and including its last day.",
  "registerFigures.deltagare.hela_insatstiden.label": "Participants over the whole initiative",
  "registerFigures.deltagare.hela_insatstiden.definition":
    "Enrolments with a start date from the start of the initiative up to and including the last day of the period.",
  "registerFigures.deltagare.avslutade_hela_insatstiden.label": "Exited over the whole initiative",
  "registerFigures.deltagare.avslutade_hela_insatstiden.definition":
    "Of the participants over the whole initiative: those with an end date no later than the last day of the period.",
  "registerFigures.deltagare.pagaende_vid_periodens_slut.label": "Ongoing at the end of the period",
  "registerFigures.deltagare.pagaende_vid_periodens_slut.definition":
    "Participants over the whole initiative minus those exited over the whole initiative: start date no later than the last day of the period and no end date, or an end date after it.",
  "registerFigures.deltagare.avslutade_under_perioden.label": "Exited during the period",
  "registerFigures.deltagare.avslutade_under_perioden.definition":
    "Enrolments with an end date from the first day of the period up to and including its last day.",
  "registerFigures.deltagare.inskrivna_under_perioden.label": "Enrolled during the period",

  "registerFigures.avslut.title": "Exited during the period by status at exit",
  "registerFigures.avslut.definition":
    "Enrolments with an end date during the period, by status at exit. Work, studies without work, job-seeking and other exits add up to those exited during the period; a person who both works and studies counts once, under work.",
  "registerFigures.avslut.arbete_ej_subventionerat.label": "Work, unsubsidised",
  "registerFigures.avslut.arbete_ej_subventionerat.definition":
    "Exited during the period to work without a subsidy.",
  "registerFigures.avslut.arbete_subventionerat.label": "Subsidised work",
  "registerFigures.avslut.arbete_subventionerat.definition":
    "Exited during the period to subsidised work: wage subsidy, new-start job and the like.",
  "registerFigures.avslut.eget_foretag.label": "Own business",
  "registerFigures.avslut.eget_foretag.definition":
    "Exited during the period to a business of their own.",
  "registerFigures.avslut.arbete.label": "Work, all kinds",
  "registerFigures.avslut.arbete.definition":
    "Exited during the period to work: unsubsidised, subsidised or own business, with or without studies.",
  "registerFigures.avslut.bade_arbete_och_studier.label": "of which both work and studies",
  "registerFigures.avslut.bade_arbete_och_studier.definition":
    "Of those who exited to work: those who also study. Already included in work; shown for information and never added.",
  "registerFigures.avslut.studier_utan_arbete.label": "Studies (without work)",
  "registerFigures.avslut.studier_utan_arbete.definition":
    "Exited during the period to studies without work.",
  "registerFigures.avslut.till_arbete_och_eller_studier.label": "To work and/or studies",
  "registerFigures.avslut.till_arbete_och_eller_studier.definition":
    "Exited during the period to work (all kinds) or studies; a person who both works and studies counts once.",
  "registerFigures.avslut.arbetssokande.label": "Job-seeking",
  "registerFigures.avslut.arbetssokande.definition":
    "Exited during the period as actively job-seeking, neither working nor studying.",
  "registerFigures.avslut.ovriga_avslutade.label": "Other exits",
  "registerFigures.avslut.ovriga_avslutade.definition":
    "Exited during the period for another reason: another initiative, sick leave/ill health, parental leave, moved, dropped out, contact lost, deceased or other.",
  "registerFigures.avslut.med_handlingsplan.label": "With an action plan towards work or studies",
  "registerFigures.avslut.med_handlingsplan.definition":
    "Of those exited during the period: those who had an action plan towards work or studies at exit (stated at exit, or a date for the action plan no later than the end date when nothing else was stated).",
  "registerFigures.avslut.avslutade_under_perioden.label": "Exited during the period (total)",
  "registerFigures.avslut.avslutade_under_perioden.definition":
    "Enrolments with an end date from the first day of the period up to and including its last day. Registration errors never count.",

  "registerFigures.alder.title": "Age at start",
  "registerFigures.alder.note": "Age at start is the year of the start date minus the birth year.",
  "registerFigures.alder.definition": "Enrolled during the period who were {age} at start.",
  "registerFigures.alder.under_30.label": "under 30",
  "registerFigures.alder.under_30.definition":
    "Enrolled during the period who were younger than 30 at start.",
  "registerFigures.alder.under_16.label": "under 16",
  "registerFigures.alder.16_19.label": "16–19",
  "registerFigures.alder.20_24.label": "20–24",
  "registerFigures.alder.25_29.label": "25–29",
  "registerFigures.alder.30_39.label": "30–39",
  "registerFigures.alder.40_49.label": "40–49",
  "registerFigures.alder.50_54.label": "50–54",
  "registerFigures.alder.55_plus.label": "55 or older",
  "registerFigures.alder.55_64.label": "55–64",
  "registerFigures.alder.65_plus.label": "65 or older",
  "registerFigures.alder.uppgift_saknas.definition":
    "Enrolled during the period without a known birth year.",

  "registerFigures.utbildning.title": "Highest completed education",
  "registerFigures.utbildning.definition":
    "Enrolled during the period whose highest education is: {education}.",
  "registerFigures.utbildning.forgymnasial.label": "primary",
  "registerFigures.utbildning.forgymnasial.definition":
    "Enrolled during the period whose highest education is primary: shorter than 9 years or 9 years (compulsory school).",
  "registerFigures.utbildning.saknas.definition":
    "Enrolled during the period without any completed education (counted in ISCED 0–2).",
  "registerFigures.utbildning.uppgift_saknas.definition":
    "Enrolled during the period whose education is not recorded.",

  "registerFigures.isced.title": "Education by ISCED group",
  "registerFigures.isced.0_2.label": "ISCED 0–2",
  "registerFigures.isced.0_2.definition":
    "Enrolled during the period whose highest education is primary, or without any completed education.",
  "registerFigures.isced.3_4.label": "ISCED 3–4",
  "registerFigures.isced.3_4.definition":
    "Enrolled during the period whose highest education is upper secondary.",
  "registerFigures.isced.5_8.label": "ISCED 5–8",
  "registerFigures.isced.5_8.definition":
    "Enrolled during the period with post-secondary education.",
  "registerFigures.isced.okand.label": "unknown or not known",
  "registerFigures.isced.okand.definition":
    "Enrolled during the period whose education is unknown or not recorded.",

  "registerFigures.forsorjning_fore.title": "Support before start",
  "registerFigures.forsorjning_fore.row":
    "Enrolled during the period whose support before start included: {word} (alone or with other support).",
  "registerFigures.forsorjning_fore.missing":
    "Enrolled during the period whose support before start is not recorded.",
  "registerFigures.forsorjningsgrupper.title": "Support before start, groups",
  "registerFigures.forsorjningsgrupper.ohalsa.label": "ill health",
  "registerFigures.forsorjningsgrupper.ohalsa.definition":
    "Enrolled during the period with sickness benefit (incl. rehabilitation benefit), activity compensation or sickness compensation before start.",
  "registerFigures.forsorjningsgrupper.arbetsmarknadsstod.label": "labour market support",
  "registerFigures.forsorjningsgrupper.arbetsmarknadsstod.definition":
    "Enrolled during the period with unemployment insurance, activity support (incl. development allowance) or establishment allowance before start.",
  "registerFigures.forsorjningsgrupper.ekonomiskt_bistand.label": "financial assistance",
  "registerFigures.forsorjningsgrupper.ekonomiskt_bistand.definition":
    "Enrolled during the period with financial assistance before start.",
  "registerFigures.tid_offentlig_forsorjning.title": "Time on public support",
  "registerFigures.tid_offentlig_forsorjning.row":
    "Enrolled during the period whose time on public support was: {word}.",
  "registerFigures.tid_offentlig_forsorjning.missing":
    "Enrolled during the period whose time on public support is not recorded.",
  "registerFigures.sysselsattning_fore.title": "Occupation before start",
  "registerFigures.sysselsattning_fore.row":
    "Enrolled during the period whose occupation before start was: {word}.",
  "registerFigures.sysselsattning_fore.missing":
    "Enrolled during the period whose occupation before start is not recorded.",
  "registerFigures.remittent.title": "Referring party",
  "registerFigures.remittent.row": "Enrolled during the period referred by: {word}.",
  "registerFigures.remittent.missing":
    "Enrolled during the period whose referring party is not recorded.",

  "registerFigures.fodd_utomlands.title": "Born abroad",
  "registerFigures.funktionsnedsattning.title": "Disability",
  "registerFigures.nyanland.title": "Newly arrived (establishment programme)",
  "registerFigures.yesNo.ja": "yes",
  "registerFigures.yesNo.nej": "no",
  "registerFigures.yesNo.ja.definition":
    "Enrolled during the period for whom “{variable}” is recorded as yes.",
  "registerFigures.yesNo.nej.definition":
    "Enrolled during the period for whom “{variable}” is recorded as no.",
  "registerFigures.yesNo.missing.definition":
    "Enrolled during the period for whom “{variable}” is not recorded.",

  "registerFigures.deltagande.title": "Number of participants in structural initiatives",
  "registerFigures.deltagande.definition":
    "Participants per period in structural initiatives (trainings, conferences and the like), recorded as numbers of women, men and others, without individual participants.",
  "registerFigures.deltagande.period.definition":
    "Participants during the period {key} ({from} – {to}) as counted by the initiative.",
  "registerFigures.deltagande.perioderna.label": "Sum of the periods",
  "registerFigures.deltagande.perioderna.definition":
    "The sum of the recorded periods that lie wholly within the chosen period; a person taking part in several periods counts once per period. Periods only partly within the chosen period do not count.",

  "registerFigures.share.andel_till_arbete_och_eller_studier.label": "Share to work and/or studies",
  "registerFigures.share.andel_till_arbete_och_eller_studier.definition":
    "Exited during the period to work and/or studies ÷ exited during the period, all genders.",
  "registerFigures.share.andel_kvinnor_till_arbete_och_eller_studier.label":
    "Share of women among those who went to work and/or studies",
  "registerFigures.share.andel_kvinnor_till_arbete_och_eller_studier.definition":
    "Women exited during the period to work and/or studies ÷ everyone exited during the period to work and/or studies.",
  "registerFigures.share.andel_med_handlingsplan.label":
    "Share with an action plan towards work or studies",
  "registerFigures.share.andel_med_handlingsplan.definition":
    "Exited during the period with an action plan towards work or studies ÷ exited during the period, all genders. For pre-rehabilitation initiatives the target is at least 80 %.",
  "registerFigures.share.andel_kvinnor.label": "Share of women",
  "registerFigures.share.andel_kvinnor.definition":
    "Women enrolled during the period ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_man.label": "Share of men",
  "registerFigures.share.andel_man.definition":
    "Men enrolled during the period ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_under_30.label": "Share under 30",
  "registerFigures.share.andel_under_30.definition":
    "Enrolled during the period who were under 30 at start ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_55_eller_aldre.label": "Share 55 or older",
  "registerFigures.share.andel_55_eller_aldre.definition":
    "Enrolled during the period who were 55 or older at start ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_offentlig_forsorjning_mer_an_3_ar.label":
    "Share on public support for more than 3 years",
  "registerFigures.share.andel_offentlig_forsorjning_mer_an_3_ar.definition":
    "Enrolled during the period on public support for more than 3 years before start ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_kvinnor_offentlig_forsorjning_mer_an_3_ar.label":
    "Share of women among those on public support for more than 3 years",
  "registerFigures.share.andel_kvinnor_offentlig_forsorjning_mer_an_3_ar.definition":
    "Women enrolled during the period on public support for more than 3 years ÷ everyone enrolled on public support for more than 3 years.",
  "registerFigures.share.andel_forgymnasial.label": "Share with primary education as the highest",
  "registerFigures.share.andel_forgymnasial.definition":
    "Enrolled during the period whose highest education is primary (shorter than 9 years or 9 years) ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_kvinnor_forgymnasial.label":
    "Share of women among those with primary education",
  "registerFigures.share.andel_kvinnor_forgymnasial.definition":
    "Women enrolled during the period whose highest education is primary ÷ everyone enrolled whose highest education is primary.",
  "registerFigures.share.andel_eftergymnasial.label": "Share with post-secondary education",
  "registerFigures.share.andel_eftergymnasial.definition":
    "Enrolled during the period with post-secondary education ÷ everyone enrolled during the period.",
  "registerFigures.share.andel_utbildning_okand.label":
    "Share whose education is unknown or not known",
  "registerFigures.share.andel_utbildning_okand.definition":
    "Enrolled during the period whose education is unknown or not recorded ÷ everyone enrolled during the period.",
};
