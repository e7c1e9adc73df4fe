// Swedish organisationsnummer: ten digits, written NNNNNN-NNNN, with a Luhn check digit.
import { luhnValid } from "../platform/luhn.ts";

export type OrgNumberCheck = { ok: true; value: string } | { ok: false; problem: string };

export function checkOrgNumber(raw: string): OrgNumberCheck {
  const compact = raw.replace(/[\s-]/g, "");
  if (!compact)
    return { ok: false, problem: "Fyll i organisationsnumret, till exempel 212000-0142." };
  if (!/^\d{10}$/.test(compact)) {
    return {
      ok: false,
      problem: "Organisationsnumret ska ha tio siffror, till exempel 212000-0142.",
    };
  }
  if (!luhnValid(compact)) {
    return {
      ok: false,
      problem:
        "Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel. Kontrollera siffrorna.",
    };
  }
  return { ok: true, value: `${compact.slice(0, 6)}-${compact.slice(6)}` };
}
