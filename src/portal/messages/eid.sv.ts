// Swedish texts of the portal: signing in with e-ID. The source catalogue: every other language
// has exactly these keys (the type says so).
export const eidSv = {} as const;
