// A picture's size from its bytes: real files made by libpng-style code, libjpeg (cjpeg) and
// libwebp (cwebp), each 3 × 2 pixels; truncated and doctored copies; and random bytes, which
// must never make the parser throw.
import { crc32, deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { swedishFlagPng } from "../demo/demo-courses.ts";
import { imageSize } from "./image-size.ts";

const base64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

/** Real 3 × 2 pictures (cjpeg 80 %, cjpeg -progressive, cwebp, cwebp -lossless, cwebp with alpha). */
const REAL = {
  png: base64(
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAADklEQVR4nGNogAEGOAsAWhQJAbISPYcAAAAASUVORK5CYII=",
  ),
  jpeg: base64(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAMDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwAooooA/9k=",
  ),
  progressiveJpeg: base64(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wgARCAACAAMDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQBAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhADEAAAAQP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAEFAn//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAEDAQE/AX//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAECAQE/AX//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAY/An//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAE/IX//2gAMAwEAAgADAAAAEAP/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAEDAQE/EH//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAECAQE/EH//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAE/EH//2Q==",
  ),
  webpLossy: base64("UklGRiQAAABXRUJQVlA4IBgAAABQAQCdASoDAAIAAgA0JaQABHQAAORAAAA="),
  webpLossless: base64("UklGRh4AAABXRUJQVlA4TBEAAAAvAkAAAAdQwAIWsP+BiOh/AAA="),
  webpExtended: base64(
    "UklGRkYAAABXRUJQVlA4WAoAAAAQAAAAAgAAAQAAQUxQSAcAAAAAQEBAQEBAAFZQOCAYAAAAMAEAnQEqAwACAAIANCWkAANwAP7znYAA",
  ),
};

const THREE_BY_TWO = { width: 3, height: 2 };

/** The bytes before `at`, and a copy with one byte set. */
const head = (data: Uint8Array, length: number) => data.slice(0, length);
const withByte = (data: Uint8Array, at: number, value: number) => {
  const copy = data.slice();
  copy[at] = value;
  return copy;
};

describe("a picture's size in pixels", () => {
  it("reads real PNG, JPEG (baseline and progressive) and WebP (VP8, VP8L, VP8X) files", () => {
    for (const [name, data] of Object.entries(REAL))
      expect({ name, size: imageSize(data) }).toEqual({ name, size: THREE_BY_TWO });
  });

  it("reads larger sizes, beyond one byte and in every orientation", () => {
    expect(imageSize(swedishFlagPng(320, 200))).toEqual({ width: 320, height: 200 });
    expect(imageSize(swedishFlagPng(1, 300))).toEqual({ width: 1, height: 300 });
    // the JPEG's SOF0 says 2 × 3 → 640 × 480 (height first, then width, big-endian)
    const jpeg = REAL.jpeg.slice();
    const sof = Buffer.from(jpeg).indexOf(Buffer.from([0xff, 0xc0]));
    Buffer.from(jpeg.buffer).writeUInt16BE(480, sof + 5);
    Buffer.from(jpeg.buffer).writeUInt16BE(640, sof + 7);
    expect(imageSize(jpeg)).toEqual({ width: 640, height: 480 });
    // VP8X: 24-bit canvas width − 1 and height − 1, little-endian
    const extended = REAL.webpExtended.slice();
    Buffer.from(extended.buffer).writeUIntLE(4095, 24, 3);
    Buffer.from(extended.buffer).writeUIntLE(2047, 27, 3);
    expect(imageSize(extended)).toEqual({ width: 4096, height: 2048 });
  });

  it("walks JPEG segments by their lengths, so marker-like bytes inside one are skipped", () => {
    // an APP1 segment right after SOI whose contents look like a SOF0 of 99 × 99
    const fake = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x63, 0x00, 0x63, 0x03];
    const app1 = [0xff, 0xe1, 0x00, fake.length + 2, ...fake];
    const doctored = new Uint8Array([...REAL.jpeg.slice(0, 2), ...app1, ...REAL.jpeg.slice(2)]);
    expect(imageSize(doctored)).toEqual(THREE_BY_TWO);
    // fill bytes (FF) before a marker are allowed
    const filled = new Uint8Array([0xff, 0xd8, 0xff, 0xff, 0xff, ...REAL.jpeg.slice(3)]);
    expect(imageSize(filled)).toEqual(THREE_BY_TWO);
  });

  it("answers nothing for every truncated copy of each real file", () => {
    const needed = {
      png: 24,
      jpeg: Buffer.from(REAL.jpeg).indexOf(Buffer.from([0xff, 0xc0])) + 9,
      progressiveJpeg: Buffer.from(REAL.progressiveJpeg).indexOf(Buffer.from([0xff, 0xc2])) + 9,
      webpLossy: 30,
      webpLossless: 25,
      webpExtended: 30,
    };
    for (const [name, data] of Object.entries(REAL)) {
      const enough = needed[name as keyof typeof needed];
      for (let length = 0; length < enough; length++)
        expect({ name, length, size: imageSize(head(data, length)) }).toEqual({
          name,
          length,
          size: undefined,
        });
      expect(imageSize(head(data, enough))).toEqual(THREE_BY_TWO);
    }
  });

  it("answers nothing for a picture whose header is broken", () => {
    // PNG: the first chunk is not IHDR; a width of 0
    expect(imageSize(withByte(REAL.png, 12, 0x69))).toBeUndefined();
    expect(imageSize(withByte(REAL.png, 19, 0))).toBeUndefined();
    // JPEG: a scan (SOS) or the end (EOI) before any frame; a height of 0 (given later by DNL)
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02]))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeUndefined();
    const sof = Buffer.from(REAL.jpeg).indexOf(Buffer.from([0xff, 0xc0]));
    expect(imageSize(withByte(REAL.jpeg, sof + 6, 0))).toBeUndefined();
    // JPEG: a segment length below 2, and garbage where a marker should be
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0]))).toBeUndefined();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0x12, 0x34, 0x56]))).toBeUndefined();
    // WebP: VP8 without its start code, or not a key frame; VP8L without its signature
    expect(imageSize(withByte(REAL.webpLossy, 23, 0))).toBeUndefined();
    expect(imageSize(withByte(REAL.webpLossy, 20, 0x51))).toBeUndefined();
    expect(imageSize(withByte(REAL.webpLossless, 20, 0))).toBeUndefined();
    // WebP: a chunk we do not know; a RIFF that is not WebP
    expect(imageSize(withByte(REAL.webpLossy, 15, 0x41))).toBeUndefined();
    expect(imageSize(withByte(REAL.webpLossy, 8, 0x41))).toBeUndefined();
  });

  it("answers nothing for what is no picture", () => {
    expect(imageSize(new Uint8Array())).toBeUndefined();
    expect(imageSize(new Uint8Array(Buffer.from("Det här är ingen bild.\n")))).toBeUndefined();
    expect(imageSize(new Uint8Array(Buffer.from("GIF89a\x03\x00\x02\x00")))).toBeUndefined();
  });

  it("never throws on random bytes, with or without a picture's first bytes", () => {
    const starts = [
      [],
      [0xff, 0xd8],
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
      [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")],
      [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8L")],
      [...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8X")],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.uint8Array({ maxLength: 64 }), (start, rest) => {
        const size = imageSize(new Uint8Array([...start, ...rest]));
        if (size === undefined) return true;
        return (
          Number.isInteger(size.width) &&
          Number.isInteger(size.height) &&
          size.width > 0 &&
          size.height > 0 &&
          size.width <= 0x7fffffff &&
          size.height <= 0x7fffffff
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("reads what a PNG encoder writes, for any size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        (w, h) => {
          const header = Buffer.alloc(13);
          header.writeUInt32BE(w, 0);
          header.writeUInt32BE(h, 4);
          header[8] = 8;
          header[9] = 2;
          const body = Buffer.concat([Buffer.from("IHDR"), header]);
          const chunk = Buffer.alloc(25);
          chunk.writeUInt32BE(13, 0);
          body.copy(chunk, 4);
          chunk.writeUInt32BE(crc32(body) >>> 0, 21);
          const png = Buffer.concat([
            Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
            chunk,
            deflateSync(Buffer.alloc(1)),
          ]);
          expect(imageSize(new Uint8Array(png))).toEqual({ width: w, height: h });
        },
      ),
      { numRuns: 200 },
    );
  });
});
