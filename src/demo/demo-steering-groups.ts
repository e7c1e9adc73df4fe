// The demo's steering groups: Växtverket's (run by its lead; the demo's steering-group member
// is its chair), Arbetsbryggan's and the ESF project Vidare's (kept by the office). Members per
// party, ordinary and deputy, one replaced at the turn of the year; meetings about every
// quarter since each start with attendance and decisions, one meeting cancelled, minutes as
// PDF (made by Samspår's own document writer) on the latest meetings, and one meeting planned.
import type { AuditActor } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import {
  addMeetingAttachment,
  addSteeringGroupMeeting,
  addSteeringGroupMember,
  updateSteeringGroupMeeting,
} from "../reports/steering-groups.ts";
import type { DemoApplicationContext } from "./demo-applications.ts";
import { type PdfLine, simplePdf } from "./demo-pdf.ts";
import { addDays, type Timeline, workdayFrom } from "./demo-time.ts";

type Org = keyof DemoApplicationContext["orgs"];

interface DemoMember {
  key: string;
  org: Org;
  name: string;
  title: string;
  membership: "ordinarie" | "ersattare";
  from: string;
  to?: string;
  /** The e-mail of the member's Samspår account, to link it. */
  account?: string;
}

interface DemoMeeting {
  date: string;
  held: boolean;
  agenda: string;
  decisions?: string;
  /** Ordinary members (keys) who were away. */
  absent?: string[];
  /** Deputies (keys) who came, in place of an ordinary member. */
  deputies?: string[];
  /** Minutes as a PDF, uploaded the next working day. */
  minutes?: boolean;
}

interface DemoSteeringGroup {
  initiative: string;
  /** Who keeps the group in Samspår: the initiative's lead, or the office. */
  keeper: "lead" | "office";
  members: DemoMember[];
  meetings: DemoMeeting[];
}

const STEERING_EMAIL = "styrgruppen@demo.samspar.se";

