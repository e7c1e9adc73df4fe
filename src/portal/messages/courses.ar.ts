// Texts of the portal in language "ar": Kurser: the course list, reading a chapter, quizzes. Every key of the Swedish catalogue, no other.
import type { coursesSv } from "./courses.sv.ts";

export const coursesAr: Record<keyof typeof coursesSv, string> = {};
