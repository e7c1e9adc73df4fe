// Walks every page of the web app and every API operation, as every role, in the person's
// own association and in a foreign one, and compares the answer with the access table
// below — written by hand from domain/README.md, not derived from the policy, so a page that
// forgets to ask the policy (or asks for the wrong permission) makes this test fail.
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, sessionFor, type TestApp } from "../../tests/support/app.ts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { buildOpenApiDocument } from "../api/app.ts";
import { emptyContent } from "../applications/content.ts";
import { createApplication } from "../applications/save-application.ts";
import { applications, applicationVersions } from "../applications/schema.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { memberOrganisations } from "../associations/schema.ts";
import { getCurrentBudget, saveBudget } from "../finance/budgets.ts";
import { createRequisition } from "../finance/requisitions.ts";
import { requisitionAttachments, requisitions } from "../finance/schema.ts";
import { followUpVersions } from "../follow-up/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { createApiToken } from "../people/create-api-token.ts";
import type { Role } from "../people/roles.ts";
import { users } from "../people/schema.ts";
import { progressionInstruments, progressionInstrumentVersions } from "../progression/schema.ts";
import { enrollments, participants } from "../register/schema.ts";
import { inRegister } from "../register/zone.ts";
import { ensurePeriodicReports } from "../reports/calendar.ts";
import { createFinalReport } from "../reports/final-reports.ts";
import {
  deviationReports,
  meetingAttachments,
  periodicReports,
  steeringGroupMeetings,
  steeringGroupMembers,
} from "../reports/schema.ts";
import routes from "../web/routes.ts";

type Who = Role | "anonymous";
const ROLES_UNDER_TEST: Who[] = [
  "association_admin",
  "board_member",
  "initiative_lead",
  "steering_group_member",
  "participant_officer",
  "participant",
  "auditor",
  "anonymous",
];
const SIGNED_IN = ROLES_UNDER_TEST.filter((r) => r !== "anonymous");
const STAFF_READING_ORGANISATIONS: Who[] = [
  "association_admin",
  "board_member",
  "initiative_lead",
  "steering_group_member",
  "participant_officer",
];

/** Pages inside an association: who gets the page (200). Others signed in: 403; anonymous: sign-in. */
/** Initiative roles of the demo's "Tierp, Växtverket", the initiative the pages are asked about. */
const ON_THE_INITIATIVE: Who[] = [
  "initiative_lead",
  "steering_group_member",
  "participant_officer",
];
/** The initiative roles that see their initiative's application (the coach does not). */
const LEADING_OR_STEERING: Who[] = ["initiative_lead", "steering_group_member"];
/** The follow-up report's readers: the office, the board and the auditor (follow_up.view). */
const FOLLOW_UP_READERS: Who[] = ["association_admin", "board_member", "auditor"];
/** Who writes the portal's support guides: the office, and the initiative's lead and officers. */
const GUIDE_WRITERS: Who[] = ["association_admin", "initiative_lead", "participant_officer"];
/**
 * Pages whose row the role may not see although it may use the page: 404, as if the row did not
 * exist (a guide of the whole association, to an initiative's lead or officer).
 */
