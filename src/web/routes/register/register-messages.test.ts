// The register's code lists are shown through the message catalogues (register.code.*): every
// code has its words in Swedish and English, and the Swedish words are exactly those of
// src/register/codes.ts, which the import reads — so a page never shows a code, and never
// words that differ from what a file must hold.
import { describe, expect, it } from "vitest";
import { en } from "../../../platform/i18n/messages/en.ts";
import { sv } from "../../../platform/i18n/messages/sv.ts";
import { CODE_LISTS } from "./register-ui.tsx";

describe("the register's code lists in the catalogues", () => {
  for (const [list, entries] of Object.entries(CODE_LISTS)) {
    it(`${list}: every code in Swedish (as codes.ts says it) and English`, () => {
      for (const [code, label] of Object.entries(entries)) {
        const key = `register.code.${list}.${code}`;
        expect({ key, sv: (sv as Record<string, string>)[key] }).toEqual({ key, sv: label });
        expect((en as Record<string, string>)[key], key).toMatch(/\S/);
      }
    });
  }

  it("has no message for a code that does not exist", () => {
    const known = new Set(
      Object.entries(CODE_LISTS).flatMap(([list, entries]) =>
        Object.keys(entries).map((code) => `register.code.${list}.${code}`),
      ),
    );
    expect(Object.keys(sv).filter((k) => k.startsWith("register.code.") && !known.has(k))).toEqual(
      [],
    );
  });
});
