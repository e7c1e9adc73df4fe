// The Swedish texts of the user interface, in ICU MessageFormat. Swedish is the source language:
// every key starts here, and other languages must translate exactly these keys.
//
// Write in klarspråk: short sentences, "du", say what happened and what to do next.
// Counts use ICU plurals ("{count, plural, one {# fil} other {# filer}}"); "#" is formatted with
// Swedish grouping. Apostrophes are ICU escapes, so avoid ' in texts (use ’ instead).
export const sv = {
  "app.name": "Samspår",
  "app.tagline": "Uppföljning för samordningsförbund och deras insatser",

  "nav.skipToContent": "Hoppa till innehållet",
  "nav.home": "Start",
  "nav.memberOrganisations": "Medlemsorganisationer",
  "nav.people": "Personer och roller",
  "nav.auditLog": "Granskningslogg",
  "nav.outbox": "Utkorg",
  "nav.account": "Mitt konto",
  "nav.signOut": "Logga ut",
  "nav.language": "Språk",
  "nav.mainMenu": "Huvudmeny",

  // Language names are written in their own language, so everyone can find theirs.
  "language.sv": "Svenska",
  "language.en": "English",

  "signIn.title": "Logga in",
  "signIn.email": "E-postadress",
  "signIn.password": "Lösenord",
  "signIn.submit": "Logga in",
  "signIn.invalid": "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen.",
  "signIn.locked":
    "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om {minutes, plural, one {# minut} other {# minuter}}.",
  // minutes: whole minutes left, rounded up.
  "signIn.throttled":
    "Det har gjorts för många inloggningsförsök på kort tid. Vänta {minutes, plural, one {# minut} other {# minuter}} och försök sedan igen.",
  "signIn.expired": "Du har varit inaktiv en stund och har loggats ut. Logga in igen.",
  "signIn.signedOut": "Du är utloggad.",
  "signIn.oidc": "Logga in med organisationens konto",

  "totp.title": "Tvåstegsverifiering",
  "totp.code": "Engångskod från din app",
  "totp.codeHint": "Sex siffror från appen, till exempel Microsoft Authenticator eller FreeOTP.",
  "totp.invalid": "Koden stämmer inte. Skriv in den kod som visas i appen just nu.",
  "totp.enrolTitle": "Aktivera tvåstegsverifiering",
  "totp.enrolIntro":
    "Med tvåstegsverifiering behöver du både ditt lösenord och en engångskod från en app i mobilen för att logga in. Öppna appen, skanna QR-koden och skriv in koden som appen visar.",
  "totp.secretLabel": "Om du inte kan skanna koden, skriv in den här nyckeln i appen",
  "totp.enrolled": "Tvåstegsverifiering är aktiverad.",
  "totp.required":
    "Ditt förbund kräver tvåstegsverifiering för personal. Aktivera den för att fortsätta.",

  "errors.summaryTitle": "Det finns {count, plural, one {ett fel} other {# fel}} att rätta",
  "errors.fieldRequired": "Fyll i {field}.",
  "errors.invalidEmail": "Skriv e-postadressen i formatet namn@exempel.se.",
  "errors.csrf": "Formuläret hade gått ut av säkerhetsskäl. Ladda om sidan och skicka igen.",
  "errors.forbidden": "Du har inte behörighet till den här sidan.",
  "errors.notFound": "Sidan finns inte.",
  "errors.server": "Något gick fel hos oss. Försök igen om en stund. Felkod: {requestId}",
  "errors.conflict":
    "Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan, kontrollera ändringarna och försök igen.",

  "common.save": "Spara",
  "common.cancel": "Avbryt",
  "common.search": "Sök",
  "common.yes": "Ja",
  "common.no": "Nej",
  "common.required": "obligatoriskt",
  "common.back": "Tillbaka",
  "common.close": "Stäng",

  "role.association_admin": "Förbundsadministratör",
  "role.board_member": "Styrelseledamot/beredningsgrupp",
  "role.initiative_lead": "Insatsansvarig",
  "role.steering_group_member": "Styrgruppsledamot",
  "role.participant_officer": "Deltagaransvarig",
  "role.participant": "Deltagare",
  "role.auditor": "Dataskyddsombud/granskare",

  "orgKind.forsakringskassan": "Försäkringskassan",
  "orgKind.arbetsformedlingen": "Arbetsförmedlingen",
  "orgKind.region": "Region",
  "orgKind.kommun": "Kommun",
  "orgKind.annan": "Annan",

  "people.count": "{count, plural, =0 {Inga personer} one {# person} other {# personer}}",
  "audit.count":
    "{count, plural, =0 {Inga händelser} one {# händelse} other {# händelser}} i granskningsloggen",
  "outbox.empty": "Utkorgen är tom. Inga meddelanden väntar på att skickas.",
  "footer.accessibility": "Tillgänglighetsredogörelse",
  "errors.serverTitle": "Något gick fel",
  "errors.forbiddenTitle": "Ingen behörighet",
  "common.choose": "Välj …",
  "home.title": "Välj förbund",
  "home.noAssociation": "Du har ingen roll i något förbund ännu. Kontakta förbundets kansli.",
  "account.name": "Namn",
  "account.totpOff":
    "Tvåstegsverifiering är inte aktiverad för ditt konto. Med den behövs både lösenordet och en kod från din telefon för att logga in.",
  "totp.activate": "Aktivera",
  "totp.qrLabel": "QR-kod att skanna med din autentiseringsapp",
  "invitation.title": "Välj lösenord",
  "invitation.intro": "Välkommen, {name}! Välj ett lösenord för kontot {email}.",
  "invitation.password": "Nytt lösenord",
  "invitation.passwordHint":
    "Minst 12 tecken. Ett par ord i följd är lätt att minnas och svårt att gissa.",
  "invitation.passwordAgain": "Skriv lösenordet igen",
  "invitation.submit": "Spara lösenordet och logga in",
  "invitation.invalid":
    "Länken har redan använts eller gått ut. Be förbundets administratör om en ny inbjudan.",
  "accessibility.title": "Tillgänglighet för Samspår",
  "accessibility.intro":
    "Samspår ska kunna användas av alla, också med skärmläsare, bara tangentbord, förstoring till 200 % och på en smal mobilskärm. Den här redogörelsen beskriver hur tjänsten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service.",
  "accessibility.statusTitle": "Hur tillgänglig är tjänsten?",
  "accessibility.status":
    "Tjänsten är byggd för att uppfylla WCAG 2.1 på nivå AA. Varje sida testas automatiskt med axe och varje flöde går att använda med tangentbordet. Alla formulär fungerar även utan JavaScript.",
  "accessibility.reportTitle": "Rapportera brister",
  "accessibility.report":
    "Om något inte fungerar för dig, kontakta ditt samordningsförbunds kansli. Beskriv vad du försökte göra och på vilken sida, så åtgärdar vi det.",
  "accessibility.enforcementTitle": "Tillsyn",
  "accessibility.enforcement":
    "Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.",
  "overview.welcome": "Välkommen, {name}.",
  "overview.yourRoles": "Dina roller i förbundet",
  "overview.yourInitiatives": "Dina insatser",
  "overview.memberOrganisations":
    "{count, plural, =0 {Inga medlemsorganisationer} one {# medlemsorganisation} other {# medlemsorganisationer}}",
  "initiativeStatus.ansokan": "Ansökan",
  "initiativeStatus.beviljad": "Beviljad",
  "initiativeStatus.pagaende": "Pågående",
  "initiativeStatus.avslutad": "Avslutad",
  "initiativeStatus.avslutad_i_fortid": "Avslutad i förtid",
  "initiativeStatus.avslagen": "Avslagen",
  "org.name": "Namn",
  "org.orgNumber": "Organisationsnummer",
  "org.orgNumberHint": "Tio siffror, till exempel 212000-0142.",
  "org.kind": "Sorts organisation",
  "org.add": "Lägg till medlemsorganisation",
  "org.saved": "Ändringen är sparad.",
  "org.tableCaption":
    "{count, plural, =0 {Inga medlemsorganisationer ännu} one {# medlemsorganisation} other {# medlemsorganisationer}}",
  "people.add": "Lägg till person",
  "people.addIntro":
    "Personen får ett mejl med en länk för att välja lösenord. Finns personen redan i Samspår får hen bara den nya rollen.",
  "people.role": "Roll",
  "people.roles": "Roller",
  "people.initiative": "Insats",
  "people.initiativeHint":
    "Insatsansvarig, styrgruppsledamot och deltagaransvarig gäller en insats. Övriga roller gäller hela förbundet.",
  "people.wholeAssociation": "Hela förbundet",
  "people.invited": "Personen är tillagd och har fått en inbjudan via mejl.",
  "people.roleAdded": "Personen har fått rollen.",
  "people.saved": "Ändringen är sparad.",
  "people.status": "Status",
  "people.active": "Aktiv",
  "people.activeTotp": "Aktiv, tvåstegsverifiering på",
  "people.disabled": "Avstängd",
  "people.revoke": "Ta bort rollen {role}",
  "people.addRole": "Ge en roll till",
  "people.account": "Kontot",
  "people.disable": "Stäng av kontot",
  "people.enable": "Aktivera kontot igen",
  "audit.chainOk":
    "Granskningsloggen är hel: alla {count} händelser har kontrollerats mot sin kedja.",
  "audit.chainBroken": "Varning: granskningsloggen har ändrats. Kedjan bryts vid händelse {seq}.",
  "audit.searchText": "Sök på person, händelse eller objekt",
  "audit.from": "Från och med",
  "audit.to": "Till och med",
  "audit.when": "När",
  "audit.who": "Vem",
  "audit.what": "Händelse",
  "audit.target": "Objekt",
  "audit.details": "Detaljer",
  "audit.older": "Visa äldre händelser",
  "outbox.smtp": "Meddelanden skickas via e-postservern och visas här med sin status.",
  "outbox.noSmtp":
    "Ingen e-postserver är inställd, så meddelanden skickas inte utan stannar här. Kopiera länken i meddelandet till mottagaren.",
  "outbox.to": "Till",
  "outbox.status.queued": "Väntar på att skickas",
  "outbox.status.sent": "Skickat",
  "outbox.status.outbox": "I utkorgen (skickas inte)",
  "outbox.status.failed": "Kunde inte skickas",
  "signIn.oidcFailed":
    "Inloggningen via organisationens konto gick inte att slutföra. Försök igen.",
  "signIn.oidcUnknown":
    "Det finns inget konto i Samspår för den du loggade in som. Be förbundets kansli att lägga till dig.",
} as const;
