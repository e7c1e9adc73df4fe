// Steering groups against a real database: members only from the initiative's parties, with
// valid dates and e-mail, changed at the version read and ended on a date; meetings that
// cannot be held in the future; attendance of the members who sat in the group that day;
// and documents accepted by their contents only (a fake .exe, a text file called .pdf and an
// 11 MB file are refused; real PDF, DOCX, ODT and DOC files are kept byte for byte).
import { createHash } from "node:crypto";
import { Document, Packer, Paragraph } from "docx";
import { and, eq, like } from "drizzle-orm";
import JSZip from "jszip";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/database.ts";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { auditEvents } from "../audit/schema.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { ConflictError, NotFoundError, ValidationError } from "../platform/errors.ts";
import { derivedAnswers } from "./periodic-reports.ts";
import { meetingAttachments, meetingAttendance, steeringGroupMeetings } from "./schema.ts";
import {
  addMeetingAttachment,
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  attachmentDisposition,
  checkDocument,
  deleteMeetingAttachment,
  documentKindOf,
  endSteeringGroupMembership,
  FUTURE_MEETING_HELD,
  getMeetingAttachment,
  getSteeringGroupMeeting,
  type MemberInput,
  steeringGroupOf,
  updateSteeringGroupMeeting,
  updateSteeringGroupMember,
} from "./steering-groups.ts";

let t: TestDatabase;
const actor = { userId: null, label: "test" };
let associationId = "";
let otherAssociationId = "";
let initiativeId = "";
let otherInitiativeId = "";
const orgs = { tierp: "", fk: "", af: "" };

const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fields;
};

const member = (overrides: Partial<MemberInput> = {}): MemberInput => ({
  organisationId: orgs.tierp,
  name: "Karin Ek",
  email: "karin.ek@tierp.se",
  title: "Förvaltningschef",
  membership: "ordinarie",
  fromDate: "2025-01-01",
  toDate: "",
  ...overrides,
});

