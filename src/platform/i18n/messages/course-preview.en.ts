// English texts of the staff pages for courses: the preview of the draft; spread into en.ts.
import type { coursePreviewSv } from "./course-preview.sv.ts";

export const coursePreviewEn: Record<keyof typeof coursePreviewSv, string> = {
  "coursePreview.title": "Preview: {title}",
  "coursePreview.banner": "Preview – this is how participants see the course if you publish now",
  "coursePreview.intro":
    "A chapter that is not ready in the chosen language is shown in Swedish, just as participants see it. The right answers to the questions are marked here; participants see them only after answering.",
  "coursePreview.choose": "Choose what to see",
  "coursePreview.language": "Language",
  "coursePreview.chapter": "Chapter",
  "coursePreview.chapterOption": "{number}. {title}",
  "coursePreview.chapterInSwedish": "{number}. {title} (shown in Swedish)",
  "coursePreview.page": "Page",
  "coursePreview.show": "Show",
  "coursePreview.back": "Back to the course",
  "coursePreview.noChapters":
    "The course has no chapters yet. Add a chapter with at least one page to see the preview.",
  "coursePreview.noPages": "The chapter has no pages yet. Add a page to see it here.",
  "coursePreview.noPage": "The chapter has no such page. Choose a page between 1 and {count}.",
  "coursePreview.versionBanner":
    "Version {number}, published {date} – exactly as it was published to participants",
  "coursePreview.version": "Version",
  "coursePreview.draft": "The draft (as it would be published now)",
  "coursePreview.versionOption": "Version {number}, published {date}",
} as const;
