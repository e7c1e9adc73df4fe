// Importing participants into one of the officer's individual initiatives from a CSV or XLSX
// file (docs/formats/participant-import.md, summarised on the page), in two steps that work
// without JavaScript: the upload is checked as a whole in a dry run that saves nothing and
// answers every problem by row and column; then the file is read in — all of it when it has no
// problems, or, if the officer accepts it, only the rows without problems. The same file twice
// never duplicates anyone (deltagar_id is the initiative's own key).
//
// Without JavaScript the forms post to the page's action and the page comes back when the whole
// file is done. With JavaScript they post the same form to the progress route next to the page
// (import-progress.ts), whose answer is read as it comes: a live progress bar and a status line
// ("Rad 12 000 av 40 000 kontrollerad"), then the very result the action would have answered,
// shown by the same view. Whatever that route does not answer as a progress stream (a sign-in,
// an expired form, a refusal) is posted to the page itself, so the server's own answer is shown.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { data, Link, Form as RouterForm } from "react-router";
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  MAX_IMPORT_BYTES,
} from "../../../register/import-format.ts";
import { ErrorSummary, Form, SelectField, SubmitButton } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TextInput } from "../../ui/periodic-report-form.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/import.ts";
import type { Carried, ImportAnswer, ImportFailure, Shown } from "./import.server.ts";
import { prepareImport } from "./import.server.ts";
import type { ProgressLine } from "./import-progress.ts";
import {
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

export async function action({ context, request, params }: Route.ActionArgs) {
  const prepared = await prepareImport(context, request, params.association);
  if ("failure" in prepared) return data(prepared.failure, { status: 400 });
  return prepared.job.run();
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

/** What the page shows after a post: the check, the import, or the form refused. */
type Outcome = ImportAnswer | ImportFailure;

/** A check or import the page is waiting for, with how far it has come when that is known. */
interface Running {
  intent: "check" | "import";
  fileName: string;
  done: number | null;
  total: number | null;
}

const NDJSON = "application/x-ndjson";
/** The status line is read out by screen readers: at most this often, and at the end. */
const SAY_EVERY_MS = 2000;

/**
 * The forms' submit handler with JavaScript: posts the form to the progress route and shows
 * its progress while the answer comes. Without ReadableStream the handler leaves the form to
 * React Router, as before.
 */
function useImportProgress(url: string) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>();
  const [running, setRunning] = useState<Running | null>(null);
  const [said, setSaid] = useState("");
  const busy = useRef(false);
  const saidAt = useRef(0);
  /** Whether the status line already counts rows (its first count is said at once). */
  const counting = useRef(false);

  const say = (text: string, now = false) => {
    const at = Date.now();
    if (!now && at - saidAt.current < SAY_EVERY_MS) return;
    saidAt.current = at;
    setSaid(text);
  };
  const failure = (errors: Record<string, string>): ImportFailure => ({ errors, values: {} });
  const lost = (intent: Running["intent"]) =>
    failure({
      form: t(
        intent === "check"
          ? "register.import.progress.lostCheck"
          : "register.import.progress.lostImport",
      ),
    });

  /** One line of the answer; the outcome when the line is the last. */
  const handle = (line: ProgressLine, intent: Running["intent"]): Outcome | undefined => {
    switch (line.type) {
      case "started":
        say(t("register.import.progress.reading", { file: line.fileName }), true);
        return undefined;
      case "progress": {
        const { done, total } = line;
        const first = !counting.current;
        counting.current = true;
        // every step drawn as it comes, even when several arrive at once
        flushSync(() => {
          setRunning((r) => (r ? { ...r, done, total } : r));
          say(
            t(
              intent === "check"
                ? "register.import.progress.checked"
                : "register.import.progress.imported",
              { done, total },
            ),
            first || done >= total,
          );
        });
        return undefined;
      }
      case "result":
        return line.answer;
      case "failure":
        return { errors: line.errors, values: line.values };
      case "error":
        return failure({ form: t("register.import.progress.failed") });
    }
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    if (typeof ReadableStream === "undefined" || typeof TextDecoder === "undefined") return;
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const body = new FormData(form);
    const intent = body.get("intent") === "import" ? "import" : "check";
    const file = body.get("file");
    const fileName =
      intent === "check"
        ? file instanceof File
          ? file.name
          : ""
        : String(body.get("fileName") ?? "");
    busy.current = true;
    counting.current = false;
    setRunning({ intent, fileName, done: null, total: null });
    say(t("register.import.progress.sending", { file: fileName }), true);
    const finish = (next: Outcome) => {
      busy.current = false;
      setRunning(null);
      setSaid("");
      setOutcome(next);
    };

    let response: Response;
    try {
      response = await fetch(url, { method: "POST", body, headers: { Accept: NDJSON } });
    } catch {
      finish(lost(intent));
      return;
    }
    if (response.status === 413) {
      finish(
        failure({
          file: t("register.import.progress.tooLarge", { file: fileName }),
        }),
      );
      return;
    }
    const type = response.headers.get("content-type") ?? "";
    if (response.redirected || !type.startsWith(NDJSON) || !response.body) {
      // not a progress stream (a sign-in, an expired form, a refusal): the page itself answers
      form.submit();
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let ended: Outcome | undefined;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        buffer += decoder.decode(value, { stream: !done });
        let newline = buffer.indexOf("\n");
        while (newline >= 0) {
          const text = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (text.trim() !== "") ended = handle(JSON.parse(text) as ProgressLine, intent) ?? ended;
          newline = buffer.indexOf("\n");
        }
        if (done) break;
      }
    } catch {
      finish(lost(intent));
      return;
    }
    finish(ended ?? lost(intent));
  }

  return {
    outcome,
    running,
    said,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      void submit(event);
    },
  };
}

