// Reading a document uploaded to the API as multipart/form-data, in the field `file`: the
// steering group's minutes and a requisition's attachments. What the file may be (type, size)
// is the use case's to decide; this only reads it, or answers 415 for another content type.
import { ValidationError } from "../platform/errors.ts";
import { type ApiContext, PROBLEM_TYPES, problemResponse } from "./problems.ts";

export interface UploadedFile {
  fileName: string;
  data: Uint8Array;
}

/**
 * The uploaded file, or the 415 answer to return. `noun` names the document in the messages
 * ("bilagan", "dokumentet"), `example` a file name for the curl example.
 */
export async function uploadedFile(
  c: ApiContext,
  noun: string,
  example: string,
): Promise<UploadedFile | Response> {
  const type = c.req.header("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    return problemResponse(c, {
      type: PROBLEM_TYPES.unsupportedMediaType,
      title: "Innehållstypen stöds inte",
      status: 415,
      detail: `Skicka ${noun} som multipart/form-data, med filen i fältet file (till exempel curl -F file=@${example}).`,
    });
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File))
    throw new ValidationError({ file: `Skicka ${noun} i fältet file, som en fil.` });
  return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}
