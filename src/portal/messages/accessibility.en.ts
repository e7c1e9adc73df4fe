// English texts of the portal: the accessibility statement and reporting a problem. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { accessibilitySv } from "./accessibility.sv.ts";

export const accessibilityEn: Record<keyof typeof accessibilitySv, string> = {
  "portal.accessibility.title": "Accessibility",
  "portal.accessibility.intro":
    "Everyone should be able to use Samspår. Here we tell you what works well and what does not work yet. The Swedish law on accessible digital public services (DOS-lagen) says we must tell you.",
  "portal.accessibility.coversTitle": "What does this text cover?",
  "portal.accessibility.covers":
    "This text covers the participant pages of Samspår. There you see your plan, book appointments, read guides and see your data. The coordination association (samordningsförbund) you take part through is responsible for the pages.",
  "portal.accessibility.statusTitle": "How well does it work?",
  "portal.accessibility.status":
    "The pages partly meet the accessibility rules (WCAG 2.1 level AA, the standard EN 301 549). Most things work. What does not work yet is listed below.",
  "portal.accessibility.problemsTitle": "This does not work yet",
  "portal.accessibility.problemPdfScript":
    "The paper form for measurements (a PDF) has no Arabic, Tigrinya or Dari script. Its questions are in Swedish or English. Ask your coach to go through the questions with you.",
  "portal.accessibility.problemPdfTags":
    "The PDF files are not tagged for screen readers. This includes the copy of your data. A screen reader may read them in the wrong order. The same data is on the My data page and in a JSON file.",
  "portal.accessibility.problemStaffText":
    "Staff write the guides and plans. Sometimes they are only in Swedish. Then the page says so.",
  "portal.accessibility.testedTitle": "How we tested",
  "portal.accessibility.testedAxe":
    "A program (axe) tests the pages automatically in a web browser, in Swedish and Arabic.",
  "portal.accessibility.testedKeyboard":
    "We tested that everything can be done with the keyboard alone.",
  "portal.accessibility.testedNarrow":
    "We tested on a narrow screen (320 pixels) and with the text enlarged to 200 %.",
  "portal.accessibility.testedScreenReader": "We tried parts of the pages with a screen reader.",
  "portal.accessibility.testedNoJs": "The pages work without JavaScript.",
  "portal.accessibility.updated": "This text was last updated on {date}.",
  "portal.accessibility.reportTitle": "Report a problem",
  "portal.accessibility.reportIntro":
    "Is something not working for you? Tell us and we will fix it. You do not need to log in.",
  "portal.accessibility.reportTo": "Your report goes to {association}.",
  "portal.accessibility.reportToAll":
    "The report goes to all the coordination associations that use Samspår here, because we do not know which one you belong to. Do not write anything about yourself that you do not want them to read. If you log in first, the report goes only to your association.",
  "portal.accessibility.pageLabel": "Where is the problem?",
  "portal.accessibility.pageHint":
    "Write the name of the page or what you wanted to do. For example: Book an appointment.",
  "portal.accessibility.descriptionLabel": "What happened?",
  "portal.accessibility.descriptionHint": "Use your own words. You may write in your own language.",
  "portal.accessibility.contactLabel": "How can we reach you? (if you want)",
  "portal.accessibility.contactHint": "E-mail or phone number, if you want an answer.",
  "portal.accessibility.send": "Send",
  "portal.accessibility.sent":
    "Thank you! We have received your message. If you wrote how to reach you, we will answer as soon as we can.",
  "portal.accessibility.errorsTitle": "{count, plural, one {Fix # thing} other {Fix # things}}",
  "portal.accessibility.error.page": "Write where the problem is.",
  "portal.accessibility.error.description": "Write what happened.",
  "portal.accessibility.error.tooLong": "The text is too long. Write at most {max} characters.",
  "portal.accessibility.enforcementTitle": "If you are not satisfied",
  "portal.accessibility.enforcement":
    "The Agency for Digital Government (Digg) checks that the law is followed. If you are not satisfied with how we handled your message, you can report it to Digg.",
  "portal.accessibility.enforcementLink": "Report to Digg (digg.se)",
};
