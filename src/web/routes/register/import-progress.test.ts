// The import page's progress route through the whole HTTP application (needs the web build:
// `npx react-router build`), on the demo association: a long file's check answered as a stream
// of progress lines and then the page's own result; the import the same way, stopped and rolled
// back when its reader goes away; the same file twice never duplicating anyone; and the same
// gates as the page's own action — the CSRF token, the participant officer only, the size limit.
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/database.ts";
import { todayInSweden } from "../../../applications/workflow.ts";
import { addDays } from "../../../demo/demo-time.ts";
import { initiatives } from "../../../initiatives/schema.ts";
import { users } from "../../../people/schema.ts";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "../../../register/import-format.ts";
import { enrollments } from "../../../register/schema.ts";
import type { Carried, ImportAnswer } from "./import.server.ts";
import type { ProgressLine } from "./import-progress.ts";

const ROUTE = "/demo/deltagare/importera/forlopp";
const PAGE = "/demo/deltagare/importera";
const ROWS = 5_000;
const TODAY = todayInSweden();

let t: TestDatabase;
let app: TestApp;
let tierpId = "";
const as = { coach: "", office: "" };
/** The CSRF token of the coach's page (the forms carry it as `_csrf`). */
let csrf = "";

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const people = await t.db.select().from(users);
  const idOf = (email: string) => people.find((u) => u.email === email)?.id ?? "";
  as.coach = await sessionFor(t, idOf("coach@demo.samspar.se"));
  as.office = await sessionFor(t, idOf("forbundschef@demo.samspar.se"));
  const found = await t.db.select({ id: initiatives.id, name: initiatives.name }).from(initiatives);
  tierpId = found.find((i) => i.name === "Tierp, Växtverket")?.id ?? "";
  app = await createTestApp(t);
  const page = await (await app.fetch(PAGE, { as: as.coach })).text();
  csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
  expect(csrf).not.toBe("");
});
afterAll(() => t?.drop());

/** A CSV file of `count` anonymous participants of Tierp, Växtverket, keys `prefix-00001`… */
function csv(count: number, prefix = "P"): Blob {
  const rows = Array.from({ length: count }, (_, k) =>
    [
      `${prefix}-${String(k + 1).padStart(5, "0")}`,
      "",
      "",
      k % 2 === 0 ? "kvinna" : "man",
      String(1960 + (k % 40)),
      "0360",
      "gymnasial",
      "försörjningsstöd",
      "under 1 år",
      "arbetslös",
      "kommun",
      addDays(TODAY, -1 - (k % 300)),
      "",
      "",
      "",
      "",
      "",
    ].join(";"),
  );
  return new Blob([`${[IMPORT_COLUMNS.join(";"), ...rows].join("\r\n")}\r\n`], {
    type: "text/csv",
  });
}

/** The import page's check form, as the browser sends it. */
function checkForm(file: Blob | null, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set("_csrf", csrf);
  form.set("intent", "check");
  form.set("initiativeId", tierpId);
  if (file) form.set("file", file, "deltagare.csv");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** The import form the check's result carries. */
function importForm(carried: Carried): FormData {
  const form = new FormData();
  form.set("_csrf", csrf);
  form.set("intent", "import");
  form.set("initiativeId", tierpId);
  form.set("mode", "all-or-nothing");
  for (const [name, value] of Object.entries(carried)) form.set(name, value);
  return form;
}

/** Posts a form as `who` (a session; "" for nobody signed in). */
const post = (body: FormData, who = as.coach, path = ROUTE) =>
  app.fetch(path, { method: "POST", body, as: who });

/** Reads the answer line by line; `stop` may end the reading early (the reader goes away). */
async function lines(
  response: Response,
  stop?: (line: ProgressLine) => boolean,
): Promise<ProgressLine[]> {
  const out: ProgressLine[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += decoder.decode(value, { stream: !done });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as ProgressLine;
      buffer = buffer.slice(newline + 1);
      out.push(line);
      if (stop?.(line)) {
        await reader.cancel();
        return out;
      }
      newline = buffer.indexOf("\n");
    }
    if (done) return out;
  }
}

const answerOf = (all: ProgressLine[]): ImportAnswer => {
  const last = all.at(-1);
  if (last?.type !== "result") throw new Error(`no result: ${JSON.stringify(last)}`);
  return last.answer;
};

const imported = () =>
  t.owner.db.$count(enrollments, like(enrollments.externalKey, "P-%")) as Promise<number>;

