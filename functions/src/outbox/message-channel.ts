import { audienceOf, residentMessage, staffMessage } from '@gridtong/shared/events/messages';
import type { MessageStore } from '../messages/message-store';
import type { Channel, Delivery } from './channels';
import type { RecipientResolver } from './recipients';

/**
 * The in-app message centre. Staff read what they must act on; the reporter and followers
 * read each step of their case in the progress page's own wording. One item per
 * (recipient, event): a replayed event shows once.
 */
export class MessageChannel implements Channel {
  readonly name = 'messages';

  constructor(
    private readonly store: MessageStore,
    private readonly recipients: RecipientResolver,
  ) {}

  async deliver({ eventId, event, caseItem, city }: Delivery): Promise<void> {
    const audience = audienceOf(caseItem, event);
    const people = await this.recipients.resolve(caseItem, audience, event.actor.userId);
    const departmentName = (id: string) => city.directory.department(id)?.name;
    const forStaff = staffMessage(caseItem, event);
    const forReporter = residentMessage(caseItem, event, { departmentName });
    const forFollower = residentMessage(caseItem, event, { departmentName, follower: true });
    // A few at a time: a fallen tree with 500 followers should not open 500 connections at once.
    const pending = [...people];
    const worker = async () => {
      for (let person = pending.shift(); person; person = pending.shift()) {
        const text = person.as === 'staff' ? forStaff : person.as === 'reporter' ? forReporter : forFollower;
        if (text) await this.store.put({ userId: person.userId, eventId, at: event.at, subject: { caseId: caseItem.id }, title: text.title, body: text.body });
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }
}
