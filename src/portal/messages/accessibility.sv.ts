// Swedish texts of the portal: the accessibility statement and reporting a problem. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const accessibilitySv = {} as const;
