// Swedish texts of the portal: signing in with a code or e-ID, signing out, the settings page and
// the message that carries a code. The source catalogue: every other language has exactly these
// keys (the type says so). Plain language: short sentences, everyday words.
export const signInSv = {
  "portal.signIn.title": "Logga in",
  "portal.signIn.intro": "Skriv koden som du har fått av oss.",
  "portal.signIn.codeLabel": "Din kod",
  "portal.signIn.codeHint":
    "Koden har 8 tecken, till exempel ABCD-EFGH. Du kan skriva stora eller små bokstäver.",
  "portal.signIn.submit": "Logga in",
  "portal.signIn.errorTitle": "Det gick inte att logga in",
  "portal.signIn.error.empty": "Skriv din kod i rutan.",
  "portal.signIn.error.unknown":
    "Vi hittar inte koden. Titta på koden igen och skriv den en gång till. Fråga din coach om det inte går.",
  "portal.signIn.error.expired":
    "Koden är för gammal. En kod fungerar i 14 dagar. Fråga din coach om en ny kod.",
  "portal.signIn.error.used":
    "Koden är redan använd. En kod fungerar bara en gång. Fråga din coach om en ny kod.",
  "portal.signIn.error.revoked":
    "Koden fungerar inte längre. Du har fått en nyare kod, eller så är ditt konto stängt. Använd den nya koden eller fråga din coach.",
  "portal.signIn.error.throttled":
    "Du har försökt för många gånger. Vänta {minutes, plural, one {# minut} other {# minuter}} och försök igen.",
  "portal.signIn.sessionEnded":
    "Du blev utloggad eftersom du inte gjorde något på en stund. Logga in igen.",
  "portal.signIn.signedOut": "Du är utloggad. Stäng webbläsaren om datorn är delad.",
  "portal.signIn.closed": "Ditt konto i portalen är stängt. Fråga din coach om du behöver det.",
  "portal.signIn.eidHeading": "Logga in med e-legitimation",
  "portal.signIn.eidIntro":
    "Har du BankID eller en annan e-legitimation? Då kan du logga in med den.",
  "portal.signIn.noCodeHeading": "Har du ingen kod?",
  "portal.signIn.noCodeText":
    "Fråga din coach eller någon annan som du träffar hos oss. De kan ge dig en kod.",
  "portal.signIn.message.subject": "Din kod för att logga in",
  "portal.signIn.message.email":
    "Hej!\n\nHär är din kod för att logga in: {code}\n\nGå till {url} och skriv koden.\nKoden fungerar till och med {date}. Den fungerar bara en gång.\n\nHar du inte bett om en kod? Då behöver du inte göra något.",
  "portal.signIn.message.sms":
    "Din kod för att logga in: {code}. Gå till {url} och skriv koden. Den fungerar till och med {date}.",
  "portal.signIn.print.title": "Din kod för att logga in",
  "portal.signIn.print.step1": "Gå till {url}",
  "portal.signIn.print.step2": "Skriv koden: {code}",
  "portal.signIn.print.step3": "Koden fungerar till och med {date}. Den fungerar bara en gång.",
  "portal.signIn.print.step4": "Logga alltid ut när du är klar.",
  "portal.settings.languageHeading": "Språk",
  "portal.settings.language": "Mitt språk",
  "portal.settings.saveLanguage": "Spara språk",
  "portal.settings.swedishTooHeading": "Svenska också",
  "portal.settings.swedishTooText":
    "Vill du lära dig svenska? Då kan du se texten på svenska under ditt språk.",
  "portal.settings.swedishTooYes": "Ja, visa svenska också",
  "portal.settings.swedishTooNo": "Nej, visa bara mitt språk",
  "portal.settings.saveSwedishToo": "Spara",
  "portal.settings.contactHeading": "Påminnelser",
  "portal.settings.contactIntro":
    "Vi kan påminna dig innan du ska träffa oss. Vi använder din e-post och ditt mobilnummer bara till påminnelser och koder.",
  "portal.settings.email": "E-post",
  "portal.settings.emailHint": "Till exempel namn@exempel.se. Du kan lämna rutan tom.",
  "portal.settings.phone": "Mobilnummer",
  "portal.settings.phoneHint": "Till exempel 070-123 45 67. Du kan lämna rutan tom.",
  "portal.settings.reminders": "Hur vill du få påminnelser?",
  "portal.settings.reminders.epost": "Med e-post",
  "portal.settings.reminders.sms": "Med sms",
  "portal.settings.reminders.ingen": "Jag vill inte ha påminnelser",
  "portal.settings.saveContact": "Spara",
  "portal.settings.errorTitle": "Det gick inte att spara",
  "portal.settings.error.emailFormat": "Skriv e-posten så här: namn@exempel.se.",
  "portal.settings.error.phoneFormat": "Skriv mobilnumret med siffror, till exempel 070-123 45 67.",
  "portal.settings.error.remindersChoice": "Välj hur du vill få påminnelser.",
  "portal.settings.error.remindersNeedEmail":
    "Skriv din e-post om du vill få påminnelser med e-post.",
  "portal.settings.error.remindersNeedPhone":
    "Skriv ditt mobilnummer om du vill få påminnelser med sms.",
  "portal.settings.error.conflict":
    "Dina uppgifter ändrades nyss på ett annat ställe. Titta på dem och spara igen.",
} as const;
