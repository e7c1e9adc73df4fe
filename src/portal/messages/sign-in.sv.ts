// Swedish texts of the portal: signing in with a code or e-ID, signing out. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const signInSv = {} as const;
