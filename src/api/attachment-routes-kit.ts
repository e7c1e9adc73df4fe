// Documents uploaded to an item as multipart/form-data and downloaded as they were stored: a
// requisition's attachments and a steering group meeting's minutes alike. What a file may be is
// the use case's to decide (src/reports/steering-groups.ts checks the bytes); each module
// describes the operations in its own words ("Bilagan", "Dokumentet") and runs its own use cases.
import { z } from "@hono/zod-openapi";
import { attachmentDisposition, DOCUMENT_KINDS } from "../reports/steering-groups.ts";
import { problem } from "./operation-kit.ts";
import type { ApiContext } from "./problems.ts";

const DOCUMENT_MEDIA_TYPES = Object.values(DOCUMENT_KINDS).map((k) => k.mediaType);
const binary = z.string().openapi({ format: "binary" });

/** A stored document as answered, with the module's examples and words. */
export const attachmentSchema = (
  name: string,
  o: {
    fileNameExample: string;
    sizeExample: number;
    sha256: string;
    uploadedAt: z.ZodType;
    uploaderExample: string;
    description: string;
  },
) =>
  z
    .object({
      id: z.uuid(),
      fileName: z.string().openapi({ example: o.fileNameExample }),
      mediaType: z.string().openapi({ example: "application/pdf" }),
      sizeBytes: z.number().int().openapi({ example: o.sizeExample }),
      sha256: z.string().openapi({ description: o.sha256 }),
      uploadedAt: o.uploadedAt,
      uploadedByName: z.string().nullable().openapi({ example: o.uploaderExample }),
    })
    .openapi(name, { description: o.description });

/** A stored document as the API answers with it. */
export const attachmentOut = (a: {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedByName: string | null;
}) => ({
  id: a.id,
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedAt: a.uploadedAt.toISOString(),
  uploadedByName: a.uploadedByName,
});

/** The request body of an upload: the file in the field `file`; `noun` is "Bilagan" or "Dokumentet". */
export const uploadBody = (noun: string) => ({
  required: true,
  description: `${noun} som multipart/form-data.`,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        required: ["file"],
        properties: {
          file: {
            type: "string" as const,
            format: "binary",
            description: `${noun}, med sitt filnamn. Högst 10 MB.`,
          },
        },
      },
      encoding: { file: { contentType: DOCUMENT_MEDIA_TYPES.join(", ") } },
    },
  },
});

/** What an upload answers for a request too large to read, or one that is no multipart/form-data. */
export const uploadRefusals = {
  413: problem("Anropet är för stort."),
  415: problem("Innehållet skickades inte som multipart/form-data."),
};

/** The success answer of a download: the document in its own media type. */
export const downloadAnswer = (description: string) => ({
  description,
  content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((t) => [t, { schema: binary }])),
});

/** A stored document as the answer: an attachment in its own media type, never cached or sniffed. */
export const storedFileBody = (
  c: ApiContext,
  found: { data: Uint8Array; mediaType: string; fileName: string },
) =>
  c.body(new Uint8Array(found.data), 200, {
    "Content-Type": found.mediaType,
    "Content-Disposition": attachmentDisposition(found.fileName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
