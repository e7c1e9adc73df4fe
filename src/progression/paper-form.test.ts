// The paper form read back as text: title, instructions, every item with the numbers of its
// scale and the end labels, the hand-written fields, and the Swedish line under each item when
// the form is printed in another language.
import { describe, expect, it } from "vitest";
import { pdfText, squash } from "../documents/testing.ts";
import { TEST_DEFINITION } from "./measure-fixture.ts";
import { isPaperLanguage, paperFormFileName, renderPaperForm } from "./paper-form.ts";

const base = {
  instrumentName: { sv: "Testskattning", en: "Test rating" },
  versionNumber: 2,
  licence: null,
  definition: TEST_DEFINITION,
  associationName: "Samordningsförbundet Test",
};

describe("the paper form", () => {
  it("has the title, instructions, items with boxes 1–10 and the end labels, in Swedish", async () => {
    const body = await renderPaperForm({ ...base, language: "sv" });
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, info } = await pdfText(body);
    expect(info.Title).toBe("Testskattning (version 2)");
    const text = squash(pages.join(" "));
    for (const expected of [
      "Samordningsförbundet Test",
      "Testskattning (version 2)",
      "Datum",
      "Deltagarkod",
      "Skriv koden du har fått av din coach, inte ditt personnummer.",
      "Ringa in den siffra som passar dig bäst i dag.",
      "Fråga 1. Jag mår bra",
      "Fråga 2. Jag har rutiner",
      "Fråga 3. Jag känner oro",
      "12345678910",
      "1 = Stämmer inte alls",
      "10 = Stämmer helt",
      "Vill inte svara",
      "Sida 1/1",
    ])
      expect(text).toContain(squash(expected));
    expect(text).not.toContain(squash("I feel well"));
  });

  it("prints English with the Swedish text beneath every item", async () => {
    const { pages } = await pdfText(await renderPaperForm({ ...base, language: "en" }));
    const text = squash(pages.join(" "));
    expect(text).toContain(squash("Question 1. I feel well Jag mår bra"));
    expect(text).toContain(squash("Question 3. I feel worried Jag känner oro"));
    expect(text).toContain(squash("Prefer not to answer"));
    expect(text).toContain(squash("1 = Not at all"));
  });

  it("offers only the languages the typeface can print", () => {
    expect(["sv", "en", "so"].every(isPaperLanguage)).toBe(true);
    expect(["ar", "fa", "ti"].some(isPaperLanguage)).toBe(false);
    expect(paperFormFileName("samspar-sjalvskattning", 1, "so")).toBe(
      "blankett-samspar-sjalvskattning-v1-so.pdf",
    );
  });
});
