// Swedish texts of the staff pages for Tyck till: the question sets and the free-text answers; spread into sv.ts.
export const evaluationStaffSv = {} as const;
