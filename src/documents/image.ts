// The pixel size of a PNG or JPEG logo, read from its header, so the documents can scale it
// without distorting it. Anything else is not a logo the documents can use.

export interface Logo {
  mediaType: string;
  data: Buffer;
}

export interface ImageInfo {
  type: "png" | "jpg";
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function imageInfo(data: Buffer): ImageInfo | undefined {
  if (data.length >= 24 && data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    const width = data.readUInt32BE(16);
    const height = data.readUInt32BE(20);
    return width > 0 && height > 0 ? { type: "png", width, height } : undefined;
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    // walk the markers to the first start-of-frame, which holds the size
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return undefined;
      const marker = data[at + 1] ?? 0;
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const length = data.readUInt16BE(at + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
      if (isFrame) {
        const height = data.readUInt16BE(at + 5);
        const width = data.readUInt16BE(at + 7);
        return width > 0 && height > 0 ? { type: "jpg", width, height } : undefined;
      }
      at += 2 + length;
    }
  }
  return undefined;
}

/** The size that fills a box as far as it can, keeping the proportions. */
export function fitInto(
  info: { width: number; height: number },
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(maxWidth / info.width, maxHeight / info.height);
  return { width: info.width * scale, height: info.height * scale };
}
