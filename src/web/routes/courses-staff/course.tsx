// One course, for those who write it: its own texts in Swedish beside one other language at a
// time (?sprak=xx), its chapters in order with each chapter's translation status in every
// language, adding and moving chapters, publishing (what goes out in which language, what
// blocks it), withdrawing and restoring, the version history and the way to the preview.
import { data, Link, useSearchParams } from "react-router";
import { can } from "../../../access/policy.ts";
import {
  type CourseInput,
  courseInitiativeChoices,
  createChapter,
  moveChapter,
  updateCourse,
} from "../../../courses/authoring.ts";
import { draftSnapshot } from "../../../courses/draft.ts";
import {
  chaptersIn,
  listVersions,
  publishBlockers,
  publishCourse,
  restoreCourse,
  withdrawCourse,
} from "../../../courses/publish.ts";
import { ValidationError } from "../../../platform/errors.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import { PORTAL_LOCALES, type PortalLocale } from "../../../portal/locales.ts";
import { attempt, redirectWithNotice, text } from "../../guard.server.ts";
import {
  ErrorSummary,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormFailure,
} from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { TableWrap } from "../../ui/table-wrap.tsx";
import type { Route } from "./+types/course.ts";
import {
  LanguageFields,
  LanguageTabs,
  languageKey,
  Notice,
  StateLegend,
  stateKey,
} from "./course-ui.tsx";
import {
  chosenLanguage,
  requireCourseDraft,
  requireCourseWriter,
} from "./courses-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, principal, association, draft } = await requireCourseDraft(context, request, params);
  const language = chosenLanguage(request);
  const [versions, initiatives] = await Promise.all([
    listVersions(db, principal, association.id, draft.course.id),
    courseInitiativeChoices(db, principal, association.id),
  ]);
  const course = draft.course;
  return {
    slug: association.slug,
    language,
    wholeAssociation: can(principal, "course.author", association.id),
    initiatives,
    course: {
      id: course.id,
      version: course.version,
      initiativeId: course.initiativeId ?? "",
      initiativeName: initiatives.find((i) => i.id === course.initiativeId)?.name ?? null,
      position: String(course.position),
      texts: course.texts,
      withdrawn: course.withdrawnAt ? formatDateTime(course.withdrawnAt) : null,
      updated: formatDateTime(course.updatedAt),
      updatedByName: course.updatedByName,
    },
    chapters: draft.chapters.map((v) => ({
      id: v.chapter.id,
      title: v.chapter.texts.sv?.title ?? "",
      states: Object.fromEntries(PORTAL_LOCALES.map((l) => [l, v.statuses[l].state])) as Record<
        PortalLocale,
        (typeof v.statuses)["sv"]["state"]
      >,
    })),
    toPublish: chaptersIn(draftSnapshot(draft)),
    blockers: publishBlockers(draft),
    versions: versions.map((v) => ({
      number: v.number,
      date: formatDateTime(v.publishedAt),
      who: v.publishedByName,
      note: v.note,
      chapters: v.chapters,
    })),
    latest: versions[0]
      ? { number: versions[0].number, date: formatDate(versions[0].publishedAt) }
      : null,
  };
}

