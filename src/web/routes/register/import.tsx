// Importing participants into one of the officer's individual initiatives from a CSV or XLSX
// file (docs/formats/participant-import.md, summarised on the page), in two steps that work
// without JavaScript: the upload is checked as a whole in a dry run that saves nothing and
// answers every problem by row and column; then the file is read in — all of it when it has no
// problems, or, if the officer accepts it, only the rows without problems. The same file twice
// never duplicates anyone (deltagar_id is the initiative's own key).
//
// Between the steps the file rides along in the page, encrypted and sealed with the register
// key: the personnummer in it never stand in the page in the clear, and a changed file is
// refused.
import { gunzipSync, gzipSync } from "node:zlib";
import { data, Link, Form as RouterForm } from "react-router";
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  MAX_IMPORT_BYTES,
} from "../../../register/import-format.ts";
import { type ImportResult, importParticipants } from "../../../register/import-participants.ts";
import { ErrorSummary, Form, SelectField, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TextInput } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/import.ts";
import {
  formValues,
  type RegisterAccessResult,
  requireRegister,
  requireWrite,
} from "./register-access.server.ts";

function chosenInitiative(register: RegisterAccessResult, asked: string) {
  const individual = register.initiatives.filter((i) => i.orientation === "individual");
  return (
    individual.find((i) => i.id === asked) ?? (individual.length === 1 ? individual[0] : undefined)
  );
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const register = await requireRegister(context, request, params.association);
  const asked = new URL(request.url).searchParams.get("insats") ?? "";
  const chosen = chosenInitiative(register, asked);
  if (chosen) requireWrite(register, chosen.id);
  return {
    slug: register.association.slug,
    initiatives: register.initiatives
      .filter((i) => i.orientation === "individual")
      .map((i) => ({ id: i.id, name: i.name })),
    asked: asked !== "" && !chosen,
    initiative: chosen ? { id: chosen.id, name: chosen.name, localUnits: chosen.localUnits } : null,
    maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024,
    columns: [...IMPORT_COLUMNS] as ImportColumn[],
  };
}

/** What the import step needs again: the sealed file and the choices made with it. */
interface Carried {
  fileData: string;
  fileName: string;
  localUnit: string;
  consentTextVersion: string;
  consentLanguage: string;
}

/** The result as the page shows it. */
type Shown = Pick<
  ImportResult,
  "rows" | "rowsWithProblems" | "created" | "updated" | "unchanged" | "problems" | "saved" | "mode"
> & { fileName: string };

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

export async function action({ context, request, params }: Route.ActionArgs) {
  const register = await requireRegister(context, request, params.association);
  const form = await request.formData();
  const values = formValues(form, FIELDS);
  const initiative = register.initiatives.find(
    (i) => i.id === values.initiativeId && i.orientation === "individual",
  );
  if ((values.initiativeId ?? "") === "")
    return data(
      {
        errors: {
          form: "Formuläret saknar insats. Öppna sidan igen från deltagarlistan och välj vilken insats du ska läsa in deltagare i.",
        },
        values,
      },
      { status: 400 },
    );
  if (!initiative)
    throw data(
      {
        message:
          "Insatsen finns inte i ditt deltagarregister: bara insatsens deltagaransvariga kan läsa in dess deltagare.",
      },
      { status: 404 },
    );
  requireWrite(register, initiative.id);
  const kept = {
    intent: values.intent ?? "",
    localUnit: values.localUnit ?? "",
    consentTextVersion: values.consentTextVersion ?? "",
    consentLanguage: values.consentLanguage ?? "",
  };
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
    if (Object.keys(problems).length)
      return data({ errors: problems, values: kept }, { status: 400 });
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
    if (Object.keys(problems).length)
      return data({ errors: problems, values: kept }, { status: 400 });
    bytes = opened as Uint8Array;
    fileName = values.fileName ?? "";
  } else throw data({ message: "Okänd åtgärd." }, { status: 400 });

  const mode = values.mode === "valid-rows" ? "valid-rows" : "all-or-nothing";
  const result = await importParticipants(
    register.db,
    register.crypto,
    register.actor,
    register.scope,
    initiative.id,
    { data: bytes, name: fileName },
    {
      dryRun: values.intent === "check",
      mode,
      today: register.today,
      localUnit: kept.localUnit || null,
      ...(version !== "" ? { consentText: { textVersion: version, language } } : {}),
    },
  );
  if (values.intent === "import") return { imported: shown(result, fileName) };
  const carried: Carried = {
    fileData: register.crypto.encrypt(Buffer.from(gzipSync(bytes)).toString("base64")),
    fileName,
    localUnit: kept.localUnit,
    consentTextVersion: version,
    consentLanguage: language,
  };
  return { checked: shown(result, fileName), carried };
}

function Counts({ result }: { result: Shown }) {
  const { t } = useI18n();
  return (
    <ul>
      <li>{t("register.import.count.rows", { count: result.rows })}</li>
      <li>{t("register.import.count.created", { count: result.created })}</li>
      <li>{t("register.import.count.updated", { count: result.updated })}</li>
      <li>{t("register.import.count.unchanged", { count: result.unchanged })}</li>
      <li>{t("register.import.count.withProblems", { count: result.rowsWithProblems })}</li>
    </ul>
  );
}

