// Swedish texts of the staff pages for courses: writing, translating and publishing; spread into sv.ts.
export const courseAuthoringSv = {} as const;
