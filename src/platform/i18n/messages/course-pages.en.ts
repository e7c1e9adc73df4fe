// English texts of the staff pages for courses: a page's editor, files and quiz questions; spread into en.ts.
import type { coursePagesSv } from "./course-pages.sv.ts";

export const coursePagesEn: Record<keyof typeof coursePagesSv, string> = {};
