// The demo association an empty instance starts with: "Samordningsförbundet Demo" with
// its members, a county association's initiatives, one person for every role, applications
// in every status, two years of reporting (demo-reports.ts) and the money of those years
// (demo-money.ts). Later capabilities add their own demo data here.
import { count, eq } from "drizzle-orm";
import { todayInSweden } from "../applications/workflow.ts";
import { createAssociation } from "../associations/create-association.ts";
import { addMemberOrganisation } from "../associations/member-organisations.ts";
import { associations } from "../associations/schema.ts";
import type { AuditActor } from "../audit/record-audit-event.ts";
import { createInitiative } from "../initiatives/save-initiative.ts";
import { createMailer, type Mailer } from "../mail/send-mail.ts";
import { addUser } from "../people/add-user.ts";
import { assignRole } from "../people/assign-role.ts";
import { roleLabel } from "../people/role-labels.ts";
import type { Role } from "../people/roles.ts";
import { readConfig } from "../platform/config.ts";
import type { Db, Queryable } from "../platform/database/connect.ts";
import { seedDemoApplications } from "./demo-applications.ts";
import { seedDemoCourses } from "./demo-courses.ts";
import { seedDemoEvaluation } from "./demo-evaluation.ts";
import { seedDemoFollowUps } from "./demo-follow-ups.ts";
import { demoInitiatives } from "./demo-initiatives.ts";
import { seedDemoMoney } from "./demo-money.ts";
import { seedDemoParticipants } from "./demo-participants.ts";
import { type DemoPortalCode, seedDemoPortal } from "./demo-portal.ts";
import { seedDemoProgression } from "./demo-progression.ts";
import { seedDemoReports } from "./demo-reports.ts";

export const DEMO_SLUG = "demo";
/** One password for every demo person; the demo is for trying Samspår, not for real data. */
export const DEMO_PASSWORD = "samspar-demo-2026";

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
  initiative?: string;
  /**
   * Set for a participant who signs in to the portal with a one-time code instead ("ABCD-EFGH",
   * valid 14 days); `email` is then empty: portal accounts carry no identity.
   */
  portalCode?: Omit<DemoPortalCode, "initiative">;
}

const PEOPLE: Array<DemoLogin & { initiativeKey?: "vaxtverket" | "larcentrum" }> = [
  { role: "association_admin", email: "forbundschef@demo.samspar.se", name: "Maria Lindqvist" },
  { role: "board_member", email: "styrelsen@demo.samspar.se", name: "Per Sandberg" },
  {
    role: "initiative_lead",
    email: "insatsansvarig@demo.samspar.se",
    name: "Leila Haddad",
    initiativeKey: "vaxtverket",
  },
  {
    role: "steering_group_member",
    email: "styrgruppen@demo.samspar.se",
    name: "Johan Ek",
    initiativeKey: "vaxtverket",
  },
  {
    role: "participant_officer",
    email: "coach@demo.samspar.se",
    name: "Sara Nordin",
    initiativeKey: "vaxtverket",
  },
  {
    role: "participant_officer",
    email: "kommunikator@demo.samspar.se",
    name: "Nadia Karimi",
    initiativeKey: "larcentrum",
  },
  {
    role: "participant",
    email: "deltagare@demo.samspar.se",
    name: "Amina Yusuf",
    initiativeKey: "larcentrum",
  },
  { role: "auditor", email: "granskare@demo.samspar.se", name: "Eva Holm" },
];

export async function instanceIsEmpty(q: Queryable): Promise<boolean> {
  const [row] = await q.select({ n: count() }).from(associations);
  return (row?.n ?? 0) === 0;
}

/** The demo's applications and reports are dated up to this day; a clock behind it is taken as it. */
export const DEMO_TODAY = new Date("2026-11-23T12:00:00+01:00");

export interface SeedDemoOptions {
  /** For the signing links in the demo's mails; the configured base URL by default. */
  baseUrl?: string;
  /** The demo's mails stay in the association's outbox unless a mailer is given. */
  mailer?: Mailer;
  now?: Date;
}

