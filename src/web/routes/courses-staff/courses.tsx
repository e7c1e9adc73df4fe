// Kurser, the staff's side: the courses this person may write (all of the association's for the
// office, their initiatives' for a lead or participant officer): for whom, the newest published
// version or "Inte publicerad", withdrawn or not, its languages; and a form to start a new one.
import { Link, useSearchParams } from "react-router";
import { can } from "../../../access/policy.ts";
import {
  type CourseInput,
  courseInitiativeChoices,
  createCourse,
  listCoursesForStaff,
} from "../../../courses/authoring.ts";
import { formatDate } from "../../../platform/i18n/format.ts";
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
import type { Route } from "./+types/courses.ts";
import { LanguageFields, languageKey, Notice } from "./course-ui.tsx";
import { requireCourseWriter } from "./courses-access.server.ts";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { db, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const [list, initiatives] = await Promise.all([
    listCoursesForStaff(db, principal, association.id),
    courseInitiativeChoices(db, principal, association.id),
  ]);
  return {
    slug: association.slug,
    wholeAssociation: can(principal, "course.author", association.id),
    initiatives,
    courses: list.map((c) => ({
      id: c.id,
      title: c.title,
      initiativeName: c.initiativeName,
      withdrawn: c.withdrawn,
      published: c.published
        ? { number: c.published.number, date: formatDate(c.published.publishedAt) }
        : null,
      languages: c.published ? c.publishedLocales : c.draftLocales,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { db, actor, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const form = await request.formData();
  const values = {
    initiativeId: text(form, "initiativeId"),
    position: text(form, "position"),
    "title-sv": text(form, "title-sv"),
    "summary-sv": text(form, "summary-sv"),
  };
  const input: CourseInput = {
    initiativeId: values.initiativeId || null,
    position: values.position,
    texts: { sv: { title: values["title-sv"], summary: values["summary-sv"] } },
  };
  const created = await attempt(
    () => createCourse(db, actor, principal, association.id, input),
    values,
  );
  if (!created.ok) return created.failure;
  return redirectWithNotice(`/${association.slug}/kurser/${created.value}`, "skapad");
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const [params] = useSearchParams();
  const { slug, courses, initiatives, wholeAssociation } = loaderData;
  const errors = failure?.errors ?? {};
  const values: Record<string, string> = failure?.values ?? {
    initiativeId: wholeAssociation ? "" : (initiatives[0]?.id ?? ""),
    position: "0",
  };
  const forOptions = [
    ...(wholeAssociation ? [{ value: "", label: t("courses.wholeAssociation") }] : []),
    ...initiatives.map((i) => ({ value: i.id, label: i.name })),
  ];
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${t("courses.title")} – Samspår`}</title>
      <h1>{t("courses.title")}</h1>
      <Notice notice={params.get("klart")} />
      <p>{t("courses.intro")}</p>
      {courses.length === 0 ? (
        <p>{t("courses.none")}</p>
      ) : (
        <TableWrap label={t("courses.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("courses.col.title")}</th>
                <th scope="col">{t("courses.col.for")}</th>
                <th scope="col">{t("courses.col.published")}</th>
                <th scope="col">{t("courses.col.languages")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/${slug}/kurser/${c.id}`} lang="sv">
                      {c.title}
                    </Link>
                  </th>
                  <td>{c.initiativeName ?? t("courses.wholeAssociation")}</td>
                  <td>
                    {c.published
                      ? t("courses.publishedVersion", c.published)
                      : t("courses.notPublished")}
                    {c.withdrawn ? (
                      <>
                        {" "}
                        <strong>{t("courses.withdrawnTag")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>{c.languages.map((l) => t(languageKey(l))).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <section aria-labelledby="ny-kurs" className="panel">
        <h2 id="ny-kurs">{t("courses.new.title")}</h2>
        <p>{t("courses.new.intro")}</p>
        <ErrorSummary errors={errors} />
        <Form method="post" reloadDocument noValidate>
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
          <LanguageFields locale="sv" second="summary" values={values} errors={errors} />
          <SubmitButton>{t("courses.new.create")}</SubmitButton>
        </Form>
      </section>
    </main>
  );
}
