// Steering groups in the API: an initiative's members per party, its meetings with attendance,
// and the meetings' minutes and other documents (uploaded as multipart/form-data, checked by
// their contents, downloaded as they were stored). The use cases in src/reports/steering-groups.ts
// decide what may be stored; this file authorizes (before validation, like every association
// operation), reads the request with zod schemas that also make the OpenAPI document, and
// shapes the answers.
//
// Reading needs steering_group.view on the initiative, changing steering_group.manage: the
// office association-wide, the initiative lead on their own initiative. Others get 403; an
// initiative that is not the association's answers 404.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { canOnInitiative, type Permission } from "../access/policy.ts";
import { NotFoundError } from "../platform/errors.ts";
import type { AppServices } from "../platform/http/request-context.ts";
import {
  addMeetingAttachment,
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  getMeetingAttachment,
  getSteeringGroupMeeting,
  initiativeInAssociation,
  MAX_ATTACHMENT_BYTES,
  MEMBERSHIPS,
  type SteeringGroupMeeting,
  type SteeringGroupMember,
  steeringGroupOf,
  updateSteeringGroupMeeting,
  updateSteeringGroupMember,
} from "../reports/steering-groups.ts";
import { actorOf, associationOf, guard, guarded } from "./app.ts";
import {
  attachmentOut,
  attachmentSchema,
  downloadAnswer,
  storedFileBody,
  uploadBody,
  uploadRefusals,
} from "./attachment-routes-kit.ts";
import { itemRoutes } from "./item-operations.ts";
import {
  common,
  invalid,
  json,
  jsonBody,
  problem,
  security,
  unsupported,
} from "./operation-kit.ts";
import type { ApiContext, ApiEnv } from "./problems.ts";
import { uploadedFile } from "./uploaded-file.ts";

// ---------------------------------------------------------------------------------------------
// Schemas

const TAG = "Styrgrupper";

const forbidden = problem(
  "Nyckelns ägare saknar behörighet för insatsens styrgrupp, eller nyckeln får bara läsa (scope read).",
);
const notFound = problem(
  "Förbundet eller insatsen finns inte, eller nyckelns ägare har ingen roll i förbundet.",
);
const conflict = problem(
  "Uppgifterna har ändrats sedan du läste dem (versionen stämmer inte). Hämta dem på nytt.",
);
const tooLarge = problem("Innehållet är större än 64 kB.");
const writing = { 400: invalid, 413: tooLarge, 415: unsupported } as const;

const uuidParam = (name: string, description: string) =>
  z.uuid().openapi({
    param: { name, in: "path" },
    description,
    example: "8d1c2a4e-6f3b-4c1d-9e2a-5b7f0c3d4e21",
  });

const InitiativeParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: "slug", in: "path" },
      description: "Förbundets kortnamn, samma som i webbadressen.",
      example: "uppsala-lan",
    }),
  initiativeId: uuidParam("initiativeId", "Insatsens id."),
});
const MemberParams = InitiativeParams.extend({
  memberId: uuidParam("memberId", "Ledamotens id."),
});
const MeetingParams = InitiativeParams.extend({
  meetingId: uuidParam("meetingId", "Mötets id."),
});
const AttachmentParams = InitiativeParams.extend({
  attachmentId: uuidParam("attachmentId", "Dokumentets id."),
});

const isoDate = (description: string, example = "2026-03-12") =>
  z.iso.date().openapi({ description, example });
const timestamp = (description: string) =>
  z.iso.datetime({ offset: true }).openapi({ description, example: "2026-03-12T14:05:00.000Z" });
const Version = (description: string) =>
  z.number().int().min(1).openapi({ description, example: 2 });
const READ_VERSION =
  "Versionen du läste. Har någon annan ändrat sedan dess blir svaret 409, och inget sparas.";

const Membership = z.enum(MEMBERSHIPS).openapi({
  description: "ordinarie eller ersattare (ersättare).",
  example: "ordinarie",
});

const MemberSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid().openapi({ description: "Parten ledamoten företräder." }),
    organisationName: z.string().openapi({ example: "Tierps kommun" }),
    name: z.string().openapi({ example: "Karin Ek" }),
    email: z
      .string()
      .openapi({ description: "E-postadress, eller tom.", example: "karin.ek@tierp.se" }),
    title: z.string().openapi({ description: "Titel, eller tom.", example: "Socialchef" }),
    membership: Membership,
    fromDate: isoDate("Första dagen i styrgruppen."),
    toDate: z.iso
      .date()
      .nullable()
      .openapi({ description: "Sista dagen i styrgruppen, eller null om uppdraget fortsätter." }),
    accountEmail: z.string().nullable().openapi({
      description:
        "E-postadressen till ledamotens konto i Samspår, om ledamoten är kopplad till ett.",
    }),
    state: z.enum(["current", "former", "upcoming"]).openapi({
      description:
        "current: sitter i styrgruppen i dag; former: har slutat; upcoming: har inte börjat.",
    }),
    version: z.number().int().openapi({
      description: "Ökar vid varje ändring; skicka med den vid ändring.",
      example: 1,
    }),
  })
  .openapi("SteeringGroupMember", { description: "En ledamot i insatsens styrgrupp." });

const MemberFields = {
  organisationId: z.uuid().openapi({
    description: "Parten ledamoten företräder: insatsägaren eller en samverkanspart.",
  }),
  name: z.string().max(200).openapi({ description: "Ledamotens namn.", example: "Karin Ek" }),
  email: z
    .string()
    .max(254)
    .default("")
    .openapi({ description: "E-postadress, frivillig.", example: "karin.ek@tierp.se" }),
  title: z
    .string()
    .max(200)
    .default("")
    .openapi({ description: "Titel eller befattning, frivillig.", example: "Socialchef" }),
  membership: Membership,
  fromDate: isoDate("Första dagen i styrgruppen, ÅÅÅÅ-MM-DD.", "2026-01-01"),
  toDate: z.iso.date().nullable().default(null).openapi({
    description:
      "Sista dagen i styrgruppen, inte före fromDate; null eller utelämnat om uppdraget fortsätter. Ett uppdrag avslutas genom att toDate sätts.",
  }),
  accountEmail: z.string().max(254).nullable().default(null).openapi({
    description:
      "E-postadressen till ett konto i förbundet som ledamoten ska kopplas till; null eller utelämnat för inget.",
    example: null,
  }),
};

const MemberInputSchema = z
  .object(MemberFields)
  .openapi("SteeringGroupMemberInput", { description: "En ny ledamot." });
const MemberUpdateSchema = z
  .object({ ...MemberFields, version: Version(READ_VERSION) })
  .openapi("SteeringGroupMemberUpdate", {
    description: "Alla ledamotens uppgifter och versionen du läste.",
  });

const AttendanceCountSchema = z
  .object({
    recorded: z.boolean().openapi({ description: "Närvaro är registrerad för mötet." }),
    ordinary: z.number().int().openapi({
      description: "Ordinarie ledamöter som satt i styrgruppen på mötesdagen.",
      example: 5,
    }),
    presentOrdinary: z.number().int().openapi({ description: "Av dem: närvarande.", example: 4 }),
    present: z
      .number()
      .int()
      .openapi({ description: "Alla närvarande, ersättare medräknade.", example: 5 }),
  })
  .openapi("SteeringGroupAttendanceCount");

const AttachmentSchema = attachmentSchema("SteeringGroupAttachment", {
  fileNameExample: "Protokoll 2026-03-12.pdf",
  sizeExample: 184_223,
  sha256: "SHA-256 av filens innehåll, hexadecimalt.",
  uploadedAt: timestamp("När dokumentet laddades upp."),
  uploaderExample: "Lea Ledare",
  description: "Ett protokoll eller annat dokument.",
});

const MeetingFields = {
  id: z.uuid(),
  meetingDate: isoDate("Mötets datum."),
  held: z.boolean().openapi({ description: "Mötet är hållet (annars planerat)." }),
  agenda: z.string().openapi({ description: "Dagordningen." }),
  decisions: z.string().openapi({ description: "Besluten." }),
  attendance: AttendanceCountSchema,
  version: z.number().int().openapi({ example: 2 }),
  updatedAt: timestamp("När mötet senast ändrades."),
};

const MeetingSummarySchema = z
  .object({
    ...MeetingFields,
    documents: z.number().int().openapi({ description: "Antal dokument.", example: 1 }),
  })
  .openapi("SteeringGroupMeetingSummary", { description: "Ett möte i listan." });

const MeetingSchema = z
  .object({
    ...MeetingFields,
    members: z
      .array(
        z.object({
          memberId: z.uuid(),
          name: z.string().openapi({ example: "Karin Ek" }),
          organisationName: z.string().openapi({ example: "Tierps kommun" }),
          membership: Membership,
          present: z.boolean().nullable().openapi({
            description: "Närvarande, frånvarande, eller null om närvaron inte är registrerad.",
          }),
        }),
      )
      .openapi({ description: "Ledamöterna som satt i styrgruppen på mötesdagen." }),
    attachments: z.array(AttachmentSchema),
  })
  .openapi("SteeringGroupMeeting", {
    description: "Ett möte med närvaro per ledamot och dokument.",
  });

