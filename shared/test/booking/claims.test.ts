import { ORPHAN_CLAIM_MS, seatMayBeTakenOver, slotMayBeTakenOver, type ClaimHolder } from '../../src/booking/claims';

const slot = { workerId: 'W1', start: '2026-11-24T06:00:00.000Z' };
const holder = (over: Partial<ClaimHolder> = {}): ClaimHolder => ({ status: 'requested', workerId: 'W1', claimedStarts: [slot.start], ...over });

describe('when a slot may be taken over', () => {
  it('never from an open booking that still holds it, however old the claim', () => {
    for (const status of ['requested', 'confirmed', 'visited', 'submitted', 'completed', 'noShow'] as const) {
      expect(slotMayBeTakenOver(holder({ status }), slot, 10 * ORPHAN_CLAIM_MS)).toBe(false);
    }
  });

  it('at once from a holder that let it go (its release write lost)', () => {
    expect(slotMayBeTakenOver(holder({ status: 'cancelled' }), slot, 0)).toBe(true);
    expect(slotMayBeTakenOver(holder({ status: 'declined' }), slot, 0)).toBe(true);
  });

  it('from a holder that moved elsewhere only once the claim is old (a reschedule may still be writing)', () => {
    const moved = holder({ claimedStarts: ['2026-11-26T06:00:00.000Z'] });
    expect(slotMayBeTakenOver(moved, slot, ORPHAN_CLAIM_MS)).toBe(false);
    expect(slotMayBeTakenOver(moved, slot, ORPHAN_CLAIM_MS + 1)).toBe(true);
    expect(slotMayBeTakenOver(holder({ workerId: 'W2' }), slot, ORPHAN_CLAIM_MS + 1)).toBe(true);
  });

  it('from a claim with no booking behind it only once it is old', () => {
    expect(slotMayBeTakenOver(null, slot, ORPHAN_CLAIM_MS)).toBe(false);
    expect(slotMayBeTakenOver(null, slot, ORPHAN_CLAIM_MS + 1)).toBe(true);
  });
});

describe('when an open-booking seat may be taken over', () => {
  it('once its booking is no longer open', () => {
    expect(seatMayBeTakenOver({ status: 'confirmed' }, 10 * ORPHAN_CLAIM_MS)).toBe(false);
    expect(seatMayBeTakenOver({ status: 'completed' }, 0)).toBe(true);
    expect(seatMayBeTakenOver({ status: 'cancelled' }, 0)).toBe(true);
    expect(seatMayBeTakenOver(null, 1)).toBe(false);
    expect(seatMayBeTakenOver(null, ORPHAN_CLAIM_MS + 1)).toBe(true);
  });
});
