// Texts of the portal in language "so": Kurser: the course list, reading a chapter, quizzes. Every key of the Swedish catalogue, no other.
import type { coursesSv } from "./courses.sv.ts";

export const coursesSo: Record<keyof typeof coursesSv, string> = {};
