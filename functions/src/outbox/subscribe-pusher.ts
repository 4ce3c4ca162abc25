import { isDomainError } from '@gridtong/shared/errors';
import { templateData, type SubscribeContent, type TemplateSet } from '@gridtong/shared/wechat/templates';
import type { SubscribeMessage } from '../adapters/wechat';
import { logger } from '../log';
import type { IdentityStore } from '../accounts/identity-store';
import type { SubscriptionStore } from '../messages/subscription-store';

/** The slice of the WeChat client this uses. */
export interface SubscribeSender {
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}

/** What became of one push: sent, or why not (none of these is worth trying again). */
export type PushOutcome = 'sent' | 'noTemplate' | 'alreadyHandled' | 'noGrant' | 'noOpenid' | 'refused' | 'quota' | 'invalid';

/**
 * One subscribe message to one person about one event, at most once, for every kind of
 * news (cases, 代办 bookings): if a template serves the content and they granted it — a
 * one-time grant is spent per message, a long-term one only has to stand. Each (event,
 * person) is claimed before anything else, so a replayed event never sends twice. Throws
 * when WeChat did not take it (busy, down, token trouble): the caller's deliverer tries again.
 */
export class SubscribePusher {
  constructor(
    private readonly sender: SubscribeSender,
    private readonly templates: TemplateSet,
    private readonly grants: SubscriptionStore,
    private readonly identities: IdentityStore,
    private readonly state: SubscribeMessage['state'] = 'formal',
  ) {}

  async push(userId: string, eventId: string, content: SubscribeContent, now: Date): Promise<PushOutcome> {
    const template = this.templates[content.kind];
    if (!template) return 'noTemplate';
    if (!(await this.grants.claimSend(userId, eventId, template.id, now))) return 'alreadyHandled';
    try {
      const outcome = await this.sendOne(userId, template.id, template.longTerm, {
        templateId: template.id,
        page: content.page,
        data: templateData(template, content.fields),
        state: this.state,
      }, now);
      await this.grants.settleSend(userId, eventId, outcome);
      return outcome;
    } catch (err) {
      await this.grants.releaseSend(userId, eventId);
      throw err;
    }
  }

  private async sendOne(userId: string, templateId: string, longTerm: boolean, message: Omit<SubscribeMessage, 'openid'>, now: Date) {
    if (longTerm) {
      if (!(await this.grants.get(userId, templateId))?.accepted) return 'noGrant' as const;
    } else if (!(await this.grants.consume(userId, templateId))) {
      return 'noGrant' as const;
    }
    const refund = async () => {
      if (!longTerm) await this.grants.refund(userId, templateId);
    };
    const openid = await this.identities.openidOf(userId);
    if (!openid) {
      await refund();
      return 'noOpenid' as const;
    }
    try {
      await this.sender.sendSubscribeMessage({ ...message, openid });
      return 'sent' as const;
    } catch (err) {
      if (isDomainError(err, 'WECHAT.SUBSCRIPTION_REFUSED')) {
        await this.grants.zero(userId, templateId, now);
        return 'refused' as const;
      }
      await refund();
      if (isDomainError(err, 'WECHAT.SEND_QUOTA_EXCEEDED')) return 'quota' as const;
      if (isDomainError(err, 'WECHAT.TEMPLATE_INVALID')) {
        logger.warn('subscribe template refused by WeChat', { templateId });
        return 'invalid' as const;
      }
      throw err;
    }
  }
}

/** Pushes to each (person, content) in turn; one that WeChat did not take makes the whole delivery try again later. */
export async function pushAll(pusher: Pick<SubscribePusher, 'push'>, eventId: string, now: Date, pushes: readonly { userId: string; content: SubscribeContent | null }[]): Promise<void> {
  let retry: unknown = null;
  for (const { userId, content } of pushes) {
    if (!content) continue;
    try {
      await pusher.push(userId, eventId, content, now);
    } catch (err) {
      retry ??= err;
    }
  }
  if (retry) throw retry;
}
