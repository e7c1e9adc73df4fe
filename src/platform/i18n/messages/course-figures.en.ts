// English texts of the staff pages for courses and Tyck till: the protected figures; spread into en.ts.
import type { courseFiguresSv } from "./course-figures.sv.ts";

export const courseFiguresEn: Record<keyof typeof courseFiguresSv, string> = {};
