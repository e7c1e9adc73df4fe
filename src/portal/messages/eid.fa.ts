// Dari texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidFa: Record<keyof typeof eidSv, string> = {};
