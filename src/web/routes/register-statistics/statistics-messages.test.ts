// The texts of the participant statistics and the access log come from the catalogues in both
// languages: every table, figure and share of src/register/aggregates.ts has its Swedish and
// English text (a missing key would come out as the key itself), and every field the access
// log names has its words, the Swedish ones the same as the register's own.
import { describe, expect, it } from "vitest";
import { en } from "../../../platform/i18n/messages/en.ts";
import { sv } from "../../../platform/i18n/messages/sv.ts";
import { ACCESS_FIELD_LABELS } from "../../../register/access-log.ts";
import { statisticsTexts } from "../../../register/aggregates.ts";

const PERIOD_KEYS = ["2026", "2026-H1", "2026-T2", "2026-K3"];

describe("the statistics' texts", () => {
  for (const locale of ["sv", "en"] as const) {
    it(`are all in the ${locale} catalogue: no key comes out as itself`, () => {
      const texts = statisticsTexts(locale, PERIOD_KEYS);
      const all = [
        ...texts.notes,
        ...texts.tables.flatMap((table) => [
          table.title,
          table.definition,
          ...table.rows.flatMap((r) => [r.label, r.definition]),
        ]),
        ...texts.shares.flatMap((s) => [s.label, s.definition]),
      ];
      expect(all.length).toBeGreaterThan(250);
      for (const text of all) {
        expect(text).not.toMatch(/registerFigures\.|register\.code\.|\{|\}/);
        expect(text.trim()).not.toBe("");
      }
      // every definition is a sentence
      for (const table of texts.tables)
        for (const r of table.rows) expect(r.definition).toMatch(/^[A-ZÅÄÖ].{15,}\.$/s);
    });
  }

  it("are English in English: no table title, label or share is left in Swedish", () => {
    const swedish = statisticsTexts("sv", PERIOD_KEYS);
    const english = statisticsTexts("en", PERIOD_KEYS);
    expect(english.tables.map((t) => t.key)).toEqual(swedish.tables.map((t) => t.key));
    english.tables.forEach((table, i) => {
      const other = swedish.tables[i];
      expect(table.title).not.toBe(other?.title);
      expect(table.rows.map((r) => r.key)).toEqual(other?.rows.map((r) => r.key));
      table.rows.forEach((r, k) => {
        expect(r.definition).not.toBe(other?.rows[k]?.definition);
        // the same words in both languages only where they are names ("ISCED 0–2", "2026-K1")
        // or the same word ("region")
        if (!/^(ISCED|\d{4}|region$)/.test(r.label))
          expect(r.label).not.toBe(other?.rows[k]?.label);
      });
    });
    expect(english.shares.map((s) => s.label)).not.toContain(swedish.shares[0]?.label);
    expect(JSON.stringify(english)).not.toMatch(/[åäöÅÄÖ]/);
  });

  it("name every field of the access log, in Swedish as the register does and in English", () => {
    for (const [field, label] of Object.entries(ACCESS_FIELD_LABELS)) {
      const key = `registerLog.field.${field}` as keyof typeof sv;
      expect([field, sv[key]]).toEqual([field, label]);
      expect(en[key]).toBeTruthy();
      expect(en[key]).not.toBe(label);
    }
  });
});