/** Renames a use case's field names to the page's (the chapter form has fields of its own). */
async function renamed<T>(run: () => Promise<T>, names: Record<string, string>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ValidationError(
        Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [names[k] ?? k, v])),
      );
    throw error;
  }
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { db, actor, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  const version = Number(text(form, "version"));
  const courseId = params.courseId;
  const language = chosenLanguage(request);
  const here = `/${association.slug}/kurser/${courseId}?sprak=${language}`;

  if (intent === "save") {
    const languages = text(form, "languages")
      .split(",")
      .filter((l): l is PortalLocale => (PORTAL_LOCALES as readonly string[]).includes(l));
    const values: Record<string, string> = {
      intent,
      initiativeId: text(form, "initiativeId"),
      position: text(form, "position"),
    };
    const texts: CourseInput["texts"] = {};
    for (const l of languages) {
      values[`title-${l}`] = text(form, `title-${l}`);
      values[`summary-${l}`] = text(form, `summary-${l}`);
      texts[l] = { title: values[`title-${l}`], summary: values[`summary-${l}`] };
    }
    const saved = await attempt(
      () =>
        updateCourse(
          db,
          actor,
          principal,
          association.id,
          courseId,
          { initiativeId: values.initiativeId || null, position: values.position, texts },
          version,
        ),
      values,
    );
    if (!saved.ok) return saved.failure;
    return redirectWithNotice(here, "sparad");
  }
  if (intent === "addChapter") {
    const values = {
      intent,
      "chapter-title": text(form, "chapter-title"),
      "chapter-intro": text(form, "chapter-intro"),
    };
    const created = await attempt(
      () =>
        renamed(
          () =>
            createChapter(db, actor, principal, association.id, courseId, {
              texts: { sv: { title: values["chapter-title"], intro: values["chapter-intro"] } },
            }),
          { "title-sv": "chapter-title", "intro-sv": "chapter-intro" },
        ),
      values,
    );
    if (!created.ok) return created.failure;
    return redirectWithNotice(
      `/${association.slug}/kurser/${courseId}/kapitel/${created.value}?sprak=${language}`,
      "kapitel",
    );
  }
  if (intent === "move") {
    const direction = text(form, "direction") === "up" ? "up" : "down";
    const moved = await attempt(() =>
      moveChapter(
        db,
        actor,
        principal,
        association.id,
        courseId,
        text(form, "chapterId"),
        direction,
      ),
    );
    if (!moved.ok) return moved.failure;
    return redirectWithNotice(`${here}#kapitel`, "flyttad");
  }
  if (intent === "publish") {
    const values = { intent, note: text(form, "note") };
    const published = await attempt(
      () =>
        publishCourse(db, actor, principal, association.id, courseId, {
          expectedVersion: version,
          note: values.note,
        }),
      values,
    );
    if (!published.ok) return published.failure;
    return redirectWithNotice(here, "publicerad");
  }
  if (intent === "withdraw" || intent === "restore") {
    const run = intent === "withdraw" ? withdrawCourse : restoreCourse;
    const done = await attempt(() => run(db, actor, principal, association.id, courseId, version));
    if (!done.ok) return done.failure;
    return redirectWithNotice(here, intent === "withdraw" ? "tillbakadragen" : "aterstalld");
  }
  return data(
    { errors: { form: "Okänd åtgärd. Ladda om sidan och försök igen." } },
    { status: 400 },
  );
}

