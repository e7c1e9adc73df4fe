// Swedish texts of the portal: Stöd: the support guides. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const supportSv = {} as const;
