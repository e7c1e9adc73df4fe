// Reading the participant import file: both separators, BOM, quotes, line endings, XLSX, and every
// kind of problem with its row (as a spreadsheet shows it) and column, in Swedish, never
// repeating a personnummer.
import fs from "node:fs";
import path from "node:path";
import { Workbook } from "@cj-tech-master/excelts";
import { describe, expect, it } from "vitest";
import {
  EDUCATION,
  EXIT_STATUS,
  GENDER,
  OCCUPATION_BEFORE,
  REFERRER,
  SUPPORT,
  TIME_ON_SUPPORT,
} from "./codes.ts";
import { luhnCheckDigit } from "./identity.ts";
import {
  codeOf,
  IMPORT_COLUMNS,
  type ImportProblem,
  MAX_IMPORT_BYTES,
  readParticipantFile,
} from "./import-format.ts";

const TODAY = "2026-11-23";
const HEADER = IMPORT_COLUMNS.join(";");
const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

/** A row with every column; `over` replaces columns by name. */
function line(over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}, sep = ";") {
  const base: Record<string, string> = {
    deltagar_id: "D-1",
    personnummer: "19811218-9876",
    samtycke_datum: "2026-02-01",
    kon: "kvinna",
    fodelsear: "1981",
    kommun: "0380",
    utbildning: "gymnasial",
    forsorjning_fore: "a-kassa|försörjningsstöd",
    tid_offentlig_forsorjning: "1–2 år",
    sysselsattning_fore: "arbetslös",
    remittent: "Arbetsförmedlingen",
    startdatum: "2026-02-01",
    handlingsplan_datum: "2026-03-01",
    slutdatum: "",
    status_vid_avslut: "",
    studier_vid_avslut: "",
    forsorjning_efter: "",
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c] ?? "").join(sep);
}

const csv = (...lines: string[]) => utf8(`${[HEADER, ...lines].join("\r\n")}\r\n`);
const read = (data: Uint8Array, name = "deltagare.csv") =>
  readParticipantFile(data, name, { today: TODAY });

const at = (problems: ImportProblem[], row: number | null, column: string | null) =>
  problems.filter((p) => p.row === row && p.column === column).map((p) => p.message);

