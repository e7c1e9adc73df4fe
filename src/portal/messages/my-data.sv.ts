// Swedish texts of the portal: Mina uppgifter: what is stored, who read it, downloads. The source catalogue: every other language has
// exactly these keys (the type says so). Plain language: short sentences, everyday words.
export const myDataSv = {} as const;