const OWN_NOT_FOUND: Readonly<Record<string, readonly Who[]>> = {
  ":association/stod/:guideId": ["initiative_lead", "participant_officer"],
  // the demo course is Lärcentrum digitalt's: the roles of Tierp, Växtverket may not write it
  ":association/kurser/:courseId": ["initiative_lead", "participant_officer"],
  ":association/kurser/:courseId/kapitel/:chapterId": ["initiative_lead", "participant_officer"],
  ":association/kurser/:courseId/kapitel/:chapterId/sidor": [
    "initiative_lead",
    "participant_officer",
  ],
  ":association/kurser/:courseId/kapitel/:chapterId/sidor/:pageId": [
    "initiative_lead",
    "participant_officer",
  ],
  ":association/kurser/:courseId/forhandsvisning": ["initiative_lead", "participant_officer"],
  ":association/kurser/:courseId/filer/:mediaId": ["initiative_lead", "participant_officer"],
};
/** Pages that send an allowed role on (302) instead of showing something of their own. */
const ALLOWED_REDIRECTS: ReadonlySet<string> = new Set([
  ":association/kurser/:courseId/kapitel/:chapterId/sidor",
]);
/** Actions that answer 404 to an allowed role when the form names no row of theirs. */
const ACTION_MAY_NOT_FIND: ReadonlySet<string> = new Set([
  ":association/insatser/:initiativeId/portal/utkorg",
  ":association/deltagare/:enrollmentId/plan",
  ":association/kurser/:courseId",
  ":association/kurser/:courseId/kapitel/:chapterId",
  ":association/kurser/:courseId/kapitel/:chapterId/sidor",
  ":association/kurser/:courseId/kapitel/:chapterId/sidor/:pageId",
  // the form names which question set ("kort" or "slut"); another answers 404
  ":association/insatser/:initiativeId/portal/tyck-till",
]);
/** Pages a participant is sent from to the portal (302 to /portal) instead of being shown. */
const PARTICIPANT_TO_PORTAL: ReadonlySet<string> = new Set([":association"]);
const ASSOCIATION_PAGES: Record<string, Who[]> = {
  ":association": SIGNED_IN,
  ":association/insatser": ["association_admin", "board_member", ...ON_THE_INITIATIVE],
  ":association/insatser/ny": ["association_admin"],
  ":association/insatser/:initiativeId": [
    "association_admin",
    "board_member",
    ...ON_THE_INITIATIVE,
  ],
  ":association/insatser/:initiativeId/andra": ["association_admin", "initiative_lead"],
  ":association/ansokningar": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/ansokningar/ny": ["association_admin", "initiative_lead"],
  ":association/ansokningar/blankett": ["association_admin"],
  ":association/ansokningar/:applicationId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/ansokningar/:applicationId/andra": ["association_admin", "initiative_lead"],
  ":association/ansokningar/:applicationId/historik": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/ansokningar/:applicationId/dokument": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/rapporter": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/rapporter/kalender": ["association_admin"],
  ":association/rapporter/:reportId": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/rapporter/:reportId/andra": ["association_admin", "initiative_lead"],
  ":association/rapporter/:reportId/styrgrupp": ["association_admin", "steering_group_member"],
  ":association/insatser/:initiativeId/styrgrupp": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/styrgrupp/moten/:meetingId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/styrgrupp/bilagor/:attachmentId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/avvikelser": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/avvikelser/ny": ["association_admin", "initiative_lead"],
  ":association/avvikelser/:deviationId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/avvikelser/:deviationId/andra": ["association_admin", "initiative_lead"],
  ":association/insatser/:initiativeId/slutrapport": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/slutrapporter/:finalReportId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/slutrapporter/:finalReportId/andra": ["association_admin", "initiative_lead"],
  ":association/rapporter/:reportId/dokument": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/avvikelser/:deviationId/dokument": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/slutrapporter/:finalReportId/dokument": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  // money: the association's (office, board), an initiative's (and its lead and steering group)
  ":association/ekonomi": ["association_admin", "board_member"],
  ":association/ekonomi/ar/:year": ["association_admin"],
  ":association/ekonomi/installningar": ["association_admin"],
  ":association/ekonomi/arbetsbok": ["association_admin", "board_member"],
  ":association/ekonomi/nationella-uppgifter": ["association_admin", "board_member"],
  ":association/insatser/:initiativeId/ekonomi": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/budget": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/budget/xlsx": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/budget/versioner/:budgetVersion": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/budget/andra": ["association_admin"],
  ":association/insatser/:initiativeId/budget/omfordela": ["association_admin"],
  ":association/insatser/:initiativeId/budget/importera": ["association_admin"],
  ":association/insatser/:initiativeId/budget/mall": ["association_admin"],
  ":association/rekvisitioner": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/rekvisitioner/ny": ["association_admin", "initiative_lead"],
  ":association/rekvisitioner/:requisitionId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/rekvisitioner/:requisitionId/andra": ["association_admin", "initiative_lead"],
  ":association/rekvisitioner/:requisitionId/bilagor/:fileId": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  // the participant register: identities for the initiative's participant officer only
  ":association/deltagare": ["participant_officer"],
  ":association/deltagare/ny": ["participant_officer"],
  ":association/deltagare/importera": ["participant_officer"],
  ":association/deltagare/importera/mall": ["participant_officer"],
  ":association/deltagare/importera/forlopp": ["participant_officer"],
  ":association/deltagare/:enrollmentId": ["participant_officer"],
  ":association/deltagare/:enrollmentId/utdrag": ["participant_officer"],
  ":association/insatser/:initiativeId/deltagarantal": ["association_admin", "participant_officer"],
  // statistics leave the register only through disclosure control; the log is the auditor's
  ":association/deltagarstatistik": ["association_admin", "board_member"],
  ":association/deltagarstatistik/rojandekontroll": ["association_admin"],
  // the follow-up report: the board and the auditor read locked versions, the office all
  ":association/uppfoljning": FOLLOW_UP_READERS,
  ":association/uppfoljning/:followUpId": FOLLOW_UP_READERS,
  ":association/uppfoljning/:followUpId/andra": ["association_admin"],
  ":association/uppfoljning/:followUpId/las": ["association_admin"],
  ":association/uppfoljning/:followUpId/dokument": FOLLOW_UP_READERS,
  ":association/registerlogg": ["auditor"],
  // progression measurement: results are protected aggregates (office, board; lead and steering
  // on their own initiative); measuring and the evaluator's export are the register's
  ":association/progression": ["association_admin", "board_member", ...LEADING_OR_STEERING],
  ":association/progression/instrument": ["association_admin", "board_member"],
  ":association/progression/instrument/ny": ["association_admin"],
  ":association/progression/instrument/:instrumentId": ["association_admin", "board_member"],
  ":association/progression/instrument/versioner/:versionId/blankett.pdf": [
    "association_admin",
    "participant_officer",
  ],
  ":association/insatser/:initiativeId/progression": [
    "association_admin",
    "board_member",
    ...LEADING_OR_STEERING,
  ],
  ":association/insatser/:initiativeId/jamforelsegrupp": ["participant_officer"],
  ":association/insatser/:initiativeId/progression/utvardering.csv": ["participant_officer"],
  ":association/deltagare/matningar": ["participant_officer"],
  ":association/deltagare/:enrollmentId/matningar": ["participant_officer"],
  ":association/deltagare/:enrollmentId/matningar/ny": ["participant_officer"],
  // the participant portal's staff side: participant data for the initiative's participant
  // officer only; guides for the office and the initiative's lead and officers; usage figures
  // are protected aggregates
  ":association/insatser/:initiativeId/portal": ["participant_officer"],
  ":association/insatser/:initiativeId/portal/utkorg": ["participant_officer"],
  ":association/insatser/:initiativeId/portal/tider": ["participant_officer"],
  ":association/insatser/:initiativeId/portal/statistik": [
    "association_admin",
    "board_member",
    ...ON_THE_INITIATIVE,
  ],
  ":association/deltagare/:enrollmentId/plan": ["participant_officer"],
  ":association/stod": GUIDE_WRITERS,
  // an association-wide guide of the demo: the office; the initiative roles get 404 (OWN_NOT_FOUND)
  ":association/stod/:guideId": GUIDE_WRITERS,
  ":association/e-legitimation": ["association_admin"],
  ":association/tillganglighetsrapporter": ["association_admin"],
  // courses: written by the office and the initiatives' leads and officers; their figures and
  // Tyck till's results are protected aggregates; the free text only to the initiative's officers
  ":association/kurser": GUIDE_WRITERS,
  ":association/kurser/:courseId": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId/sidor": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId/sidor/:pageId": GUIDE_WRITERS,
  ":association/kurser/:courseId/forhandsvisning": GUIDE_WRITERS,
  ":association/kurser/:courseId/filer/:mediaId": GUIDE_WRITERS,
  ":association/insatser/:initiativeId/portal/kurser": [
    "association_admin",
    "board_member",
    ...ON_THE_INITIATIVE,
  ],
  ":association/insatser/:initiativeId/portal/tyck-till": [
    "initiative_lead",
    "participant_officer",
  ],
  ":association/insatser/:initiativeId/portal/tyck-till/resultat": [
    "association_admin",
    "board_member",
    ...ON_THE_INITIATIVE,
  ],
  ":association/insatser/:initiativeId/portal/tyck-till/fritext": ["participant_officer"],
  ":association/organisationer": STAFF_READING_ORGANISATIONS,
  ":association/organisationer/:organisationId": ["association_admin"],
  ":association/personer": ["association_admin"],
  ":association/personer/ny": ["association_admin"],
  ":association/personer/:userId": ["association_admin"],
  ":association/granskningslogg": ["auditor"],
  ":association/utkorg": ["association_admin"],
};
/** Pages with a form action inside an association: who may post. */
const ASSOCIATION_ACTIONS: Record<string, Who[]> = {
  ":association/insatser/:initiativeId/portal": ["participant_officer"],
  ":association/insatser/:initiativeId/portal/utkorg": ["participant_officer"],
  ":association/insatser/:initiativeId/portal/tider": ["participant_officer"],
  ":association/deltagare/:enrollmentId/plan": ["participant_officer"],
  ":association/stod/:guideId": GUIDE_WRITERS,
  ":association/e-legitimation": ["association_admin"],
  ":association/kurser": GUIDE_WRITERS,
  ":association/kurser/:courseId": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId/sidor": GUIDE_WRITERS,
  ":association/kurser/:courseId/kapitel/:chapterId/sidor/:pageId": GUIDE_WRITERS,
  ":association/insatser/:initiativeId/portal/tyck-till": [
    "initiative_lead",
    "participant_officer",
  ],
  ":association/progression/instrument/ny": ["association_admin"],
  ":association/progression/instrument/:instrumentId": ["association_admin"],
  ":association/insatser/:initiativeId/progression": ["association_admin"],
  ":association/insatser/:initiativeId/jamforelsegrupp": ["participant_officer"],
  ":association/deltagare/:enrollmentId/matningar": ["participant_officer"],
  ":association/deltagare/:enrollmentId/matningar/ny": ["participant_officer"],
  ":association/insatser/ny": ["association_admin"],
  ":association/insatser/:initiativeId/andra": ["association_admin", "initiative_lead"],
  ":association/ansokningar/ny": ["association_admin", "initiative_lead"],
  ":association/ansokningar/blankett": ["association_admin"],
  // the application's workflow: the office, the board (comments, decision), the lead (signatures, submission)
  ":association/ansokningar/:applicationId": [
    "association_admin",
    "board_member",
    "initiative_lead",
  ],
  ":association/ansokningar/:applicationId/andra": ["association_admin", "initiative_lead"],
  // sending a reminder now, from the dashboard
  ":association/rapporter": ["association_admin"],
  ":association/rapporter/kalender": ["association_admin"],
  // the report's workflow: office (register, accept, return, comment), lead (submit, comment), steering group (comment)
  ":association/rapporter/:reportId": [
    "association_admin",
    "initiative_lead",
    "steering_group_member",
  ],
  ":association/rapporter/:reportId/andra": ["association_admin", "initiative_lead"],
  ":association/rapporter/:reportId/styrgrupp": ["association_admin", "steering_group_member"],
  ":association/insatser/:initiativeId/styrgrupp": ["association_admin", "initiative_lead"],
  ":association/insatser/:initiativeId/styrgrupp/moten/:meetingId": [
    "association_admin",
    "initiative_lead",
  ],
  ":association/avvikelser/ny": ["association_admin", "initiative_lead"],
  ":association/avvikelser/:deviationId": ["association_admin", "board_member", "initiative_lead"],
  ":association/avvikelser/:deviationId/andra": ["association_admin", "initiative_lead"],
  ":association/insatser/:initiativeId/slutrapport": ["association_admin", "initiative_lead"],
  ":association/slutrapporter/:finalReportId": ["association_admin", "initiative_lead"],
  ":association/slutrapporter/:finalReportId/andra": ["association_admin", "initiative_lead"],
  ":association/ekonomi/ar/:year": ["association_admin"],
  ":association/ekonomi/installningar": ["association_admin"],
  // the office's prognosis and returned funds
  ":association/insatser/:initiativeId/ekonomi": ["association_admin"],
  ":association/insatser/:initiativeId/budget/andra": ["association_admin"],
  ":association/insatser/:initiativeId/budget/omfordela": ["association_admin"],
  ":association/insatser/:initiativeId/budget/importera": ["association_admin"],
  ":association/rekvisitioner/ny": ["association_admin", "initiative_lead"],
  // the requisition's workflow: the lead submits, the office returns, approves, records payment
  ":association/rekvisitioner/:requisitionId": ["association_admin", "initiative_lead"],
  ":association/rekvisitioner/:requisitionId/andra": ["association_admin", "initiative_lead"],
  ":association/deltagare/ny": ["participant_officer"],
  ":association/deltagare/importera": ["participant_officer"],
  ":association/deltagare/importera/forlopp": ["participant_officer"],
  ":association/deltagare/:enrollmentId": ["participant_officer"],
  ":association/deltagarstatistik/rojandekontroll": ["association_admin"],
  ":association/insatser/:initiativeId/deltagarantal": ["association_admin", "participant_officer"],
  ":association/organisationer": ["association_admin"],
  ":association/organisationer/:organisationId": ["association_admin"],
  ":association/personer/ny": ["association_admin"],
  ":association/personer/:userId": ["association_admin"],
};
/** Pages outside an association: the status each kind of visitor gets. */
const OTHER_PAGES: Record<string, { signedIn: number; anonymous: number }> = {
  "": { signedIn: 302, anonymous: 302 },
  "logga-in": { signedIn: 302, anonymous: 200 },
  "logga-in/kod": { signedIn: 302, anonymous: 302 },
  "logga-in/aktivera-kod": { signedIn: 302, anonymous: 302 },
  "logga-in/oidc": { signedIn: 404, anonymous: 404 },
  "logga-in/oidc/retur": { signedIn: 404, anonymous: 404 },
  "logga-ut": { signedIn: 302, anonymous: 302 },
  "valkommen/:token": { signedIn: 200, anonymous: 200 },
  "signera/:token": { signedIn: 200, anonymous: 200 },
  "signera-slutrapport/:token": { signedIn: 200, anonymous: 200 },
  konto: { signedIn: 200, anonymous: 302 },
  sprak: { signedIn: 302, anonymous: 302 },
  tillganglighet: { signedIn: 200, anonymous: 200 },
  "*": { signedIn: 404, anonymous: 404 },
};
/**
 * The participant portal's pages (top level): what a participant with a portal account, a
 * signed-in staff member and an anonymous visitor get. Staff have no portal (302 to their start
 * page); anonymous visitors are sent to the portal's own sign-in.
 */
