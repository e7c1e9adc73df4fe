// The English texts of the user interface, in ICU MessageFormat, translated from sv.ts.
// Typed by the Swedish keys, so a missing or misspelled key is a type error.
import { applicationFormEn } from "./application-form.en.ts";
import { applicationPagesEn } from "./application-pages.en.ts";
import { budgetsEn } from "./budgets.en.ts";
import { courseAuthoringEn } from "./course-authoring.en.ts";
import { courseFiguresEn } from "./course-figures.en.ts";
import { coursePagesEn } from "./course-pages.en.ts";
import { coursePreviewEn } from "./course-preview.en.ts";
import { deviationsEn } from "./deviations.en.ts";
import { evaluationStaffEn } from "./evaluation-staff.en.ts";
import { finalReportsEn } from "./final-reports.en.ts";
import { financeEn } from "./finance.en.ts";
import { followUpEn } from "./follow-up.en.ts";
import { periodicReportsEn } from "./periodic-reports.en.ts";
import { portalAccessEn } from "./portal-access.en.ts";
import { portalBookingEn } from "./portal-booking.en.ts";
import { portalEidEn } from "./portal-eid.en.ts";
import { portalGuidesEn } from "./portal-guides.en.ts";
import { portalPlanEn } from "./portal-plan.en.ts";
import { portalUsageEn } from "./portal-usage.en.ts";
import { progressionInstrumentsEn } from "./progression-instruments.en.ts";
import { progressionMeasureEn } from "./progression-measure.en.ts";
import { progressionResultsEn } from "./progression-results.en.ts";
import { registerEn } from "./register.en.ts";
import { registerStatisticsEn } from "./register-statistics.en.ts";
import { reportingEn } from "./reporting.en.ts";
import { requisitionsEn } from "./requisitions.en.ts";
import { steeringGroupsEn } from "./steering-groups.en.ts";
import type { sv } from "./sv.ts";

