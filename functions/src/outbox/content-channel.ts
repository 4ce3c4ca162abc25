import { photoKey, textKey, type Case, type PhotoRef, type TimelineEvent } from '@gridtong/shared/schemas/case';
import type { ContentScene, ContentSuggest } from '../adapters/wechat';
import type { IdentityStore } from '../accounts/identity-store';
import type { ContentCheckStore } from '../cases/content-check-store';
import type { PhotoStore } from '../store/photos';
import type { Channel, Delivery } from './channels';

/** The slice of the WeChat client content security uses. */
export interface ContentChecker {
  checkText(input: { openid: string; content: string; scene: ContentScene }): Promise<{ suggest: ContentSuggest }>;
  checkImageAsync(input: { openid: string; mediaUrl: string; scene: ContentScene }): Promise<{ traceId: string }>;
}

/** What a resident's own step added for others to read or see. */
function residentContent(c: Case, event: TimelineEvent): { text?: string; scene: ContentScene; photos: PhotoRef[] } | null {
  if (event.actor.role !== 'resident' || event.actor.userId !== c.residentId) return null;
  const photosOf = (): PhotoRef[] => {
    const listed = event.data?.['photos'];
    return Array.isArray(listed) ? listed.filter((p): p is PhotoRef => typeof (p as PhotoRef | undefined)?.key === 'string') : [];
  };
  switch (event.action) {
    case 'submit':
      // Photos already judged (a supplement's, checked by its own event) are skipped below.
      return { text: c.description, scene: 3, photos: c.photos };
    case 'supplement':
      return { text: event.note, scene: 3, photos: photosOf() };
    case 'rate':
      return { text: event.note, scene: 2, photos: [] };
    case 'requestReopen':
    case 'urge':
      return { text: event.reason ?? event.note, scene: 2, photos: [] };
    default:
      return null;
  }
}

/**
 * Content security as a channel of the events mechanism, so the resident
 * never waits for it. Text goes through msgSecCheck v2 and its verdict is recorded at once;
 * each photo goes to mediaCheckAsync, marked pending until the signed callback brings the
 * verdict. Risky content is hidden from others and kept for review, never deleted.
 */
export class ContentChannel implements Channel {
  readonly name = 'content';

  constructor(
    private readonly checker: ContentChecker,
    private readonly identities: IdentityStore,
    private readonly checks: ContentCheckStore,
    private readonly photos: PhotoStore,
  ) {}

  async deliver({ event, caseItem, now }: Delivery): Promise<void> {
    const content = residentContent(caseItem, event);
    if (!content || (!content.text?.trim() && content.photos.length === 0)) return;
    // The checks are made in the resident's name (WeChat asks for a recent user's openid).
    const openid = await this.identities.openidOf(caseItem.residentId);
    if (!openid) return;
    if (content.text?.trim() && caseItem.moderation?.[textKey(event.seq)] === undefined) {
      const { suggest } = await this.checker.checkText({ openid, content: content.text, scene: content.scene });
      await this.checks.setVerdict(caseItem.id, textKey(event.seq), suggest);
    }
    for (const photo of content.photos) {
      if (caseItem.moderation?.[photoKey(photo.key)] !== undefined) continue;
      const [mediaUrl] = await this.photos.viewLinks([photo]);
      if (!mediaUrl) continue;
      const { traceId } = await this.checker.checkImageAsync({ openid, mediaUrl, scene: content.scene });
      await this.checks.trace(traceId, caseItem.id, photo.key, now);
      await this.checks.setVerdict(caseItem.id, photoKey(photo.key), 'pending', true);
    }
  }
}
