// The texts of Min plan and Mina uppgifter in all six portal languages: every key written (not
// empty, not the Swedish copied), every message a valid ICU message in its language, and the
// numbers in the right plural form (Arabic has six).
import { describe, expect, it } from "vitest";
import { PORTAL_LOCALES } from "./locales.ts";
import { PORTAL_CATALOGUES, type PortalKey, portalSv } from "./messages/index.ts";
import { createPortalTranslator } from "./translate.ts";

const KEYS = (Object.keys(portalSv) as PortalKey[]).filter(
  (k) => k.startsWith("portal.plan.") || k.startsWith("portal.myData."),
);

describe("the texts of Min plan and Mina uppgifter", () => {
  it("are written in every language and format without errors", () => {
    expect(KEYS.length).toBeGreaterThan(100);
    for (const locale of PORTAL_LOCALES) {
      const t = createPortalTranslator(locale);
      for (const key of KEYS) {
        const own = PORTAL_CATALOGUES[locale][key];
        expect(own, `${locale} ${key}`).toBeTruthy();
        const text = t(key, {
          count: 3,
          done: 1,
          months: 24,
          date: "1 december 2026",
          time: "09:30",
          number: 2,
          title: "X",
          initiative: "Y",
          organisation: "Z",
          version: "2026:1",
          action: "A",
        });
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(text).not.toMatch(/[{}]/);
      }
    }
    // the words the participant reads are not left in Swedish (proper names and formats aside)
    const same = KEYS.filter(
      (k) => PORTAL_CATALOGUES.ar[k] === portalSv[k] && !/^\{[^}]*\}/.test(portalSv[k]),
    );
    expect(same).toEqual([]);
  });

  it("uses the plural forms of each language", () => {
    const ar = createPortalTranslator("ar");
    expect(ar("portal.plan.count", { count: 2, done: 1 })).toBe(
      "في الخطة خطوتان. انتهت خطوة واحدة.",
    );
    expect(ar("portal.plan.count", { count: 5, done: 0 })).toBe(
      "في الخطة 5 خطوات. لم تنتهِ أي خطوة بعد.",
    );
    expect(ar("portal.myData.why.retention", { months: 24 })).toContain("بعد 24 شهرًا");
    const en = createPortalTranslator("en");
    expect(en("portal.plan.count", { count: 1, done: 1 })).toBe("The plan has 1 step. 1 is done.");
    expect(en("portal.plan.count", { count: 4, done: 2 })).toBe(
      "The plan has 4 steps. 2 are done.",
    );
    const sv = createPortalTranslator("sv");
    expect(sv("portal.myData.why.retention", { months: 1 })).toContain("raderas 1 månad efter");
  });
});
