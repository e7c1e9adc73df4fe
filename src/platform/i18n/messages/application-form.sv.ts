// Swedish texts of the application form (new and edit); spread into sv.ts.
export const applicationFormSv = {} as const;
