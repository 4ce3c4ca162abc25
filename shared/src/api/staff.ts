import * as z from 'zod';
import { areaCodeSchema, instantSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';
import { requiredText } from '../schemas/text';

/** Staff onboarding: one-time invitations redeemed by a signed-in WeChat user, and revocation. */

/** Roles an admin may hand out; nobody invites a resident or another admin. */
export const INVITABLE_ROLES = ['gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'departmentHandler'] as const;
export const invitableRoleSchema = z.enum(INVITABLE_ROLES);

/** How long an invitation can be redeemed. */
export const INVITATION_VALID_HOURS = 72;

/** 12 characters of Crockford base32 (no I, L, O, U): easy to read out or type. */
export const invitationCodeSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, '邀请码格式不正确');

export const createInvitationRequestSchema = z
  .object({
    role: invitableRoleSchema,
    areas: z.array(areaCodeSchema).min(1).max(20),
    departmentId: z.string().min(1).max(64).optional(),
    name: requiredText(40, '请填写姓名'),
  })
  .refine((r) => r.role !== 'departmentHandler' || r.departmentId !== undefined, { message: '职能部门人员须指定所属部门', path: ['departmentId'] });
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

export const invitationResponseSchema = z.object({
  /** Shown once: only a hash of it is stored. */
  code: z.string(),
  /** Mini-program page path with the code, for a QR code (wxacode) or a link. */
  path: z.string(),
  expiresAt: instantSchema,
  role: roleSchema,
  areas: z.array(z.string()),
  departmentId: z.string().optional(),
  name: z.string(),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const invitationParamsSchema = z.object({ code: invitationCodeSchema });

export const staffParamsSchema = z.object({ id: z.string().regex(/^[A-Z][0-9A-Za-z]{1,40}$/) });

export const revokeStaffResponseSchema = z.object({
  userId: z.string(),
  revokedAt: instantSchema,
  /** 代办 visits still ahead they held, now declined with a reason the resident reads. */
  bookingsCalledOff: z.number().int().nonnegative(),
  /** 代办 visits under way (materials collected) for the grid's 网格长 to finish. */
  visitsToHandOver: z.number().int().nonnegative(),
});
export type RevokeStaffResponse = z.infer<typeof revokeStaffResponseSchema>;
