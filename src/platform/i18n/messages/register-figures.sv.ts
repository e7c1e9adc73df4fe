// Swedish texts of the participant register's statistics (src/register/aggregates.ts): every
// table's title, every figure's label and definition, every share, and the notes on how to read
// them. The code words themselves ("sjukpenning inkl. rehabiliteringspenning") are the
// register's (register.code.* in register.sv.ts). Spread into register-statistics.sv.ts.
export const registerFiguresSv = {
  "registerFigures.genderNote":
    "Kvinnor och män visas var för sig. Annan (icke-binär), vill ej ange och uppgift saknas visas inte som egen kolumn men räknas i totalt.",
  "registerFigures.countingNote":
    "Varje inskrivning räknas för sig: den som är inskriven i flera insatser, eller flera gånger i samma insats, räknas en gång per inskrivning. Felregistreringar räknas aldrig. Anonymt registrerade deltagare och deltagare vars identitet har gallrats räknas i alla summor.",
  "registerFigures.allIndividual": "Samtliga individinriktade insatser",
  "registerFigures.allStructural": "Samtliga strukturinriktade insatser",
  "registerFigures.missing": "uppgift saknas",

  "registerFigures.enrolled.definition":
    "Inskrivningar som pågått någon dag under perioden: startdatum senast periodens sista dag och inget slutdatum, eller slutdatum tidigast periodens första dag.",
  "registerFigures.enrolled.label": "Inskrivna under perioden (totalt)",
  "registerFigures.background": "Bakgrund vid start bland inskrivna under perioden.",
  "registerFigures.severalNote":
    "Flera kan gälla samma person, så raderna summerar inte till totalen.",
  "registerFigures.severalGroupsNote":
    "Flera grupper kan gälla samma person, så raderna summerar inte till totalen.",
  "registerFigures.optionalNote":
    "Variabeln registreras bara om förbundet har valt att fråga efter den.",

  // Deltagare
  "registerFigures.deltagare.title": "Deltagare",
  "registerFigures.deltagare.startade_under_perioden.label": "Startade under perioden",
  "registerFigures.deltagare.startade_under_perioden.definition":
    "Inskrivningar med startdatum från och med periodens första dag till och med dess sista dag.",
  "registerFigures.deltagare.hela_insatstiden.label": "Deltagare hela insatstiden",
  "registerFigures.deltagare.hela_insatstiden.definition":
    "Inskrivningar med startdatum från insatsens start till och med periodens sista dag.",
  "registerFigures.deltagare.avslutade_hela_insatstiden.label": "Avslutade hela insatstiden",
  "registerFigures.deltagare.avslutade_hela_insatstiden.definition":
    "Av deltagarna hela insatstiden: de med slutdatum senast periodens sista dag.",
  "registerFigures.deltagare.pagaende_vid_periodens_slut.label": "Pågående vid periodens slut",
  "registerFigures.deltagare.pagaende_vid_periodens_slut.definition":
    "Deltagare hela insatstiden minus avslutade hela insatstiden: startdatum senast periodens sista dag och inget slutdatum, eller slutdatum efter den.",
  "registerFigures.deltagare.avslutade_under_perioden.label": "Avslutade under perioden",
  "registerFigures.deltagare.avslutade_under_perioden.definition":
    "Inskrivningar med slutdatum från och med periodens första dag till och med dess sista dag.",
  "registerFigures.deltagare.inskrivna_under_perioden.label": "Inskrivna under perioden",

  // Avslut
  "registerFigures.avslut.title": "Avslutade under perioden efter status vid avslut",
  "registerFigures.avslut.definition":
    "Inskrivningar med slutdatum under perioden, efter status vid avslut. Arbete, studier utan arbete, arbetssökande och övriga avslutade summerar till avslutade under perioden; den som både arbetar och studerar räknas en gång, under arbete.",
  "registerFigures.avslut.arbete_ej_subventionerat.label": "Arbete, ej subventionerat",
  "registerFigures.avslut.arbete_ej_subventionerat.definition":
    "Avslutade under perioden till arbete utan subvention.",
  "registerFigures.avslut.arbete_subventionerat.label": "Subventionerat arbete",
  "registerFigures.avslut.arbete_subventionerat.definition":
    "Avslutade under perioden till subventionerat arbete: lönebidrag, nystartsjobb och liknande.",
  "registerFigures.avslut.eget_foretag.label": "Eget företag",
  "registerFigures.avslut.eget_foretag.definition": "Avslutade under perioden till eget företag.",
  "registerFigures.avslut.arbete.label": "Arbete, alla former",
  "registerFigures.avslut.arbete.definition":
    "Avslutade under perioden till arbete: ej subventionerat, subventionerat eller eget företag, med eller utan studier.",
  "registerFigures.avslut.bade_arbete_och_studier.label": "varav både arbete och studier",
  "registerFigures.avslut.bade_arbete_och_studier.definition":
    "Av dem som avslutades till arbete: de som också studerar. Ingår redan i arbete; visas för information och läggs aldrig till.",
  "registerFigures.avslut.studier_utan_arbete.label": "Studier (utan arbete)",
  "registerFigures.avslut.studier_utan_arbete.definition":
    "Avslutade under perioden till studier utan arbete.",
  "registerFigures.avslut.till_arbete_och_eller_studier.label": "Till arbete och/eller studier",
  "registerFigures.avslut.till_arbete_och_eller_studier.definition":
    "Avslutade under perioden till arbete (alla former) eller studier; den som både arbetar och studerar räknas en gång.",
  "registerFigures.avslut.arbetssokande.label": "Arbetssökande",
  "registerFigures.avslut.arbetssokande.definition":
    "Avslutade under perioden som aktivt arbetssökande, varken i arbete eller studier.",
  "registerFigures.avslut.ovriga_avslutade.label": "Övriga avslutade",
  "registerFigures.avslut.ovriga_avslutade.definition":
    "Avslutade under perioden av annat skäl: annan insats, sjukskriven/ohälsa, föräldraledig, flyttat, avbrutit, kontakt upphört, avliden eller annat.",
  "registerFigures.avslut.med_handlingsplan.label": "Med handlingsplan mot arbete eller studier",
  "registerFigures.avslut.med_handlingsplan.definition":
    "Av de avslutade under perioden: de som hade en handlingsplan mot arbete eller studier vid avslutet (angivet vid avslutet, eller ett datum för handlingsplanen senast slutdatumet när inget annat angavs).",
  "registerFigures.avslut.avslutade_under_perioden.label": "Avslutade under perioden (totalt)",
  "registerFigures.avslut.avslutade_under_perioden.definition":
    "Inskrivningar med slutdatum från och med periodens första dag till och med dess sista dag. Felregistreringar räknas aldrig.",

  // Ålder
  "registerFigures.alder.title": "Ålder vid start",
  "registerFigures.alder.note": "Ålder vid start är startdatumets år minus födelseåret.",
  "registerFigures.alder.definition": "Inskrivna under perioden som var {age} vid start.",
  "registerFigures.alder.under_30.label": "under 30 år",
  "registerFigures.alder.under_30.definition":
    "Inskrivna under perioden som var yngre än 30 år vid start.",
  "registerFigures.alder.under_16.label": "under 16 år",
  "registerFigures.alder.16_19.label": "16–19 år",
  "registerFigures.alder.20_24.label": "20–24 år",
  "registerFigures.alder.25_29.label": "25–29 år",
  "registerFigures.alder.30_39.label": "30–39 år",
  "registerFigures.alder.40_49.label": "40–49 år",
  "registerFigures.alder.50_54.label": "50–54 år",
  "registerFigures.alder.55_plus.label": "55 år eller äldre",
  "registerFigures.alder.55_64.label": "55–64 år",
  "registerFigures.alder.65_plus.label": "65 år eller äldre",
  "registerFigures.alder.uppgift_saknas.definition":
    "Inskrivna under perioden utan känt födelseår.",

  // Utbildning
  "registerFigures.utbildning.title": "Högsta avslutade utbildning",
  "registerFigures.utbildning.definition":
    "Inskrivna under perioden med {education} som högsta utbildning.",
  "registerFigures.utbildning.forgymnasial.label": "förgymnasial",
  "registerFigures.utbildning.forgymnasial.definition":
    "Inskrivna under perioden med förgymnasial utbildning som högsta: kortare än 9 år eller 9 år (grundskola).",
  "registerFigures.utbildning.saknas.definition":
    "Inskrivna under perioden som saknar avslutad utbildning (räknas till ISCED 0–2).",
  "registerFigures.utbildning.uppgift_saknas.definition":
    "Inskrivna under perioden där utbildningen inte är registrerad.",

  // ISCED
  "registerFigures.isced.title": "Utbildning efter ISCED-grupp",
  "registerFigures.isced.0_2.label": "ISCED 0–2",
  "registerFigures.isced.0_2.definition":
    "Inskrivna under perioden med förgymnasial utbildning som högsta, eller som saknar avslutad utbildning.",
  "registerFigures.isced.3_4.label": "ISCED 3–4",
  "registerFigures.isced.3_4.definition":
    "Inskrivna under perioden med gymnasial utbildning som högsta.",
  "registerFigures.isced.5_8.label": "ISCED 5–8",
  "registerFigures.isced.5_8.definition": "Inskrivna under perioden med eftergymnasial utbildning.",
  "registerFigures.isced.okand.label": "okänd eller uppgift saknas",
  "registerFigures.isced.okand.definition":
    "Inskrivna under perioden vars utbildning är okänd eller inte registrerad.",

  // Försörjning, tid, sysselsättning, remittent: one row per code word
  "registerFigures.forsorjning_fore.title": "Försörjning före",
  "registerFigures.forsorjning_fore.row":
    "Inskrivna under perioden med försörjningen {word}, ensam eller tillsammans med annan.",
  "registerFigures.forsorjning_fore.missing":
    "Inskrivna under perioden där försörjningen inte är registrerad.",
  "registerFigures.forsorjningsgrupper.title": "Försörjning före, grupper",
  "registerFigures.forsorjningsgrupper.ohalsa.label": "ohälsa",
  "registerFigures.forsorjningsgrupper.ohalsa.definition":
    "Inskrivna under perioden med sjukpenning (inkl. rehabiliteringspenning), aktivitetsersättning eller sjukersättning före start.",
  "registerFigures.forsorjningsgrupper.arbetsmarknadsstod.label": "arbetsmarknadsstöd",
  "registerFigures.forsorjningsgrupper.arbetsmarknadsstod.definition":
    "Inskrivna under perioden med a-kassa, aktivitetsstöd (inkl. utvecklingsersättning) eller etableringsersättning före start.",
  "registerFigures.forsorjningsgrupper.ekonomiskt_bistand.label": "ekonomiskt bistånd",
  "registerFigures.forsorjningsgrupper.ekonomiskt_bistand.definition":
    "Inskrivna under perioden med försörjningsstöd före start.",
  "registerFigures.tid_offentlig_forsorjning.title": "Tid med offentlig försörjning",
  "registerFigures.tid_offentlig_forsorjning.row":
    "Inskrivna under perioden med tid med offentlig försörjning {word}.",
  "registerFigures.tid_offentlig_forsorjning.missing":
    "Inskrivna under perioden där tid med offentlig försörjning inte är registrerad.",
  "registerFigures.sysselsattning_fore.title": "Sysselsättning före",
  "registerFigures.sysselsattning_fore.row":
    "Inskrivna under perioden med sysselsättningen {word}.",
  "registerFigures.sysselsattning_fore.missing":
    "Inskrivna under perioden där sysselsättningen inte är registrerad.",
  "registerFigures.remittent.title": "Remitterande part",
  "registerFigures.remittent.row": "Inskrivna under perioden med remitterande part {word}.",
  "registerFigures.remittent.missing":
    "Inskrivna under perioden där remitterande part inte är registrerad.",

  // The optional ESF+ variables: ja / nej / uppgift saknas
  "registerFigures.fodd_utomlands.title": "Född utomlands",
  "registerFigures.funktionsnedsattning.title": "Funktionsnedsättning",
  "registerFigures.nyanland.title": "Nyanländ (etableringsprogrammet)",
  "registerFigures.yesNo.ja": "ja",
  "registerFigures.yesNo.nej": "nej",
  "registerFigures.yesNo.ja.definition":
    "Inskrivna under perioden där {variable} är registrerat som ja.",
  "registerFigures.yesNo.nej.definition":
    "Inskrivna under perioden där {variable} är registrerat som nej.",
  "registerFigures.yesNo.missing.definition":
    "Inskrivna under perioden där {variable} inte är registrerat.",

  // Strukturinriktade insatser
  "registerFigures.deltagande.title": "Antal deltagare i strukturinriktade insatser",
  "registerFigures.deltagande.definition":
    "Deltagare per period i strukturinriktade insatser (utbildningar, konferenser och liknande), registrerade som antal kvinnor, män och övriga, utan enskilda deltagare.",
  "registerFigures.deltagande.period.definition":
    "Deltagare under perioden {key} ({from} – {to}) enligt insatsens egen räkning.",
  "registerFigures.deltagande.perioderna.label": "Summa för perioderna",
  "registerFigures.deltagande.perioderna.definition":
    "Summan av de registrerade perioder som ligger helt inom den valda perioden; den som deltar i flera perioder räknas en gång per period. Perioder som bara delvis ligger inom den valda perioden räknas inte.",

  // Andelar
  "registerFigures.share.andel_till_arbete_och_eller_studier.label":
    "Andel till arbete och/eller studier",
  "registerFigures.share.andel_till_arbete_och_eller_studier.definition":
    "Avslutade under perioden till arbete och/eller studier ÷ avslutade under perioden, alla kön.",
  "registerFigures.share.andel_kvinnor_till_arbete_och_eller_studier.label":
    "Andel kvinnor bland dem som gick till arbete och/eller studier",
  "registerFigures.share.andel_kvinnor_till_arbete_och_eller_studier.definition":
    "Kvinnor bland avslutade under perioden till arbete och/eller studier ÷ alla avslutade under perioden till arbete och/eller studier.",
  "registerFigures.share.andel_med_handlingsplan.label":
    "Andel med handlingsplan mot arbete eller studier",
  "registerFigures.share.andel_med_handlingsplan.definition":
    "Avslutade under perioden med handlingsplan mot arbete eller studier ÷ avslutade under perioden, alla kön. För förrehabiliterande insatser är målet minst 80 %.",
  "registerFigures.share.andel_kvinnor.label": "Andel kvinnor",
  "registerFigures.share.andel_kvinnor.definition":
    "Kvinnor bland inskrivna under perioden ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_man.label": "Andel män",
  "registerFigures.share.andel_man.definition":
    "Män bland inskrivna under perioden ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_under_30.label": "Andel under 30 år",
  "registerFigures.share.andel_under_30.definition":
    "Inskrivna under perioden som var under 30 år vid start ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_55_eller_aldre.label": "Andel 55 år eller äldre",
  "registerFigures.share.andel_55_eller_aldre.definition":
    "Inskrivna under perioden som var 55 år eller äldre vid start ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_offentlig_forsorjning_mer_an_3_ar.label":
    "Andel med offentlig försörjning mer än 3 år",
  "registerFigures.share.andel_offentlig_forsorjning_mer_an_3_ar.definition":
    "Inskrivna under perioden med offentlig försörjning mer än 3 år före start ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_kvinnor_offentlig_forsorjning_mer_an_3_ar.label":
    "Andel kvinnor bland dem med offentlig försörjning mer än 3 år",
  "registerFigures.share.andel_kvinnor_offentlig_forsorjning_mer_an_3_ar.definition":
    "Kvinnor bland inskrivna under perioden med offentlig försörjning mer än 3 år ÷ alla inskrivna med offentlig försörjning mer än 3 år.",
  "registerFigures.share.andel_forgymnasial.label": "Andel med förgymnasial utbildning som högsta",
  "registerFigures.share.andel_forgymnasial.definition":
    "Inskrivna under perioden med förgymnasial utbildning som högsta (kortare än 9 år eller 9 år) ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_kvinnor_forgymnasial.label":
    "Andel kvinnor bland dem med förgymnasial utbildning",
  "registerFigures.share.andel_kvinnor_forgymnasial.definition":
    "Kvinnor bland inskrivna under perioden med förgymnasial utbildning som högsta ÷ alla inskrivna med förgymnasial utbildning som högsta.",
  "registerFigures.share.andel_eftergymnasial.label": "Andel med eftergymnasial utbildning",
  "registerFigures.share.andel_eftergymnasial.definition":
    "Inskrivna under perioden med eftergymnasial utbildning ÷ alla inskrivna under perioden.",
  "registerFigures.share.andel_utbildning_okand.label":
    "Andel med okänd utbildning eller där uppgift saknas",
  "registerFigures.share.andel_utbildning_okand.definition":
    "Inskrivna under perioden vars utbildning är okänd eller inte registrerad ÷ alla inskrivna under perioden.",
};
