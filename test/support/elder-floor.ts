import type { Locator } from 'playwright-core';

/**
 * The elder-mode floor (关怀模式, and the 代办 screens always), measured in the browser:
 * text ≥ 18 CSS px with line height ≥ 1.3, tap targets ≥ 60 × 60 CSS px.
 */
export const FLOOR = { fontPx: 18, lineRatio: 1.3, tapPx: 60 } as const;

export async function sizeOf(el: Locator): Promise<{ width: number; height: number; fontSize: number; lineHeight: number }> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    // Runs in the page; the test project is typed without the DOM library.
    const s = (globalThis as any).getComputedStyle(node);
    return { width: r.width, height: r.height, fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
  });
}

/** Text an older reader can read: large enough, with room between the lines. */
export async function expectBigText(el: Locator): Promise<void> {
  const s = await sizeOf(el);
  expect(s.fontSize).toBeGreaterThanOrEqual(FLOOR.fontPx);
  expect(s.lineHeight / s.fontSize).toBeGreaterThanOrEqual(FLOOR.lineRatio);
}

/** A target an unsteady finger can hit. */
export async function expectBigTarget(el: Locator): Promise<void> {
  const s = await sizeOf(el);
  expect(s.width).toBeGreaterThanOrEqual(FLOOR.tapPx);
  expect(s.height).toBeGreaterThanOrEqual(FLOOR.tapPx);
}

/** Nothing cut off: the element's content fits its box (no text clipped by overflow). */
export async function expectNotClipped(el: Locator): Promise<void> {
  const fits = await el.evaluate((node: any) => node.scrollWidth <= node.clientWidth + 1);
  expect(fits).toBe(true);
}

/** A label or a heading on one line: it does not break mid-word onto a second. */
export async function expectOneLine(el: Locator): Promise<void> {
  const s = await sizeOf(el);
  expect(s.height).toBeLessThan(s.lineHeight * 1.5);
}