export const DEMO_STEERING_GROUPS: DemoSteeringGroup[] = [
  {
    initiative: "Tierp, Växtverket",
    keeper: "lead",
    members: [
      {
        key: "johan",
        org: "tierp",
        name: "Johan Ek",
        title: "Enhetschef arbetsmarknad, ordförande",
        membership: "ordinarie",
        from: "2025-01-01",
        account: STEERING_EMAIL,
      },
      {
        key: "malin",
        org: "tierp",
        name: "Malin Forsberg",
        title: "Socialsekreterare",
        membership: "ersattare",
        from: "2025-01-01",
      },
      {
        key: "anders",
        org: "fk",
        name: "Anders Lund",
        title: "Teamchef",
        membership: "ordinarie",
        from: "2025-01-01",
        to: "2025-12-31",
      },
      {
        key: "sofia",
        org: "fk",
        name: "Sofia Holmgren",
        title: "Teamchef",
        membership: "ordinarie",
        from: "2026-01-01",
      },
      {
        key: "peter",
        org: "af",
        name: "Peter Nilsson",
        title: "Sektionschef",
        membership: "ordinarie",
        from: "2025-01-01",
      },
      {
        key: "elin",
        org: "af",
        name: "Elin Strand",
        title: "Arbetsförmedlare",
        membership: "ersattare",
        from: "2025-01-01",
      },
      {
        key: "birgitta",
        org: "region",
        name: "Birgitta Sund",
        title: "Verksamhetschef, Tierps vårdcentral",
        membership: "ordinarie",
        from: "2025-01-01",
      },
    ],
    meetings: [
      {
        date: "2025-02-12",
        held: true,
        agenda: "1. Insatsens start\n2. Rutin för remisser\n3. Mötesplan för 2025",
        decisions:
          "- Mötesplanen för 2025 fastställdes: ett möte per kvartal.\n- Arbetsförmedlingen och Försäkringskassan utser var sin kontaktperson för remisser.",
      },
      {
        date: "2025-05-14",
        held: true,
        agenda: "1. Lägesrapport\n2. Kvartalsrapport 1\n3. Plantförsäljningen",
        decisions:
          "- Kvartalsrapporten godkändes.\n- Intäkterna från försäljningen används till material.",
        absent: ["peter"],
        deputies: ["elin"],
      },
      {
        date: "2025-09-10",
        held: true,
        agenda: "1. Lägesrapport\n2. Bemanningen i augusti\n3. Progressionsmätningen",
        decisions:
          "- Styrgruppen följer mål 2 särskilt och vill se mätningen vid avslut för alla deltagare.",
      },
      {
        date: "2025-11-19",
        held: true,
        agenda: "1. Lägesrapport\n2. Budget 2026\n3. Mötesplan för 2026",
        decisions:
          "- Budgeten för 2026 fastställdes.\n- Insatsen inför en rutin så att ingen deltagare avslutas utan progressionsmätning.",
      },
      {
        date: "2026-02-11",
        held: true,
        agenda: "1. Ny ledamot från Försäkringskassan\n2. Kvartalsrapport 4\n3. Överlämningsplan",
        decisions:
          "- Sofia Holmgren hälsades välkommen.\n- Ett förslag till överlämningsplan tas fram till mötet i maj.",
        minutes: true,
      },
      {
        date: "2026-05-13",
        held: true,
        agenda: "1. Lägesrapport\n2. Överlämningsplan till arbetsmarknadsenheten",
        decisions:
          "- Överlämningsplanen godkändes: arbetsmarknadsenheten tar över arbetssättet från januari 2028.\n- Regionen ombeds utse en ersättare.",
        absent: ["birgitta"],
        minutes: true,
      },
      {
        date: "2026-09-09",
        held: true,
        agenda: "1. Lägesrapport\n2. Sommarens verksamhet\n3. Kvartalsrapport 2",
        decisions: "- Kvartalsrapporten godkändes.\n- Nästa möte hålls i november.",
        minutes: true,
      },
      {
        date: "2026-11-11",
        held: true,
        agenda:
          "1. Lägesrapport\n2. Budget 2027\n3. Ansökan om fortsättning: Tierp, Gröna jobb\n4. Mötesplan för 2027",
        decisions:
          "- Budgeten för 2027 fastställdes.\n- Styrgruppen ställer sig bakom att Tierps kommun söker medel för Tierp, Gröna jobb.",
        minutes: true,
      },
      {
        date: "2027-02-10",
        held: false,
        agenda:
          "1. Lägesrapport\n2. Kvartalsrapport 4 2026\n3. Överlämningen till arbetsmarknadsenheten",
      },
    ],
  },
  {
    initiative: "Östhammar, Arbetsbryggan",
    keeper: "office",
    members: [
      {
        key: "camilla",
        org: "osthammar",
        name: "Camilla Berg",
        title: "Arbetsmarknadschef, ordförande",
        membership: "ordinarie",
        from: "2025-03-01",
      },
      {
        key: "tobias",
        org: "osthammar",
        name: "Tobias Lind",
        title: "Enhetschef försörjningsstöd",
        membership: "ersattare",
        from: "2025-03-01",
      },
      {
        key: "hanna",
        org: "af",
        name: "Hanna Sjöström",
        title: "Sektionschef",
        membership: "ordinarie",
        from: "2025-03-01",
      },
      {
        key: "mats",
        org: "fk",
        name: "Mats Dahl",
        title: "Teamchef",
        membership: "ordinarie",
        from: "2025-03-01",
      },
    ],
    meetings: [
      {
        date: "2025-03-20",
        held: true,
        agenda: "1. Insatsens start\n2. Mötesplan",
        decisions: "- Mötesplanen fastställdes.",
      },
      {
        date: "2025-06-12",
        held: true,
        agenda: "1. Lägesrapport\n2. Arbetsgivarkontakter",
        decisions: "- Arbetskonsulenterna prioriterar arbetsgivare i Gimo.",
      },
      // the August meeting was cancelled for the holidays: none in the third quarter of 2025
      {
        date: "2025-10-16",
        held: true,
        agenda: "1. Lägesrapport\n2. Det inställda mötet i augusti\n3. Rutin för rapportering",
        decisions: "- Kvartalsrapporterna skickas till styrgruppen en vecka före sista dag.",
      },
      {
        date: "2025-12-11",
        held: true,
        agenda: "1. Budget 2026\n2. Mötesplan för 2026",
        decisions: "- Budgeten för 2026 fastställdes.",
      },
      {
        date: "2026-03-19",
        held: true,
        agenda: "1. Lägesrapport\n2. Lönestöd",
        decisions: "- Arbetsförmedlingen utser en kontaktperson för lönestöd.",
      },
      {
        date: "2026-06-11",
        held: true,
        agenda: "1. Lägesrapport\n2. Arbete i glesbygden",
        decisions: "- Arbetskonsulenterna träffar deltagarna på orten.",
      },
      {
        date: "2026-09-17",
        held: true,
        agenda: "1. Lägesrapport\n2. Förberedelser inför avslut",
        decisions: "- En plan för insatsens avslut tas fram till december.",
        absent: ["mats"],
      },
      {
        date: "2026-11-19",
        held: true,
        agenda: "1. Lägesrapport\n2. Plan för avslut och slutrapport",
        decisions: "- Planen för avslut godkändes.",
        minutes: true,
      },
    ],
  },
  {
    initiative: "Region, Länsgemensam ESF-insats Vidare",
    keeper: "office",
    members: [
      {
        key: "goran",
        org: "region",
        name: "Göran Lindberg",
        title: "Avdelningschef, ordförande",
        membership: "ordinarie",
        from: "2025-09-01",
      },
      {
        key: "maja",
        org: "region",
        name: "Maja Ekholm",
        title: "Utvecklingsledare",
        membership: "ersattare",
        from: "2025-09-01",
      },
      {
        key: "erik",
        org: "uppsala",
        name: "Erik Mattsson",
        title: "Avdelningschef arbetsmarknad",
        membership: "ordinarie",
        from: "2025-09-01",
      },
      {
        key: "ola",
        org: "enkoping",
        name: "Ola Persson",
        title: "Arbetsmarknadschef",
        membership: "ordinarie",
        from: "2025-09-01",
      },
      {
        key: "sara",
        org: "af",
        name: "Sara Lindgren",
        title: "Sektionschef",
        membership: "ordinarie",
        from: "2025-09-01",
      },
      {
        key: "jenny",
        org: "fk",
        name: "Jenny Wallin",
        title: "Verksamhetsområdeschef",
        membership: "ordinarie",
        from: "2025-09-01",
      },
    ],
    meetings: [
      {
        date: "2025-09-25",
        held: true,
        agenda: "1. Projektstart\n2. ESF-rådets villkor\n3. Mötesplan",
        decisions:
          "- Mötesplanen fastställdes.\n- Projektledaren rapporterar deltagarantalet varje månad.",
      },
      {
        date: "2025-12-04",
        held: true,
        agenda: "1. Lägesrapport från kommunerna\n2. Budget 2026",
        decisions: "- Budgeten för 2026 fastställdes.",
        absent: ["goran"],
        deputies: ["maja"],
      },
      {
        date: "2026-03-12",
        held: true,
        agenda: "1. Lägesrapport\n2. Andelen kvinnor bland deltagarna",
        decisions: "- Riktad rekrytering av kvinnor via mödravården och familjecentralerna.",
      },
      {
        date: "2026-06-04",
        held: true,
        agenda: "1. Lägesrapport\n2. ESF-rådets uppföljningsbesök",
        decisions: "- Styrgruppen noterade att besöket skedde utan anmärkning.",
      },
      {
        date: "2026-09-24",
        held: true,
        agenda: "1. Lägesrapport\n2. Höstens intag",
        decisions: "- Höstens intag inriktas på kvinnor som varit länge utan arbete.",
      },
      {
        date: "2026-11-05",
        held: true,
        agenda: "1. Lägesrapport\n2. Budget 2027\n3. Administrativt stöd",
        decisions:
          "- Budgeten för 2027 fastställdes.\n- En administratör avlastar projektledningen med ESF-redovisningen.",
        minutes: true,
      },
    ],
  },
];

