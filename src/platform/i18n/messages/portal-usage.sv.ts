// Swedish texts of the staff pages for the portal: the portal's usage figures; spread into sv.ts.
// The tables' titles and definitions are read by src/portal/usage.ts too.
export const portalUsageSv = {
  "portalStaff.usage.title": "Portalens användning",
  "portalStaff.usage.intro":
    "Hur deltagarna i {initiative} använder deltagarportalen: inloggade per månad och bokningar. Siffrorna går igenom förbundets röjandekontroll, så ingen enskild deltagare kan pekas ut.",
  "portalStaff.usage.link": "Portalens användning (inloggade och bokningar per månad)",
  "portalStaff.usage.back": "Tillbaka till insatsen",
  "portalStaff.usage.period.legend": "Period",
  "portalStaff.usage.period.from": "Första månaden (ÅÅÅÅ-MM)",
  "portalStaff.usage.period.to": "Sista månaden (ÅÅÅÅ-MM)",
  "portalStaff.usage.period.hint": "Till exempel 2026-01. Högst 60 månader åt gången.",
  "portalStaff.usage.period.submit": "Visa perioden",
  "portalStaff.usage.period.shown": "Visar {from} – {to}.",
  "portalStaff.usage.problem": "Perioden går inte att visa",
  "portalStaff.usage.column.month": "Månad",
  "portalStaff.usage.column.kvinnor": "Kvinnor",
  "portalStaff.usage.column.man": "Män",
  "portalStaff.usage.column.totalt": "Totalt",
  "portalStaff.usage.total": "Hela perioden",
  "portalStaff.usage.definition": "Definition",
  "portalStaff.usage.marks.heading": "Så läser du tabellerna",
  "portalStaff.usage.marks.few":
    "”< {threshold}” betyder att färre än {threshold} personer eller bokningar ingår (0 inräknat, om förbundet inte valt att visa 0). Det exakta antalet visas inte.",
  "portalStaff.usage.marks.fewZero":
    "”< {threshold}” betyder 1–{max} personer eller bokningar. Det exakta antalet visas inte.",
  "portalStaff.usage.marks.secondary":
    "”..” betyder att uppgiften döljs så att ett dolt antal inte kan räknas fram ur summorna.",
  "portalStaff.usage.marks.off":
    "Förbundet har stängt av röjandekontrollen (tröskel 0): alla antal visas som de är.",
  "portalStaff.usage.disclosure.heading": "Dolda uppgifter",
  "portalStaff.usage.genderNote":
    "Kolumnen Totalt räknar alla: kvinnor, män och deltagare med annat kön, som inte vill ange kön eller där uppgift saknas. Därför kan Totalt vara större än kvinnor och män tillsammans.",
  "portalStaff.usage.leftOut":
    "{count, plural, one {# summa visas} other {# summor visas}} som ”..” eftersom dolda uppgifter annars skulle kunna räknas fram.",
  "portalStaff.usage.table.inloggade.title": "Inloggade deltagare per månad",
  "portalStaff.usage.table.inloggade.definition":
    "Antal deltagare som loggat in i portalen minst en gång under månaden (svensk tid), på insatsen eller insatserna som visas. En person räknas en gång per månad, hur många gånger hen än loggat in. Månaderna läggs inte ihop: samma person kan räknas flera månader. Kön enligt deltagarregistret.",
  "portalStaff.usage.table.nya.title": "Varav nya",
  "portalStaff.usage.table.nya.definition":
    "De inloggade vars första inloggning någonsin i portalen, på insatsen eller insatserna som visas, var under månaden.",
  "portalStaff.usage.table.aterkommande.title": "Varav återkommande",
  "portalStaff.usage.table.aterkommande.definition":
    "De inloggade som loggat in i portalen redan en tidigare månad. Nya och återkommande är tillsammans alla inloggade den månaden.",
  "portalStaff.usage.bookings.title": "Bokningar per månad",
  "portalStaff.usage.bookings.definition":
    "Antal bokningar i portalen (av deltagaren själv eller av personal åt deltagaren), inte antal personer. En person kan ha flera bokningar. Raden Hela perioden är summan av månaderna.",
  "portalStaff.usage.bookings.made": "Gjorda",
  "portalStaff.usage.bookings.made.definition":
    "Bokningar som gjordes under månaden, oavsett vad som hände sedan.",
  "portalStaff.usage.bookings.kept": "Genomförda",
  "portalStaff.usage.bookings.kept.definition":
    "Bokade tider under månaden där personalen markerat att deltagaren kom.",
  "portalStaff.usage.bookings.missed": "Uteblivna",
  "portalStaff.usage.bookings.missed.definition":
    "Bokade tider under månaden där personalen markerat att deltagaren inte kom.",
  "portalStaff.usage.bookings.cancelled": "Avbokade",
  "portalStaff.usage.bookings.cancelled.definition": "Bokningar som avbokades under månaden.",
  "portalStaff.usage.caption": "{title}, {from} – {to}",
  "portalStaff.usage.error.from.format": "Skriv första månaden som ÅÅÅÅ-MM, till exempel 2026-01.",
  "portalStaff.usage.error.to.format": "Skriv sista månaden som ÅÅÅÅ-MM, till exempel 2026-12.",
  "portalStaff.usage.error.to.order":
    "Sista månaden kan inte vara före den första. Byt plats på månaderna.",
  "portalStaff.usage.error.to.tooLong": "Välj högst 60 månader åt gången.",
  "portalStaff.usage.hiddenPrimary": "färre än {threshold}, visas inte",
  "portalStaff.usage.hiddenSecondary": "dold uppgift",
} as const;