const PORTAL_PAGES: Record<string, { participant: number; staff: number; anonymous: number }> = {
  // a signed-in participant goes on to the portal
  "portal/logga-in": { participant: 302, staff: 200, anonymous: 200 },
  "portal/logga-in/e-legitimation/:association": { participant: 302, staff: 302, anonymous: 302 },
  "portal/logga-in/e-legitimation-retur": { participant: 302, staff: 302, anonymous: 302 },
  "portal/logga-ut": { participant: 302, staff: 302, anonymous: 302 },
  "portal/sprak": { participant: 302, staff: 302, anonymous: 302 },
  "portal/tillganglighet": { participant: 200, staff: 200, anonymous: 200 },
  portal: { participant: 200, staff: 302, anonymous: 302 },
  "portal/plan": { participant: 200, staff: 302, anonymous: 302 },
  "portal/boka": { participant: 200, staff: 302, anonymous: 302 },
  "portal/boka/:availabilityId": { participant: 200, staff: 302, anonymous: 302 },
  "portal/bokningar/:bookingId": { participant: 200, staff: 302, anonymous: 302 },
  "portal/stod": { participant: 200, staff: 302, anonymous: 302 },
  "portal/stod/:guideId": { participant: 200, staff: 302, anonymous: 302 },
  "portal/mina-uppgifter": { participant: 200, staff: 302, anonymous: 302 },
  "portal/mina-uppgifter/utdrag.json": { participant: 200, staff: 302, anonymous: 302 },
  "portal/mina-uppgifter/utdrag.pdf": { participant: 200, staff: 302, anonymous: 302 },
  "portal/installningar": { participant: 200, staff: 302, anonymous: 302 },
  "portal/kurser": { participant: 200, staff: 302, anonymous: 302 },
  "portal/kurser/:courseId": { participant: 200, staff: 302, anonymous: 302 },
  "portal/kurser/:courseId/:chapterId/:page": { participant: 200, staff: 302, anonymous: 302 },
  "portal/kurser/:courseId/:chapterId/klart": { participant: 200, staff: 302, anonymous: 302 },
  "portal/filer/:mediaId": { participant: 200, staff: 302, anonymous: 302 },
  "portal/tyck-till": { participant: 200, staff: 302, anonymous: 302 },
  // the exit survey ("slut/slut"), which the demo participant has not answered
  "portal/tyck-till/:context/:key": { participant: 200, staff: 302, anonymous: 302 },
};
/** The roles that see the applications of their association, or of their initiative. */
const SEEING_APPLICATIONS: Who[] = [
  "association_admin",
  "board_member",
  "initiative_lead",
  "steering_group_member",
];
/** Roles in the association that may not see an application: they get 404, as if it did not exist. */
const NOT_SEEING_APPLICATIONS: Who[] = ["participant_officer", "participant", "auditor"];
const APPLICATION = "/associations/{slug}/applications/{applicationId}";
/** The roles that read reports and steering groups: all, or those of their initiative. */
const READING_REPORTS: Who[] = [
  "association_admin",
  "board_member",
  "initiative_lead",
  "steering_group_member",
];
const SEEING_REPORTS_VIEW = READING_REPORTS;
const NOT_SEEING_REPORTS: Who[] = ["participant_officer", "participant", "auditor"];
const MANAGING_STEERING_GROUP: Who[] = ["association_admin", "initiative_lead"];
const REPORT = "/associations/{slug}/periodic-reports/{reportId}";
const SG = "/associations/{slug}/initiatives/{initiativeId}/steering-group";
const DEVIATION = "/associations/{slug}/deviation-reports/{deviationId}";
const FINAL = "/associations/{slug}/final-reports/{finalReportId}";
const BUDGET = "/associations/{slug}/initiatives/{initiativeId}/budget";
const REQ = "/associations/{slug}/requisitions/{requisitionId}";
const MONEY = "/associations/{slug}/money/{year}";
const ON_INITIATIVE = "/associations/{slug}/initiatives/{initiativeId}";
const OFFICE_WRITES = { roles: ["association_admin"] as Who[], writes: true };
/** The portal's protected figures (portal.usage): the office, the board and an initiative's own. */
const PORTAL_FIGURES: Who[] = [...READING_REPORTS, "participant_officer"];
const BOARD_READS = { roles: ["association_admin", "board_member"] as Who[], writes: false };
/**
 * API operations: the roles whose tokens get a 2xx in their own association; other roles get
 * 403, except the `unseen` ones, who get 404.
 */
