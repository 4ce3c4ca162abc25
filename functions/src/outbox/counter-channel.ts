import { counterDelta } from '@gridtong/shared/events/counters';
import type { CounterStore } from '../cases/counter-store';
import type { Channel, Delivery } from './channels';

/** 考核 counters: each event adds to its grid, street, district and department, once per event id. */
export class CounterChannel implements Channel {
  readonly name = 'counters';

  constructor(private readonly store: CounterStore) {}

  async deliver({ eventId, event, caseItem }: Delivery): Promise<void> {
    const delta = counterDelta(caseItem, event);
    if (!delta) return;
    // Each counter item is guarded on its own, so they can be written side by side.
    await Promise.all(delta.scopes.map((scope) => this.store.add(scope, delta.date, eventId, delta.add)));
  }
}
