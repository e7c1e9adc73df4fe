// The draft form's fields and back: a definition survives the round trip through the form in
// every language, Swedish decimal commas are read, rows are added with fresh keys and removed
// with the later ones moved up, and a removed subscale leaves its questions in the total only.
import { describe, expect, it } from "vitest";
import { OFFICER_RATING, SELF_RATING } from "../../../progression/builtin.ts";
import type { InstrumentDefinition } from "../../../progression/model.ts";
import { itemCount, subscaleCount } from "./instrument-fields.ts";
import { addRow, definitionValues, removeRow, valuesDefinition } from "./instrument-form.server.ts";

const self = SELF_RATING.versions[0]?.definition as InstrumentDefinition;

describe("the draft form's fields", () => {
  it("carry a definition there and back, every language included", () => {
    expect(valuesDefinition(definitionValues(self))).toEqual(self);
    const officer = OFFICER_RATING.versions[0]?.definition as InstrumentDefinition;
    expect(valuesDefinition(definitionValues(officer))).toEqual(officer);
    expect(definitionValues(self).min_answered_share).toBe("70");
  });

  it("read Swedish decimal commas and refuse what is not a number", () => {
    const v = { ...definitionValues(self), improvement: "0,5", min_answered_share: "66,7" };
    expect(valuesDefinition(v).scoring).toEqual({
      method: "medel",
      minAnsweredShare: 0.667,
      improvement: 0.5,
    });
    const bad = valuesDefinition({ ...v, improvement: "mycket", scale_min: "1,5" });
    expect(bad.scoring.improvement).toBeNaN();
    expect(bad.scale.min).toBeNaN();
  });

  it("add a row with a key not yet used, and remove one moving the later ones up", () => {
    const v = definitionValues(self);
    const added = addRow(v, "items");
    expect(added && itemCount(added)).toBe(10);
    expect(added?.items_9_key).toBe("fraga_10");
    expect(added?.items_9_text_sv).toBe("");
    const removed = removeRow(v, "items", 0);
    expect(removed && itemCount(removed)).toBe(8);
    expect(removed?.items_0_key).toBe("halsa");
    expect(removed?.items_7_text_ar).toBe(v.items_8_text_ar);
    expect(removed && "items_8_key" in removed).toBe(false);
    expect(removeRow(v, "items", 9)).toBeNull();
  });

  it("leave a removed subscale's questions in the total only", () => {
    const removed = removeRow(definitionValues(self), "subscales", 0);
    if (!removed) throw new Error("not removed");
    expect(subscaleCount(removed)).toBe(2);
    const d = valuesDefinition(removed);
    expect(d.subscales.map((s) => s.key)).toEqual(["tro_mal", "arbetsmarknad"]);
    expect(d.items.slice(0, 4).map((i) => i.subscale)).toEqual([null, null, null, "tro_mal"]);
  });

  it("never count more rows than the limits allow, whatever is posted", () => {
    expect(itemCount({ item_count: "100000" })).toBe(61);
    expect(itemCount({ item_count: "-3" })).toBe(0);
    expect(subscaleCount({ subscale_count: "x" })).toBe(0);
    const full = { ...definitionValues(self), item_count: "60" };
    expect(addRow(full, "items")).toBeNull();
  });
});
