// Swedish texts of the application pages (list, view, workflow, history, signing, form settings); spread into sv.ts.
export const applicationPagesSv = {} as const;
