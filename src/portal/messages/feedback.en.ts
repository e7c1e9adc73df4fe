// English texts of the portal: Tyck till: the short check and the exit survey. Written in plain
// language; every key of the Swedish catalogue, no other.
import type { feedbackSv } from "./feedback.sv.ts";

export const feedbackEn: Record<keyof typeof feedbackSv, string> = {
  "portal.feedback.title": "Your opinion",
  "portal.feedback.intro": "Tell us what you think. It helps us get better.",
  "portal.feedback.anonymous": "Your answers are anonymous. We do not see who answered.",
  "portal.feedback.openTitle": "To answer",
  "portal.feedback.none": "You have nothing to answer right now. Thank you!",
  "portal.feedback.aboutMeeting": "About the meeting with {who} {date}",
  "portal.feedback.aboutChapter": "About the chapter",
  "portal.feedback.exit": "Final survey",
  "portal.feedback.exitHint":
    "Questions about all your time with us. Answer when you are done or almost done.",
  "portal.feedback.answer": "Answer",
  "portal.feedback.back": "Back to Your opinion",
  "portal.feedback.inSwedish": "The questions are not in your language yet. They are in Swedish.",
  "portal.feedback.optional": "You do not have to answer every question.",
  "portal.feedback.scaleHint": "Choose a number from 1 to 5.",
  "portal.feedback.freeHint":
    "Write at most {max} characters. Do not write the names of other people.",
  "portal.feedback.send": "Send",
  "portal.feedback.skip": "Skip",
  "portal.feedback.skipHint": "Do you not want to answer? Press Skip. Then we will not ask again.",
  "portal.feedback.thanks": "Thank you for your answer!",
  "portal.feedback.skipped": "That is fine. We will not ask about it again.",
  "portal.feedback.already": "You have already answered. Thank you!",
  "portal.feedback.notFound": "There is no question to answer here.",
  "portal.feedback.error.title": "Something needs to be fixed",
  "portal.feedback.error.scale": "Choose a number from 1 to 5, or leave the question empty.",
  "portal.feedback.error.tooLong": "The answer is too long. Write at most {max} characters.",
  "portal.feedback.error.empty": "Answer at least one question, or press Skip.",
};
