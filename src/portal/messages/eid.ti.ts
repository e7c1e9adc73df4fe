// Tigrinya texts of the portal: signing in with e-ID. Every key of the Swedish catalogue.
import type { eidSv } from "./eid.sv.ts";

export const eidTi: Record<keyof typeof eidSv, string> = {};
