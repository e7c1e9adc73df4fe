// Swedish texts of the staff pages for courses: a page's editor, files and quiz questions; spread into sv.ts.
export const coursePagesSv = {} as const;