/** A day relative to today in Sweden, as ÅÅÅÅ-MM-DD. */
const day = (offset: number) => {
  const d = new Date(`${todayInSweden()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

// --- documents, built here -------------------------------------------------------------------

const MINIMAL_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

function pdfkitPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.text("Protokoll, styrgruppsmöte 2026-03-12");
    doc.end();
  });
}

const realDocx = async () =>
  Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph("Protokoll från styrgruppen")] }] }),
  );

const CONTENT_TYPES = (main: string, part = "/word/document.xml") =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${part}" ContentType="${main}"/></Types>`;
const WORD_MAIN =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

async function zip(files: Record<string, string>, storeFirst?: string) {
  const z = new JSZip();
  if (storeFirst) z.file(storeFirst, files[storeFirst] ?? "", { compression: "STORE" });
  for (const [name, content] of Object.entries(files))
    if (name !== storeFirst) z.file(name, content);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const minimalDocx = () =>
  zip({
    "[Content_Types].xml": CONTENT_TYPES(WORD_MAIN),
    "word/document.xml":
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Protokoll</w:t></w:r></w:p></w:body></w:document>',
  });

const odt = () =>
  zip(
    {
      mimetype: "application/vnd.oasis.opendocument.text",
      "content.xml": "<office:document-content/>",
    },
    "mimetype",
  );

/** An OLE compound file's header, and a directory naming a WordDocument stream (or not). */
function oleFile(stream: string) {
  const buf = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from(stream, "utf16le").copy(buf, 1024);
  return buf;
}

const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03", "latin1"), Buffer.alloc(4000, 0x41)]);

beforeAll(async () => {
  t = await createTestDatabase();
  associationId = (await createAssociation(t.db, actor, { slug: "f", name: "F" })).id;
  otherAssociationId = (await createAssociation(t.db, actor, { slug: "g", name: "G" })).id;
  const org = (name: string, orgNumber: string, kind: string, id = associationId) =>
    addMemberOrganisation(t.db, actor, id, { name, orgNumber, kind });
  orgs.tierp = (await org("Tierps kommun", "212000-0274", "kommun")).id;
  orgs.fk = (await org("Försäkringskassan", "202100-5521", "forsakringskassan")).id;
  orgs.af = (await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen")).id;
  const running = (name: string, partners: string[]) =>
    createInitiative(t.db, actor, associationId, {
      name,
      ownerOrganisationId: orgs.tierp,
      partnerIds: partners,
      status: "pagaende",
      orientation: "individual",
      preRehabilitation: false,
      esf: false,
      startDate: "2025-01-01",
      endDate: "2027-12-31",
      targetGroup: "",
      expectedParticipantsOngoing: false,
      goals: [],
      localUnits: [],
    });
  initiativeId = (await running("Tierp, Växtverket", [orgs.fk])).id;
  otherInitiativeId = (await running("Tierp, Lärcentrum", [orgs.af])).id;
  const lead = await addUser(t.db, actor, { email: "lea.ledare@tierp.se", name: "Lea Ledare" });
  await assignRole(t.db, actor, {
    userId: lead.id,
    associationId,
    role: "steering_group_member",
    initiativeId,
  });
  const stranger = await addUser(t.db, actor, { email: "ove@annat.se", name: "Ove Annan" });
  await assignRole(t.db, actor, {
    userId: stranger.id,
    associationId: otherAssociationId,
    role: "association_admin",
  });
});
afterAll(() => t.drop());

describe("members", () => {
  it("takes members from the initiative's parties only, with dates, e-mail and account checked", async () => {
    const fields = await fieldsOf(
      addSteeringGroupMember(t.db, actor, associationId, initiativeId, {
        organisationId: orgs.af,
        name: " ",
        email: "inte-en-adress",
        membership: "suppleant",
        fromDate: "2026-02-30",
        toDate: "igår",
        accountEmail: "ove@annat.se",
      }),
    );
    expect(fields).toEqual({
      organisationId: "Välj en av insatsens parter: insatsägaren eller en samverkanspart.",
      name: "Fyll i ledamotens namn.",
      email: "Skriv e-postadressen i formen namn@exempel.se.",
      membership: "Välj om ledamoten är ordinarie eller ersättare.",
      fromDate: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.",
      toDate: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.",
      // an account of another association is as unknown as one that does not exist
      accountEmail:
        "Det finns inget konto med e-postadressen ove@annat.se i förbundet. Kontrollera adressen eller lämna fältet tomt.",
    });
    expect(
      await fieldsOf(
        addSteeringGroupMember(
          t.db,
          actor,
          associationId,
          initiativeId,
          member({ fromDate: "2026-01-01", toDate: "2025-12-31" }),
        ),
      ),
    ).toEqual({ toDate: "Slutdatum kan inte vara före startdatum." });
    // a partner of another initiative is no party of this one
    expect(
      Object.keys(
        await fieldsOf(
          addSteeringGroupMember(
            t.db,
            actor,
            associationId,
            initiativeId,
            member({ organisationId: orgs.af }),
          ),
        ),
      ),
    ).toEqual(["organisationId"]);
    expect((await steeringGroupOf(t.db, initiativeId)).members).toEqual([]);
    // the initiative must be the association's
    await expect(
      addSteeringGroupMember(t.db, actor, otherAssociationId, initiativeId, member()),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("adds, changes at the version read, and ends a membership, each in the audit log", async () => {
    const karin = await addSteeringGroupMember(
      t.db,
      actor,
      associationId,
      initiativeId,
      member({ email: " Karin.Ek@Tierp.SE ", accountEmail: "LEA.LEDARE@tierp.se" }),
    );
    await addSteeringGroupMember(
      t.db,
      actor,
      associationId,
      initiativeId,
      member({
        organisationId: orgs.fk,
        name: "Ali Berg",
        email: "",
        title: "",
        membership: "ersattare",
      }),
    );
    let group = await steeringGroupOf(t.db, initiativeId);
    expect(group.parties.map((p) => [p.name, p.isOwner])).toEqual([
      ["Tierps kommun", true],
      ["Försäkringskassan", false],
    ]);
    const added = group.members.find((m) => m.id === karin);
    expect(added).toMatchObject({
      organisationName: "Tierps kommun",
      email: "karin.ek@tierp.se",
      accountEmail: "lea.ledare@tierp.se",
      membership: "ordinarie",
      state: "current",
      version: 1,
    });

    const v2 = await updateSteeringGroupMember(
      t.db,
      actor,
      associationId,
      initiativeId,
      karin,
      1,
      member({ title: "Socialchef", accountEmail: "" }),
    );
    expect(v2).toBe(2);
    // someone who read version 1 does not overwrite the change
    const stale = await updateSteeringGroupMember(
      t.db,
      actor,
      associationId,
      initiativeId,
      karin,
      1,
      member({ title: "Fel" }),
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toContain("version 2, du utgick från version 1");

    expect(
      await fieldsOf(
        endSteeringGroupMembership(t.db, actor, associationId, initiativeId, karin, "2024-12-31"),
      ),
    ).toEqual({
      toDate: "Slutdatum kan inte vara före 2025-01-01, då Karin Ek började i styrgruppen.",
    });
    await endSteeringGroupMembership(
      t.db,
      actor,
      associationId,
      initiativeId,
      karin,
      "2025-06-30",
      2,
    );
    group = await steeringGroupOf(t.db, initiativeId);
    expect(group.members.find((m) => m.id === karin)).toMatchObject({
      title: "Socialchef",
      toDate: "2025-06-30",
      state: "former",
      userId: null,
      version: 3,
    });
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, karin)))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      "steering_group.member_added",
      "steering_group.member_changed",
      "steering_group.member_ended",
    ]);
  });
});

describe("meetings and attendance", () => {
  let ordinary: string[] = [];
  let deputy = "";
  beforeAll(async () => {
    // two ordinary members now, one from each party, and the deputy from before
    ordinary = [
      await addSteeringGroupMember(
        t.db,
        actor,
        associationId,
        initiativeId,
        member({ name: "Sara Lund", fromDate: "2025-07-01" }),
      ),
      await addSteeringGroupMember(
        t.db,
        actor,
        associationId,
        initiativeId,
        member({ organisationId: orgs.fk, name: "Nils Åberg", fromDate: "2025-01-01" }),
      ),
    ];
    const group = await steeringGroupOf(t.db, initiativeId);
    deputy = group.members.find((m) => m.name === "Ali Berg")?.id ?? "";
  });

  it("refuses a meeting in the future marked as held, and stores nothing", async () => {
    const before = await t.db.$count(steeringGroupMeetings);
    const fields = await fieldsOf(
      addSteeringGroupMeeting(t.db, actor, associationId, initiativeId, {
        meetingDate: day(1),
        held: true,
        agenda: "Uppföljning",
      }),
    );
    expect(fields).toEqual({ held: FUTURE_MEETING_HELD });
    expect(FUTURE_MEETING_HELD).toBe("Ett möte som inte har ägt rum kan inte markeras som hållet.");
    expect(await t.db.$count(steeringGroupMeetings)).toBe(before);
    // planned for tomorrow is fine; marking it held later is refused the same way
    const planned = await addSteeringGroupMeeting(t.db, actor, associationId, initiativeId, {
      meetingDate: day(1),
      held: false,
    });
    expect(
      await fieldsOf(
        updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, planned, 1, {
          meetingDate: day(1),
          held: true,
        }),
      ),
    ).toEqual({ held: FUTURE_MEETING_HELD });
    const [row] = await t.db
      .select()
      .from(steeringGroupMeetings)
      .where(eq(steeringGroupMeetings.id, planned));
    expect(row).toMatchObject({ held: false, version: 1 });
  });

  it("records attendance of the members who sat in the group that day, for held meetings only", async () => {
    const meetingId = await addSteeringGroupMeeting(t.db, actor, associationId, initiativeId, {
      meetingDate: "2025-09-10",
      held: true,
      agenda: "1. Budget\n2. Rekrytering",
    });
    let meeting = await getSteeringGroupMeeting(t.db, associationId, initiativeId, meetingId);
    // Karin left on 2025-06-30: she is not asked about
    expect(meeting?.members.map((m) => m.name).sort()).toEqual([
      "Ali Berg",
      "Nils Åberg",
      "Sara Lund",
    ]);
    expect(meeting?.attendance).toEqual({
      recorded: false,
      ordinary: 2,
      presentOrdinary: 0,
      present: 0,
    });
    const karin = (await steeringGroupOf(t.db, initiativeId)).members.find(
      (m) => m.name === "Karin Ek",
    )?.id;
    expect(
      await fieldsOf(
        updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, meetingId, 1, {
          meetingDate: "2025-09-10",
          held: true,
          attendance: [{ memberId: karin ?? "", present: true }],
        }),
      ),
    ).toEqual({ "attendance.0.memberId": "Karin Ek satt inte i styrgruppen 2025-09-10." });

    await updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, meetingId, 1, {
      meetingDate: "2025-09-10",
      held: true,
      agenda: "1. Budget\n2. Rekrytering",
      decisions: "Budgeten fastställdes.",
      attendance: [
        { memberId: ordinary[0] ?? "", present: true },
        { memberId: deputy, present: true },
      ],
    });
    meeting = await getSteeringGroupMeeting(t.db, associationId, initiativeId, meetingId);
    expect(meeting).toMatchObject({ decisions: "Budgeten fastställdes.", version: 2 });
    expect(meeting?.attendance).toEqual({
      recorded: true,
      ordinary: 2,
      presentOrdinary: 1,
      present: 2,
    });
    // the one left out is recorded as absent
    expect(Object.fromEntries(meeting?.members.map((m) => [m.name, m.present]) ?? [])).toEqual({
      "Sara Lund": true,
      "Nils Åberg": false,
      "Ali Berg": true,
    });
    const listed = (await steeringGroupOf(t.db, initiativeId)).meetings.find(
      (m) => m.id === meetingId,
    );
    expect(listed?.attendance).toMatchObject({ ordinary: 2, presentOrdinary: 1 });

    // the periodic report's derived answer reads the same attendance
    const derived = await derivedAnswers(t.db, {
      id: "00000000-0000-4000-8000-000000000000",
      initiativeId,
      periodStart: "2025-07-01",
      periodEnd: "2025-09-30",
    });
    expect(derived.allOrdinaryAttended?.answer).toBe("nej");

    // a meeting that was not held has no attendance
    expect(
      await fieldsOf(
        updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, meetingId, 2, {
          meetingDate: "2025-09-10",
          held: false,
          attendance: [{ memberId: ordinary[0] ?? "", present: true }],
        }),
      ),
    ).toEqual({
      attendance:
        "Närvaro registreras bara för ett hållet möte. Markera mötet som hållet, eller ta bort närvaron.",
    });
    await updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, meetingId, 2, {
      meetingDate: "2025-09-10",
      held: false,
    });
    expect(await t.db.$count(meetingAttendance, eq(meetingAttendance.meetingId, meetingId))).toBe(
      0,
    );
    // all present: the answer turns to ja
    await updateSteeringGroupMeeting(t.db, actor, associationId, initiativeId, meetingId, 3, {
      meetingDate: "2025-09-10",
      held: true,
      attendance: ordinary.map((memberId) => ({ memberId, present: true })),
    });
    const after = await derivedAnswers(t.db, {
      id: "00000000-0000-4000-8000-000000000000",
      initiativeId,
      periodStart: "2025-07-01",
      periodEnd: "2025-09-30",
    });
    expect(after.allOrdinaryAttended?.answer).toBe("ja");

    const stale = await updateSteeringGroupMeeting(
      t.db,
      actor,
      associationId,
      initiativeId,
      meetingId,
      3,
      { meetingDate: "2025-09-10", held: true },
    ).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    // another initiative's id does not reach the meeting
    expect(
      await getSteeringGroupMeeting(t.db, associationId, otherInitiativeId, meetingId),
    ).toBeUndefined();
  });
});

