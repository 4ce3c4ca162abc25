import { isDomainError } from '@gridtong/shared/errors';
import { audienceOf, residentMessage, staffMessage } from '@gridtong/shared/events/messages';
import { subscribeContentFor, templateData, type TemplateSet } from '@gridtong/shared/wechat/templates';
import type { SubscribeMessage } from '../adapters/wechat';
import { logger } from '../log';
import type { IdentityStore } from '../store/identities';
import type { SubscriptionStore } from '../store/subscriptions';
import type { Channel, Delivery } from './channels';
import type { RecipientResolver } from './recipients';

/** The slice of the WeChat client this channel uses. */
export interface SubscribeSender {
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}

/**
 * wechat (issue 8): subscribe messages. Everyone the message centre tells of an event may
 * also get it on WeChat, if a template serves that kind of news and they granted it: a
 * one-time grant is spent per message, and with none left nothing goes to WeChat (the
 * message centre still has it). Each (event, person) is claimed before anything else, so a
 * replayed event never sends twice.
 */
export class WechatChannel implements Channel {
  readonly name = 'wechat';

  constructor(
    private readonly sender: SubscribeSender,
    private readonly templates: TemplateSet,
    private readonly grants: SubscriptionStore,
    private readonly identities: IdentityStore,
    private readonly recipients: RecipientResolver,
    private readonly state: SubscribeMessage['state'] = 'formal',
  ) {}

  async deliver({ eventId, event, caseItem, city, now }: Delivery): Promise<void> {
    const audience = audienceOf(caseItem, event);
    const people = await this.recipients.resolve(caseItem, audience, event.actor.userId);
    const departmentName = (id: string) => city.directory.department(id)?.name;
    let retry: unknown = null;
    for (const person of people) {
      const text = person.as === 'staff'
        ? staffMessage(caseItem, event)
        : residentMessage(caseItem, event, { departmentName, follower: person.as === 'follower' });
      const content = subscribeContentFor(caseItem, event, person.as, text);
      const template = content && this.templates[content.kind];
      if (!content || !template) continue;
      if (!(await this.grants.claimSend(person.userId, eventId, template.id, now))) continue;
      try {
        const outcome = await this.sendOne(person.userId, template.id, template.longTerm, {
          templateId: template.id,
          page: content.page,
          data: templateData(template, content.fields),
          state: this.state,
        }, now);
        await this.grants.settleSend(person.userId, eventId, outcome);
      } catch (err) {
        // WeChat did not take it (busy, down, token trouble): the deliverer tries again later.
        await this.grants.releaseSend(person.userId, eventId);
        retry ??= err;
      }
    }
    if (retry) throw retry;
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