/** Seeds the demo association; returns the logins to print. Does nothing if it exists. */
export async function seedDemo(
  q: Queryable,
  options: SeedDemoOptions = {},
): Promise<DemoLogin[] | undefined> {
  const actor: AuditActor = { userId: null, label: "system:demo" };
  const now = new Date(Math.max((options.now ?? new Date()).getTime(), DEMO_TODAY.getTime()));
  const seeded = await q.transaction(async (tx) => {
    const [existing] = await tx.select().from(associations).where(eq(associations.slug, DEMO_SLUG));
    if (existing) return undefined;
    const association = await createAssociation(tx, actor, {
      slug: DEMO_SLUG,
      name: "Samordningsförbundet Demo",
      orgNumber: "222000-0000",
      requireStaffTotp: false,
    });
    const orgsByName = new Map<string, { id: string }>();
    const org = async (name: string, orgNumber: string, kind: string) => {
      const row = await addMemberOrganisation(tx, actor, association.id, { name, orgNumber, kind });
      orgsByName.set(name, row);
      return row;
    };
    await org("Försäkringskassan", "202100-5521", "forsakringskassan");
    await org("Arbetsförmedlingen", "202100-2114", "arbetsformedlingen");
    await org("Region Uppsala", "232100-0024", "region");
    const uppsala = await org("Uppsala kommun", "212000-3005", "kommun");
    const tierp = await org("Tierps kommun", "212000-0274", "kommun");
    const enkoping = await org("Enköpings kommun", "212000-0308", "kommun");
    const osthammar = await org("Östhammars kommun", "212000-0316", "kommun");
    const knivsta = await org("Knivsta kommun", "212000-0324", "kommun");
    const heby = await org("Heby kommun", "212000-0332", "kommun");
    const region = orgsByName.get("Region Uppsala");
    const fk = orgsByName.get("Försäkringskassan");
    const af = orgsByName.get("Arbetsförmedlingen");
    if (!region || !fk || !af) throw new Error("demo members missing");
    const ids = {
      tierp: tierp.id,
      uppsala: uppsala.id,
      enkoping: enkoping.id,
      osthammar: osthammar.id,
      knivsta: knivsta.id,
      heby: heby.id,
      region: region.id,
      fk: fk.id,
      af: af.id,
    };
    const created = new Map<string, string>();
    for (const initiative of demoInitiatives(ids)) {
      created.set(
        initiative.name,
        (await createInitiative(tx, actor, association.id, initiative)).id,
      );
    }
    const vaxtverket = { id: created.get("Tierp, Växtverket") ?? "", name: "Tierp, Växtverket" };
    const larcentrum = {
      id: created.get("Uppsala, Lärcentrum digitalt") ?? "",
      name: "Uppsala, Lärcentrum digitalt",
    };
    const byKey = { vaxtverket, larcentrum };
    const logins: DemoLogin[] = [];
    const actors = new Map<Role, AuditActor>();
    for (const person of PEOPLE) {
      const user = await addUser(tx, actor, {
        email: person.email,
        name: person.name,
        password: DEMO_PASSWORD,
        kind: person.role === "participant" ? "participant" : "staff",
        associationId: association.id,
      });
      const initiative = person.initiativeKey ? byKey[person.initiativeKey] : undefined;
      await assignRole(tx, actor, {
        userId: user.id,
        associationId: association.id,
        role: person.role,
        initiativeId: initiative?.id ?? null,
      });
      // the first person of a role acts for it (the coach, not the civic communicator)
      if (!actors.has(person.role))
        actors.set(person.role, { userId: user.id, label: person.email });
      logins.push({
        role: person.role,
        email: person.email,
        name: person.name,
        ...(initiative ? { initiative: initiative.name } : {}),
      });
    }
    const person = (role: Role) => {
      const found = actors.get(role);
      if (!found) throw new Error(`no demo ${role}`);
      return found;
    };
    const people = {
      office: person("association_admin"),
      board: person("board_member"),
      lead: person("initiative_lead"),
      steering: person("steering_group_member"),
    };
    const mailer =
      options.mailer ??
      createMailer({
        smtpUrl: undefined,
        from: "no-reply@demo.samspar.se",
        enqueue: async () => {},
      });
    const baseUrl = options.baseUrl ?? readConfig().baseUrl;
    await seedDemoApplications(tx, {
      associationId: association.id,
      orgs: ids,
      people,
      mailer,
      baseUrl,
      now,
    });
    await seedDemoReports(tx, {
      associationId: association.id,
      associationName: association.name,
      orgs: ids,
      people,
      today: todayInSweden(DEMO_TODAY),
      now,
    });
    await seedDemoMoney(tx, {
      associationId: association.id,
      orgs: ids,
      office: people.office,
      mailer,
      baseUrl,
      today: todayInSweden(DEMO_TODAY),
    });
    await seedDemoParticipants(tx, {
      associationId: association.id,
      today: todayInSweden(DEMO_TODAY),
    });
    await seedDemoProgression(tx, {
      associationId: association.id,
      today: todayInSweden(DEMO_TODAY),
      office: people.office,
    });
    // the portal's availability runs from the real day of seeding, so a demo started later
    // can still book
    const portal = await seedDemoPortal(tx, {
      associationId: association.id,
      now: new Date(Math.max(options.now?.getTime() ?? Date.now(), DEMO_TODAY.getTime())),
      guideAuthor: "Maria Lindqvist",
    });
    // the learning centre's courses, written by its civic communicator, and the portal's
    // Tyck till (forms and answers)
    await seedDemoCourses(tx, {
      associationId: association.id,
      authorName: "Nadia Karimi",
      now,
    });
    await seedDemoEvaluation(tx, { associationId: association.id });
    for (const { initiative, ...portalCode } of portal.codes) {
      logins.push({
        role: "participant",
        email: "",
        name: portalCode.locale === "ar" ? "Deltagare (läser arabiska)" : "Deltagare",
        initiative,
        portalCode,
      });
    }
    return logins;
  });
  // after the transaction: locking computes the report, whose register statistics run in
  // transactions of their own (every caller passes the database itself)
  if (seeded) await seedDemoFollowUps(q as Db, DEMO_SLUG);
  return seeded;
}

export function formatDemoLogins(logins: DemoLogin[], baseUrl: string): string {
  const staff = logins.filter((l) => !l.portalCode);
  const codes = logins.filter((l) => l.portalCode);
  const width = Math.max(...staff.map((l) => roleLabel(l.role).length));
  const language = (locale: string) => (locale === "ar" ? "arabiska" : "svenska");
  return [
    `Demoförbundet "Samordningsförbundet Demo" är skapat. Logga in på ${baseUrl}/logga-in`,
    `Lösenord för alla demokonton: ${DEMO_PASSWORD}`,
    ...staff.map(
      (l) =>
        `  ${roleLabel(l.role).padEnd(width)}  ${l.email}${l.initiative ? `  (${l.initiative})` : ""}`,
    ),
    ...(codes.length > 0
      ? [
          `Deltagarportalen: logga in på ${baseUrl}/portal/logga-in med en engångskod (gäller en gång, i 14 dagar):`,
          ...codes.map((l) =>
            l.portalCode
              ? `  ${l.portalCode.code}  ${l.initiative ?? ""}, portalen på ${language(l.portalCode.locale)}`
              : "",
          ),
        ]
      : []),
  ].join("\n");
}
