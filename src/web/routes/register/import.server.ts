// The import page's work on the server, shared by its form action (import.tsx: without
// JavaScript the page comes back when the whole file is done) and by its progress route
// (import-progress.ts: the same work, answered as a stream of progress lines and then the same
// result). Both ask exactly the same of the request, here: the register scope (participant
// officers only, 403 for anybody else), an individual initiative in it (404 otherwise) and the
// right to write there. The CSRF token and the size limit of every page post are checked for
// both before either is reached (src/server/http-app.ts); the file's own limit
// (MAX_IMPORT_BYTES) and every row's checks are the import's (src/register/import-participants.ts).
//
// Between the check and the import the file rides along in the page, encrypted and sealed with
// the register key: the personnummer in it never stand in the page in the clear, and a changed
// file is refused.
import { gunzipSync, gzipSync } from "node:zlib";
import { data, type RouterContextProvider } from "react-router";
import {
  type ImportMode,
  type ImportOptions,
  type ImportResult,
  importParticipants,
} from "../../../register/import-participants.ts";
import { formValues, requireRegister, requireWrite } from "./register-access.server.ts";

type Ctx = Readonly<RouterContextProvider>;

/** What the import step needs again: the sealed file and the choices made with it. */
export interface Carried {
  fileData: string;
  fileName: string;
  localUnit: string;
  consentTextVersion: string;
  consentLanguage: string;
}

/** The result as the page shows it. */
export type Shown = Pick<
  ImportResult,
  "rows" | "rowsWithProblems" | "created" | "updated" | "unchanged" | "problems" | "saved" | "mode"
> & { fileName: string };

/** What a check or an import answers: the page's action data, and the stream's last line. */
export type ImportAnswer = { checked: Shown; carried: Carried } | { imported: Shown };

/** A form the page refuses before the file is read: the problems by field, the values kept. */
export interface ImportFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** A form that passed the page's checks: which step it is, and the work itself. */
export interface ImportJob {
  intent: "check" | "import";
  fileName: string;
  run(onProgress?: ImportOptions["onProgress"]): Promise<ImportAnswer>;
}

const shown = (result: ImportResult, fileName: string): Shown => ({
  fileName,
  rows: result.rows,
  rowsWithProblems: result.rowsWithProblems,
  created: result.created,
  updated: result.updated,
  unchanged: result.unchanged,
  problems: result.problems,
  saved: result.saved,
  mode: result.mode,
});

const FIELDS = [
  "intent",
  "initiativeId",
  "localUnit",
  "consentTextVersion",
  "consentLanguage",
  "fileName",
  "fileData",
  "mode",
] as const;

/**
 * Reads the posted form of the import page and checks who is asking. Throws 403/404 (and a
 * redirect to sign in) as every register page does; answers a failure for a form the page
 * refuses, or the job that checks or imports the file.
 */
export async function prepareImport(
  context: Ctx,
  request: Request,
  slug: string | undefined,
): Promise<{ failure: ImportFailure } | { job: ImportJob }> {
  const register = await requireRegister(context, request, slug);
  const form = await request.formData();
  const values = formValues(form, FIELDS);
  const initiative = register.initiatives.find(
    (i) => i.id === values.initiativeId && i.orientation === "individual",
  );
  const kept = {
    intent: values.intent ?? "",
    localUnit: values.localUnit ?? "",
    consentTextVersion: values.consentTextVersion ?? "",
    consentLanguage: values.consentLanguage ?? "",
  };
  if ((values.initiativeId ?? "") === "")
    return {
      failure: {
        errors: {
          form: "Formuläret saknar insats. Öppna sidan igen från deltagarlistan och välj vilken insats du ska läsa in deltagare i.",
        },
        values: kept,
      },
    };
  if (!initiative)
    throw data(
      {
        message:
          "Insatsen finns inte i ditt deltagarregister: bara insatsens deltagaransvariga kan läsa in dess deltagare.",
      },
      { status: 404 },
    );
  requireWrite(register, initiative.id);
  const problems: Record<string, string> = {};
  const version = kept.consentTextVersion.trim();
  const language = kept.consentLanguage.trim();
  if ((version === "") !== (language === "")) {
    if (version === "")
      problems.consentTextVersion =
        "Fyll i samtyckestextens version också, eller lämna både version och språk tomma.";
    else
      problems.consentLanguage =
        "Fyll i samtyckestextens språk också, eller lämna både version och språk tomma.";
  }

  let bytes: Uint8Array;
  let fileName: string;
  if (values.intent === "check") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      problems.file =
        file instanceof File && file.name
          ? `Filen ${file.name} är tom. Välj filen med deltagarna (CSV eller XLSX).`
          : "Välj filen med deltagarna (CSV eller XLSX).";
    }
    if (Object.keys(problems).length) return { failure: { errors: problems, values: kept } };
    bytes = new Uint8Array(await (file as File).arrayBuffer());
    fileName = (file as File).name;
  } else if (values.intent === "import") {
    let opened: Uint8Array | null = null;
    try {
      opened = gunzipSync(Buffer.from(register.crypto.decrypt(values.fileData ?? ""), "base64"));
    } catch {
      opened = null;
    }
    if (!opened)
      problems.file =
        "Filen från kontrollen följde inte med, eller har ändrats. Ladda upp den och kontrollera den igen.";
    if (Object.keys(problems).length) return { failure: { errors: problems, values: kept } };
    bytes = opened as Uint8Array;
    fileName = values.fileName ?? "";
  } else throw data({ message: "Okänd åtgärd." }, { status: 400 });

  const intent = values.intent;
  const mode: ImportMode = values.mode === "valid-rows" ? "valid-rows" : "all-or-nothing";
  return {
    job: {
      intent,
      fileName,
      async run(onProgress) {
        const result = await importParticipants(
          register.db,
          register.crypto,
          register.actor,
          register.scope,
          initiative.id,
          { data: bytes, name: fileName },
          {
            dryRun: intent === "check",
            mode,
            today: register.today,
            localUnit: kept.localUnit || null,
            ...(version !== "" ? { consentText: { textVersion: version, language } } : {}),
            ...(onProgress ? { onProgress } : {}),
          },
        );
        if (intent === "import") return { imported: shown(result, fileName) };
        const carried: Carried = {
          fileData: register.crypto.encrypt(Buffer.from(gzipSync(bytes)).toString("base64")),
          fileName,
          localUnit: kept.localUnit,
          consentTextVersion: version,
          consentLanguage: language,
        };
        return { checked: shown(result, fileName), carried };
      },
    },
  };
}
