import { attempts, canSendAsIs, compressPhoto, fitWithin, MIN_EDGE, PHOTO_MAX_BYTES, PhotoTooLargeError, type Encoder } from '../src/services/photo-compress';

const KB = 1024;

describe('photo compression decisions', () => {
  it('scales the long edge down to 2048 px keeping the aspect ratio, never up', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin({ width: 3000, height: 4000 }, 2048)).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin({ width: 1200, height: 900 }, 2048)).toEqual({ width: 1200, height: 900 });
  });

  it('sends a small JPEG as it is, and re-encodes anything else', () => {
    expect(canSendAsIs({ width: 1600, height: 1200, size: 300 * KB, type: 'image/jpeg' })).toBe(true);
    expect(canSendAsIs({ width: 1600, height: 1200, size: 600 * KB, type: 'image/jpeg' })).toBe(false);
    expect(canSendAsIs({ width: 4000, height: 3000, size: 300 * KB, type: 'image/jpeg' })).toBe(false);
    expect(canSendAsIs({ width: 800, height: 600, size: 100 * KB, type: 'image/png' })).toBe(false);
    expect(canSendAsIs({ width: 800, height: 600, size: 100 * KB, type: 'image/heic' })).toBe(false);
  });

  it('tries lower quality first, then smaller sizes, stopping at the minimum edge', () => {
    const list = [...attempts({ width: 4000, height: 3000 })];
    expect(list[0]).toEqual({ width: 2048, height: 1536, quality: 0.82 });
    // Quality falls at one size before the size shrinks.
    const firstShrink = list.findIndex((a) => a.width < 2048);
    expect(list.slice(0, firstShrink).map((a) => a.quality)).toEqual([0.82, 0.7, 0.6, 0.5, 0.4]);
    expect(list[firstShrink]).toEqual({ width: 1536, height: 1152, quality: 0.82 });
    expect(Math.max(list.at(-1)!.width, list.at(-1)!.height)).toBe(MIN_EDGE);
    for (const a of list) expect(Math.max(a.width, a.height)).toBeLessThanOrEqual(2048);
  });

  it('returns the first encoding within 500 KB', async () => {
    // A fake encoder whose output shrinks with quality and pixel count.
    const encode = jest.fn<ReturnType<Encoder>, Parameters<Encoder>>(async (w, h, q) => ({ path: `out-${w}-${q}`, size: Math.round(w * h * q * 0.3) }));
    const out = await compressPhoto({ path: 'orig', size: 3.5 * KB * KB }, { width: 4000, height: 3000, size: 3.5 * KB * KB, type: 'image/jpeg' }, encode);
    expect(out.size).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
    expect(out.path).toBe('out-2048-0.5');
    expect(encode).toHaveBeenCalledTimes(4);
  });

  it('keeps an already small JPEG without encoding it again', async () => {
    const encode = jest.fn<ReturnType<Encoder>, Parameters<Encoder>>();
    const out = await compressPhoto({ path: 'orig', size: 200 * KB }, { width: 1280, height: 960, size: 200 * KB, type: 'image/jpeg' }, encode);
    expect(out).toEqual({ path: 'orig', size: 200 * KB, attempts: 0 });
    expect(encode).not.toHaveBeenCalled();
  });

  it('gives up with a clear error when nothing down to the minimum edge fits', async () => {
    const encode: Encoder = async () => ({ path: 'x', size: 2 * PHOTO_MAX_BYTES });
    await expect(compressPhoto({ path: 'o', size: 9e6 }, { width: 4000, height: 3000, size: 9e6, type: 'image/png' }, encode)).rejects.toBeInstanceOf(PhotoTooLargeError);
  });
});
