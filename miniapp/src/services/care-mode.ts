import { platform } from './platform';

/**
 * 关怀模式 (长辈版): a switch of design tokens, persisted. Until the resident chooses,
 * it follows WeChat's font-size setting: a larger-than-default font turns it on.
 */

const KEY = 'gridtong.careMode';
/** WeChat's default body font is 17 px; its larger settings start above that. */
const LARGE_FONT_PX = 20;

type Listener = (on: boolean) => void;
const listeners = new Set<Listener>();

function stored(): boolean | undefined {
  const raw = platform.getItem(KEY);
  return raw === 'on' ? true : raw === 'off' ? false : undefined;
}

export const careMode = {
  /** Whether the resident has chosen either way (the first-launch offer is then not shown). */
  chosen(): boolean {
    return stored() !== undefined;
  },

  isOn(): boolean {
    const s = stored();
    if (s !== undefined) return s;
    const font = platform.fontSizeSetting();
    return font !== undefined && font >= LARGE_FONT_PX;
  },

  set(on: boolean): void {
    platform.setItem(KEY, on ? 'on' : 'off');
    platform.markCareMode(on);
    for (const l of listeners) l(on);
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
