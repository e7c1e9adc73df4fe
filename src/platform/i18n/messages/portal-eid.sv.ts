// Swedish texts of the staff pages for the portal: the association's e-ID broker settings; spread into sv.ts.
export const portalEidSv = {
  "portalStaff.eid.nav": "E-legitimation i portalen",
  "portalStaff.eid.title": "E-legitimation i deltagarportalen",
  "portalStaff.eid.intro":
    "Deltagare kan logga in i portalen med BankID eller annan svensk e-legitimation. Det går via en e-legitimationstjänst (en OpenID Connect-broker) som förbundet har avtal med. Bara deltagare som redan har ett portalkonto kommer in: personnumret från e-legitimationen jämförs med registret.",
  "portalStaff.eid.statusOn":
    "E-legitimation är påslagen. Deltagarna ser knappen ”{label}” på inloggningssidan.",
  "portalStaff.eid.statusOff": "E-legitimation är avstängd. Deltagarna loggar in med kod.",
  "portalStaff.eid.statusNone":
    "E-legitimation är inte inställd än. Fyll i uppgifterna från e-legitimationstjänsten.",
  "portalStaff.eid.lastSaved": "Senast sparad {when} av {name}.",
  "portalStaff.eid.redirectTitle": "Adress att registrera hos e-legitimationstjänsten",
  "portalStaff.eid.redirectHint":
    "Ge den här adressen till e-legitimationstjänsten som tillåten återvändsadress (redirect URI). Inloggningen fungerar inte utan den.",
  "portalStaff.eid.formTitle": "Inställningar",
  "portalStaff.eid.enabled": "Låt deltagare logga in med e-legitimation",
  "portalStaff.eid.enabledHint":
    "Stäng av om tjänsten har problem. Deltagarna kan fortfarande logga in med kod.",
  "portalStaff.eid.issuer": "Utfärdarens adress (issuer)",
  "portalStaff.eid.issuerHint":
    "Adressen e-legitimationstjänsten anger som issuer, till exempel https://eid.example.se. Den måste börja med https://.",
  "portalStaff.eid.clientId": "Klient-id (client id)",
  "portalStaff.eid.clientSecret": "Klienthemlighet (client secret)",
  "portalStaff.eid.clientSecretHintNew":
    "Hemligheten som e-legitimationstjänsten gav er. Den sparas krypterad.",
  "portalStaff.eid.clientSecretHintKept":
    "En hemlighet är sparad och visas aldrig. Lämna fältet tomt för att behålla den, eller skriv en ny för att byta.",
  "portalStaff.eid.scopes": "Scope som begärs",
  "portalStaff.eid.scopesHint":
    "Åtskilda med mellanslag. openid läggs alltid till. Vissa tjänster lämnar personnumret bara under ett eget scope (till exempel Frejas personalIdentityNumber eller Signicats nin) – se tjänstens dokumentation.",
  "portalStaff.eid.claim": "Fält med personnumret (claim)",
  "portalStaff.eid.claimHint":
    "Namnet på det fält där tjänsten skickar personnumret. Tomt betyder personal_number. Tjänsterna skiljer sig åt; fråga leverantören.",
  "portalStaff.eid.label": "Text på knappen",
  "portalStaff.eid.labelHint":
    "Vad deltagarna ser på inloggningssidan, till exempel BankID. Tomt betyder BankID.",
  "portalStaff.eid.save": "Spara inställningarna",
  "portalStaff.eid.saved": "Inställningarna för e-legitimation är sparade.",
  "portalStaff.eid.conflictHelp": "Ladda om sidan för att se de senaste inställningarna.",
  "portalStaff.eid.reload": "Ladda om sidan",
  "portalStaff.eid.testTitle": "Testa",
  "portalStaff.eid.testHint":
    "Kontrollera först att e-legitimationstjänsten svarar på de sparade uppgifterna. Testa sedan hela inloggningen: öppna länken nedan i ett privat fönster och logga in med din egen e-legitimation. Har du inget portalkonto säger portalen att du saknar konto – då fungerar kopplingen.",
  "portalStaff.eid.testButton": "Testa anslutningen",
  "portalStaff.eid.testOk": "Anslutningen fungerar: e-legitimationstjänsten {issuer} svarar.",
  "portalStaff.eid.testFailed":
    "E-legitimationstjänsten svarar inte som den ska. Kontrollera utfärdarens adress och försök igen. Tekniskt fel: {message}",
  "portalStaff.eid.testLink": "Öppna inloggningen med e-legitimation",
} as const;
