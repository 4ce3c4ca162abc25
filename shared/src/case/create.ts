import { type Case, type CaseLocation, type CaseRouting, type PhotoRef, caseSchema } from '../schemas/case';
import { DomainError } from './errors';

export interface NewCaseInput {
  id: string;
  residentId: string;
  item: { code: string; name: string };
  urgency: Case['urgency'];
  description: string;
  answers: Case['answers'];
  photos: PhotoRef[];
  location: CaseLocation;
  routing: CaseRouting;
  /** Computed by the caller from the item's dispatch limit (deadlines module). */
  dispatchDeadline: string;
  anonymous: boolean;
  contactPhone?: string;
  now: Date;
}

/** A freshly reported case, status 已上报, with its first timeline event. */
export function newCase(input: NewCaseInput): Case {
  if (Number.isNaN(input.now.getTime())) throw new DomainError('CASE.VALIDATION', '时间无效', { details: { field: 'now' } });
  const at = input.now.toISOString();
  const candidate = {
    id: input.id,
    version: 0,
    status: 'submitted',
    residentId: input.residentId,
    anonymous: input.anonymous,
    ...(input.contactPhone === undefined ? {} : { contactPhone: input.contactPhone }),
    itemCode: input.item.code,
    itemName: input.item.name,
    urgency: input.urgency,
    description: input.description,
    answers: input.answers,
    photos: input.photos,
    location: input.location,
    routing: input.routing,
    dispatchDeadline: input.dispatchDeadline,
    returnCount: 0,
    escalationLevel: 0,
    urgeCount: 0,
    extensionCount: 0,
    followerCount: 0,
    reopenRequested: false,
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
    timeline: [
      {
        seq: 0,
        at,
        actor: { role: 'resident', userId: input.residentId },
        action: 'submit',
        from: null,
        to: 'submitted',
        data: { gridCode: input.location.gridCode, departmentId: input.routing.departmentId, via: input.routing.via },
      },
    ],
  };
  const parsed = caseSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new DomainError('CASE.VALIDATION', '上报内容不完整或格式不正确', {
      problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
      cause: parsed.error,
    });
  }
  return parsed.data;
}