describe("reading CSV", () => {
  it("reads ; with a BOM and CRLF, into the register's codes", async () => {
    const parsed = await read(
      utf8(
        `${BOM}${HEADER}\r\n${line()}\r\n${line({
          deltagar_id: "D-2",
          personnummer: "",
          samtycke_datum: "",
          kon: "Man",
          fodelsear: "1999",
          kommun: "",
          utbildning: "",
          forsorjning_fore: "",
          slutdatum: "2026-10-31",
          status_vid_avslut: "arbete, subventionerat",
          studier_vid_avslut: "ja",
          forsorjning_efter: "lön",
        })}\r\n`,
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe("csv");
    expect(parsed.rowCount).toBe(2);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        externalKey: "D-1",
        identity: { canonical: "198112189876", kind: "personnummer", consentedOn: "2026-02-01" },
        gender: "kvinna",
        birthYear: 1981,
        municipalityCode: "0380",
        background: {
          education: "gymnasial",
          supportBefore: ["a_kassa", "forsorjningsstod"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "arbetsformedlingen",
        },
        startDate: "2026-02-01",
        actionPlanDate: "2026-03-01",
        exit: null,
      },
      {
        row: 3,
        externalKey: "D-2",
        identity: null,
        gender: "man",
        birthYear: 1999,
        municipalityCode: null,
        background: {
          education: "uppgift_saknas",
          supportBefore: ["uppgift_saknas"],
          timeOnSupport: "1_2_ar",
          occupationBefore: "arbetslos",
          referrer: "arbetsformedlingen",
        },
        startDate: "2026-02-01",
        actionPlanDate: "2026-03-01",
        exit: {
          endDate: "2026-10-31",
          status: "arbete_subventionerat",
          studies: true,
          supportAfter: ["lon"],
        },
      },
    ]);
  });

  it('reads , with quoted fields, "" escapes, a line break inside quotes, LF and no BOM', async () => {
    const header = IMPORT_COLUMNS.join(",");
    const first = line(
      {
        deltagar_id: '"D ""ett"""',
        status_vid_avslut: '"arbete, ej subventionerat"',
        slutdatum: "2026-06-30",
        forsorjning_efter: '"lön|sjukpenning inkl. rehabiliteringspenning"',
      },
      ",",
    );
    const second = line({ deltagar_id: '"D\n2"', personnummer: "", samtycke_datum: "" }, ",");
    const third = line({ deltagar_id: "D-3", personnummer: "", samtycke_datum: "" }, ",");
    const parsed = await read(utf8(`${header}\n${first}\n${second}\n${third}`));
    // the second record spans two lines of text but is one spreadsheet row: row 3
    expect(parsed.rows.map((r) => [r.row, r.externalKey])).toEqual([
      [2, 'D "ett"'],
      [4, "D-3"],
    ]);
    expect(parsed.rows[0]?.exit).toEqual({
      endDate: "2026-06-30",
      status: "arbete_ej_subventionerat",
      studies: false,
      supportAfter: ["lon", "sjukpenning"],
    });
    expect(at(parsed.problems, 3, "deltagar_id")[0]).toMatch(/styrtecken/);
  });

  it("reads a quote inside a value as text, text after a closing quote, CR line ends and a last separator", async () => {
    const rows = [
      line({ deltagar_id: '"D"-4', personnummer: "", samtycke_datum: "" }),
      line({ deltagar_id: 'D"5', personnummer: "", samtycke_datum: "" }),
      `${line({ deltagar_id: "D-6", personnummer: "", samtycke_datum: "" })};`,
    ];
    const parsed = await read(utf8(`${HEADER}\r${rows.join("\r")}`));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.externalKey])).toEqual([
      [2, "D-4"],
      [3, 'D"5'],
      [4, "D-6"],
    ]);
  });

  it("takes the separator from the header line, even when values hold the other one", async () => {
    const parsed = await read(
      csv(line({ status_vid_avslut: "arbete, ej subventionerat", slutdatum: "2026-05-01" })),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.exit?.status).toBe("arbete_ej_subventionerat");
  });

  it("skips empty lines and rows of empty cells, and short lines mean empty trailing cells", async () => {
    const short = line().split(";").slice(0, 13).join(";");
    const parsed = await read(csv("", ";;;;;;;;;;;;;;;;", short));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rowCount).toBe(1);
    expect(parsed.rows[0]?.row).toBe(4);
  });

  it("refuses a file that is not UTF-8, with how to save it", async () => {
    const latin1 = Buffer.from(
      `${HEADER}\nD-1;;;kvinna;1990;0380;förgymnasial 9 år (grundskola)`,
      "latin1",
    );
    const parsed = await read(new Uint8Array(latin1));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        row: null,
        column: null,
        message: expect.stringMatching(/inte sparad som UTF-8.*CSV UTF-8/),
      },
    ]);
  });

  it("refuses an unterminated quote at the row where it opens", async () => {
    const parsed = await read(csv(line(), line({ deltagar_id: '"D-2' })));
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems).toEqual([
      { row: 3, column: null, message: expect.stringMatching(/citattecken.*aldrig avslutas/i) },
    ]);
  });

  it("says when a row uses another separator than the header", async () => {
    const parsed = await read(csv(line({}, ",")));
    expect(at(parsed.problems, 2, null)[0]).toMatch(/bara en kolumn.*semikolon/);
  });

  it("refuses values after the last column", async () => {
    const parsed = await read(csv(`${line()};extra`));
    expect(at(parsed.problems, 2, null)[0]).toMatch(/ett värde efter den sista kolumnen/);
    expect(parsed.rows).toEqual([]);
  });

  it("refuses empty files, a header alone, old .xls, fake .xlsx and too large files", async () => {
    const only = async (data: Uint8Array, name?: string) =>
      (await read(data, name)).problems.map((p) => p.message);
    expect(await only(new Uint8Array())).toEqual([expect.stringMatching(/tom/)]);
    expect(await only(utf8(`${BOM}\r\n`))).toEqual([expect.stringMatching(/tom/)]);
    expect(await only(csv())).toEqual([expect.stringMatching(/inga deltagare/)]);
    expect(await only(utf8("hej"), "a.xls")).toEqual([expect.stringMatching(/\.xls/)]);
    expect(await only(utf8(HEADER), "a.xlsx")).toEqual([
      expect.stringMatching(/ingen Excel-arbetsbok/),
    ]);
    expect(await only(new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual([
      expect.stringContaining(`största tillåtna storlek är ${MAX_IMPORT_BYTES / 1024 / 1024} MB`),
    ]);
    expect(await only(utf8("deltagar_id\nD-1"))).toEqual([
      expect.stringMatching(/bara en kolumn.*semikolon \(;\) eller komma/),
    ]);
  });
});

