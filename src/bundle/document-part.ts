// A document carried in the bundle (a meeting's minutes, a requisition's ledger extract): its
// bytes in base64, checked on parse against the size, the checksum and the type read from the
// bytes by the same check an upload passes (`check`).
import { createHash } from "node:crypto";
import * as z from "zod";
import { ValidationError } from "../platform/errors.ts";
import { DOCUMENT_KINDS, MAX_ATTACHMENT_BYTES } from "../reports/steering-groups.ts";
import { instant, lowerKey } from "./schema-parts.ts";

const MEDIA_TYPES = Object.values(DOCUMENT_KINDS).map((k) => k.mediaType) as [string, ...string[]];

export function documentPart(options: {
  keyDescription: string;
  description: string;
  check: (fileName: string, data: Uint8Array) => { mediaType: string; fileName: string };
}) {
  return z
    .strictObject({
      key: lowerKey(options.keyDescription),
      fileName: z.string().min(1),
      mediaType: z.enum(MEDIA_TYPES),
      sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES).meta({
        description: "Filens storlek i byte (högst 10 MB).",
      }),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, {
          error: "Skriv kontrollsumman som 64 hexadecimala tecken (SHA-256, gemener).",
        })
        .meta({ description: "SHA-256 av filens byte, hexadecimalt." }),
      uploadedAt: instant,
      dataBase64: z.base64({ error: "Filen ska vara base64-kodad." }).meta({
        description: "Filens byte, base64-kodade.",
      }),
    })
    .superRefine((a, ctx) => {
      const bytes = Buffer.from(a.dataBase64, "base64");
      if (bytes.byteLength !== a.sizeBytes)
        ctx.addIssue({
          code: "custom",
          path: ["sizeBytes"],
          message: `Filen är ${bytes.byteLength} byte, men sizeBytes säger ${a.sizeBytes}. Filen är skadad eller ändrad: exportera den igen.`,
        });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (sha256 !== a.sha256) {
        ctx.addIssue({
          code: "custom",
          path: ["sha256"],
          message:
            "Kontrollsumman stämmer inte med filens innehåll. Filen är skadad eller ändrad: exportera den igen.",
        });
        return;
      }
      try {
        const checked = options.check(a.fileName, bytes);
        if (checked.mediaType !== a.mediaType)
          ctx.addIssue({
            code: "custom",
            path: ["mediaType"],
            message: `Filen är av typen ${checked.mediaType}, inte ${a.mediaType}.`,
          });
        else if (checked.fileName !== a.fileName)
          ctx.addIssue({
            code: "custom",
            path: ["fileName"],
            message: `Skriv filnamnet som ${JSON.stringify(checked.fileName)}.`,
          });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        ctx.addIssue({
          code: "custom",
          path: ["dataBase64"],
          message: Object.values(error.fields).join(" "),
        });
      }
    })
    .meta({ description: options.description });
}
