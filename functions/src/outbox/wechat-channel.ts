import { audienceOf, residentMessage, staffMessage } from '@gridtong/shared/events/messages';
import { subscribeContentFor } from '@gridtong/shared/wechat/templates';
import type { Channel, Delivery } from './channels';
import type { RecipientResolver } from './recipients';
import { pushAll, type SubscribePusher } from './subscribe-pusher';

/**
 * Subscribe messages. Everyone the message centre tells of an event may
 * also get it on WeChat, if a template serves that kind of news and they granted it (see
 * SubscribePusher); the message centre has it either way.
 */
export class WechatChannel implements Channel {
  readonly name = 'wechat';

  constructor(
    private readonly pusher: SubscribePusher,
    private readonly recipients: RecipientResolver,
  ) {}

  async deliver({ eventId, event, caseItem, city, now }: Delivery): Promise<void> {
    const audience = audienceOf(caseItem, event);
    const people = await this.recipients.resolve(caseItem, audience, event.actor.userId);
    const departmentName = (id: string) => city.directory.department(id)?.name;
    await pushAll(this.pusher, eventId, now, people.map((person) => {
      const text = person.as === 'staff'
        ? staffMessage(caseItem, event)
        : residentMessage(caseItem, event, { departmentName, follower: person.as === 'follower' });
      return { userId: person.userId, content: subscribeContentFor(caseItem, event, person.as, text) };
    }));
  }
}