const ORG_NAMES: Record<Org, string> = {
  fk: "Försäkringskassan",
  af: "Arbetsförmedlingen",
  region: "Region Uppsala",
  uppsala: "Uppsala kommun",
  tierp: "Tierps kommun",
  enkoping: "Enköpings kommun",
  osthammar: "Östhammars kommun",
  knivsta: "Knivsta kommun",
  heby: "Heby kommun",
};

const sitsOn = (m: DemoMember, day: string) => m.from <= day && (!m.to || m.to >= day);

/** Who attended: every ordinary member not away, and the deputies who came. */
function presentOn(group: DemoSteeringGroup, meeting: DemoMeeting): DemoMember[] {
  return group.members.filter(
    (m) =>
      sitsOn(m, meeting.date) &&
      (m.membership === "ordinarie"
        ? !meeting.absent?.includes(m.key)
        : (meeting.deputies?.includes(m.key) ?? false)),
  );
}

/** The minutes of a held meeting as a small PDF. */
export function minutesPdf(
  associationName: string,
  group: DemoSteeringGroup,
  meeting: DemoMeeting,
): Buffer {
  const present = presentOn(group, meeting);
  const away = group.members.filter(
    (m) => sitsOn(m, meeting.date) && m.membership === "ordinarie" && !present.includes(m),
  );
  const person = (m: DemoMember): PdfLine => ({
    text: `${m.name}, ${m.title} (${ORG_NAMES[m.org]})`,
  });
  const items = (text: string): PdfLine[] =>
    text.split("\n").map((line) => ({ text: line.replace(/^- /, "– ") }));
  const heading = (text: string): PdfLine => ({ text, bold: true, size: 12, space: 10 });
  const chair = group.members.find((m) => m.title.endsWith("ordförande"));
  return simplePdf(`Protokoll, styrgruppen för ${group.initiative}, ${meeting.date}`, [
    { text: associationName, size: 9 },
    { text: "Protokoll från styrgruppsmöte", bold: true, size: 16, space: 12 },
    { text: `${group.initiative}, ${meeting.date}`, size: 12 },
    heading("Närvarande"),
    ...present.map(person),
    ...(away.length ? [heading("Anmält förhinder"), ...away.map(person)] : []),
    heading("Dagordning"),
    ...items(meeting.agenda),
    heading("Beslut"),
    ...items(meeting.decisions ?? ""),
    {
      text: `Protokollet är justerat av ordföranden${chair ? ` ${chair.name}` : ""}.`,
      size: 9,
      space: 16,
    },
  ]);
}

