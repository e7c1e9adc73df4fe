// A picture's size in pixels, read from its bytes (issue 10; ADR 0015): a course page gives its
// <img> a width and a height, so the page does not jump when the picture arrives on a slow
// phone. JPEG, PNG and WebP only, the pictures a course takes (media.ts). Never throws: bytes
// that are not a whole enough picture of these formats answer undefined, and the upload is then
// refused as a broken picture.

export interface PixelSize {
  width: number;
  height: number;
}

/** The largest side we keep (the columns are integers); a real course picture is far smaller. */
const MAX_SIDE = 0x7fffffff;

const sized = (width: number, height: number): PixelSize | undefined =>
  Number.isInteger(width) &&
  Number.isInteger(height) &&
  width >= 1 &&
  height >= 1 &&
  width <= MAX_SIDE &&
  height <= MAX_SIDE
    ? { width, height }
    : undefined;

const ascii = (data: Uint8Array, at: number, text: string) =>
  data.length >= at + text.length && [...text].every((c, i) => data[at + i] === c.charCodeAt(0));

/** Unsigned big- and little-endian integers; undefined past the end of the data. */
const u16be = (d: Uint8Array, at: number) =>
  at + 2 <= d.length ? ((d[at] ?? 0) << 8) | (d[at + 1] ?? 0) : undefined;
const u32be = (d: Uint8Array, at: number) =>
  at + 4 <= d.length
    ? (d[at] ?? 0) * 0x1000000 +
      (((d[at + 1] ?? 0) << 16) | ((d[at + 2] ?? 0) << 8) | (d[at + 3] ?? 0))
    : undefined;
const u16le = (d: Uint8Array, at: number) =>
  at + 2 <= d.length ? (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8) : undefined;
const u32le = (d: Uint8Array, at: number) =>
  at + 4 <= d.length
    ? ((d[at] ?? 0) | ((d[at + 1] ?? 0) << 8) | ((d[at + 2] ?? 0) << 16)) +
      (d[at + 3] ?? 0) * 0x1000000
    : undefined;

const u24le = (d: Uint8Array, at: number) =>
  at + 3 <= d.length
    ? (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8) | ((d[at + 2] ?? 0) << 16)
    : undefined;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the IHDR chunk comes first, right after the signature; width and height big-endian. */
function pngSize(data: Uint8Array): PixelSize | undefined {
  if (!PNG_SIGNATURE.every((b, i) => data[i] === b)) return undefined;
  if (u32be(data, 8) !== 13 || !ascii(data, 12, "IHDR")) return undefined;
  const width = u32be(data, 16);
  const height = u32be(data, 20);
  if (width === undefined || height === undefined) return undefined;
  return sized(width, height);
}

/** The start-of-frame markers that carry the size: C0–CF except DHT (C4), JPG (C8), DAC (CC). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Markers without a length: TEM (01), RST0–7 (D0–D7) and SOI (D8). */
const standsAlone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

/**
 * JPEG: the segments after SOI are walked by their lengths (so bytes inside an APP or COM
 * segment that look like a marker are skipped) until a start-of-frame segment, which holds
 * the height and then the width. The frame comes before the first scan (SOS) or the end (EOI).
 */
function jpegSize(data: Uint8Array): PixelSize | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let at = 2;
  while (at < data.length) {
    if (data[at] !== 0xff) return undefined;
    // any number of fill bytes (FF) may come before a marker
    while (data[at] === 0xff) at++;
    const marker = data[at];
    if (marker === undefined || marker === 0x00) return undefined;
    at++;
    if (standsAlone(marker)) continue;
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = u16be(data, at);
    if (length === undefined || length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      // length, precision, height, width, components
      if (length < 8) return undefined;
      const height = u16be(data, at + 3);
      const width = u16be(data, at + 5);
      if (height === undefined || width === undefined) return undefined;
      // a height of 0 is given later (DNL): not a size we can read here
      return sized(width, height);
    }
    at += length;
  }
  return undefined;
}

/**
 * WebP: a RIFF file whose first chunk is VP8 (lossy: a key frame's start code, then 14-bit
 * width and height), VP8L (lossless: a signature byte, then 14-bit width−1 and height−1) or
 * VP8X (extended: 24-bit canvas width−1 and height−1).
 */
function webpSize(data: Uint8Array): PixelSize | undefined {
  if (!ascii(data, 0, "RIFF") || !ascii(data, 8, "WEBP")) return undefined;
  const chunkSize = u32le(data, 16);
  if (chunkSize === undefined) return undefined;
  const start = 20;
  if (ascii(data, 12, "VP8 ")) {
    if (chunkSize < 10) return undefined;
    const tag = data[start];
    // bit 0 of the frame tag: 0 is a key frame, the only kind with the start code and size
    if (tag === undefined || (tag & 1) !== 0) return undefined;
    if (data[start + 3] !== 0x9d || data[start + 4] !== 0x01 || data[start + 5] !== 0x2a)
      return undefined;
    const width = u16le(data, start + 6);
    const height = u16le(data, start + 8);
    if (width === undefined || height === undefined) return undefined;
    return sized(width & 0x3fff, height & 0x3fff);
  }
  if (ascii(data, 12, "VP8L")) {
    if (chunkSize < 5 || data[start] !== 0x2f) return undefined;
    const b = data.subarray(start + 1, start + 5);
    if (b.length < 4) return undefined;
    const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
    const width = 1 + (b0 | ((b1 & 0x3f) << 8));
    const height = 1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10));
    return sized(width, height);
  }
  if (ascii(data, 12, "VP8X")) {
    if (chunkSize < 10) return undefined;
    const width = u24le(data, start + 4);
    const height = u24le(data, start + 7);
    if (width === undefined || height === undefined) return undefined;
    return sized(width + 1, height + 1);
  }
  return undefined;
}

/** A JPEG, PNG or WebP picture's width and height in pixels; undefined when they cannot be read. */
export function imageSize(data: Uint8Array): PixelSize | undefined {
  if (data[0] === 0xff && data[1] === 0xd8) return jpegSize(data);
  if (data[0] === 0x89) return pngSize(data);
  if (ascii(data, 0, "RIFF")) return webpSize(data);
  return undefined;
}