const MeetingInputFields = {
  meetingDate: isoDate("Mötets datum, ÅÅÅÅ-MM-DD."),
  held: z.boolean().default(false).openapi({
    description: "Mötet är hållet. Ett möte med datum i framtiden kan inte markeras som hållet.",
  }),
  agenda: z.string().max(20_000).default("").openapi({ description: "Dagordningen." }),
  decisions: z.string().max(20_000).default("").openapi({ description: "Besluten." }),
};

const MeetingInputSchema = z
  .object(MeetingInputFields)
  .openapi("SteeringGroupMeetingInput", { description: "Ett nytt möte, planerat eller hållet." });

const MeetingUpdateSchema = z
  .object({
    ...MeetingInputFields,
    version: Version(READ_VERSION),
    attendance: z
      .array(z.object({ memberId: z.uuid(), present: z.boolean() }))
      .optional()
      .openapi({
        description:
          "Närvaron, bara för ett hållet möte: ledamöter som satt i styrgruppen på mötesdagen. Den som inte finns med räknas som frånvarande. Utelämnad: registrerad närvaro står kvar.",
      }),
  })
  .openapi("SteeringGroupMeetingUpdate");

// ---------------------------------------------------------------------------------------------
// Routes

const base = "/associations/{slug}/initiatives/{initiativeId}/steering-group";

/** The steering group's members and meetings, listed and added to. */
const group = itemRoutes({
  tag: TAG,
  path: base,
  params: InitiativeParams,
  forbidden,
  notFound,
  tooLarge,
});

export const listMembersRoute = group.get({
  path: "members",
  operationId: "listSteeringGroupMembers",
  summary: "Lista styrgruppens ledamöter",
  description:
    "Styrgruppens ledamöter per part, nuvarande och tidigare. Kräver behörigheten steering_group.view: i hela förbundet, eller som insatsansvarig eller i styrgruppen för insatsen.",
  answers: { 200: json(z.object({ items: z.array(MemberSchema) }), "Ledamöterna.") },
});

export const addMemberRoute = group.post({
  path: "members",
  operationId: "addSteeringGroupMember",
  summary: "Lägg till en ledamot",
  description:
    "Lägger till en ledamot från insatsägaren eller en samverkanspart. Kräver behörigheten steering_group.manage (kansliet, eller insatsansvarig för insatsen) och scope write. Händelsen förs in i granskningsloggen.",
  body: MemberInputSchema,
  answers: { 201: json(MemberSchema, "Ledamoten lades till.") },
});

export const updateMemberRoute = createRoute({
  method: "put",
  path: `${base}/members/{memberId}`,
  operationId: "updateSteeringGroupMember",
  tags: [TAG],
  summary: "Ändra en ledamot eller avsluta uppdraget",
  description:
    "Ersätter ledamotens uppgifter. Ett uppdrag avslutas genom att toDate sätts. Kräver behörigheten steering_group.manage och scope write.",
  security,
  request: { params: MemberParams, body: jsonBody(MemberUpdateSchema) },
  responses: {
    200: json(MemberSchema, "Ledamoten efter ändringen."),
    ...writing,
    403: forbidden,
    404: problem("Förbundet, insatsen eller ledamoten finns inte."),
    409: conflict,
    ...common,
  },
});

export const listMeetingsRoute = group.get({
  path: "meetings",
  operationId: "listSteeringGroupMeetings",
  summary: "Lista styrgruppens möten",
  description:
    "Mötena, senaste först, med närvaron räknad mot de ordinarie ledamöter som satt i styrgruppen på mötesdagen och antal dokument. Kräver behörigheten steering_group.view.",
  answers: { 200: json(z.object({ items: z.array(MeetingSummarySchema) }), "Mötena.") },
});

export const addMeetingRoute = group.post({
  path: "meetings",
  operationId: "addSteeringGroupMeeting",
  summary: "Lägg till ett möte",
  description:
    "Ett planerat eller hållet möte. Ett möte i framtiden kan inte markeras som hållet. Kräver behörigheten steering_group.manage och scope write.",
  body: MeetingInputSchema,
  answers: { 201: json(MeetingSchema, "Mötet lades till.") },
});