describe("the header", () => {
  const header = async (names: string[]) =>
    (await read(utf8(`${names.join(";")}\n${line()}\n`))).problems;
  const columns = [...IMPORT_COLUMNS] as string[];

  it("accepts case and surrounding spaces", async () => {
    expect(await header(columns.map((c) => ` ${c.toUpperCase()} `))).toEqual([]);
  });

  it("names a misspelt column and what it should be", async () => {
    const names = [...columns];
    names[3] = "kön";
    expect(await header(names)).toEqual([
      { row: 1, column: "kon", message: "Kolumn D heter ”kön” men ska heta ”kon”." },
    ]);
  });

  it("names a missing column and where it should be", async () => {
    const names = columns.filter((c) => c !== "forsorjning_efter");
    expect(await header(names)).toEqual([
      {
        row: 1,
        column: "forsorjning_efter",
        message:
          "Kolumnen ”forsorjning_efter” saknas. Den ska stå som kolumn Q, efter ”studier_vid_avslut”.",
      },
    ]);
    const withoutKon = columns.filter((c) => c !== "kon");
    expect((await header(withoutKon)).map((p) => p.column)).toEqual(["kon"]);
  });

  it("names an extra column, a duplicate and a column without heading", async () => {
    expect(await header([...columns, "namn"])).toEqual([
      {
        row: 1,
        column: "namn",
        message: expect.stringMatching(/^Kolumn R ”namn” hör inte till formatet\. Ta bort den/),
      },
    ]);
    expect((await header([...columns, "kon"])).map((p) => [p.column, p.message])).toEqual([
      ["kon", "Rubriken ”kon” finns två gånger (kolumn D och kolumn R). Ta bort den ena kolumnen."],
    ]);
    const blank = [...columns];
    blank[4] = "";
    expect(await header(blank)).toEqual([
      { row: 1, column: "fodelsear", message: "Kolumn E saknar rubrik. Den ska heta ”fodelsear”." },
    ]);
  });

  it("names columns in the wrong order", async () => {
    const names = [...columns];
    [names[3], names[4]] = [names[4] as string, names[3] as string];
    const problems = await header(names);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, "kon"],
      [1, "fodelsear"],
    ]);
    expect(problems[0]?.message).toMatch(
      /^Kolumn D ska vara ”kon” men är ”fodelsear”\. Kolumnerna ska stå i ordningen/,
    );
  });
});

