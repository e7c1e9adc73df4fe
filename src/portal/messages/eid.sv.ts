// Swedish texts of the portal: signing in with e-ID. The source catalogue: every other language
// has exactly these keys (the type says so). Plain language: short sentences, everyday words.
// The reasons match the sign-in page's ?eid= parameter (EID_REASONS in src/portal/eid.ts).
export const eidSv = {
  "portal.eid.reason.avstangd":
    "Det går inte att logga in med e-legitimation just nu. Logga in med en kod från din coach.",
  "portal.eid.reason.misslyckades":
    "Inloggningen med e-legitimation gick inte. Försök igen. Om det inte går, logga in med en kod från din coach.",
  "portal.eid.reason.for-lang-tid": "Inloggningen tog för lång tid. Börja om och försök igen.",
  "portal.eid.reason.avbruten": "Du avbröt inloggningen. Du kan försöka igen när du vill.",
  "portal.eid.reason.inget-konto": "Du har inget konto i portalen. Fråga din coach.",
} as const;
