// Texts of the portal in language "en": Kurser: the course list, reading a chapter, quizzes. Every key of the Swedish catalogue, no other.
import type { coursesSv } from "./courses.sv.ts";

export const coursesEn: Record<keyof typeof coursesSv, string> = {};
