// Gallring: a participant's identity is erased a configurable time after their last enrollment
// ended (SAMSPAR_REGISTER_RETENTION_MONTHS, 24 by default); the statistics fields stay, and
// every erasure is recorded with the reason "gallring" and written to the access log. Run
// daily by the job register.retention and by `npx samspar register retention`. Erasing needs
// no key: nothing is decrypted. Running it twice erases nothing the second time.
import { asc, eq, sql } from "drizzle-orm";
import { associations, memberOrganisations } from "../associations/schema.ts";
import { initiatives } from "../initiatives/schema.ts";
import type { Db } from "../platform/database/connect.ts";
import { eraseIdentity } from "./participants.ts";
import { systemActor } from "./scope.ts";
import { inRegister } from "./zone.ts";

export const DEFAULT_RETENTION_MONTHS = 24;

export interface RetentionOptions {
  /** Erase identities whose last enrollment ended more than this many months ago. */
  monthsAfterExit: number;
  /** Count what would be erased, erase nothing. */
  dryRun?: boolean;
}

export interface RetentionResult {
  /** Last enrollments that ended before this date are past retention. */
  cutoff: string;
  dryRun: boolean;
  /** Identities erased (or, in a dry run, that would be). */
  erased: number;
  associations: Array<{ slug: string; name: string; erased: number }>;
}

/** `iso` minus `months` calendar months (the 31st becomes the month's last day). */
export function monthsBefore(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - months;
  const day = Number(iso.slice(8, 10));
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${y}-${pad(m)}-${pad(Math.min(day, last))}`;
}

export async function eraseExpiredIdentities(
  db: Db,
  today: string,
  options: RetentionOptions,
): Promise<RetentionResult> {
  const months = options.monthsAfterExit;
  if (!Number.isInteger(months) || months < 1)
    throw new Error(`Gallringstiden ska vara ett helt antal månader, minst 1 (fick ${months}).`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Ogiltigt dagens datum: ${today}`);
  const cutoff = monthsBefore(today, months);
  const dryRun = options.dryRun ?? false;
  const actor = systemActor("Samspår (gallring)");
  const result: RetentionResult = { cutoff, dryRun, erased: 0, associations: [] };

  const list = await db
    .select({ id: associations.id, slug: associations.slug, name: associations.name })
    .from(associations)
    .orderBy(asc(associations.slug));
  for (const association of list) {
    // the association's whole register: every member organisation, every initiative
    const controllers = await db
      .select({ id: memberOrganisations.id })
      .from(memberOrganisations)
      .where(eq(memberOrganisations.associationId, association.id));
    if (controllers.length === 0) continue;
    const scope = { controllers: controllers.map((c) => c.id), initiatives: [] };

    const erased = await inRegister(db, scope, async (tx) => {
      // every initiative of the association, read in this transaction: an open enrollment in
      // an initiative the scope missed would otherwise look like none at all
      await tx.execute(sql`
        select set_config('samspar.initiatives',
          coalesce((select string_agg(${initiatives.id}::text, ',') from ${initiatives}
                    where ${initiatives.associationId} = ${association.id}), ''), true)`);
      const expired = await tx.execute<{
        id: string;
        association_id: string;
        data_controller_id: string;
        version: number;
        identity_ciphertext: string | null;
        name_ciphertext: string | null;
      }>(sql`
        select p.id, p.association_id, p.data_controller_id, p.version,
               p.identity_ciphertext, p.name_ciphertext
        from register.participants p
        where p.association_id = ${association.id}
          and (p.identity_ciphertext is not null or p.name_ciphertext is not null)
          and not exists (
            select 1 from register.enrollments e
            where e.participant_id = p.id and e.end_date is null)
          and (select max(e.end_date) from register.enrollments e
               where e.participant_id = p.id) < ${cutoff}::date
        order by p.id
        for update of p`);
      if (dryRun) return expired.rows.length;
      for (const row of expired.rows)
        await eraseIdentity(
          tx,
          actor,
          {
            id: row.id,
            associationId: row.association_id,
            dataControllerId: row.data_controller_id,
            version: row.version,
            identityCiphertext: row.identity_ciphertext,
            nameCiphertext: row.name_ciphertext,
          },
          "gallring",
        );
      return expired.rows.length;
    });
    if (erased > 0) {
      result.associations.push({ slug: association.slug, name: association.name, erased });
      result.erased += erased;
    }
  }
  return result;
}
