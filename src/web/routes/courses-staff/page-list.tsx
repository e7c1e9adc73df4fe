// A chapter's pages: the list the chapter page draws (`PageList`), with each page's kind, title
// and what its Swedish lacks, a link to its editor, buttons to move it and to delete it (after a
// confirm step), and a form to add a page of a kind. The forms post to this route
// (/:association/kurser/:courseId/kapitel/:chapterId/sidor), whose action does the change and
// goes back to the chapter (or to a new page's editor); the loader shows the confirm step of a
// deletion (?ta-bort=<page>) and otherwise sends the visitor to the chapter.
import { Link, redirect, useSearchParams } from "react-router";
import { loadCourseDraft } from "../../../courses/draft.ts";
import { addPage, deletePage, movePage, pageInDraft } from "../../../courses/pages.ts";
import { PAGE_KINDS, type PageKind } from "../../../courses/texts.ts";
import { NotFoundError } from "../../../platform/errors.ts";
import type { MessageKey } from "../../../platform/i18n/translate.ts";
import { attempt, redirectWithNotice, text } from "../../guard.server.ts";
import { Form, SubmitButton, useFormFailure } from "../../ui/form.tsx";
import { useI18n } from "../../ui/i18n.tsx";
import { ProblemSummary } from "../../ui/workflow-panels.tsx";
import type { Route } from "./+types/page-list.ts";
import { requireCourseDraft, requireCourseWriter } from "./courses-access.server.ts";

const KIND_KEY: Record<PageKind, MessageKey> = {
  text: "coursePages.kind.text",
  bild: "coursePages.kind.bild",
  ljud: "coursePages.kind.ljud",
  video: "coursePages.kind.video",
  fraga: "coursePages.kind.fraga",
};

const NOTICES: Record<string, MessageKey> = {
  "sida-flyttad": "coursePages.notice.moved",
  "sida-borttagen": "coursePages.notice.deleted",
};

