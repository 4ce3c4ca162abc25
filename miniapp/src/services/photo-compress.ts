/**
 * On-device photo compression: long edge ≤ 2048 px and ≤ 500 KB, always JPEG. The
 * decisions are pure; the encoder (Taro.compressImage on WeChat, a canvas in H5) is
 * passed in.
 */

export const PHOTO_MAX_EDGE = 2048;
export const PHOTO_MAX_BYTES = 500 * 1024;
/** JPEG quality tried in turn at one size before the size itself shrinks. */
export const QUALITY_STEPS = [0.82, 0.7, 0.6, 0.5, 0.4] as const;
/** Each further shrink of the long edge when even the lowest quality is too big. */
export const SHRINK_FACTOR = 0.75;
/** Below this the photo would no longer show anything useful to the handler. */
export const MIN_EDGE = 640;

export interface Dimensions {
  width: number;
  height: number;
}

export interface SourceImage extends Dimensions {
  size: number;
  type: string;
}

export interface Encoded {
  path: string;
  size: number;
}

export type Encoder = (width: number, height: number, quality: number) => Promise<Encoded>;

/** Scale so the long edge is at most `maxEdge`, keeping the aspect ratio; never enlarge. */
export function fitWithin({ width, height }: Dimensions, maxEdge: number): Dimensions {
  const long = Math.max(width, height);
  if (long <= maxEdge) return { width, height };
  const scale = maxEdge / long;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** An image that is already a small enough JPEG goes as it is (no second generation loss). */
export function canSendAsIs(img: SourceImage): boolean {
  return /jpe?g/i.test(img.type) && Math.max(img.width, img.height) <= PHOTO_MAX_EDGE && img.size <= PHOTO_MAX_BYTES;
}

export interface Attempt extends Dimensions {
  quality: number;
}

/** The encodings to try, in order: each size through the quality steps, then a smaller size. */
export function* attempts(img: Dimensions): Generator<Attempt> {
  let edge = Math.min(PHOTO_MAX_EDGE, Math.max(img.width, img.height));
  for (;;) {
    const size = fitWithin(img, edge);
    for (const quality of QUALITY_STEPS) yield { ...size, quality };
    if (edge <= MIN_EDGE) return;
    edge = Math.max(MIN_EDGE, Math.round(edge * SHRINK_FACTOR));
  }
}

export class PhotoTooLargeError extends Error {
  override name = 'PhotoTooLargeError';
}

/**
 * The first encoding within the limits; the original when it already is one.
 * Throws PhotoTooLargeError when nothing down to MIN_EDGE fits.
 */
export async function compressPhoto(original: Encoded, img: SourceImage, encode: Encoder): Promise<Encoded & { attempts: number }> {
  if (canSendAsIs(img)) return { ...original, attempts: 0 };
  let n = 0;
  for (const a of attempts(img)) {
    n++;
    const out = await encode(a.width, a.height, a.quality);
    if (out.size > 0 && out.size <= PHOTO_MAX_BYTES) return { ...out, attempts: n };
  }
  throw new PhotoTooLargeError(`no encoding within ${PHOTO_MAX_BYTES} bytes`);
}