export default function Course({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const d = loaderData;
  const { course, language } = d;
  const errors = failure?.errors ?? {};
  const failed = failure?.values?.intent;
  const path = `/${d.slug}/kurser/${course.id}`;
  const values: Record<string, string> =
    failed === "save" && failure?.values
      ? failure.values
      : {
          initiativeId: course.initiativeId,
          position: course.position,
          ...Object.fromEntries(
            (["sv", language] as const).flatMap((l) => [
              [`title-${l}`, course.texts[l]?.title ?? ""],
              [`summary-${l}`, course.texts[l]?.summary ?? ""],
            ]),
          ),
        };
  const other = failed === "save" ? {} : (failure?.values ?? {});
  const forOptions = [
    ...(d.wholeAssociation ? [{ value: "", label: t("courses.wholeAssociation") }] : []),
    ...d.initiatives.map((i) => ({ value: i.id, label: i.name })),
  ];
  const languageName = (l: PortalLocale) => t(languageKey(l));
  const title = course.texts.sv?.title ?? "";
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${title} – ${t("courses.title")} – Samspår`}</title>
      <p>
        <Link to={`/${d.slug}/kurser`}>{t("courses.backToList")}</Link>
      </p>
      <h1 lang="sv">{title}</h1>
      <Notice notice={params.get("klart")} />
      <ErrorSummary errors={errors} />
      <ul>
        <li>
          {t("courses.col.for")}: {course.initiativeName ?? t("courses.wholeAssociation")}
        </li>
        <li>
          {d.latest ? t("courses.publishedVersion", d.latest) : t("courses.notPublished")}
          {course.withdrawn ? ` – ${t("courses.withdrawnAt", { date: course.withdrawn })}` : ""}
        </li>
        <li>{t("courses.updatedBy", { date: course.updated, name: course.updatedByName })}</li>
      </ul>
      <p>
        <Link to={`${path}/forhandsvisning?sprak=${language}`}>
          {t("courses.preview", { language: languageName(language) })}
        </Link>
      </p>

      <LanguageTabs path={path} current={language} />

      <section aria-labelledby="kursens-texter">
        <h2 id="kursens-texter">{t("courses.texts.title")}</h2>
        <p>{t("courses.texts.intro")}</p>
        <Form method="post" reloadDocument noValidate>
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={course.version} />
          <input type="hidden" name="languages" value={`sv,${language}`} />
          <div className="guide-edit__side-by-side">
            <LanguageFields locale="sv" second="summary" values={values} errors={errors} />
            <LanguageFields locale={language} second="summary" values={values} errors={errors} />
          </div>
          <SelectField
            name="initiativeId"
            label={t("courses.field.for")}
            hint={t("courses.field.forHint")}
            error={errors.initiativeId}
            defaultValue={values.initiativeId}
            options={forOptions}
          />
          <TextField
            name="position"
            label={t("courses.field.position")}
            hint={t("courses.field.positionHint")}
            error={errors.position}
            defaultValue={values.position}
            inputMode="numeric"
            width="short"
          />
          <SubmitButton>{t("courses.texts.save")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="kapitel">
        <h2 id="kapitel">{t("courses.chapters.title")}</h2>
        {d.chapters.length === 0 ? (
          <p>{t("courses.chapters.none")}</p>
        ) : (
          <>
            <p>{t("courses.chapters.intro")}</p>
            <TableWrap label={t("courses.chapters.matrix")}>
              <table>
                <caption>{t("courses.chapters.matrix")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("courses.chapters.col.chapter")}</th>
                    {PORTAL_LOCALES.map((l) => (
                      <th scope="col" key={l}>
                        {languageName(l)}
                      </th>
                    ))}
                    <th scope="col">{t("courses.chapters.col.order")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.chapters.map((c, i) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`${path}/kapitel/${c.id}?sprak=${language}`} lang="sv">
                          {t("courses.chapters.numbered", { number: i + 1, title: c.title })}
                        </Link>
                      </th>
                      {PORTAL_LOCALES.map((l) => (
                        <td key={l} className={`course-state course-state--${c.states[l]}`}>
                          {t(stateKey(c.states[l]))}
                        </td>
                      ))}
                      <td>
                        <div className="button-row">
                          {i > 0 ? (
                            <Form method="post" reloadDocument>
                              <input type="hidden" name="intent" value="move" />
                              <input type="hidden" name="chapterId" value={c.id} />
                              <input type="hidden" name="direction" value="up" />
                              <SubmitButton variant="secondary">
                                {t("courses.chapters.up")}
                                <span className="visually-hidden">: {c.title}</span>
                              </SubmitButton>
                            </Form>
                          ) : null}
                          {i < d.chapters.length - 1 ? (
                            <Form method="post" reloadDocument>
                              <input type="hidden" name="intent" value="move" />
                              <input type="hidden" name="chapterId" value={c.id} />
                              <input type="hidden" name="direction" value="down" />
                              <SubmitButton variant="secondary">
                                {t("courses.chapters.down")}
                                <span className="visually-hidden">: {c.title}</span>
                              </SubmitButton>
                            </Form>
                          ) : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <h3>{t("courses.legend")}</h3>
            <StateLegend />
          </>
        )}
        <h3 id="nytt-kapitel">{t("courses.chapters.add")}</h3>
        <Form method="post" reloadDocument noValidate>
          <input type="hidden" name="intent" value="addChapter" />
          <TextField
            name="chapter-title"
            label={t("courses.chapters.newTitle")}
            error={errors["chapter-title"]}
            defaultValue={other["chapter-title"] ?? ""}
          />
          <TextField
            name="chapter-intro"
            label={t("courses.chapters.newIntro")}
            hint={t("courses.chapters.newIntroHint")}
            error={errors["chapter-intro"]}
            defaultValue={other["chapter-intro"] ?? ""}
          />
          <SubmitButton variant="secondary">{t("courses.chapters.addButton")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="publish" className="panel">
        <h2 id="publish">{t("courses.publish.title")}</h2>
        <p>{t("courses.publish.intro")}</p>
        {d.toPublish.length ? (
          <>
            <h3>{t("courses.publish.what")}</h3>
            <ul>
              {d.toPublish.map((c, i) => (
                <li key={c.chapterId}>
                  {`${t("courses.chapters.numbered", { number: i + 1, title: c.title })}: ${c.locales.map(languageName).join(", ")}`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {d.blockers.length ? (
          <>
            <h3>{t("courses.publish.blocked")}</h3>
            <ul>
              {d.blockers.map((b) => (
                <li key={b} lang="sv">
                  {b}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Form method="post" reloadDocument noValidate>
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="version" value={course.version} />
          <div className={errors.note ? "field field--error" : "field"}>
            <label htmlFor="note">{t("courses.publish.note")}</label>
            <p className="field__hint" id="note-hint">
              {t("courses.publish.noteHint")}
            </p>
            {errors.note ? (
              <p className="field__error" id="note-error">
                {errors.note}
              </p>
            ) : null}
            <textarea
              id="note"
              name="note"
              rows={3}
              className="input"
              defaultValue={other.note ?? ""}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={errors.note ? "note-hint note-error" : "note-hint"}
            />
          </div>
          <SubmitButton>{t("courses.publish.button")}</SubmitButton>
        </Form>
      </section>

      {d.latest ? (
        <section aria-labelledby="withdraw" className="panel">
          <h2 id="withdraw">
            {course.withdrawn ? t("courses.restore.title") : t("courses.withdraw.title")}
          </h2>
          <p>{course.withdrawn ? t("courses.restore.intro") : t("courses.withdraw.intro")}</p>
          <Form method="post" reloadDocument>
            <input type="hidden" name="intent" value={course.withdrawn ? "restore" : "withdraw"} />
            <input type="hidden" name="version" value={course.version} />
            <SubmitButton variant={course.withdrawn ? "primary" : "danger"}>
              {course.withdrawn ? t("courses.restore.button") : t("courses.withdraw.button")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="versioner">
        <h2 id="versioner">{t("courses.versions.title")}</h2>
        {d.versions.length === 0 ? (
          <p>{t("courses.versions.none")}</p>
        ) : (
          <TableWrap label={t("courses.versions.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("courses.versions.col.number")}</th>
                  <th scope="col">{t("courses.versions.col.when")}</th>
                  <th scope="col">{t("courses.versions.col.note")}</th>
                  <th scope="col">{t("courses.versions.col.chapters")}</th>
                  <th scope="col">{t("courses.versions.col.show")}</th>
                </tr>
              </thead>
              <tbody>
                {d.versions.map((v) => (
                  <tr key={v.number}>
                    <th scope="row">{v.number}</th>
                    <td>{t("courses.updatedBy", { date: v.date, name: v.who })}</td>
                    <td lang="sv">{v.note ?? "–"}</td>
                    <td>
                      <ul>
                        {v.chapters.map((c) => (
                          <li key={c.chapterId}>
                            <span lang="sv">{c.title}</span>
                            {`: ${c.locales.map(languageName).join(", ")}`}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <Link to={`${path}/forhandsvisning?version=${v.number}`}>
                        {t("courses.versions.show", { number: v.number })}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </main>
  );
}