describe("documents", () => {
  let meetingId = "";
  beforeAll(async () => {
    meetingId = await addSteeringGroupMeeting(t.db, actor, associationId, initiativeId, {
      meetingDate: "2025-11-12",
      held: true,
    });
  });

  it("knows documents by their contents", async () => {
    expect(documentKindOf(MINIMAL_PDF)).toBe("pdf");
    expect(documentKindOf(await pdfkitPdf())).toBe("pdf");
    expect(documentKindOf(await realDocx())).toBe("docx");
    expect(documentKindOf(await minimalDocx())).toBe("docx");
    expect(documentKindOf(await odt())).toBe("odt");
    expect(documentKindOf(oleFile("WordDocument"))).toBe("doc");
    // not documents: a program, text, a ZIP of anything, Office parts that are missing or
    // macro-enabled, an OLE file without a Word stream (an installer), a PDF cut short
    expect(documentKindOf(EXE)).toBeUndefined();
    expect(documentKindOf(Buffer.from("Protokoll från mötet 12 mars.\n"))).toBeUndefined();
    expect(documentKindOf(await zip({ "readme.txt": "hej" }))).toBeUndefined();
    expect(
      documentKindOf(await zip({ "[Content_Types].xml": CONTENT_TYPES(WORD_MAIN) })),
    ).toBeUndefined();
    expect(
      documentKindOf(
        await zip({
          "[Content_Types].xml": CONTENT_TYPES(
            "application/vnd.ms-word.document.macroEnabled.main+xml",
          ),
          "word/document.xml": "<w:document/>",
        }),
      ),
    ).toBeUndefined();
    expect(documentKindOf(oleFile("SummaryInformation"))).toBeUndefined();
    expect(documentKindOf(MINIMAL_PDF.subarray(0, 60))).toBeUndefined();
  });

  it("refuses what is not a document, or too large, naming the file and storing nothing", async () => {
    const refused = async (fileName: string, data: Uint8Array) =>
      (
        await fieldsOf(
          addMeetingAttachment(t.db, actor, associationId, initiativeId, meetingId, {
            fileName,
            data,
          }),
        )
      ).file;
    expect(await refused("protokoll.exe", EXE)).toBe(
      "protokoll.exe är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).",
    );
    expect(await refused("protokoll.pdf", Buffer.from("Protokoll från mötet 12 mars.\n"))).toBe(
      "protokoll.pdf är inte ett dokument. Ladda upp protokollet som PDF eller Word (docx).",
    );
    // 11 MB that begins like a PDF: the size decides first
    const large = Buffer.alloc(11 * 1024 * 1024, 0x20);
    MINIMAL_PDF.copy(large, 0);
    expect(await refused("stort protokoll.pdf", large)).toBe(
      "stort protokoll.pdf är 11 MB. Största tillåtna storlek är 10 MB.",
    );
    expect(checkDocument.bind(null, "x.pdf", Buffer.alloc(13_002_342, 1))).toThrow(
      "x.pdf är 12,4 MB. Största tillåtna storlek är 10 MB.",
    );
    expect(await refused("tom.pdf", new Uint8Array())).toBe(
      "tom.pdf är tom. Välj filen med protokollet igen.",
    );
    expect(await t.db.$count(meetingAttachments)).toBe(0);
    expect(
      await t.db.$count(auditEvents, like(auditEvents.action, "steering_group.attachment%")),
    ).toBe(0);
  });

  it("keeps real documents byte for byte, with checksum and media type, and deletes them", async () => {
    const pdf = await pdfkitPdf();
    const docx = await realDocx();
    const pdfId = await addMeetingAttachment(t.db, actor, associationId, initiativeId, meetingId, {
      fileName: "C:\\Users\\lea\\Protokoll 2025-11-12.pdf",
      data: pdf,
    });
    // the name does not decide the type: a Word file called .txt is kept as Word, named .docx
    const docxId = await addMeetingAttachment(t.db, actor, associationId, initiativeId, meetingId, {
      fileName: "bilaga.txt",
      data: docx,
    });
    const stored = await getMeetingAttachment(t.db, associationId, initiativeId, pdfId);
    expect(stored).toMatchObject({
      fileName: "Protokoll 2025-11-12.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
    expect(Buffer.compare(stored?.data ?? Buffer.alloc(0), pdf)).toBe(0);
    expect(await getMeetingAttachment(t.db, associationId, initiativeId, docxId)).toMatchObject({
      fileName: "bilaga.txt.docx",
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    // only through its own initiative and association
    expect(
      await getMeetingAttachment(t.db, associationId, otherInitiativeId, pdfId),
    ).toBeUndefined();
    expect(
      await getMeetingAttachment(t.db, otherAssociationId, initiativeId, pdfId),
    ).toBeUndefined();

    const meeting = await getSteeringGroupMeeting(t.db, associationId, initiativeId, meetingId);
    expect(meeting?.attachments.map((a) => a.fileName)).toEqual([
      "Protokoll 2025-11-12.pdf",
      "bilaga.txt.docx",
    ]);
    expect(
      (await steeringGroupOf(t.db, initiativeId)).meetings.find((m) => m.id === meetingId)
        ?.documents,
    ).toBe(2);

    await deleteMeetingAttachment(t.db, actor, associationId, initiativeId, docxId);
    await expect(
      deleteMeetingAttachment(t.db, actor, associationId, initiativeId, docxId),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (await getSteeringGroupMeeting(t.db, associationId, initiativeId, meetingId))?.attachments,
    ).toHaveLength(1);
    const events = await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, docxId))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      "steering_group.attachment_added",
      "steering_group.attachment_deleted",
    ]);
    expect(events[1]?.details).toMatchObject({ fileName: "bilaga.txt.docx", meetingId });
  });

  it("names downloads safely", () => {
    expect(attachmentDisposition("Protokoll 12 mars (Växtverket).pdf")).toBe(
      "attachment; filename=\"Protokoll 12 mars _Vaxtverket_.pdf\"; filename*=UTF-8''Protokoll%2012%20mars%20%28V%C3%A4xtverket%29.pdf",
    );
    expect(checkDocument('..\\"evil"\r\n.pdf', MINIMAL_PDF).fileName).toBe("evil.pdf");
  });
});
