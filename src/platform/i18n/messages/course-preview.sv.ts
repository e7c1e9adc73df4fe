// Swedish texts of the staff pages for courses: the preview of the draft; spread into sv.ts.
export const coursePreviewSv = {} as const;
