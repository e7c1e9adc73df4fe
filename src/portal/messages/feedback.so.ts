// Texts of the portal in language "so": Tyck till: the short check and the exit survey. Every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackSo: Record<keyof typeof feedbackSv, string> = {};