export const getMeetingRoute = createRoute({
  method: "get",
  path: `${base}/meetings/{meetingId}`,
  operationId: "getSteeringGroupMeeting",
  tags: [TAG],
  summary: "Hämta ett möte",
  description:
    "Mötet med närvaro per ledamot och dokumentens uppgifter (inte innehållet). Kräver behörigheten steering_group.view.",
  security,
  request: { params: MeetingParams },
  responses: {
    200: json(MeetingSchema, "Mötet."),
    400: invalid,
    403: forbidden,
    404: problem("Förbundet, insatsen eller mötet finns inte."),
    ...common,
  },
});

export const updateMeetingRoute = createRoute({
  method: "put",
  path: `${base}/meetings/{meetingId}`,
  operationId: "updateSteeringGroupMeeting",
  tags: [TAG],
  summary: "Ändra ett möte och dess närvaro",
  description:
    "Ersätter mötets datum, hållet, dagordning och beslut, och närvaron om attendance skickas. Närvaro finns bara för hållna möten. Kräver behörigheten steering_group.manage och scope write.",
  security,
  request: { params: MeetingParams, body: jsonBody(MeetingUpdateSchema) },
  responses: {
    200: json(MeetingSchema, "Mötet efter ändringen."),
    ...writing,
    403: forbidden,
    404: problem("Förbundet, insatsen eller mötet finns inte."),
    409: conflict,
    ...common,
  },
});

export const uploadAttachmentRoute = createRoute({
  method: "post",
  path: `${base}/meetings/{meetingId}/attachments`,
  operationId: "uploadSteeringGroupAttachment",
  tags: [TAG],
  summary: "Ladda upp protokoll eller annat dokument",
  description: `Laddar upp ett dokument till mötet som multipart/form-data, i fältet file. Filen prövas på sitt innehåll, inte sitt namn: PDF, Word (docx eller doc), Excel (xlsx), PowerPoint (pptx) eller OpenDocument (odt, ods, odp), högst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Annat avvisas med 400 och ett meddelande i fältet file. Kräver behörigheten steering_group.manage och scope write. Händelsen förs in i granskningsloggen.`,
  security,
  request: {
    params: MeetingParams,
    body: uploadBody("Dokumentet"),
  },
  responses: {
    201: json(AttachmentSchema, "Dokumentet sparades."),
    400: problem(
      "Filen saknas, är tom, är inget dokument eller är större än 10 MB; `errors` anger fältet file.",
    ),
    403: forbidden,
    404: problem("Förbundet, insatsen eller mötet finns inte."),
    ...uploadRefusals,
    ...common,
  },
});

export const downloadAttachmentRoute = createRoute({
  method: "get",
  path: `${base}/attachments/{attachmentId}`,
  operationId: "getSteeringGroupAttachment",
  tags: [TAG],
  summary: "Hämta ett dokument",
  description:
    "Dokumentet som det laddades upp, med sin mediatyp, som bilaga (Content-Disposition: attachment). Kräver behörigheten steering_group.view.",
  security,
  request: { params: AttachmentParams },
  responses: {
    200: downloadAnswer("Dokumentet."),
    400: invalid,
    403: forbidden,
    404: problem("Förbundet, insatsen eller dokumentet finns inte."),
    ...common,
  },
});

// ---------------------------------------------------------------------------------------------
// Handlers

const INITIATIVE_NOT_FOUND = "Insatsen finns inte i förbundet.";

/**
 * The guard for the steering group of one initiative: the association as for every operation,
 * `permission` on the initiative (403), then the initiative, which must be the association's (404).
 */
function steeringGroupGuard(
  services: AppServices,
  permission: Permission,
): MiddlewareHandler<ApiEnv> {
  const inAssociation = guard(services, permission, (principal, associationId, initiativeId) =>
    canOnInitiative(principal, permission, associationId, initiativeId),
  );
  return (c, next) =>
    inAssociation(c, async () => {
      const found = await initiativeInAssociation(
        services.db,
        associationOf(c).id,
        c.req.param("initiativeId") ?? "",
      );
      if (!found) throw new NotFoundError(INITIATIVE_NOT_FOUND);
      await next();
    });
}

const iso = (d: Date) => d.toISOString();

const memberOut = (m: SteeringGroupMember) => ({
  id: m.id,
  organisationId: m.organisationId,
  organisationName: m.organisationName,
  name: m.name,
  email: m.email,
  title: m.title,
  membership: m.membership,
  fromDate: m.fromDate,
  toDate: m.toDate,
  accountEmail: m.accountEmail,
  state: m.state,
  version: m.version,
});

