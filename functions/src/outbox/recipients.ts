import { ancestors } from '@gridtong/shared/schemas/common';
import type { Audience, StaffGroup } from '@gridtong/shared/events/messages';
import type { Case } from '@gridtong/shared/schemas/case';
import { GRID_TEAM_ROLES, type Role } from '@gridtong/shared/schemas/roles';
import type { StaffDirectory, StaffMember } from '../accounts/staff-directory';

export interface Recipient {
  userId: string;
  as: 'staff' | 'reporter' | 'follower';
}

/**
 * Turns an event's audience into people, at delivery time: the staff directory for staff
 * groups, the case for its reporter, one query for its followers.
 */
export class RecipientResolver {
  constructor(
    private readonly staff: StaffDirectory,
    private readonly followersOf: (caseId: string) => Promise<string[]>,
  ) {}

  async resolve(c: Case, audience: Audience, actorUserId: string | undefined): Promise<Recipient[]> {
    const found = new Map<string, Recipient>();
    const add = (userId: string, as: Recipient['as']) => {
      if (userId !== actorUserId && !found.has(userId)) found.set(userId, { userId, as });
    };
    for (const group of audience.staff) for (const m of await this.members(group)) add(m.userId, 'staff');
    if (audience.reporter) add(c.residentId, 'reporter');
    if (audience.followers) for (const userId of await this.followersOf(c.id)) add(userId, 'follower');
    // A follower query result could name the reporter too; they keep the reporter's wording (first wins).
    return [...found.values()];
  }

  private async members(group: StaffGroup): Promise<StaffMember[]> {
    const pick = async (codes: string[], roles: readonly Role[]) =>
      (await Promise.all(codes.map((code) => this.staff.inArea(code)))).flat().filter((m) => roles.includes(m.role));
    switch (group.kind) {
      case 'gridStaff': {
        const c = ancestors(group.gridCode);
        return pick([c.grid, c.community], GRID_TEAM_ROLES);
      }
      case 'supervisors': {
        const c = ancestors(group.gridCode);
        return pick([c.grid, c.community, c.street], ['supervisor', 'gridLeader']);
      }
      case 'dispatchers': {
        const c = ancestors(group.gridCode);
        return pick([group.level === 'street' ? c.street : c.district], ['dispatcher']);
      }
      case 'department':
        return (await this.staff.inDepartment(group.departmentId)).filter((m) => m.role === 'departmentHandler');
    }
  }
}