const API_OPERATIONS: Record<string, { roles: Who[]; writes: boolean; unseen?: Who[] }> = {
  [`GET ${BUDGET}`]: { roles: READING_REPORTS, writes: false },
  [`GET ${BUDGET}/versions`]: { roles: READING_REPORTS, writes: false },
  [`GET ${BUDGET}/export`]: { roles: READING_REPORTS, writes: false },
  [`PUT ${BUDGET}`]: OFFICE_WRITES,
  [`POST ${BUDGET}/rephasings`]: OFFICE_WRITES,
  [`POST ${BUDGET}/import`]: OFFICE_WRITES,
  // proposals and the template are for the office's editing (budget.edit): a read token gets 403
  [`GET ${BUDGET}/proposal`]: OFFICE_WRITES,
  [`GET ${BUDGET}/template`]: OFFICE_WRITES,
  "GET /associations/{slug}/requisitions": { roles: READING_REPORTS, writes: false },
  "POST /associations/{slug}/requisitions": {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
  },
  [`GET ${REQ}`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`GET ${REQ}/attachments/{fileId}`]: {
    roles: READING_REPORTS,
    writes: false,
    unseen: NOT_SEEING_REPORTS,
  },
  [`PUT ${REQ}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REQ}/submit`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REQ}/attachments`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`DELETE ${REQ}/attachments/{fileId}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REQ}/return`]: { ...OFFICE_WRITES, unseen: NOT_SEEING_REPORTS },
  [`POST ${REQ}/approve`]: { ...OFFICE_WRITES, unseen: NOT_SEEING_REPORTS },
  [`POST ${REQ}/payment`]: { ...OFFICE_WRITES, unseen: NOT_SEEING_REPORTS },
  "GET /associations/{slug}/funding-years/{year}": BOARD_READS,
  "PUT /associations/{slug}/funding-years/{year}": OFFICE_WRITES,
  "GET /associations/{slug}/finance-settings": BOARD_READS,
  "PUT /associations/{slug}/finance-settings": OFFICE_WRITES,
  [`GET ${MONEY}`]: BOARD_READS,
  [`GET ${MONEY}/workbook`]: BOARD_READS,
  [`GET ${MONEY}/national`]: BOARD_READS,
  "GET /associations/{slug}/participant-statistics": BOARD_READS,
  "GET /associations/{slug}/follow-ups": { roles: FOLLOW_UP_READERS, writes: false },
  "POST /associations/{slug}/follow-ups": OFFICE_WRITES,
  "GET /follow-ups/{followUpId}": { roles: FOLLOW_UP_READERS, writes: false },
  "GET /follow-ups/{followUpId}/document": { roles: FOLLOW_UP_READERS, writes: false },
  "GET /associations/{slug}/progression/instruments": { roles: READING_REPORTS, writes: false },
  "GET /associations/{slug}/progression/instrument-versions/{versionId}": {
    roles: READING_REPORTS,
    writes: false,
  },
  [`GET ${ON_INITIATIVE}/progression-plan`]: { roles: READING_REPORTS, writes: false },
  [`PUT ${ON_INITIATIVE}/progression-plan`]: OFFICE_WRITES,
  "GET /associations/{slug}/progression/results": { roles: READING_REPORTS, writes: false },
  // the portal's protected figures ("portal.usage"): also the initiative's participant officers
  "GET /associations/{slug}/course-figures": { roles: PORTAL_FIGURES, writes: false },
  "GET /associations/{slug}/evaluation-results": { roles: PORTAL_FIGURES, writes: false },
  [`GET ${ON_INITIATIVE}/money`]: { roles: READING_REPORTS, writes: false },
  [`GET ${ON_INITIATIVE}/returned-funds`]: { roles: READING_REPORTS, writes: false },
  [`POST ${ON_INITIATIVE}/prognosis-overrides`]: OFFICE_WRITES,
  [`POST ${ON_INITIATIVE}/returned-funds`]: OFFICE_WRITES,
  "GET /me": { roles: SIGNED_IN, writes: false },
  [`POST ${FINAL}/signatures`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${FINAL}/signatures/paper`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  "GET /associations/{slug}/member-organisations": {
    roles: STAFF_READING_ORGANISATIONS,
    writes: false,
  },
  "POST /associations/{slug}/member-organisations": { roles: ["association_admin"], writes: true },
  "PUT /associations/{slug}/member-organisations/{id}": {
    roles: ["association_admin"],
    writes: true,
  },
  "GET /associations/{slug}/users": { roles: ["association_admin"], writes: false },
  "GET /associations/{slug}/initiatives": {
    roles: ["association_admin", "board_member", ...ON_THE_INITIATIVE],
    writes: false,
  },
  "POST /associations/{slug}/initiatives": { roles: ["association_admin"], writes: true },
  "GET /associations/{slug}/initiatives/{initiativeId}": {
    roles: ["association_admin", "board_member", ...ON_THE_INITIATIVE],
    writes: false,
  },
  "PUT /associations/{slug}/initiatives/{initiativeId}": {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
  },
  "GET /associations/{slug}/applications": { roles: SEEING_APPLICATIONS, writes: false },
  "POST /associations/{slug}/applications": {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
  },
  [`GET ${APPLICATION}`]: {
    roles: SEEING_APPLICATIONS,
    writes: false,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`PUT ${APPLICATION}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/submit`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/preparation`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/return`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/comments`]: {
    roles: ["association_admin", "board_member"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/decision`]: {
    roles: ["association_admin", "board_member"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/signatures`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`POST ${APPLICATION}/signatures/paper`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`GET ${APPLICATION}/versions`]: {
    roles: SEEING_APPLICATIONS,
    writes: false,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`GET ${APPLICATION}/versions/{version}`]: {
    roles: SEEING_APPLICATIONS,
    writes: false,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  [`GET ${APPLICATION}/diff`]: {
    roles: SEEING_APPLICATIONS,
    writes: false,
    unseen: NOT_SEEING_APPLICATIONS,
  },
  "GET /associations/{slug}/periodic-reports": { roles: READING_REPORTS, writes: false },
  "GET /associations/{slug}/status-answers": { roles: READING_REPORTS, writes: false },
  [`GET ${REPORT}`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`GET ${REPORT}/versions`]: {
    roles: READING_REPORTS,
    writes: false,
    unseen: NOT_SEEING_REPORTS,
  },
  [`PUT ${REPORT}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/submit`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`PUT ${REPORT}/steering-analysis`]: {
    roles: ["association_admin", "steering_group_member"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/arrival`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/accept`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/return`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/reminders`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${REPORT}/comments`]: {
    roles: ["association_admin", "initiative_lead", "steering_group_member"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`GET ${SG}/members`]: { roles: SEEING_REPORTS_VIEW, writes: false },
  [`POST ${SG}/members`]: { roles: MANAGING_STEERING_GROUP, writes: true },
  [`PUT ${SG}/members/{memberId}`]: { roles: MANAGING_STEERING_GROUP, writes: true },
  [`GET ${SG}/meetings`]: { roles: SEEING_REPORTS_VIEW, writes: false },
  [`POST ${SG}/meetings`]: { roles: MANAGING_STEERING_GROUP, writes: true },
  [`GET ${SG}/meetings/{meetingId}`]: { roles: SEEING_REPORTS_VIEW, writes: false },
  [`PUT ${SG}/meetings/{meetingId}`]: { roles: MANAGING_STEERING_GROUP, writes: true },
  [`POST ${SG}/meetings/{meetingId}/attachments`]: {
    roles: MANAGING_STEERING_GROUP,
    writes: true,
  },
  [`GET ${SG}/attachments/{attachmentId}`]: { roles: SEEING_REPORTS_VIEW, writes: false },
  "GET /associations/{slug}/deviation-reports": { roles: READING_REPORTS, writes: false },
  "POST /associations/{slug}/deviation-reports": {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
  },
  [`GET ${DEVIATION}`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`PUT ${DEVIATION}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${DEVIATION}/submit`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${DEVIATION}/decision`]: {
    roles: ["association_admin", "board_member"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`GET ${DEVIATION}/versions`]: {
    roles: READING_REPORTS,
    writes: false,
    unseen: NOT_SEEING_REPORTS,
  },
  "GET /associations/{slug}/final-reports": { roles: READING_REPORTS, writes: false },
  "POST /associations/{slug}/initiatives/{initiativeId}/final-report": {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
  },
  [`GET ${FINAL}`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`PUT ${FINAL}`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${FINAL}/submit`]: {
    roles: ["association_admin", "initiative_lead"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${FINAL}/return`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`POST ${FINAL}/accept`]: {
    roles: ["association_admin"],
    writes: true,
    unseen: NOT_SEEING_REPORTS,
  },
  [`GET ${FINAL}/versions`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`GET ${REPORT}/document`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  [`GET ${DEVIATION}/document`]: {
    roles: READING_REPORTS,
    writes: false,
    unseen: NOT_SEEING_REPORTS,
  },
  [`GET ${FINAL}/document`]: { roles: READING_REPORTS, writes: false, unseen: NOT_SEEING_REPORTS },
  // by id alone: a redirect (307) for anyone with a role in the application's association
  "GET /applications/{applicationId}/document": { roles: SIGNED_IN, writes: false },
  [`GET ${APPLICATION}/document`]: {
    roles: SEEING_APPLICATIONS,
    writes: false,
    unseen: NOT_SEEING_APPLICATIONS,
  },
};

function flatten(entries: typeof routes, prefix = ""): string[] {
  return entries.flatMap((r) => {
    const p = r.index ? prefix.replace(/\/$/, "") : `${prefix}${r.path ?? ""}`;
    return [p, ...(r.children ? flatten(r.children, `${p}/`) : [])];
  });
}
const ALL_PAGES = [...new Set(flatten(routes))];

let t: TestDatabase;
let app: TestApp;
const sessions = new Map<Who, string>();
const tokens = new Map<string, string>();
/** The rows each page and operation is asked about, in the demo and in a foreign association. */
const ids = () => ({
  organisationId: "",
  userId: "",
  initiativeId: "",
  applicationId: "",
  reportId: "",
  memberId: "",
  meetingId: "",
  attachmentId: "",
  deviationId: "",
  finalReportId: "",
  requisitionId: "",
  fileId: "",
  enrollmentId: "",
  followUpId: "",
  instrumentId: "",
  versionId: "",
  guideId: "",
  availabilityId: "",
  bookingId: "",
  courseId: "",
  chapterId: "",
  pageId: "",
  mediaId: "",
});
const own = { slug: "demo", ...ids() };
// a foreign association answers 404 before any row is looked up: its other ids are made up
const foreign = {
  slug: "annat",
  ...ids(),
  reportId: randomUUID(),
  memberId: randomUUID(),
  meetingId: randomUUID(),
  attachmentId: randomUUID(),
  deviationId: randomUUID(),
  finalReportId: randomUUID(),
  requisitionId: randomUUID(),
  fileId: randomUUID(),
  enrollmentId: randomUUID(),
  followUpId: randomUUID(),
  instrumentId: randomUUID(),
  versionId: randomUUID(),
  guideId: randomUUID(),
  availabilityId: randomUUID(),
  bookingId: randomUUID(),
  courseId: randomUUID(),
  chapterId: randomUUID(),
  pageId: randomUUID(),
  mediaId: randomUUID(),
};

function concrete(pattern: string, where: typeof own): string {
  return `/${pattern
    .replace(":association", where.slug)
    .replace(":organisationId", where.organisationId)
    .replace(":userId", where.userId)
    .replace(":initiativeId", where.initiativeId)
    .replace(":applicationId", where.applicationId)
    .replace(":reportId", where.reportId)
    .replace(":meetingId", where.meetingId)
    .replace(":attachmentId", where.attachmentId)
    .replace(":deviationId", where.deviationId)
    .replace(":finalReportId", where.finalReportId)
    .replace(":requisitionId", where.requisitionId)
    .replace(":guideId", where.guideId)
    .replace(":availabilityId", where.availabilityId)
    .replace(":bookingId", where.bookingId)
    .replace(":courseId", where.courseId)
    .replace(":chapterId", where.chapterId)
    .replace(":pageId", where.pageId)
    .replace(":mediaId", where.mediaId)
    .replace(":page", "1")
    .replace(":context", "slut")
    .replace(":key", "slut")
    .replace(":fileId", where.fileId)
    .replace(":enrollmentId", where.enrollmentId)
    .replace(":followUpId", where.followUpId)
    .replace(":instrumentId", where.instrumentId)
    .replace(":versionId", where.versionId)
    .replace(":year", "2026")
    .replace(":budgetVersion", "1")
    .replace(":token", "ogiltig-inbjudan")
    .replace("*", "finns/inte")}`;
}

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const actor = { userId: null, label: "test" };
  const other = await createAssociation(t.db, actor, { slug: "annat", name: "Annat förbund" });
  const otherOrg = await addMemberOrganisation(t.db, actor, other.id, {
    name: "Annan kommun",
    orgNumber: "212000-2882",
    kind: "kommun",
  });
  const [otherInitiative] = await t.db
    .insert(initiatives)
    .values({ associationId: other.id, name: "Annan insats", ownerOrganisationId: otherOrg.id })
    .returning();
  foreign.initiativeId = otherInitiative?.id ?? "";
  const otherAdmin = await addUser(t.db, actor, {
    email: "admin@annat.se",
    name: "Annan Admin",
    password: "ett-langt-losenord",
  });
  await assignRole(t.db, actor, {
    userId: otherAdmin.id,
    associationId: other.id,
    role: "association_admin",
  });
  foreign.organisationId = otherOrg.id;
  foreign.userId = otherAdmin.id;

  const [demoOrg] = await t.db
    .select()
    .from(memberOrganisations)
    .where(eq(memberOrganisations.name, "Tierps kommun"));
  own.organisationId = demoOrg?.id ?? "";
  const [vaxtverket] = await t.db
    .select()
    .from(initiatives)
    .where(eq(initiatives.name, "Tierp, Växtverket"));
  own.initiativeId = vaxtverket?.id ?? "";
  // Samspår's shipped self-rating, version 1 (every database has it after the migrations)
  const [selfRating] = await t.db
    .select({ id: progressionInstruments.id, versionId: progressionInstrumentVersions.id })
    .from(progressionInstruments)
    .innerJoin(
      progressionInstrumentVersions,
      eq(progressionInstrumentVersions.instrumentId, progressionInstruments.id),
    )
    .where(
      and(
        eq(progressionInstruments.key, "samspar-sjalvskattning"),
        isNull(progressionInstruments.associationId),
      ),
    );
  own.instrumentId = selfRating?.id ?? "";
  own.versionId = selfRating?.versionId ?? "";
  const demoPeople = await t.db.select().from(users);
  const byEmail = (e: string) => demoPeople.find((u) => u.email === e)?.id ?? "";
  // the person the person-page actions act on: not one of the people whose sessions are used
  const target = await addUser(t.db, actor, {
    email: "malperson@demo.samspar.se",
    name: "Mål Person",
  });
  const [demo] = (await t.db.select().from(memberOrganisations)).filter(
    (o) => o.id === demoOrg?.id,
  );
  await assignRole(t.db, actor, {
    userId: target.id,
    associationId: demo?.associationId ?? "",
    role: "board_member",
  });
  own.userId = target.id;
  const emails: Record<Role, string> = {
    association_admin: "forbundschef@demo.samspar.se",
    board_member: "styrelsen@demo.samspar.se",
    initiative_lead: "insatsansvarig@demo.samspar.se",
    steering_group_member: "styrgruppen@demo.samspar.se",
    participant_officer: "coach@demo.samspar.se",
    participant: "deltagare@demo.samspar.se",
    auditor: "granskare@demo.samspar.se",
  };
  for (const [role, email] of Object.entries(emails) as Array<[Role, string]>) {
    sessions.set(role, await sessionFor(t, byEmail(email)));
    for (const scope of ["read", "write"] as const) {
      tokens.set(`${role}:${scope}`, (await createApiToken(t.db, actor, { email, scope })).token);
    }
  }
  // an application of "Tierp, Växtverket" (a draft of its continuation), and one abroad
  const content = { ...emptyContent(own.organisationId), name: "Växtverket, fortsättning" };
  const [application] = await t.db
    .insert(applications)
    .values({
      associationId: demo?.associationId ?? "",
      initiativeId: own.initiativeId,
      content,
      formVersion: "Ansökan 2026:1",
    })
    .returning();
  await t.db.insert(applicationVersions).values({
    applicationId: application?.id ?? "",
    version: 1,
    status: "utkast",
    content,
    event: "created",
    actorName: "test",
  });
  own.applicationId = application?.id ?? "";
  // a periodic report of Tierp, Växtverket, and its steering group with a meeting and minutes
  await ensurePeriodicReports(t.db, demo?.associationId ?? "", todayInSweden(), own.initiativeId);
  const [report] = await t.db
    .select()
    .from(periodicReports)
    .where(eq(periodicReports.initiativeId, own.initiativeId));
  own.reportId = report?.id ?? "";
  const [member] = await t.db
    .insert(steeringGroupMembers)
    .values({
      initiativeId: own.initiativeId,
      organisationId: own.organisationId,
      name: "Anna Ek",
      membership: "ordinarie",
      fromDate: "2025-01-01",
    })
    .returning();
  own.memberId = member?.id ?? "";
  const [meeting] = await t.db
    .insert(steeringGroupMeetings)
    .values({ initiativeId: own.initiativeId, meetingDate: "2026-02-10", held: true })
    .returning();
  own.meetingId = meeting?.id ?? "";
  const minutes = Buffer.from("%PDF-1.4\n%%EOF\n");
  const [attachment] = await t.db
    .insert(meetingAttachments)
    .values({
      meetingId: own.meetingId,
      fileName: "protokoll.pdf",
      mediaType: "application/pdf",
      sizeBytes: minutes.length,
      sha256: "0".repeat(64),
      data: minutes,
    })
    .returning();
  own.attachmentId = attachment?.id ?? "";
  const [deviation] = await t.db
    .insert(deviationReports)
    .values({
      associationId: demo?.associationId ?? "",
      initiativeId: own.initiativeId,
      types: ["tidsplan"],
    })
    .returning();
  own.deviationId = deviation?.id ?? "";
  own.finalReportId = (
    await createFinalReport(t.db, actor, demo?.associationId ?? "", own.initiativeId)
  ).id;
  // money of "Tierp, Växtverket": a budget (the demo's, or one made here) and a submitted
  // requisition with its attachment, so every money page and operation has something to show
  if (!(await getCurrentBudget(t.db, demo?.associationId ?? "", own.initiativeId)).current) {
    const periods = (await getCurrentBudget(t.db, demo?.associationId ?? "", own.initiativeId))
      .periods;
    await saveBudget(t.db, actor, demo?.associationId ?? "", own.initiativeId, null, {
      kind: "beslut",
      reason: "Beslut",
      lines: periods.map((p) => ({
        periodKey: p.key,
        category: "personal",
        source: "forbund",
        amount: 100_000,
      })),
    });
  }
  const [requisition] = await t.db
    .select()
    .from(requisitions)
    .where(and(eq(requisitions.initiativeId, own.initiativeId), eq(requisitions.status, "utkast")));
  if (requisition) own.requisitionId = requisition.id;
  else {
    const key = (await getCurrentBudget(t.db, demo?.associationId ?? "", own.initiativeId))
      .periods[0]?.key;
    own.requisitionId = await createRequisition(
      t.db,
      actor,
      demo?.associationId ?? "",
      own.initiativeId,
      key ?? "",
    );
  }
  const [file] = await t.db
    .select()
    .from(requisitionAttachments)
    .where(eq(requisitionAttachments.requisitionId, own.requisitionId));
  own.fileId =
    file?.id ??
    (
      await t.db
        .insert(requisitionAttachments)
        .values({
          requisitionId: own.requisitionId,
          fileName: "huvudbok.pdf",
          mediaType: "application/pdf",
          sizeBytes: minutes.length,
          sha256: "0".repeat(64),
          data: minutes,
        })
        .returning()
    )[0]?.id ??
    "";
  await t.db
    .update(requisitions)
    .set({ status: "inskickad", submittedAt: new Date() })
    .where(and(eq(requisitions.id, own.requisitionId), eq(requisitions.status, "utkast")));
  // an enrollment of "Tierp, Växtverket" in the participant register (the demo's, or one made here)
  const scope = { controllers: [own.organisationId], initiatives: [own.initiativeId] };
  const [enrollment] = await inRegister(t.db, scope, (tx) =>
    tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(eq(enrollments.initiativeId, own.initiativeId))
      .limit(1),
  );
  own.enrollmentId =
    enrollment?.id ??
    (await inRegister(t.db, scope, async (tx) => {
      const [person] = await tx
        .insert(participants)
        .values({
          associationId: demo?.associationId ?? "",
          dataControllerId: own.organisationId,
          anonymous: true,
          gender: "kvinna",
          birthYear: 1995,
        })
        .returning();
      const [made] = await tx
        .insert(enrollments)
        .values({
          participantId: person?.id ?? "",
          associationId: demo?.associationId ?? "",
          dataControllerId: own.organisationId,
          initiativeId: own.initiativeId,
          startDate: "2026-02-01",
        })
        .returning();
      return made?.id ?? "";
    }));
  // the demo's follow-up with a locked version (src/demo/demo-follow-ups.ts), which the board sees
  const [followUp] = await t.db
    .select({ id: followUpVersions.followUpId })
    .from(followUpVersions)
    .where(eq(followUpVersions.status, "last"))
    .limit(1);
  own.followUpId = followUp?.id ?? "";
  // the portal: one of the demo's association-wide guides, and a bookable window and a booking
  // of the demo participant (deltagare@), read as the owner (the register's tables)
  const portalRows = await t.owner.db.execute<{ guide: string; window: string; booking: string }>(
    sql`select
          (select g.id from portal_guides g join associations a on a.id = g.association_id
            where a.slug = 'demo' and g.initiative_id is null and g.published limit 1) as guide,
          (select w.id from register.availability w
            where w.initiative_id = pa.initiative_id and w.cancelled_at is null
              and w.day > current_date order by w.day limit 1) as window,
          (select b.id from register.bookings b where b.participant_id = pa.participant_id
            order by b.starts_at desc limit 1) as booking
        from register.portal_accounts pa join users u on u.id = pa.user_id
       where u.email = ${"deltagare@demo.samspar.se"}`,
  );
  own.guideId = portalRows.rows[0]?.guide ?? "";
  own.availabilityId = portalRows.rows[0]?.window ?? "";
  own.bookingId = portalRows.rows[0]?.booking ?? "";
  // courses: the demo's published course (Lärcentrum digitalt's), its first chapter and page,
  // and its picture
  const courseRows = await t.db.execute<{
    course: string;
    chapter: string;
    page: string;
    media: string;
  }>(
    sql`select c.id as course, k.id as chapter,
          (select p.id from course_pages p where p.chapter_id = k.id
            order by p.position limit 1) as page,
          (select m.id from course_media m where m.course_id = c.id and m.kind = 'bild'
            limit 1) as media
        from courses c join associations a on a.id = c.association_id
        join course_chapters k on k.course_id = c.id
       where a.slug = 'demo' and exists (select 1 from course_versions v where v.course_id = c.id)
       order by k.position limit 1`,
  );
  own.courseId = courseRows.rows[0]?.course ?? "";
  own.chapterId = courseRows.rows[0]?.chapter ?? "";
  own.pageId = courseRows.rows[0]?.page ?? "";
  own.mediaId = courseRows.rows[0]?.media ?? "";
  foreign.applicationId = await createApplication(t.db, actor, other.id, {
    ...emptyContent(foreign.organisationId),
    name: "Annan ansökan",
  });
  app = await createTestApp(t);
});
afterAll(() => t?.drop());

describe("the access table covers everything", () => {
  it("names every page of routes.ts", () => {
    const covered = new Set([
      ...Object.keys(ASSOCIATION_PAGES),
      ...Object.keys(OTHER_PAGES),
      ...Object.keys(PORTAL_PAGES),
    ]);
    expect(ALL_PAGES.filter((p) => !covered.has(p))).toEqual([]);
    expect([...covered].filter((p) => !ALL_PAGES.includes(p))).toEqual([]);
  });

  it("names every operation of the OpenAPI document", () => {
    const document = buildOpenApiDocument() as unknown as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(document.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(operations.sort()).toEqual(Object.keys(API_OPERATIONS).sort());
  });
});

/**
 * The requests of one row of the table are independent of each other (reads, and refusals that
 * come before anything is read), so they run together, at most `limit` at a time: a request
 * spends much of its time waiting for PostgreSQL, and a few at a time stay well inside the test
 * database's pool of 10 connections. The answers come back in the order of the tasks.
 */
async function together<T>(tasks: ReadonlyArray<() => Promise<T>>, limit = 4): Promise<T[]> {
  const answers = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task) answers[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return answers;
}

describe("pages", () => {
  for (const [pattern, allowed] of Object.entries(ASSOCIATION_PAGES)) {
    it(`${pattern}: own association as every role, a foreign one as nobody`, async () => {
      const answers = await together(
        ROLES_UNDER_TEST.flatMap((who) =>
          [own, foreign].map((where) => async () => {
            const res = await app.fetch(concrete(pattern, where), { as: sessions.get(who) });
            return {
              who,
              where,
              status: res.status,
              location: res.headers.get("location"),
              body: where === foreign ? await res.text() : "",
            };
          }),
        ),
      );
      const seen: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const { who, where, status, location, body } of answers) {
        if (where === own) {
          seen[`${who} own`] = status;
          expected[`${who} own`] =
            who === "anonymous" || (who === "participant" && PARTICIPANT_TO_PORTAL.has(pattern))
              ? 302
              : OWN_NOT_FOUND[pattern]?.includes(who)
                ? 404
                : allowed.includes(who)
                  ? ALLOWED_REDIRECTS.has(pattern)
                    ? 302
                    : 200
                  : 403;
          if (who === "anonymous") expect(location).toMatch(/^\/logga-in\?till=/);
        } else {
          seen[`${who} foreign`] = status;
          expected[`${who} foreign`] = who === "anonymous" ? 302 : 404;
          expect(body).not.toContain("Annan kommun");
          expect(body).not.toContain("admin@annat.se");
        }
      }
      expect(seen).toEqual(expected);
    });
  }

  for (const [pattern, expected] of Object.entries(OTHER_PAGES)) {
    it(`${pattern || "/"}: signed in and anonymous`, async () => {
      const answers = await together(
        ROLES_UNDER_TEST.map((who) => async () => {
          const res = await app.fetch(concrete(pattern, own), { as: sessions.get(who) });
          return { who, status: res.status };
        }),
      );
      for (const answer of answers)
        expect(answer).toEqual({
          who: answer.who,
          status: answer.who === "anonymous" ? expected.anonymous : expected.signedIn,
        });
    });
  }
});

describe("the participant portal's pages", () => {
  for (const [pattern, expected] of Object.entries(PORTAL_PAGES)) {
    it(`${pattern}: the participant, staff and anonymous`, async () => {
      const answers = await together(
        ROLES_UNDER_TEST.map((who) => async () => {
          const res = await app.fetch(concrete(pattern, own), { as: sessions.get(who) });
          return { who, status: res.status, location: res.headers.get("location") };
        }),
      );
      const seen: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const { who, status, location } of answers) {
        seen[who] = status;
        wanted[who] =
          who === "participant"
            ? expected.participant
            : who === "anonymous"
              ? expected.anonymous
              : expected.staff;
        if (
          who === "anonymous" &&
          expected.anonymous === 302 &&
          pattern.startsWith("portal") &&
          !pattern.startsWith("portal/logga") &&
          pattern !== "portal/sprak"
        )
          expect(location).toMatch(/^\/portal\/logga-in/);
      }
      expect(seen).toEqual(wanted);
    });
  }
});

/**
 * Runs the permitted writes one after another in the table's order (one may change what the
 * next finds), and alongside them every request that must be refused before anything is read
 * or written (a role without the permission, anybody in the foreign association), together.
 */
async function permittedInOrder<T>(
  permitted: ReadonlyArray<() => Promise<T>>,
  refused: ReadonlyArray<() => Promise<T>>,
): Promise<T[]> {
  const inOrder = async () => {
    const answers: T[] = [];
    for (const task of permitted) answers.push(await task());
    return answers;
  };
  const [first, rest] = await Promise.all([inOrder(), together(refused, 3)]);
  return [...first, ...rest];
}

describe("form actions", () => {
  for (const [pattern, allowed] of Object.entries(ASSOCIATION_ACTIONS)) {
    it(`${pattern}: only ${allowed.join(", ")} may post, and never into a foreign association`, async () => {
      const before = await t.db.$count(memberOrganisations);
      const fields = {
        name: "Ny kommun",
        orgNumber: "212000-0274",
        kind: "kommun",
        intent: "disable",
        version: "1",
      };
      const post = (who: Who, where: typeof own) => async () => ({
        who,
        where,
        status: (await app.post(concrete(pattern, where), fields, sessions.get(who))).status,
      });
      const mayPost = (who: Who) => who !== "anonymous" && allowed.includes(who);
      const answers = await permittedInOrder(
        ROLES_UNDER_TEST.filter(mayPost).map((who) => post(who, own)),
        [
          ...ROLES_UNDER_TEST.filter((who) => !mayPost(who)).map((who) => post(who, own)),
          ...ROLES_UNDER_TEST.map((who) => post(who, foreign)),
        ],
      );
      for (const who of ROLES_UNDER_TEST) {
        const ownRes = answers.find((a) => a.who === who && a.where === own);
        const foreignRes = answers.find((a) => a.who === who && a.where === foreign);
        if (who === "anonymous") expect(ownRes?.status).toBe(302);
        else if (allowed.includes(who))
          expect(
            ACTION_MAY_NOT_FIND.has(pattern) ? [200, 302, 400, 404, 409] : [200, 302, 400, 409],
          ).toContain(ownRes?.status);
        else expect({ who, status: ownRes?.status }).toEqual({ who, status: 403 });
        expect({ who, status: foreignRes?.status }).toEqual({
          who,
          status: who === "anonymous" ? 302 : 404,
        });
      }
      // nothing was written by anybody who was refused (the admin's posts are invalid duplicates)
      expect(await t.db.$count(memberOrganisations)).toBe(before);
    });
  }
});

describe("API operations", () => {
  const path = (op: string, where: typeof own) =>
    op
      .split(" ")[1]
      ?.replace("{slug}", where.slug)
      .replace("{id}", where.organisationId)
      .replace("{initiativeId}", where.initiativeId)
      .replace("{applicationId}", applicationIn[where.slug] ?? "")
      .replace("{reportId}", where.reportId)
      .replace("{memberId}", where.memberId)
      .replace("{meetingId}", where.meetingId)
      .replace("{attachmentId}", where.attachmentId)
      .replace("{deviationId}", where.deviationId)
      .replace("{finalReportId}", where.finalReportId)
      .replace("{requisitionId}", where.requisitionId)
      .replace("{fileId}", where.fileId)
      .replace("{followUpId}", where.followUpId)
      .replace("{versionId}", where.versionId)
      .replace("{year}", "2026")
      .replace("{version}", "1") ?? "";
  /** An application of each association: the demo's is for "Tierp, Växtverket". */
  const applicationIn: Record<string, string> = {};
  // a valid initiative of the demo association: owned by Tierps kommun, with another member as partner
  const initiative = { ownerOrganisationId: "", partnerIds: [] as string[] };
  beforeAll(async () => {
    const organisations = await t.db.select().from(memberOrganisations);
    const owner = organisations.find((o) => o.id === own.organisationId);
    initiative.ownerOrganisationId = owner?.id ?? "";
    initiative.partnerIds = organisations
      .filter((o) => o.associationId === owner?.associationId && o.id !== owner?.id)
      .slice(0, 1)
      .map((o) => o.id);
    applicationIn[own.slug] = own.applicationId;
    applicationIn[foreign.slug] = foreign.applicationId;
  });
  /**
   * For every application operation: accepted in shape, refused on content or version (an
   * empty name, the owner as partner, an empty comment, a stale version), so nothing is written.
   */
  const applicationBody = () => ({
    version: 999,
    name: "",
    ownerOrganisationId: initiative.ownerOrganisationId,
    partnerIds: [initiative.ownerOrganisationId],
    message: "Komplettera budgeten.",
    text: "",
    decision: "avslagen",
    meeting: "Styrelsemöte",
    paragraph: "1",
    decisionDate: "2026-01-01",
    organisationId: initiative.ownerOrganisationId,
    email: "inte-en-adress",
    signedOn: "2026-01-01",
  });
  /** A body the operation accepts in shape; a stale version, so a permitted update gets 409. */
  const bodyFor = (op: string) =>
    op.includes("/applications")
      ? applicationBody()
      : op.includes("/initiatives")
        ? {
            name: "API-insats",
            ...initiative,
            status: "beviljad",
            startDate: "2026-01-01",
            endDate: "2026-12-31",
            goals: [{ text: "Hälften går till arbete eller studier.", kind: "resultatmal" }],
            ...(op.startsWith("PUT") ? { version: 999 } : {}),
          }
        : { name: "API-kommun", orgNumber: "212000-3005", kind: "kommun", version: 999 };
  for (const [op, rule] of Object.entries(API_OPERATIONS)) {
    it(`${op}: every role's read and write token, own and foreign association`, async () => {
      const method = op.split(" ")[0] ?? "GET";
      expect(initiative.partnerIds).toHaveLength(1);
      const body = method === "GET" ? undefined : JSON.stringify(bodyFor(op));
      const mayAct = (who: Who, scope: "read" | "write") =>
        rule.roles.includes(who) && (!rule.writes || scope === "write");
      const call = (who: Who, scope: "read" | "write", where: typeof own) => async () => {
        const headers = {
          authorization: `Bearer ${tokens.get(`${who}:${scope}`)}`,
          "content-type": "application/json",
        };
        const res = await app.fetch(`/api/v1${path(op, where)}`, { method, headers, body });
        return { who, scope, where, status: res.status };
      };
      const tokensOf = SIGNED_IN.flatMap((who) =>
        (["read", "write"] as const).map((scope) => ({ who, scope })),
      );
      // a write that is let through may change what the next one finds: in the table's order
      const inOrder = (who: Who, scope: "read" | "write") => method !== "GET" && mayAct(who, scope);
      const [answers, anonymous] = await Promise.all([
        permittedInOrder(
          tokensOf.filter((w) => inOrder(w.who, w.scope)).map((w) => call(w.who, w.scope, own)),
          [
            ...tokensOf
              .filter((w) => !inOrder(w.who, w.scope))
              .map((w) => call(w.who, w.scope, own)),
            ...(op.includes("{slug}") ? tokensOf.map((w) => call(w.who, w.scope, foreign)) : []),
          ],
        ),
        app.fetch(`/api/v1${path(op, own)}`, { method, body }),
      ]);
      for (const { who, scope } of tokensOf) {
        const res = answers.find((a) => a.who === who && a.scope === scope && a.where === own);
        // a permitted write may still be refused on content (duplicate/stale), but never as 401/403/404
        if (mayAct(who, scope))
          expect({ who, scope, ok: ![401, 403, 404].includes(res?.status ?? 0) }).toEqual({
            who,
            scope,
            ok: true,
          });
        else
          expect({ who, scope, status: res?.status }).toEqual({
            who,
            scope,
            status: rule.unseen?.includes(who) ? 404 : 403,
          });
        if (op.includes("{slug}")) {
          const foreignRes = answers.find(
            (a) => a.who === who && a.scope === scope && a.where === foreign,
          );
          expect({ who, scope, status: foreignRes?.status }).toEqual({ who, scope, status: 404 });
        }
      }
      expect(anonymous.status).toBe(401);
    });
  }
});