function Problems({ result }: { result: Shown }) {
  const { t } = useI18n();
  if (result.problems.length === 0) return null;
  const caption = t("register.import.problems.caption", { count: result.problems.length });
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("register.import.problems.row")}</th>
            <th scope="col">{t("register.import.problems.column")}</th>
            <th scope="col">{t("register.import.problems.message")}</th>
          </tr>
        </thead>
        <tbody>
          {result.problems.map((p) => (
            <tr key={`${p.row}|${p.column}|${p.message}`}>
              <td className="num">{p.row ?? t("register.import.problems.wholeFile")}</td>
              <td>{p.column ?? "–"}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function CarriedFields({
  carried,
  initiativeId,
  mode,
}: {
  carried: Carried;
  initiativeId: string;
  mode: "all-or-nothing" | "valid-rows";
}) {
  return (
    <>
      <input type="hidden" name="intent" value="import" />
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="fileData" value={carried.fileData} />
      <input type="hidden" name="fileName" value={carried.fileName} />
      <input type="hidden" name="localUnit" value={carried.localUnit} />
      <input type="hidden" name="consentTextVersion" value={carried.consentTextVersion} />
      <input type="hidden" name="consentLanguage" value={carried.consentLanguage} />
    </>
  );
}

const COLUMN_KEYS = {
  deltagar_id: "register.import.column.deltagar_id",
  personnummer: "register.import.column.personnummer",
  samtycke_datum: "register.import.column.samtycke_datum",
  kon: "register.import.column.kon",
  fodelsear: "register.import.column.fodelsear",
  kommun: "register.import.column.kommun",
  utbildning: "register.import.column.utbildning",
  forsorjning_fore: "register.import.column.forsorjning_fore",
  tid_offentlig_forsorjning: "register.import.column.tid_offentlig_forsorjning",
  sysselsattning_fore: "register.import.column.sysselsattning_fore",
  remittent: "register.import.column.remittent",
  startdatum: "register.import.column.startdatum",
  handlingsplan_datum: "register.import.column.handlingsplan_datum",
  slutdatum: "register.import.column.slutdatum",
  status_vid_avslut: "register.import.column.status_vid_avslut",
  studier_vid_avslut: "register.import.column.studier_vid_avslut",
  forsorjning_efter: "register.import.column.forsorjning_efter",
} as const satisfies Record<ImportColumn, string>;

export default function Import({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors ?? {};
  const value = (name: string, fallback = "") => failure?.values?.[name] ?? fallback;
  const title = t("register.import.title");
  const list = `/${d.slug}/deltagare`;
  const here = `${list}/importera`;
  const checked =
    actionData && "checked" in actionData
      ? (actionData as { checked: Shown; carried: Carried })
      : undefined;
  const imported =
    actionData && "imported" in actionData ? (actionData.imported as Shown) : undefined;
  const initiative = d.initiative;
  const withInitiative = initiative ? `${here}?insats=${initiative.id}` : here;
  const validRows = checked
    ? checked.checked.created + checked.checked.updated + checked.checked.unchanged
    : 0;
  const fileRefused = checked?.checked.problems.some((p) => p.row === null || p.row === 1) ?? false;

  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – Samspår`}</title>
      <p>
        <Link to={list}>{t("register.backToList")}</Link>
      </p>
      <h1>{title}</h1>
      {initiative === null ? (
        d.initiatives.length === 0 ? (
          <p>{t("register.new.noIndividual")}</p>
        ) : (
          <>
            {d.asked ? <p className="warning">{t("register.chooseInitiative.unknown")}</p> : null}
            <RouterForm method="get" action={here}>
              <SelectField
                name="insats"
                label={t("register.chooseInitiative.label")}
                options={d.initiatives.map((i) => ({ value: i.id, label: i.name }))}
              />
              <button type="submit" className="button button--primary">
                {t("register.chooseInitiative.submit")}
              </button>
            </RouterForm>
          </>
        )
      ) : imported ? (
        <section className="panel" aria-labelledby="resultat">
          <h2 id="resultat" tabIndex={-1}>
            {imported.saved || imported.problems.length === 0
              ? t("register.import.doneTitle")
              : t("register.import.refusedTitle")}
          </h2>
          <p role="status">
            {imported.saved
              ? t("register.import.saved", {
                  file: imported.fileName,
                  created: imported.created,
                  updated: imported.updated,
                })
              : imported.problems.length === 0
                ? t("register.import.nothingChanged", { file: imported.fileName })
                : t("register.import.nothingSaved")}
          </p>
          <Counts result={imported} />
          {imported.mode === "valid-rows" && imported.rowsWithProblems > 0 ? (
            <p className="warning">
              {t("register.import.skipped", { count: imported.rowsWithProblems })}
            </p>
          ) : null}
          <Problems result={imported} />
          <div className="button-row">
            <Link className="button button--primary" to={`${list}?insats=${initiative.id}`}>
              {t("register.import.toList")}
            </Link>
            <Link to={withInitiative} reloadDocument>
              {t("register.import.again")}
            </Link>
          </div>
        </section>
      ) : (
        <>
          <p className="lead">{t("register.import.intro", { name: initiative.name })}</p>
          <ErrorSummary errors={errors} />

          {checked ? (
            <section className="panel" aria-labelledby="kontroll">
              <h2 id="kontroll" tabIndex={-1}>
                {t("register.import.checkTitle", { file: checked.checked.fileName })}
              </h2>
              {checked.checked.problems.length === 0 ? (
                <p role="status">{t("register.import.checkOk")}</p>
              ) : (
                <p className="warning" role="status">
                  {t("register.import.checkProblems")}
                </p>
              )}
              <Counts result={checked.checked} />
              <Problems result={checked.checked} />
              {checked.checked.problems.length === 0 && validRows > 0 ? (
                <Form method="post" action={withInitiative} encType="multipart/form-data">
                  <CarriedFields
                    carried={checked.carried}
                    initiativeId={initiative.id}
                    mode="all-or-nothing"
                  />
                  <SubmitButton>{t("register.import.confirm", { count: validRows })}</SubmitButton>
                </Form>
              ) : null}
              {checked.checked.problems.length > 0 && validRows > 0 && !fileRefused ? (
                <Form method="post" action={withInitiative} encType="multipart/form-data">
                  <CarriedFields
                    carried={checked.carried}
                    initiativeId={initiative.id}
                    mode="valid-rows"
                  />
                  <p>
                    {t("register.import.validRowsIntro", {
                      count: checked.checked.rowsWithProblems,
                    })}
                  </p>
                  <SubmitButton variant="secondary">
                    {t("register.import.confirmValidRows", { count: validRows })}
                  </SubmitButton>
                </Form>
              ) : null}
            </section>
          ) : null}

          <section className="panel" aria-labelledby="ladda-upp">
            <h2 id="ladda-upp">
              {checked ? t("register.import.uploadAgainTitle") : t("register.import.uploadTitle")}
            </h2>
            <Form method="post" action={withInitiative} encType="multipart/form-data" noValidate>
              <input type="hidden" name="intent" value="check" />
              <input type="hidden" name="initiativeId" value={initiative.id} />
              <div className={errors.file ? "field field--error" : "field"}>
                <label htmlFor="file">{t("register.import.file")}</label>
                <p className="field__hint" id="file-hint">
                  {t("register.import.fileHint", { size: d.maxMegabytes })}
                </p>
                {errors.file ? (
                  <p className="field__error" id="file-error">
                    {errors.file}
                  </p>
                ) : null}
                <input
                  type="file"
                  id="file"
                  name="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-invalid={errors.file ? true : undefined}
                  aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
                />
              </div>
              {initiative.localUnits.length > 0 ? (
                <SelectField
                  name="localUnit"
                  label={t("register.field.localUnit")}
                  hint={t("register.import.localUnitHint")}
                  required
                  options={[
                    { value: "", label: t("register.choose") },
                    ...initiative.localUnits.map((u) => ({ value: u.id, label: u.name })),
                  ]}
                  defaultValue={value("localUnit", checked?.carried.localUnit ?? "")}
                  error={errors.localUnit}
                />
              ) : null}
              <TextInput
                name="consentTextVersion"
                label={t("register.field.consentTextVersion")}
                hint={t("register.import.consentHint")}
                defaultValue={value(
                  "consentTextVersion",
                  checked?.carried.consentTextVersion ?? "",
                )}
                short
                error={errors.consentTextVersion}
              />
              <TextInput
                name="consentLanguage"
                label={t("register.field.consentLanguage")}
                defaultValue={value("consentLanguage", checked?.carried.consentLanguage ?? "")}
                short
                error={errors.consentLanguage}
              />
              <p>{t("register.import.dryRunNote")}</p>
              <SubmitButton variant={checked ? "secondary" : "primary"}>
                {t("register.import.check")}
              </SubmitButton>
            </Form>
          </section>

          <section className="panel" aria-labelledby="format">
            <h2 id="format">{t("register.import.formatTitle")}</h2>
            <p>{t("register.import.formatIntro")}</p>
            <ul>
              <li>{t("register.import.formatFile")}</li>
              <li>{t("register.import.formatWords")}</li>
              <li>{t("register.import.formatEmpty")}</li>
              <li>{t("register.import.formatAnonymous")}</li>
              <li>{t("register.import.formatAgain")}</li>
            </ul>
            <p>
              <a href={`${here}/mall`} download>
                {t("register.import.template")}
              </a>
            </p>
            <TableWrap label={t("register.import.columnsCaption")}>
              <table>
                <caption>{t("register.import.columnsCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("register.import.columnName")}</th>
                    <th scope="col">{t("register.import.columnContent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.columns.map((c) => (
                    <tr key={c}>
                      <th scope="row">
                        <code>{c}</code>
                      </th>
                      <td>{t(COLUMN_KEYS[c])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <p className="field__hint">{t("register.import.formatDocument")}</p>
          </section>
        </>
      )}
    </main>
  );
}
