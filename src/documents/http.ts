// Answers of the web's document downloads. The document goes out as an attachment that is
// never cached; any other answer is plain text, since the person clicked a download link.
import type { RenderedDocument } from "./render.ts";

export const plainText = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** The guard's refusals (404/403 with a message) as plain text; redirects pass unchanged. */
export function asPlainText(error: unknown): unknown {
  if (error instanceof Response) return error;
  if (typeof error === "object" && error !== null && "data" in error && "init" in error) {
    const { data, init } = error as { data: { message?: unknown }; init?: { status?: number } };
    const status = init?.status ?? 500;
    return plainText(
      status,
      typeof data?.message === "string" ? data.message : "Det gick inte att hämta dokumentet.",
    );
  }
  return error;
}

export const UNKNOWN_FORMAT =
  "Formatet finns inte. Välj format=pdf för PDF eller format=docx för Word.";

/** The document as a download: an attachment with an ASCII file name, not cached. */
export function documentResponse(document: RenderedDocument): Response {
  return new Response(new Uint8Array(document.body), {
    status: 200,
    headers: {
      "Content-Type": document.mediaType,
      "Content-Disposition": `attachment; filename="${document.fileName}"`,
      "Content-Length": String(document.body.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