function ProgressView({ running, said }: { running: Running | null; said: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const started = running !== null;
  useEffect(() => {
    if (started) ref.current?.scrollIntoView({ block: "nearest" });
  }, [started]);
  return (
    <div className="import-progress" ref={ref}>
      {running ? (
        <div className="field">
          <label htmlFor="import-progress">
            {t(
              running.intent === "check"
                ? "register.import.progress.checkLabel"
                : "register.import.progress.importLabel",
              { file: running.fileName },
            )}
          </label>
          <progress
            id="import-progress"
            max={running.total ?? undefined}
            value={running.done ?? undefined}
            aria-describedby="import-progress-text"
          />
        </div>
      ) : null}
      <p id="import-progress-text" role="status" className={said ? undefined : "visually-hidden"}>
        {said}
      </p>
    </div>
  );
}

export default function Import({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const title = t("register.import.title");
  const list = `/${d.slug}/deltagare`;
  const here = `${list}/importera`;
  const progress = useImportProgress(`${here}/forlopp`);
  const outcome: Outcome | undefined = progress.outcome ?? (actionData as Outcome | undefined);
  const failure = outcome && "errors" in outcome ? outcome : undefined;
  const errors = failure?.errors ?? {};
  const value = (name: string, fallback = "") => failure?.values?.[name] ?? fallback;
  const checked = outcome && "checked" in outcome ? outcome : undefined;
  const imported = outcome && "imported" in outcome ? outcome.imported : undefined;
  // a streamed answer is a new view, as a page would be: its heading takes the focus
  const streamed = progress.outcome;
  useEffect(() => {
    if (streamed && !("errors" in streamed))
      document.getElementById("imported" in streamed ? "resultat" : "kontroll")?.focus();
  }, [streamed]);
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
          <ProgressView running={progress.running} said={progress.said} />

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
                <Form
                  method="post"
                  action={withInitiative}
                  encType="multipart/form-data"
                  onSubmit={progress.onSubmit}
                >
                  <CarriedFields
                    carried={checked.carried}
                    initiativeId={initiative.id}
                    mode="all-or-nothing"
                  />
                  <SubmitButton>{t("register.import.confirm", { count: validRows })}</SubmitButton>
                </Form>
              ) : null}
              {checked.checked.problems.length > 0 && validRows > 0 && !fileRefused ? (
                <Form
                  method="post"
                  action={withInitiative}
                  encType="multipart/form-data"
                  onSubmit={progress.onSubmit}
                >
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
            <Form
              method="post"
              action={withInitiative}
              encType="multipart/form-data"
              noValidate
              onSubmit={progress.onSubmit}
            >
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
