import type { Case } from '../schemas/case';

/**
 * The decision queue a case waits in, if any: a case waits on one party at a time. The grid
 * checks handled cases on site (核查); the centre decides cases to dispatch (filed, returned)
 * and pending 延期 / 重办 requests, and after 退单 escalation (仲裁) that is the district's centre.
 */
export type DecisionQueue = { kind: 'verify'; gridCode: string } | { kind: 'dispatch'; areaCode: string };

export function decisionQueueOf(c: Case): DecisionQueue | null {
  if (c.status === 'handled') return { kind: 'verify', gridCode: c.location.gridCode };
  const forCentre = c.status === 'filed' || c.status === 'returned' || c.pendingExtension !== undefined || (c.status === 'rated' && c.reopenRequested);
  if (!forCentre) return null;
  return { kind: 'dispatch', areaCode: c.escalationLevel > 0 ? c.location.districtCode : c.location.streetCode };
}