describe("every row's problems, with row and column", () => {
  const problemsOf = async (...lines: string[]) => (await read(csv(...lines))).problems;

  it("a wrong personnummer, with identity.ts's message and never the number", async () => {
    const problems = await problemsOf(line({ personnummer: "19811218-9877" }));
    expect(problems).toEqual([
      {
        row: 2,
        column: "personnummer",
        message: expect.stringMatching(/^Kontrollsiffran stämmer inte/),
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain("9877");
    const date = await problemsOf(
      line(),
      line({ deltagar_id: "D-2", personnummer: "811318-9876" }),
    );
    expect(at(date, 3, "personnummer")[0]).toMatch(/månaden/);
  });

  it("a personnummer without consent is refused; consent without personnummer too", async () => {
    expect(await problemsOf(line({ samtycke_datum: "" }))).toEqual([
      {
        row: 2,
        column: "samtycke_datum",
        message: expect.stringMatching(
          /^Ett personnummer kräver samtycke.*lämna personnummer tomt så registreras deltagaren anonymt/,
        ),
      },
    ]);
    expect(await problemsOf(line({ personnummer: "" }))).toEqual([
      { row: 2, column: "samtycke_datum", message: expect.stringMatching(/personnummer är tomt/) },
    ]);
  });

  it("unknown code words, listing the allowed words", async () => {
    const problems = await problemsOf(
      line({
        kon: "kvina",
        utbildning: "högskola",
        forsorjning_fore: "lön|bidrag",
        tid_offentlig_forsorjning: "länge",
        sysselsattning_fore: "jobbar",
        remittent: "AF",
      }),
    );
    expect(at(problems, 2, "kon")).toEqual([
      "”kvina” är inget tillåtet värde. Skriv ett av: ”kvinna”, ”man”, ”annan (icke-binär)”, ”vill ej ange”, ”uppgift saknas”.",
    ]);
    expect(at(problems, 2, "utbildning")[0]).toMatch(
      /”högskola”.*”eftergymnasial 3 år eller längre”/,
    );
    expect(at(problems, 2, "forsorjning_fore")[0]).toMatch(
      /^”bidrag” är inget tillåtet värde\. Skriv ett eller flera av ”lön”.*med \| mellan/,
    );
    expect(at(problems, 2, "tid_offentlig_forsorjning")[0]).toMatch(/”länge”.*”under 1 år”/);
    expect(at(problems, 2, "sysselsattning_fore")[0]).toMatch(/”jobbar”.*”arbetslös”/);
    expect(at(problems, 2, "remittent")[0]).toMatch(/”AF”.*”Arbetsförmedlingen”/);
    expect(problems).toHaveLength(6);
  });

  it("ingen and uppgift saknas stand alone among the försörjningar", async () => {
    const problems = await problemsOf(line({ forsorjning_fore: "ingen|lön" }));
    expect(at(problems, 2, "forsorjning_fore")[0]).toMatch(/”ingen” kan inte kombineras/);
  });

  it("dates: form, existence, the future, slutdatum before startdatum", async () => {
    const problems = await problemsOf(
      line({ startdatum: "1/2/2026" }),
      line({ deltagar_id: "D-2", handlingsplan_datum: "2026-02-30" }),
      line({ deltagar_id: "D-3", samtycke_datum: "2027-01-01" }),
      line({ deltagar_id: "D-4", slutdatum: "2026-01-15", status_vid_avslut: "flyttat" }),
      line({ deltagar_id: "D-5", startdatum: "" }),
    );
    expect(at(problems, 2, "startdatum")).toEqual([
      "”1/2/2026” är inget datum i formen ÅÅÅÅ-MM-DD. Skriv till exempel 2026-03-01.",
    ]);
    expect(at(problems, 3, "handlingsplan_datum")[0]).toMatch(/2026-02-30 finns inte/);
    expect(at(problems, 4, "samtycke_datum")[0]).toMatch(/2027-01-01 ligger i framtiden/);
    expect(at(problems, 5, "slutdatum")).toEqual([
      "slutdatum 2026-01-15 ligger före startdatum 2026-02-01. Kontrollera båda datumen.",
    ]);
    expect(at(problems, 6, "startdatum")[0]).toMatch(/^startdatum saknas/);
    expect(problems).toHaveLength(5);
  });

  it("status_vid_avslut without slutdatum and vice versa; exit columns only with an exit", async () => {
    const problems = await problemsOf(
      line({ status_vid_avslut: "studier" }),
      line({ deltagar_id: "D-2", slutdatum: "2026-06-01" }),
      line({ deltagar_id: "D-3", studier_vid_avslut: "ja", forsorjning_efter: "lön" }),
      line({ deltagar_id: "D-4", slutdatum: "2026-06-01", status_vid_avslut: "gick hem" }),
      line({
        deltagar_id: "D-5",
        slutdatum: "2026-06-01",
        status_vid_avslut: "studier",
        studier_vid_avslut: "nej",
      }),
      line({
        deltagar_id: "D-6",
        slutdatum: "2026-06-01",
        status_vid_avslut: "flyttat",
        studier_vid_avslut: "kanske",
      }),
    );
    expect(at(problems, 2, "slutdatum")[0]).toMatch(
      /^slutdatum saknas men status_vid_avslut är ifylld/,
    );
    expect(at(problems, 3, "status_vid_avslut")[0]).toMatch(
      /^status_vid_avslut saknas men slutdatum är ifyllt/,
    );
    expect(at(problems, 4, "studier_vid_avslut")[0]).toMatch(/hör till avslutet/);
    expect(at(problems, 4, "forsorjning_efter")[0]).toMatch(/hör till avslutet/);
    expect(at(problems, 5, "status_vid_avslut")[0]).toMatch(
      /^”gick hem” är ingen tillåten status\. Skriv en av: .*”felregistrering”/,
    );
    expect(at(problems, 6, "studier_vid_avslut")[0]).toMatch(
      /Statusen är studier men studier_vid_avslut är nej/,
    );
    expect(at(problems, 7, "studier_vid_avslut")[0]).toMatch(/Skriv ja eller nej/);
    expect(problems).toHaveLength(7);
  });

  it("deltagar_id: missing, a duplicate in the file, a personnummer, too long", async () => {
    const problems = await problemsOf(
      line({ deltagar_id: "" }),
      line({ deltagar_id: "D-7" }),
      line({ deltagar_id: "D-7" }),
      line({ deltagar_id: "811218-9876" }),
      line({ deltagar_id: "x".repeat(65) }),
    );
    expect(at(problems, 2, "deltagar_id")[0]).toMatch(/^deltagar_id saknas/);
    expect(at(problems, 4, "deltagar_id")).toEqual([
      "deltagar_id ”D-7” finns redan på rad 3. Varje inskrivning ska ha ett eget deltagar_id.",
    ]);
    expect(at(problems, 5, "deltagar_id")).toEqual([
      "deltagar_id ser ut som ett personnummer. Använd insatsens eget id (till exempel D-0017); personnumret hör hemma i kolumnen personnummer.",
    ]);
    expect(at(problems, 6, "deltagar_id")[0]).toMatch(/65 tecken/);
    expect(problems).toHaveLength(4);
  });

  it("fodelsear and kommun", async () => {
    const problems = await problemsOf(
      line({ fodelsear: "81" }),
      line({ deltagar_id: "D-2", fodelsear: "1982" }),
      line({ deltagar_id: "D-3", personnummer: "", samtycke_datum: "", fodelsear: "2027" }),
      line({ deltagar_id: "D-4", kommun: "380" }),
      line({ deltagar_id: "D-5", kommun: "9999" }),
    );
    expect(at(problems, 2, "fodelsear")[0]).toMatch(/”81” är inget födelseår/);
    expect(at(problems, 3, "fodelsear")[0]).toMatch(/stämmer inte med personnumret/);
    expect(at(problems, 4, "fodelsear")[0]).toMatch(/2027 är inte möjligt/);
    expect(at(problems, 5, "kommun")[0]).toMatch(/”380” är ingen kommunkod.*0380 för Uppsala/);
    expect(at(problems, 6, "kommun")[0]).toMatch(/länskod/);
    expect(problems).toHaveLength(5);
  });

  it("the rules of the register: consent by the start, age 15–100, action plan within the enrollment, studies only with work", async () => {
    const problems = await problemsOf(
      line({ samtycke_datum: "2026-02-02" }),
      line({ deltagar_id: "D-2", personnummer: "", samtycke_datum: "", fodelsear: "2015" }),
      line({ deltagar_id: "D-3", personnummer: "19121212-1212", fodelsear: "" }),
      line({ deltagar_id: "D-4", handlingsplan_datum: "2026-01-31" }),
      line({ deltagar_id: "D-5", slutdatum: "2026-02-15", status_vid_avslut: "flyttat" }),
      line({
        deltagar_id: "D-6",
        slutdatum: "2026-06-01",
        status_vid_avslut: "flyttat",
        studier_vid_avslut: "ja",
      }),
      line({
        deltagar_id: "D-7",
        slutdatum: "2026-06-01",
        status_vid_avslut: "eget företag",
        studier_vid_avslut: "ja",
      }),
    );
    expect(at(problems, 2, "samtycke_datum")[0]).toMatch(
      /^Samtycket \(2026-02-02\) ska vara lämnat senast på startdagen \(2026-02-01\)/,
    );
    expect(at(problems, 3, "fodelsear")).toEqual([
      "Födelseåret 2015 ger åldern 11 år vid startdatum 2026-02-01. En deltagare är 15–100 år: kontrollera födelseåret och startdatumet.",
    ]);
    expect(at(problems, 4, "personnummer")[0]).toMatch(
      /^Födelseåret 1912 \(från personnumret\) ger åldern 114 år/,
    );
    expect(at(problems, 5, "handlingsplan_datum")[0]).toMatch(/inte före startdatum 2026-02-01/);
    expect(at(problems, 6, "handlingsplan_datum")[0]).toMatch(/senast slutdatum 2026-02-15/);
    expect(at(problems, 7, "studier_vid_avslut")[0]).toMatch(
      /^Studier kan bara kombineras med arbete, inte med statusen ”flyttat”/,
    );
    expect(problems).toHaveLength(6);
    expect(JSON.stringify(problems)).not.toMatch(/1212-1212|121212/);
  });

  it("takes the birth year from the personnummer when fodelsear is empty", async () => {
    const parsed = await read(csv(line({ fodelsear: "", personnummer: "701063-2391" })));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      birthYear: 1970,
      identity: { canonical: "197010632391", kind: "samordningsnummer" },
    });
  });

  it("collects problems of every row and keeps the valid rows", async () => {
    const parsed = await read(
      csv(
        line(),
        line({ deltagar_id: "D-2", kon: "?" }),
        line({ deltagar_id: "D-3", personnummer: "", samtycke_datum: "" }),
      ),
    );
    expect(parsed.rows.map((r) => r.externalKey)).toEqual(["D-1", "D-3"]);
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([[3, "kon"]]);
  });
});

describe("code words", () => {
  it("forgive a hyphen for the en dash, missing punctuation, case and the code itself", () => {
    expect(codeOf(TIME_ON_SUPPORT, "1-2 år")).toBe("1_2_ar");
    expect(codeOf(TIME_ON_SUPPORT, "Mer än 3 år")).toBe("mer_an_3_ar");
    expect(codeOf(SUPPORT, "sjukpenning inkl rehabiliteringspenning")).toBe("sjukpenning");
    expect(codeOf(SUPPORT, "A-KASSA")).toBe("a_kassa");
    expect(codeOf(SUPPORT, "a_kassa")).toBe("a_kassa");
    expect(codeOf(SUPPORT, "bidrag")).toBeUndefined();
  });
});

describe("reading XLSX", () => {
  async function workbook(rows: unknown[][], options: { sheetFirst?: string } = {}) {
    const wb = new Workbook();
    const ws = wb.addWorksheet(options.sheetFirst ?? "Deltagare");
    ws.addRow([...IMPORT_COLUMNS]);
    for (const row of rows) ws.addRow(row);
    wb.addWorksheet("Annat").addRow(["inte", "läst"]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("reads the first sheet: dates, numbers, booleans, rich text, formulas and lost leading zeros", async () => {
    // born 2005: typed without a dash, a spreadsheet keeps it as the number 50312987x
    const nine = "050312987";
    const born2005 = Number(`${nine}${luhnCheckDigit(nine)}`);
    const data = await workbook([
      [
        1001,
        born2005,
        new Date(Date.UTC(2026, 1, 1)),
        "kvinna",
        null,
        380,
        "gymnasial",
        "lön",
        "under 1 år",
        "studerar",
        "kommun",
        new Date(Date.UTC(2026, 1, 1)),
        null,
        new Date(Date.UTC(2026, 9, 30)),
        "studier",
        true,
        "studiemedel",
      ],
      [
        "D-2",
        "19640823-3234",
        "2026-03-01",
        { richText: [{ text: "ma" }, { text: "n" }] },
        { formula: "1960+4", result: 1964 },
        "1480",
        "",
        "",
        "",
        "",
        "",
        "2026-03-02",
      ],
      ["D-3", "", "", "kvinna", 1990, 380, "", "", "", "", "", "2026-13-01"],
    ]);
    const parsed = await read(data, "deltagare.xlsx");
    expect(parsed.format).toBe("xlsx");
    expect(parsed.problems).toEqual([
      {
        row: 4,
        column: "startdatum",
        message: "Datumet 2026-13-01 finns inte. Kontrollera år, månad och dag.",
      },
    ]);
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        row: 2,
        externalKey: "1001",
        identity: {
          canonical: `20${nine}${luhnCheckDigit(nine)}`,
          kind: "personnummer",
          consentedOn: "2026-02-01",
        },
        birthYear: 2005,
        municipalityCode: "0380",
        startDate: "2026-02-01",
        exit: {
          endDate: "2026-10-30",
          status: "studier",
          studies: true,
          supportAfter: ["studiemedel"],
        },
      }),
      expect.objectContaining({
        row: 3,
        externalKey: "D-2",
        identity: { canonical: "196408233234", kind: "personnummer", consentedOn: "2026-03-01" },
        gender: "man",
        birthYear: 1964,
        municipalityCode: "1480",
        startDate: "2026-03-02",
        exit: null,
      }),
    ]);
  });

  it("names header problems of a workbook like a CSV's, and recognises it without the .xlsx name", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Blad1").addRow(IMPORT_COLUMNS.map((c) => (c === "remittent" ? "remiss" : c)));
    const parsed = await read(new Uint8Array(await wb.xlsx.writeBuffer()), "upload.bin");
    expect(parsed.format).toBe("xlsx");
    expect(parsed.problems).toEqual([
      { row: 1, column: "remittent", message: "Kolumn K heter ”remiss” men ska heta ”remittent”." },
    ]);
  });

  it("refuses a broken workbook", async () => {
    const parsed = await read(utf8("PK\u0003\u0004 nothing more"), "a.xlsx");
    expect(parsed.problems[0]?.message).toMatch(/går inte att läsa som Excel-arbetsbok/);
  });
});

describe("the documentation", () => {
  const doc = fs.readFileSync(
    path.resolve(import.meta.dirname, "../../docs/formats/participant-import.md"),
    "utf8",
  );

  it("lists every column and every allowed word with its code", () => {
    for (const column of IMPORT_COLUMNS) expect(doc).toContain(`| \`${column}\` |`);
    expect(doc).toContain(IMPORT_COLUMNS.join(";"));
    for (const entries of [
      GENDER,
      EDUCATION,
      SUPPORT,
      TIME_ON_SUPPORT,
      OCCUPATION_BEFORE,
      REFERRER,
      EXIT_STATUS,
    ])
      for (const [code, word] of Object.entries(entries))
        expect(doc).toContain(`| ${word} | \`${code}\` |`);
  });
});

describe("the documented example file", () => {
  it("is valid, with five participants", async () => {
    const file = path.resolve(
      import.meta.dirname,
      "../../docs/formats/participant-import-example.csv",
    );
    const parsed = await read(new Uint8Array(fs.readFileSync(file)));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toHaveLength(5);
  });
});