export const en: Record<keyof typeof sv, string> = {
  ...applicationFormEn,
  ...applicationPagesEn,
  ...periodicReportsEn,
  ...steeringGroupsEn,
  ...deviationsEn,
  ...finalReportsEn,
  ...reportingEn,
  ...financeEn,
  ...courseFiguresEn,
  ...evaluationStaffEn,
  ...coursePreviewEn,
  ...coursePagesEn,
  ...courseAuthoringEn,
  ...budgetsEn,
  ...requisitionsEn,
  ...registerStatisticsEn,
  ...registerEn,
  ...followUpEn,
  ...progressionInstrumentsEn,
  ...progressionMeasureEn,
  ...progressionResultsEn,
  ...portalAccessEn,
  ...portalEidEn,
  ...portalBookingEn,
  ...portalPlanEn,
  ...portalGuidesEn,
  ...portalUsageEn,
  "app.name": "Samspår",
  "app.tagline": "Follow-up for coordination associations and their initiatives",

  "nav.skipToContent": "Skip to content",
  "nav.home": "Home",
  "nav.memberOrganisations": "Member organisations",
  "nav.people": "People and roles",
  "nav.auditLog": "Audit log",
  "nav.reports": "Reports",
  "nav.deviations": "Deviations",
  "nav.outbox": "Outbox",
  "nav.account": "My account",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.mainMenu": "Main menu",

  "language.sv": "Svenska",
  "language.en": "English",

  "signIn.title": "Sign in",
  "signIn.email": "Email address",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.invalid": "Wrong email address or password. Check the spelling and try again.",
  "signIn.locked":
    "The account is temporarily locked after too many failed attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "signIn.throttled":
    "There have been too many sign-in attempts in a short time. Wait {minutes, plural, one {# minute} other {# minutes}} and then try again.",
  "signIn.expired": "You have been inactive for a while and have been signed out. Sign in again.",
  "signIn.signedOut": "You are signed out.",
  "signIn.oidc": "Sign in with your organisation’s account",

  "totp.title": "Two-step verification",
  "totp.code": "One-time code from your app",
  "totp.codeHint": "Six digits from the app, for example Microsoft Authenticator or FreeOTP.",
  "totp.invalid": "The code is not correct. Enter the code the app shows right now.",
  "totp.enrolTitle": "Turn on two-step verification",
  "totp.enrolIntro":
    "With two-step verification you need both your password and a one-time code from an app on your phone to sign in. Open the app, scan the QR code and enter the code the app shows.",
  "totp.secretLabel": "If you cannot scan the code, enter this key in the app",
  "totp.enrolled": "Two-step verification is turned on.",
  "totp.required":
    "Your association requires two-step verification for staff. Turn it on to continue.",

  "errors.summaryTitle":
    "There {count, plural, one {is one error} other {are # errors}} to correct",
  "errors.fieldRequired": "Fill in {field}.",
  "errors.invalidEmail": "Write the email address as name@example.com.",
  "errors.csrf": "The form expired for security reasons. Reload the page and send it again.",
  "errors.forbidden": "You do not have permission to see this page.",
  "errors.notFound": "The page does not exist.",
  "errors.server":
    "Something went wrong on our side. Try again in a while. Error code: {requestId}",
  "errors.conflict":
    "Someone else changed the details while you were working. Reload the page, check the changes and try again.",

  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.search": "Search",
  "common.yes": "Yes",
  "common.no": "No",
  "common.required": "required",
  "common.back": "Back",
  "common.close": "Close",

  "role.association_admin": "Association administrator",
  "role.board_member": "Board member/preparatory group",
  "role.initiative_lead": "Initiative lead",
  "role.steering_group_member": "Steering group member",
  "role.participant_officer": "Participant officer",
  "role.participant": "Participant",
  "role.auditor": "Data protection officer/auditor",

  // Names of Swedish authorities stay in Swedish; they are proper names.
  "orgKind.forsakringskassan": "Försäkringskassan (Social Insurance Agency)",
  "orgKind.arbetsformedlingen": "Arbetsförmedlingen (Public Employment Service)",
  "orgKind.region": "Region",
  "orgKind.kommun": "Municipality",
  "orgKind.annan": "Other",

  "people.count": "{count, plural, =0 {No people} one {# person} other {# people}}",
  "audit.count": "{count, plural, =0 {No events} one {# event} other {# events}} in the audit log",
  "outbox.empty": "The outbox is empty. No messages are waiting to be sent.",
  "footer.accessibility": "Accessibility statement",
  "errors.serverTitle": "Something went wrong",
  "errors.forbiddenTitle": "No access",
  "common.choose": "Choose …",
  "home.title": "Choose association",
  "home.noAssociation":
    "You have no role in any association yet. Contact the association's office.",
  "account.name": "Name",
  "account.totpOff":
    "Two-step verification is not on for your account. With it, signing in needs both your password and a code from your phone.",
  "totp.activate": "Turn on",
  "totp.qrLabel": "QR code to scan with your authenticator app",
  "invitation.title": "Choose a password",
  "invitation.intro": "Welcome, {name}! Choose a password for the account {email}.",
  "invitation.password": "New password",
  "invitation.passwordHint":
    "At least 12 characters. A few words in a row are easy to remember and hard to guess.",
  "invitation.passwordAgain": "Type the password again",
  "invitation.submit": "Save the password and sign in",
  "invitation.invalid":
    "The link has already been used or has expired. Ask the association's administrator for a new invitation.",
  "accessibility.title": "Accessibility of Samspår",
  "accessibility.intro":
    "Samspår should work for everyone, also with a screen reader, the keyboard alone, 200 % zoom and a narrow phone screen. This statement describes how the service meets the Swedish law (2018:1937) on accessible digital public services. The participants' pages have their own statement in the participants' languages.",
  "accessibility.statusTitle": "How accessible is the service?",
  "accessibility.status":
    "The service is built to meet WCAG 2.1 level AA (the standard EN 301 549) and partly meets it: the shortcomings we know of are listed below. All forms also work without JavaScript.",
  "accessibility.knownTitle": "What does not work yet",
  "accessibility.knownPdfTags":
    "The PDF documents (for example applications, reports and data copies) are not tagged, so a screen reader may read them in the wrong order. The same content is on the web pages.",
  "accessibility.knownPdfScript":
    "The paper form for progression measurements (PDF) cannot show Arabic, Tigrinya or Dari script; the form in those languages has its questions in Swedish or English.",
  "accessibility.testedTitle": "How we tested",
  "accessibility.tested":
    "Every page is tested automatically with axe in browser tests, every flow works with the keyboard alone, the pages work at 320 pixels wide and at 200 % zoom, and we have spot-checked with screen readers.",
  "accessibility.updated": "This statement was last updated on {date}.",
  "accessibility.reportTitle": "Report a problem",
  "accessibility.report":
    "If something does not work for you, tell us here. Describe where it was and what you tried to do. You do not need to be signed in, and contact details are only needed if you want an answer.",
  "accessibility.form.page": "Where is the problem?",
  "accessibility.form.pageHint": "The page's name or address, or what you tried to do.",
  "accessibility.form.description": "What happened?",
  "accessibility.form.descriptionHint": "Describe what you tried to do and what did not work.",
  "accessibility.form.contact": "E-mail or phone (if you want an answer)",
  "accessibility.form.contactHint": "Optional. We only use it to answer you.",
  "accessibility.form.send": "Send the report",
  "accessibility.form.to": "The report goes to {association}.",
  "accessibility.form.toAll":
    "You are not signed in, so the report goes to the office of every association on this Samspår installation. Do not write personal details you do not want them to see.",
  "accessibility.form.toChosen":
    "You have roles in several associations. Choose which association the report concerns, and it goes only to that association's office.",
  "accessibility.form.association": "Which association does it concern?",
  "accessibility.form.associationHint":
    "Without a choice, the report goes to the office of every association on this Samspår installation.",
  "accessibility.form.associationNone": "No particular association",
  "accessibility.form.toAllSignedIn":
    "You have no role in any association, so the report is not tied to one. It goes to the office of every association on this Samspår installation.",
  "accessibility.form.sent":
    "Thank you! We have received the report. If you left contact details, we will answer as soon as we can.",
  "accessibility.form.error.page":
    "Write where the problem is, for example the page's name or what you tried to do.",
  "accessibility.form.error.description": "Write what happened, so that we can fix it.",
  "accessibility.form.error.tooLong": "The text is too long. Write at most {max} characters.",
  "accessibility.enforcementTitle": "Enforcement",
  "accessibility.enforcement":
    "The Agency for Digital Government (Digg) supervises the law. If you are not satisfied with how we handle your feedback, you can report it to Digg.",
  "accessibility.enforcementLink": "Report to Digg",
  "overview.welcome": "Welcome, {name}.",
  "overview.yourRoles": "Your roles in the association",
  "overview.yourInitiatives": "Your initiatives",
  "overview.memberOrganisations":
    "{count, plural, =0 {No member organisations} one {# member organisation} other {# member organisations}}",
  "initiativeStatus.ansokan": "Application",
  "initiativeStatus.beviljad": "Approved",
  "initiativeStatus.pagaende": "Running",
  "initiativeStatus.avslutad": "Ended",
  "initiativeStatus.avslutad_i_fortid": "Ended early",
  "initiativeStatus.avslagen": "Rejected",
  "org.name": "Name",
  "org.orgNumber": "Organisation number",
  "org.orgNumberHint": "Ten digits, for example 212000-0142.",
  "org.kind": "Kind of organisation",
  "org.add": "Add member organisation",
  "org.saved": "The change is saved.",
  "org.tableCaption":
    "{count, plural, =0 {No member organisations yet} one {# member organisation} other {# member organisations}}",
  "people.add": "Add person",
  "people.addIntro":
    "The person gets an e-mail with a link to choose a password. If they already use Samspår, they just get the new role.",
  "people.role": "Role",
  "people.roles": "Roles",
  "people.initiative": "Initiative",
  "people.initiativeHint":
    "Initiative lead, steering group member and participant officer apply to one initiative. Other roles apply to the whole association.",
  "people.wholeAssociation": "Whole association",
  "people.invited": "The person has been added and invited by e-mail.",
  "people.roleAdded": "The person has been given the role.",
  "people.saved": "The change is saved.",
  "people.status": "Status",
  "people.active": "Active",
  "people.activeTotp": "Active, two-step verification on",
  "people.disabled": "Disabled",
  "people.revoke": "Remove the role {role}",
  "people.addRole": "Give another role",
  "people.account": "The account",
  "people.disable": "Disable the account",
  "people.enable": "Enable the account again",
  "audit.chainOk": "The audit log is intact: all {count} events were checked against their chain.",
  "audit.chainBroken": "Warning: the audit log has been altered. The chain breaks at event {seq}.",
  "audit.searchText": "Search by person, event or object",
  "audit.from": "From",
  "audit.to": "To",
  "audit.when": "When",
  "audit.who": "Who",
  "audit.what": "Event",
  "audit.target": "Object",
  "audit.details": "Details",
  "audit.older": "Show older events",
  "outbox.smtp": "Messages are sent through the mail server and shown here with their status.",
  "outbox.noSmtp":
    "No mail server is configured, so messages are not sent but stay here. Copy the link in the message to the recipient.",
  "outbox.to": "To",
  "outbox.status.queued": "Waiting to be sent",
  "outbox.status.sent": "Sent",
  "outbox.status.outbox": "In the outbox (not sent)",
  "outbox.status.failed": "Could not be sent",
  "signIn.oidcFailed":
    "Signing in with your organisation's account could not be completed. Please try again.",
  "signIn.oidcUnknown":
    "There is no Samspår account for the person you signed in as. Ask the association's office to add you.",
  "nav.initiatives": "Initiatives",
  "initiatives.register": "Register an initiative",
  "initiatives.count":
    "{count, plural, =0 {No initiatives} one {# initiative} other {# initiatives}}",
  "initiatives.countFiltered":
    "{count, plural, =0 {No initiatives match the search} one {# initiative matches the search} other {# initiatives match the search}}",
  "initiatives.filterTitle": "Search, filter and sort",
  "initiatives.searchText": "Search by the initiative’s name or owner",
  "initiatives.allOwners": "All owners",
  "initiatives.allOrientations": "Both orientations",
  "initiatives.from": "Running at some point from",
  "initiatives.to": "Running at some point until",
  "initiatives.sort": "Sort by",
  "initiatives.order": "Order",
  "initiatives.ascending": "Ascending (A–Z, earliest first)",
  "initiatives.descending": "Descending (Z–A, latest first)",
  "initiatives.show": "Show initiatives",
  "initiatives.clear": "Show all initiatives",
  "initiatives.endedEarly": "ended early, planned end {date}",
  "initiatives.ongoingCount": "{count} at any one time",
  "initiative.column": "Initiative",
  "initiative.name": "Name of the initiative",
  "initiative.owner": "Owner",
  "initiative.ownerHint": "The member organisation that owns the initiative.",
  "initiative.partners": "Partners",
  "initiative.partnersHint": "Choose at least one member organisation besides the owner.",
  "initiative.status": "Status",
  "initiative.orientation": "Orientation",
  "orientation.individual": "Aimed at individuals",
  "orientation.structural": "Structural",
  "initiative.preRehabilitation": "Pre-rehabilitation",
  "initiative.preRehabilitationHint": "The participants’ goal is a plan towards work or studies.",
  "initiative.esf": "Co-funded by the European Social Fund (ESF)",
  "initiative.otherFacts": "Other facts about the initiative",
  "initiative.period": "Period",
  "initiative.startDate": "Start date",
  "initiative.endDate": "End date",
  "initiative.lastIntakeDate": "Last intake",
  "initiative.plannedEndDate": "Originally planned end",
  "initiative.plannedEndDateHint": "Only for an initiative that ended early. YYYY-MM-DD",
  "initiative.dateHint": "YYYY-MM-DD",
  "initiative.participants": "Target group and participants",
  "initiative.targetGroup": "Target group",
  "initiative.targetGroupHint": "Who the initiative is for.",
  "initiative.expectedParticipants": "Expected number of participants",
  "initiative.expectedParticipantsHint":
    "For the whole period. If the number is at any one time, tick the box below.",
  "initiative.ongoing": "At any one time",
  "initiative.goals": "Goals",
  "initiative.goalsHint":
    "One goal per row, with a target as a number or a percentage if the goal can be measured. Rows you leave empty are not saved.",
  "initiative.goal": "Goal {number}",
  "initiative.goalText": "What is to be achieved?",
  "initiative.goalKind": "Kind of goal",
  "goalKind.resultatmal": "Outcome goal",
  "goalKind.insatsmal": "Activity goal",
  "goalKind.effektmal": "Impact goal",
  "initiative.targetNumber": "Target as a number",
  "initiative.targetPercent": "Target as a percentage",
  "initiative.target": "Target",
  "initiative.noGoals": "No goals are registered.",
  "initiative.localUnits": "Local units",
  "initiative.localUnitsHint":
    "For example the municipalities of an initiative covering several, each with its own number of participants. Rows you leave empty are not saved.",
  "initiative.localUnit": "Local unit {number}",
  "initiative.localUnitName": "Name of the local unit",
  "initiative.noLocalUnits": "No local units are registered.",
  "initiative.notSet": "Not given",
  "initiative.create": "Register the initiative",
  "initiative.edit": "Change the details",
  "initiative.editTitle": "Change {name}",
  "initiative.registered": "The initiative is registered.",
  "initiative.saved": "The changes are saved.",
  "initiative.backToList": "All initiatives",
  "initiative.conflictHelp":
    "First copy what you want to keep, because what you typed here does not come along.",
  "initiative.reload": "Fetch the latest version",
  "initiative.followUp": "Follow-up",
  "initiative.periodicReports": "Periodic reports",
  "initiative.deviations": "Deviation reports",
  "initiative.steeringGroup": "Steering group and meetings",
  "initiative.moneyLink": "Budget against outcome and prognosis",
  "initiative.newRequisition": "New requisition",
  "initiative.finalReport": "Final report",
  "initiative.applications": "Application",
  "initiative.applicationNumbered": "Application reg. no. {number}",
  "initiative.applicationDraft": "Application (not submitted)",
  "initiative.applicationArrived": "arrived {date}",
  "initiative.applicationDecided": "decided {date}",
  "initiative.editInApplication":
    "This initiative is an application that has not been decided yet. Its details are changed in the application, and the initiative follows it.",
  "applicationStatus.utkast": "Draft",
  "applicationStatus.inskickad": "Submitted",
  "applicationStatus.under_beredning": "In preparation",
  "applicationStatus.komplettering": "Returned for completion",
  "applicationStatus.beviljad": "Approved",
  "applicationStatus.avslagen": "Rejected",
};
