// Swedish texts of the portal: Min plan. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const planSv = {} as const;
