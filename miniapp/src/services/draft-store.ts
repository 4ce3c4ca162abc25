import { platform } from './platform';
import { randomId } from './ids';

/**
 * The report being written, kept in platform storage after every change so it survives
 * closing the app, a failed upload and a lost connection. One draft per catalog item.
 * Its idempotency key is made once, with the draft: however often submit is tapped or
 * retried, the server files one case.
 */

export type StepId = 'safety' | 'nearby' | 'photos' | 'location' | 'details' | 'anonymous' | 'review';

export type PhotoStatus = 'pending' | 'compressing' | 'uploading' | 'uploaded' | 'failed';

export interface DraftPhoto {
  id: string;
  /** Local file (temp path on WeChat, blob: URL in H5) of the compressed photo, or the original before. */
  localPath: string;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  progress: number;
  /** S3 key once uploaded: the only thing the case needs. */
  key?: string;
  size?: number;
  error?: string;
}

export interface DraftLocation {
  lat: number;
  lng: number;
  coord: 'gcj02' | 'wgs84';
  address: string;
  source: 'map' | 'gps' | 'picker';
  /** The grid it resolved to and who serves it, shown before submit. */
  gridName?: string;
  gridCode?: string;
  workerNames?: string[];
}

export type Answer = string | number | boolean | string[];

export interface Draft {
  id: string;
  itemCode: string;
  idempotencyKey: string;
  step: StepId;
  photos: DraftPhoto[];
  location?: DraftLocation;
  description: string;
  answers: Record<string, Answer>;
  anonymous: boolean;
  /**
   * How the last submit ended: 'unknown' when no answer came (the case may exist: resend
   * with the same key), 'refused' when the server said no (a changed draft gets a new key).
   */
  lastAttempt?: 'unknown' | 'refused';
  updatedAt: string;
}

const KEY = 'gridtong.drafts';

type Stored = Record<string, Draft>;

function readAll(): Stored {
  const raw = platform.getItem(KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
  } catch {
    return {};
  }
}

function writeAll(all: Stored): void {
  platform.setItem(KEY, JSON.stringify(all));
}

/** A photo that was on its way when the app closed did not arrive: it needs another try. */
function restorePhoto(p: DraftPhoto): DraftPhoto {
  if (p.status === 'uploaded' && p.key) return p;
  if (p.status === 'pending' || p.status === 'failed') return p;
  return { ...p, status: 'failed', progress: 0, error: p.error ?? 'interrupted' };
}

export const draftStore = {
  /** The saved draft for this item, if any, with interrupted uploads marked for retry. */
  load(itemCode: string): Draft | undefined {
    const d = readAll()[itemCode];
    if (!d || d.itemCode !== itemCode || typeof d.idempotencyKey !== 'string') return undefined;
    return { ...d, photos: (d.photos ?? []).map(restorePhoto), answers: d.answers ?? {} };
  },

  /** A new draft with its idempotency key. Not stored until saved. */
  create(itemCode: string, now: Date = new Date()): Draft {
    return {
      id: randomId(),
      itemCode,
      idempotencyKey: randomId(),
      step: 'nearby',
      photos: [],
      description: '',
      answers: {},
      anonymous: false,
      updatedAt: now.toISOString(),
    };
  },

  save(draft: Draft, now: Date = new Date()): Draft {
    const saved = { ...draft, updatedAt: now.toISOString() };
    const all = readAll();
    all[draft.itemCode] = saved;
    writeAll(all);
    return saved;
  },

  /** After the case is filed (or the resident gives up): forget the draft. */
  discard(itemCode: string): void {
    const all = readAll();
    delete all[itemCode];
    writeAll(all);
  },

  /** Drafts with something in them, newest first: offered again on the home page. */
  list(): Draft[] {
    return Object.values(readAll()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },
};

/**
 * Apply a change the resident made. A draft the server refused gets a fresh key when its
 * content changes (the old key stays bound to the refused body); a draft whose last submit
 * had no answer keeps its key, so a resend can never make a second case.
 */
export function editDraft(draft: Draft, change: Partial<Omit<Draft, 'id' | 'itemCode' | 'idempotencyKey' | 'lastAttempt'>>): Draft {
  const contentChanged = (['photos', 'location', 'description', 'answers', 'anonymous'] as const).some((k) => k in change);
  if (draft.lastAttempt === 'refused' && contentChanged) {
    return { ...draft, ...change, idempotencyKey: randomId(), lastAttempt: undefined };
  }
  return { ...draft, ...change };
}