function meetingOut(m: SteeringGroupMeeting) {
  return {
    id: m.id,
    meetingDate: m.meetingDate,
    held: m.held,
    agenda: m.agenda,
    decisions: m.decisions,
    attendance: m.attendance,
    version: m.version,
    updatedAt: iso(m.updatedAt),
    members: m.members.map((x) => ({
      memberId: x.id,
      name: x.name,
      organisationName: x.organisationName,
      membership: x.membership,
      present: x.present,
    })),
    attachments: m.attachments.map(attachmentOut),
  };
}

async function memberById(services: AppServices, initiativeId: string, memberId: string) {
  const found = (await steeringGroupOf(services.db, initiativeId)).members.find(
    (m) => m.id === memberId,
  );
  if (!found) throw new NotFoundError("Ledamoten finns inte i styrgruppen.");
  return memberOut(found);
}

async function meetingById(
  services: AppServices,
  c: ApiContext,
  initiativeId: string,
  meetingId: string,
) {
  const found = await getSteeringGroupMeeting(
    services.db,
    associationOf(c).id,
    initiativeId,
    meetingId,
  );
  if (!found) throw new NotFoundError("Mötet finns inte.");
  return meetingOut(found);
}

export function registerSteeringGroupRoutes(app: OpenAPIHono<ApiEnv>, services: AppServices): void {
  const view = steeringGroupGuard(services, "steering_group.view");
  const manage = steeringGroupGuard(services, "steering_group.manage");

  app.openapi(guarded(listMembersRoute, view), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const group = await steeringGroupOf(services.db, initiativeId);
    return c.json({ items: group.members.map(memberOut) }, 200);
  });

  app.openapi(guarded(addMemberRoute, manage), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const input = c.req.valid("json");
    const id = await addSteeringGroupMember(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      input,
    );
    return c.json(await memberById(services, initiativeId, id), 201);
  });

  app.openapi(guarded(updateMemberRoute, manage), async (c) => {
    const { initiativeId, memberId } = c.req.valid("param");
    const { version, ...input } = c.req.valid("json");
    await updateSteeringGroupMember(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      memberId,
      version,
      input,
    );
    return c.json(await memberById(services, initiativeId, memberId), 200);
  });

  app.openapi(guarded(listMeetingsRoute, view), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const group = await steeringGroupOf(services.db, initiativeId);
    return c.json(
      {
        items: group.meetings.map((m) => ({
          id: m.id,
          meetingDate: m.meetingDate,
          held: m.held,
          agenda: m.agenda,
          decisions: m.decisions,
          attendance: m.attendance,
          documents: m.documents,
          version: m.version,
          updatedAt: iso(m.updatedAt),
        })),
      },
      200,
    );
  });

  app.openapi(guarded(addMeetingRoute, manage), async (c) => {
    const { initiativeId } = c.req.valid("param");
    const input = c.req.valid("json");
    const id = await addSteeringGroupMeeting(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      input,
    );
    return c.json(await meetingById(services, c, initiativeId, id), 201);
  });

  app.openapi(guarded(getMeetingRoute, view), async (c) => {
    const { initiativeId, meetingId } = c.req.valid("param");
    return c.json(await meetingById(services, c, initiativeId, meetingId), 200);
  });

  app.openapi(guarded(updateMeetingRoute, manage), async (c) => {
    const { initiativeId, meetingId } = c.req.valid("param");
    const { version, ...input } = c.req.valid("json");
    await updateSteeringGroupMeeting(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      meetingId,
      version,
      input,
    );
    return c.json(await meetingById(services, c, initiativeId, meetingId), 200);
  });

  app.openapi(guarded(uploadAttachmentRoute, manage), async (c) => {
    const { initiativeId, meetingId } = c.req.valid("param");
    const file = await uploadedFile(c, "dokumentet", "protokoll.pdf");
    // a problem answer is no typed success: the route's responses document the 415
    if (file instanceof Response) return file as never;
    const id = await addMeetingAttachment(
      services.db,
      actorOf(c),
      associationOf(c).id,
      initiativeId,
      meetingId,
      file,
    );
    const meeting = await meetingById(services, c, initiativeId, meetingId);
    const stored = meeting.attachments.find((a) => a.id === id);
    if (!stored) throw new Error("attachment not found after insert");
    return c.json(stored, 201);
  });

  app.openapi(guarded(downloadAttachmentRoute, view), async (c) => {
    const { initiativeId, attachmentId } = c.req.valid("param");
    const found = await getMeetingAttachment(
      services.db,
      associationOf(c).id,
      initiativeId,
      attachmentId,
    );
    if (!found) throw new NotFoundError("Dokumentet finns inte.");
    return storedFileBody(c, found);
  });
}