export interface DemoSteeringContext {
  associationId: string;
  associationName: string;
  orgs: Record<Org, string>;
  initiativeIds: Map<string, string>;
  people: Record<"office" | "lead", AuditActor>;
  now: Date;
}

/** Puts the steering groups' history on the timeline. */
export function planSteeringGroups(q: Queryable, timeline: Timeline, c: DemoSteeringContext) {
  for (const group of DEMO_STEERING_GROUPS) {
    const initiativeId = c.initiativeIds.get(group.initiative);
    if (!initiativeId) throw new Error(`no demo initiative ${group.initiative}`);
    const keeper = c.people[group.keeper];
    const memberIds = new Map<string, string>();
    const first = group.members.reduce((a, m) => (m.from < a ? m.from : a), "9999-12-31");
    // the group is set up before it first meets; later members join on their first day
    for (const member of group.members) {
      timeline.add(member.from === first ? addDays(first, -7) : member.from, "08:00", async () => {
        memberIds.set(
          member.key,
          await addSteeringGroupMember(q, keeper, c.associationId, initiativeId, {
            organisationId: c.orgs[member.org],
            name: member.name,
            email: member.account ?? "",
            title: member.title,
            membership: member.membership,
            fromDate: member.from,
            toDate: member.to ?? null,
            accountEmail: member.account ?? null,
          }),
        );
      });
    }
    const lastHeld = group.meetings.filter((m) => m.held).at(-1)?.date ?? first;
    for (const meeting of group.meetings) {
      const input = {
        meetingDate: meeting.date,
        held: meeting.held,
        agenda: meeting.agenda,
        decisions: meeting.decisions ?? "",
      };
      // a planned meeting is put in the calendar after the last one held
      timeline.add(meeting.held ? meeting.date : lastHeld, "17:00", async () => {
        const id = await addSteeringGroupMeeting(
          q,
          keeper,
          c.associationId,
          initiativeId,
          input,
          c.now,
        );
        if (!meeting.held) return;
        const present = new Set(presentOn(group, meeting).map((m) => m.key));
        await updateSteeringGroupMeeting(
          q,
          keeper,
          c.associationId,
          initiativeId,
          id,
          1,
          {
            ...input,
            attendance: group.members
              .filter((m) => sitsOn(m, meeting.date))
              .map((m) => ({ memberId: memberIds.get(m.key) ?? "", present: present.has(m.key) })),
          },
          c.now,
        );
        if (!meeting.minutes) return;
        const minutes = minutesPdf(c.associationName, group, meeting);
        timeline.add(workdayFrom(addDays(meeting.date, 1)), "10:00", async () => {
          await addMeetingAttachment(q, keeper, c.associationId, initiativeId, id, {
            fileName: `Protokoll styrgrupp ${meeting.date}.pdf`,
            data: minutes,
          });
        });
      });
    }
  }
}