export async function loader({ context, request, params }: Route.LoaderArgs) {
  // a course the person may not write is not there for them, with or without a page to delete
  const { association, draft } = await requireCourseDraft(context, request, params);
  const chapterUrl = `/${association.slug}/kurser/${params.courseId}/kapitel/${params.chapterId}`;
  const pageId = new URL(request.url).searchParams.get("ta-bort");
  if (!pageId) throw redirect(chapterUrl);
  let found: ReturnType<typeof pageInDraft>;
  try {
    found = pageInDraft(draft, pageId);
  } catch {
    throw redirect(chapterUrl);
  }
  if (found.view.chapter.id !== params.chapterId) throw redirect(chapterUrl);
  return {
    chapterUrl,
    chapterTitle: found.view.chapter.texts.sv?.title ?? "",
    page: {
      id: found.page.id,
      version: found.page.version,
      kind: found.page.kind,
      title: found.page.texts.sv?.title ?? "",
      position: found.view.pages.indexOf(found.page) + 1,
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { db, actor, principal, association } = await requireCourseWriter(
    context,
    request,
    params.association,
  );
  const form = await request.formData();
  const intent = text(form, "intent");
  const courseId = params.courseId;
  const chapterUrl = `/${association.slug}/kurser/${courseId}/kapitel/${params.chapterId}`;
  const pageId = text(form, "pageId");
  // the page must be this chapter's: a form of another chapter's list answers "not found"
  const inChapter = async () => {
    const draft = await loadCourseDraft(db, principal, association.id, courseId);
    if (pageInDraft(draft, pageId).view.chapter.id !== params.chapterId)
      throw new NotFoundError("Sidan finns inte i kapitlet.");
  };

  if (intent === "add") {
    const kind = text(form, "kind");
    const added = await attempt(
      () => addPage(db, actor, principal, association.id, courseId, params.chapterId, kind),
      { intent, kind },
    );
    if (!added.ok) return added.failure;
    return redirectWithNotice(`${chapterUrl}/sidor/${added.value}`, "tillagd");
  }
  if (intent === "up" || intent === "down") {
    const moved = await attempt(async () => {
      await inChapter();
      await movePage(db, actor, principal, association.id, courseId, pageId, intent);
    });
    if (!moved.ok) return moved.failure;
    return redirectWithNotice(`${chapterUrl}#sida-${pageId}`, "sida-flyttad");
  }
  if (intent === "delete") {
    const version = Number(text(form, "version"));
    const deleted = await attempt(async () => {
      await inChapter();
      await deletePage(db, actor, principal, association.id, courseId, pageId, version);
    });
    if (!deleted.ok) return deleted.failure;
    return redirectWithNotice(chapterUrl, "sida-borttagen");
  }
  throw redirect(chapterUrl);
}

export interface PageListItem {
  id: string;
  kind: PageKind;
  title: string;
  missingSv: number;
}

/** The pages of a chapter, drawn on the chapter's page. */
export function PageList(props: {
  association: string;
  courseId: string;
  chapterId: string;
  pages: PageListItem[];
}) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const notice = params.get("klart");
  const action = `/${props.association}/kurser/${props.courseId}/kapitel/${props.chapterId}/sidor`;
  return (
    <section aria-labelledby="kapitlets-sidor">
      <h2 id="kapitlets-sidor">{t("coursePages.list.title")}</h2>
      {notice && Object.hasOwn(NOTICES, notice) ? (
        <p className="notice" role="status">
          {t(NOTICES[notice] as MessageKey)}
        </p>
      ) : null}
      {props.pages.length === 0 ? <p>{t("coursePages.list.none")}</p> : null}
      <ol className="card-list">
        {props.pages.map((page, i) => {
          const name = t("coursePages.list.name", {
            number: i + 1,
            kind: t(KIND_KEY[page.kind]),
            title: page.title || t("coursePages.untitled"),
          });
          const hidden = <span className="visually-hidden">: {name}</span>;
          return (
            <li key={page.id} id={`sida-${page.id}`}>
              <h3>
                <Link to={`${action}/${page.id}`}>{name}</Link>
              </h3>
              <p>
                {page.missingSv > 0
                  ? t("coursePages.list.missingSv", { count: page.missingSv })
                  : t("coursePages.list.completeSv")}
              </p>
              <div className="button-row">
                <Link to={`${action}/${page.id}`}>
                  {t("coursePages.list.edit")}
                  {hidden}
                </Link>
                {i > 0 ? (
                  <Form method="post" action={action} reloadDocument>
                    <input type="hidden" name="pageId" value={page.id} />
                    <SubmitButton variant="secondary" name="intent" value="up">
                      {t("coursePages.list.moveUp")}
                      {hidden}
                    </SubmitButton>
                  </Form>
                ) : null}
                {i < props.pages.length - 1 ? (
                  <Form method="post" action={action} reloadDocument>
                    <input type="hidden" name="pageId" value={page.id} />
                    <SubmitButton variant="secondary" name="intent" value="down">
                      {t("coursePages.list.moveDown")}
                      {hidden}
                    </SubmitButton>
                  </Form>
                ) : null}
                <Form method="get" action={action} reloadDocument>
                  <input type="hidden" name="ta-bort" value={page.id} />
                  <SubmitButton variant="danger">
                    {t("coursePages.list.delete")}
                    {hidden}
                  </SubmitButton>
                </Form>
              </div>
            </li>
          );
        })}
      </ol>
      <Form method="post" action={action} reloadDocument>
        <input type="hidden" name="intent" value="add" />
        <div className="field">
          <label htmlFor="ny-sida-sort">{t("coursePages.list.addKind")}</label>
          <select id="ny-sida-sort" name="kind" className="input" defaultValue="text">
            {PAGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_KEY[kind])}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton>{t("coursePages.list.add")}</SubmitButton>
      </Form>
    </section>
  );
}

/** The confirm step of deleting a page, and what a refused change answers. */
export default function PageListRoute({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const failure = useFormFailure();
  const errors = failure?.errors ?? {};
  const { chapterUrl, chapterTitle, page } = loaderData;
  const name = t("coursePages.list.name", {
    number: page.position,
    kind: t(KIND_KEY[page.kind]),
    title: page.title || t("coursePages.untitled"),
  });
  const heading = t("coursePages.delete.title", { page: name });
  return (
    <main id="innehall" tabIndex={-1}>
      <title>{`${heading} – Samspår`}</title>
      <p>
        <Link to={chapterUrl}>{t("coursePages.backToChapter", { chapter: chapterTitle })}</Link>
      </p>
      <h1>{heading}</h1>
      <ProblemSummary items={Object.entries(errors).map(([key, message]) => ({ key, message }))} />
      <p>{t("coursePages.delete.text")}</p>
      <Form method="post" reloadDocument>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="pageId" value={page.id} />
        <input type="hidden" name="version" value={page.version} />
        <div className="button-row">
          <SubmitButton variant="danger">{t("coursePages.delete.confirm")}</SubmitButton>
          <Link to={chapterUrl}>{t("coursePages.delete.cancel")}</Link>
        </div>
      </Form>
    </main>
  );
}
