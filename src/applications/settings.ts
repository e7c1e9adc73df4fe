// The association's application form: form version, help text per field, the agreement text
// (överenskommelse) applicants accept by signing, and the logo on its documents.
import { eq } from "drizzle-orm";
import { type AuditActor, recordAuditEvent } from "../audit/record-audit-event.ts";
import type { Queryable } from "../platform/database/connect.ts";
import { ConflictError, ValidationError } from "../platform/errors.ts";
import {
  APPLICATION_FIELDS,
  DEFAULT_AGREEMENT_TEXT,
  DEFAULT_FORM_VERSION,
  DEFAULT_HELP_TEXTS,
} from "./content.ts";
import { applicationSettings, associationLogos } from "./schema.ts";

export interface ApplicationSettings {
  formVersion: string;
  helpTexts: Record<string, string>;
  agreementText: string;
  version: number;
}

/** The association's settings, or the defaults when it has not saved its own. */
export async function getApplicationSettings(
  q: Queryable,
  associationId: string,
): Promise<ApplicationSettings> {
  const [row] = await q
    .select()
    .from(applicationSettings)
    .where(eq(applicationSettings.associationId, associationId));
  if (!row)
    return {
      formVersion: DEFAULT_FORM_VERSION,
      helpTexts: { ...DEFAULT_HELP_TEXTS },
      agreementText: DEFAULT_AGREEMENT_TEXT,
      version: 0,
    };
  return {
    formVersion: row.formVersion,
    helpTexts: row.helpTexts,
    agreementText: row.agreementText,
    version: row.version,
  };
}

export interface ApplicationSettingsInput {
  formVersion: string;
  helpTexts: Record<string, string>;
  agreementText: string;
}

export async function saveApplicationSettings(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  expectedVersion: number,
  input: ApplicationSettingsInput,
): Promise<ApplicationSettings> {
  const problems: Record<string, string> = {};
  const formVersion = input.formVersion.trim();
  if (!formVersion) problems.formVersion = "Ange blankettens version, till exempel Ansökan 2026:1.";
  else if (formVersion.length > 60) problems.formVersion = "Versionen får ha högst 60 tecken.";
  const agreementText = input.agreementText.trim();
  if (!agreementText) problems.agreementText = "Skriv överenskommelsens text.";
  const helpTexts: Record<string, string> = {};
  for (const field of APPLICATION_FIELDS) {
    const text = (input.helpTexts[field.key] ?? "").trim();
    if (text.length > 1000)
      problems[`help.${field.key}`] = "Hjälptexten får ha högst 1 000 tecken.";
    if (text) helpTexts[field.key] = text;
  }
  if (Object.keys(problems).length) throw new ValidationError(problems);
  await q.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: applicationSettings.version })
      .from(applicationSettings)
      .where(eq(applicationSettings.associationId, associationId))
      .for("update");
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(
        "Någon annan har ändrat ansökningsblanketten medan du arbetade. Ladda om sidan och gör om dina ändringar.",
      );
    const values = { formVersion, helpTexts, agreementText, updatedAt: new Date() };
    if (current)
      await tx
        .update(applicationSettings)
        .set({ ...values, version: current.version + 1 })
        .where(eq(applicationSettings.associationId, associationId));
    else await tx.insert(applicationSettings).values({ associationId, ...values, version: 1 });
    await recordAuditEvent(tx, actor, {
      action: "application_settings.updated",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: { formVersion },
    });
  });
  return getApplicationSettings(q, associationId);
}

const LOGO_LIMIT = 300 * 1024;

/** The logo as bytes, or undefined. */
export async function getAssociationLogo(q: Queryable, associationId: string) {
  const [row] = await q
    .select()
    .from(associationLogos)
    .where(eq(associationLogos.associationId, associationId));
  if (!row) return undefined;
  return { mediaType: row.mediaType, data: Buffer.from(row.dataBase64, "base64") };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Stores a PNG or JPEG logo (checked by its bytes, not its name), or removes it (`null`). */
export async function setAssociationLogo(
  q: Queryable,
  actor: AuditActor,
  associationId: string,
  data: Uint8Array | null,
): Promise<void> {
  if (data === null || data.length === 0) {
    await q.transaction(async (tx) => {
      await tx.delete(associationLogos).where(eq(associationLogos.associationId, associationId));
      await recordAuditEvent(tx, actor, {
        action: "association.logo_removed",
        associationId,
        targetType: "association",
        targetId: associationId,
      });
    });
    return;
  }
  const bytes = Buffer.from(data);
  const mediaType = bytes.subarray(0, 8).equals(PNG)
    ? "image/png"
    : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
      ? "image/jpeg"
      : undefined;
  if (!mediaType)
    throw new ValidationError({ logo: "Logotypen måste vara en PNG- eller JPEG-bild." });
  if (bytes.length > LOGO_LIMIT)
    throw new ValidationError({ logo: "Logotypen får vara högst 300 kB. Förminska bilden." });
  await q.transaction(async (tx) => {
    const values = { mediaType, dataBase64: bytes.toString("base64"), updatedAt: new Date() };
    await tx
      .insert(associationLogos)
      .values({ associationId, ...values })
      .onConflictDoUpdate({ target: associationLogos.associationId, set: values });
    await recordAuditEvent(tx, actor, {
      action: "association.logo_set",
      associationId,
      targetType: "association",
      targetId: associationId,
      details: { mediaType, bytes: bytes.length },
    });
  });
}