describe("the import's progress route", () => {
  let carried: Carried;

  it("streams a long file's check: progress on the way, then the page's own result", async () => {
    const started = Date.now();
    const response = await post(checkForm(csv(ROWS)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const all = await lines(response);
    const seconds = (Date.now() - started) / 1000;
    console.info(`check of ${ROWS} rows through the progress route: ${seconds.toFixed(1)} s`);

    expect(all[0]).toEqual({ type: "started", intent: "check", fileName: "deltagare.csv" });
    const progress = all.flatMap((l) => (l.type === "progress" ? [l] : []));
    expect(progress.every((p) => p.total === ROWS)).toBe(true);
    // at least one step between the start and the end, counting upwards, ending at the total
    expect(progress.some((p) => p.done > 0 && p.done < ROWS)).toBe(true);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(ROWS);
    const answer = answerOf(all);
    if (!("checked" in answer)) throw new Error("a check answers `checked`");
    expect(answer.checked).toMatchObject({
      fileName: "deltagare.csv",
      rows: ROWS,
      created: ROWS,
      updated: 0,
      unchanged: 0,
      rowsWithProblems: 0,
      problems: [],
      saved: false,
    });
    carried = answer.carried;
    expect(await imported()).toBe(0);
  });

  it("stops the import when its reader goes away: nothing is written", async () => {
    const response = await post(importForm(carried));
    const read = await lines(response, (line) => line.type === "progress");
    const first = read.at(-1);
    expect(first?.type).toBe("progress");
    expect(first?.type === "progress" && first.done < ROWS).toBe(true);
    // the same import again waits for the one that was stopped, and finds nothing of it
    const again = answerOf(await lines(await post(importForm(carried))));
    expect(again).toEqual({
      imported: expect.objectContaining({ created: ROWS, updated: 0, unchanged: 0, saved: true }),
    });
    expect(await imported()).toBe(ROWS);
  });

  it("never duplicates: the same file checked again changes nothing", async () => {
    const answer = answerOf(await lines(await post(checkForm(csv(ROWS)))));
    expect("checked" in answer && answer.checked).toMatchObject({
      rows: ROWS,
      created: 0,
      updated: 0,
      unchanged: ROWS,
      problems: [],
    });
    expect(await imported()).toBe(ROWS);
  });

  it("answers a form the page refuses with the page's problems (400)", async () => {
    const response = await post(
      checkForm(null, { consentTextVersion: "2026:1", consentLanguage: "" }),
    );
    expect(response.status).toBe(400);
    expect(await lines(response)).toEqual([
      {
        type: "failure",
        errors: {
          consentLanguage:
            "Fyll i samtyckestextens språk också, eller lämna både version och språk tomma.",
          file: "Välj filen med deltagarna (CSV eller XLSX).",
        },
        values: {
          intent: "check",
          localUnit: "",
          consentTextVersion: "2026:1",
          consentLanguage: "",
        },
      },
    ]);
  });

  it("has the page's gates: the CSRF token, the participant officer only", async () => {
    const withoutToken = checkForm(csv(3, "CSRF"));
    withoutToken.delete("_csrf");
    const refused = await post(withoutToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await post(checkForm(csv(3, "KANSLI")), as.office).then((r) => r.status)).toBe(403);
    expect(await post(checkForm(csv(3, "UTE")), "").then((r) => r.status)).toBe(302);
    const foreign = await post(
      checkForm(csv(3, "ANNAN")),
      as.coach,
      "/annat/deltagare/importera/forlopp",
    );
    expect(foreign.status).toBe(404);
    // opened by itself, the address says what it is for
    const opened = await app.fetch(ROUTE, { as: as.coach });
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { message: string }).message).toContain(PAGE);
    expect((await app.fetch(ROUTE, { as: as.office })).status).toBe(403);
  });

  it("has the page's size limit: a post too large for the page is refused here too (413)", async () => {
    // larger than the import takes (MAX_IMPORT_BYTES) and than any page post with its envelope
    const huge = new Blob(["x".repeat(MAX_IMPORT_BYTES + 2 * 1024 * 1024)], { type: "text/csv" });
    const page = await post(checkForm(huge), as.coach, PAGE);
    const route = await post(checkForm(huge));
    expect([page.status, route.status]).toEqual([413, 413]);
    expect(route.headers.get("content-type")).toMatch(/^text\/html/);
  });
});
