// Dari texts of the portal: Mina uppgifter: what is stored, who read it, downloads. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { myDataSv } from "./my-data.sv.ts";

export const myDataFa: Record<keyof typeof myDataSv, string> = {};
