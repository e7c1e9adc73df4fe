// English texts of the staff pages for courses: the preview of the draft; spread into en.ts.
import type { coursePreviewSv } from "./course-preview.sv.ts";

export const coursePreviewEn: Record<keyof typeof coursePreviewSv, string> = {};
