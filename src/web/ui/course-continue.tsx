// "Fortsätt där du var": the participant's place in the chapter they read last and have not
// finished, as a large link — on Kurser and on the portal's start page.
import type { ContinueTarget } from "../../courses/reading.ts";
import type { PortalLocale } from "../../portal/locales.ts";
import { usePortal } from "./portal-i18n.tsx";
import { PortalIcon } from "./portal-icons.tsx";

type Titled = Partial<Record<PortalLocale, { title: string }>>;

/** A title in the participant's language when it exists there, else the Swedish. */
export function titleIn(
  texts: Titled,
  locale: PortalLocale,
): { text: string; locale: PortalLocale } {
  const own = texts[locale]?.title;
  return own ? { text: own, locale } : { text: texts.sv?.title ?? "", locale: "sv" };
}

export interface ContinueView {
  href: string;
  course: string;
  chapter: string;
  page: number;
}

/** What the link shows (made in the loader: plain data). */
export function continueView(target: ContinueTarget, locale: PortalLocale): ContinueView {
  const chapterTexts = target.chapterLocales.includes(locale)
    ? target.chapterTexts
    : { sv: target.chapterTexts.sv };
  return {
    href: `/portal/kurser/${target.courseId}/${target.chapterId}/${target.pageNumber}`,
    course: titleIn(target.courseTexts, locale).text,
    chapter: titleIn(chapterTexts, locale).text,
    page: target.pageNumber,
  };
}

export function ContinueLink({ view }: { view: ContinueView }) {
  const { t } = usePortal();
  return (
    <a href={view.href} className="portal-button course-continue">
      <PortalIcon name="arrow" />
      <span>
        <strong>{t("portal.courses.continue")}</strong>
        <span className="course-continue__where">
          {t("portal.courses.continuePlace", {
            course: view.course,
            chapter: view.chapter,
            page: view.page,
          })}
        </span>
      </span>
    </a>
  );
}
