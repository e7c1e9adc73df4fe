// Swedish texts of the staff pages for courses and Tyck till: the protected figures; spread into sv.ts.
export const courseFiguresSv = {} as const;
