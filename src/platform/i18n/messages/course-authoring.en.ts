// English texts of the staff pages for courses: writing, translating and publishing; spread into en.ts.
import type { courseAuthoringSv } from "./course-authoring.sv.ts";

export const courseAuthoringEn: Record<keyof typeof courseAuthoringSv, string> = {};
