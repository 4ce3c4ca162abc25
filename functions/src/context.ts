import type { Principal } from '@gridtong/shared/schemas/roles';

export interface RequestContext { principal: Principal; now: Date; actorName?: string }
