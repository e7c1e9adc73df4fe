// The course page as participants and the staff's preview draw it: a picture gets its width
// and height (so the page keeps the picture's place while it loads on a slow phone), and none
// when its size is unknown.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createPortalTranslator } from "../../portal/translate.ts";
import { CoursePageView, type CoursePageViewProps } from "./course-page-view.tsx";

const picturePage = (mediaSize: CoursePageViewProps["mediaSize"]) =>
  renderToStaticMarkup(
    <CoursePageView
      t={createPortalTranslator("sv")}
      locale="sv"
      fallback={false}
      courseTitle={{ text: "Samhällsorientering", locale: "sv" }}
      chapterTitle="Att bo i Sverige"
      kind="bild"
      text={{ title: "Flaggan", body: "", alt: "Sveriges flagga" }}
      swedish={null}
      mediaId="00000000-0000-4000-8000-000000000001"
      mediaSize={mediaSize}
      mediaUrl={(id) => `/portal/filer/${id}`}
      pageNumber={2}
      pageCount={3}
      previousHref="/portal/kurser/k/c/1"
      nextHref="/portal/kurser/k/c/3"
      quiz={null}
    />,
  );

const imgOf = (html: string) => /<img [^>]*>/.exec(html)?.[0] ?? "";

describe("a course page's picture", () => {
  it("has the picture's width and height when they are known", () => {
    const img = imgOf(picturePage({ width: 320, height: 200 }));
    expect(img).toContain('width="320"');
    expect(img).toContain('height="200"');
    expect(img).toContain('alt="Sveriges flagga"');
    expect(img).toContain('src="/portal/filer/00000000-0000-4000-8000-000000000001"');
  });

  it("has neither when the size is unknown", () => {
    for (const size of [null, undefined]) {
      const img = imgOf(picturePage(size));
      expect(img).toContain('alt="Sveriges flagga"');
      expect(img).not.toMatch(/\b(width|height)=/);
    }
  });
});
