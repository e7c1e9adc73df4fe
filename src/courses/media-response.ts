// A course file as an HTTP answer (the staff's and the participant's file routes): with byte
// ranges, which browsers use to play and seek audio and video (Safari will not play a video
// without them), an ETag from the file's SHA-256 so a slow phone downloads a picture once, and
// headers that keep an uploaded file from ever running as a page. Only the bytes asked for are
// read from the database: nothing for a picture the browser already has (304), one piece of a
// video for a range.
export interface StoredMedia {
  mediaType: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** Reads `length` bytes of the file from byte `start` (0-based). */
export type ReadBytes = (start: number, length: number) => Promise<Uint8Array<ArrayBuffer>>;

const RANGE = /^bytes=(\d*)-(\d*)$/;

export async function mediaResponse(
  request: Request,
  media: StoredMedia,
  read: ReadBytes,
): Promise<Response> {
  const size = media.sizeBytes;
  const etag = `"${media.sha256}"`;
  const headers = new Headers({
    "Content-Type": media.mediaType,
    "Accept-Ranges": "bytes",
    ETag: etag,
    // private: a course file is for signed-in people; it never changes under its id
    "Cache-Control": "private, max-age=86400, immutable",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(media.fileName)}`,
  });
  if (request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });

  const range = request.headers.get("range");
  const match = range ? RANGE.exec(range.trim()) : null;
  if (range && match && (match[1] !== "" || match[2] !== "")) {
    let start: number;
    let end: number;
    if (match[1] === "") {
      // the last N bytes
      const suffix = Number(match[2]);
      start = Math.max(0, size - suffix);
      end = size - 1;
    } else {
      start = Number(match[1]);
      end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
    }
    if (start >= size || start > end) {
      headers.set("Content-Range", `bytes */${size}`);
      return new Response(null, { status: 416, headers });
    }
    headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
    headers.set("Content-Length", String(end - start + 1));
    return new Response(request.method === "HEAD" ? null : await read(start, end - start + 1), {
      status: 206,
      headers,
    });
  }
  headers.set("Content-Length", String(size));
  return new Response(request.method === "HEAD" ? null : await read(0, size), {
    status: 200,
    headers,
  });
}
