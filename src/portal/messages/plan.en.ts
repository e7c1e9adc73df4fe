// English texts of the portal: Min plan. Written for the purpose in plain language,
// not translated word for word; every key of the Swedish catalogue, no other.
import type { planSv } from "./plan.sv.ts";

export const planEn: Record<keyof typeof planSv, string> = {
  "portal.plan.title": "My plan",
  "portal.plan.intro":
    "Here you see the steps in your plan. You and your coach make the plan together.",
  "portal.plan.now": "What happens now",
  "portal.plan.nothingNow": "Right now you have no time booked and no step with a date.",
  "portal.plan.nextBooking": "Your next time",
  "portal.plan.bookingWhen": "{date} at {time}",
  "portal.plan.bookingPlace": "Place:",
  "portal.plan.bookingVideo": "Video meeting. Open the link when it is time:",
  "portal.plan.bookingOpen": "See or change the time",
  "portal.plan.nextStep": "Next step to do",
  "portal.plan.stepOverdue": "The date has passed. Talk to your coach if you need more time.",
  "portal.plan.nextMeasurement": "Self-assessment",
  "portal.plan.measurementComing":
    "You and your coach will do a self-assessment. You answer questions about how you are doing. It should be done around {date}.",
  "portal.plan.measurementNow":
    "It is time for a self-assessment. You answer questions about how you are doing. Talk to your coach.",
  "portal.plan.measurementForm": "The questions are called:",
  "portal.plan.book": "Book a time",
  "portal.plan.steps": "The steps in my plan",
  "portal.plan.stepsFor": "Plan for {initiative}",
  "portal.plan.organisation": "{organisation} is responsible for the plan.",
  "portal.plan.count":
    "{count, plural, one {The plan has # step.} other {The plan has # steps.}} {done, plural, one {# is done.} other {# are done.}}",
  "portal.plan.written": "Your coach writes the steps. They may be written in Swedish.",
  "portal.plan.empty":
    "Your plan has no steps yet. Your coach writes the steps after you have talked.",
  "portal.plan.noPlan": "You have no plan here yet. Ask your coach.",
  "portal.plan.stepNumber": "Step {number}",
  "portal.plan.due": "Done by {date}",
  "portal.plan.status.klar": "Done",
  "portal.plan.status.pagar": "In progress",
  "portal.plan.status.planerad": "Planned",
  "portal.plan.questions": "Do you have questions about your plan? Talk to your coach.",
};
