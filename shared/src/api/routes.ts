import * as z from 'zod';
import type { ErrorCode } from '../errors';
import { ALL_STAFF_ROLES, GRID_STAFF_ROLES, SIGNED_IN_ROLES, type Role } from '../schemas/roles';
import { STATS_ROLES } from '../case/desk';
import * as accounts from './accounts';
import * as auth from './auth';
import * as cases from './cases';
import * as city from './city';
import * as contentCheck from './content-check';
import * as desk from './desk';
import * as messages from './messages';
import * as outbox from './outbox';
import * as stats from './stats';
import * as subscriptions from './subscriptions';
import * as uploads from './uploads';
import * as staff from './staff';
import * as bookings from './bookings';
import { at, type HttpMethod, type RouteId as AddressedRouteId } from './route-addresses';

export type { HttpMethod };

/**
 * How often a route may be used, counted in a sliding window by the route factory. A refused
 * request answers 429 with the code below and a Retry-After header.
 */
export interface RateLimit {
  /** The counter's name (part of its key in the table). */
  name: string;
  /** Whose requests are counted: the signed-in caller, or the source IP (before anyone is signed in). */
  by: 'caller' | 'sourceIp';
  /** Requests per window; `caseReportsPerHour` is a deployment setting (CASE_RATE_LIMIT_PER_HOUR). */
  limit: number | 'caseReportsPerHour';
  windowSeconds: number;
  /**
   * When a request is counted, so that a refused input costs nothing: `request` before the
   * implementation runs; `answer` once it has answered (routes that only read); `accepted`
   * where the implementation has accepted the input and is about to write (it calls `req.admit()`).
   */
  at: 'request' | 'answer' | 'accepted';
  error: { code: ErrorCode; message: string };
}

/**
 * The one truth for HTTP: the local bridge, the CDK stack, the OpenAPI document and the
 * mini-program client are all derived from this table.
 */
export interface RouteDef {
  /** Stable operation id; also the handler file name under functions/src/handlers/. */
  id: string;
  method: HttpMethod;
  /** API Gateway style path, parameters as {name}. */
  path: string;
  summary: string;
  /** null = no session needed. */
  roles: readonly Role[] | null;
  /** Only in the local stack, never deployed. */
  localOnly?: boolean;
  idempotent?: boolean;
  request?: {
    body?: z.ZodType;
    query?: z.ZodType;
    params?: z.ZodType;
  };
  response: { status: number; body: z.ZodType };
  /** Error statuses this route may answer with besides 400/401/500. */
  errors?: readonly number[];
  rateLimit?: RateLimit;
}

const HOUR = 3600;


export const routes = [
  {
    ...at('auth-wechat'),
    summary: '用微信登录凭证换取会话令牌',
    roles: null,
    request: { body: auth.loginRequestSchema },
    response: { status: 200, body: auth.loginResponseSchema },
    errors: [401, 429, 502],
    rateLimit: { name: 'login', by: 'sourceIp', limit: 30, windowSeconds: 60, at: 'request', error: { code: 'AUTH.RATE_LIMITED', message: '登录过于频繁，请稍后再试' } },
  },
  {
    ...at('get-catalog'),
    summary: '可上报事项（点菜菜单）与代办服务',
    roles: SIGNED_IN_ROLES,
    response: { status: 200, body: city.catalogResponseSchema },
  },
  {
    ...at('locate-grid'),
    summary: '按位置查找所在网格与网格员',
    roles: SIGNED_IN_ROLES,
    request: { query: city.locateQuerySchema },
    response: { status: 200, body: city.locateResponseSchema },
    errors: [404, 429],
    // Enough to move a map pin around while reporting; far too few to list a city's staff.
    rateLimit: { name: 'locate', by: 'caller', limit: 60, windowSeconds: HOUR, at: 'answer', error: { code: 'GRID.RATE_LIMITED', message: '查询过于频繁，请稍后再试' } },
  },
  {
    ...at('create-upload'),
    summary: '申请照片直传 S3 的表单（presigned POST）',
    roles: ['resident', 'gridWorker', 'gridLeader', 'supervisor', 'departmentHandler'],
    request: { body: uploads.uploadRequestSchema },
    response: { status: 201, body: uploads.uploadResponseSchema },
    errors: [413, 429],
    rateLimit: { name: 'upload', by: 'caller', limit: 60, windowSeconds: HOUR, at: 'answer', error: { code: 'UPLOAD.RATE_LIMITED', message: '上传过于频繁，请稍后再试' } },
  },
  {
    ...at('create-case'),
    summary: '上报事项（需 Idempotency-Key 头）',
    roles: ['resident'],
    idempotent: true,
    request: { body: cases.createCaseRequestSchema },
    response: { status: 201, body: cases.caseViewSchema },
    errors: [404, 409, 422, 429],
    // Counted once the case is built and valid, and only for a new case (never for a replay).
    rateLimit: { name: 'create-case', by: 'caller', limit: 'caseReportsPerHour', windowSeconds: HOUR, at: 'accepted', error: { code: 'CASE.RATE_LIMITED', message: '提交过于频繁，请稍后再试' } },
  },
  {
    ...at('list-my-cases'),
    summary: '我的上报：上报的和关注的案件（最新在前，游标分页）',
    roles: ['resident'],
    request: { query: cases.listCasesQuerySchema },
    response: { status: 200, body: cases.myCasesResponseSchema },
  },
  {
    ...at('get-my-case'),
    summary: '查看我上报或关注的一件案件及其进度（关注者只见匿名信息）',
    roles: ['resident'],
    request: { params: cases.caseIdParamsSchema },
    response: { status: 200, body: z.union([cases.caseViewSchema, cases.followerCaseViewSchema]) },
    errors: [404],
  },
  // The staff desk and staff onboarding
  {
    ...at('list-work-cases'),
    summary: '工作台队列：按期限排序的待办案件（含预警、关注数、催办数）',
    roles: ALL_STAFF_ROLES,
    request: { query: desk.workQueueQuerySchema },
    response: { status: 200, body: desk.workQueueResponseSchema },
    errors: [403],
  },
  {
    ...at('get-work-case'),
    summary: '工作人员查看案件（?reveal=contact&reason= 查看联系电话，留痕）',
    roles: ALL_STAFF_ROLES,
    request: { params: desk.workCaseParamsSchema, query: desk.workCaseQuerySchema },
    response: { status: 200, body: desk.workCaseViewSchema },
    errors: [404, 409],
  },
  {
    ...at('find-work-case'),
    summary: '按受理编号查找案件（仅限本人管辖范围，否则 404）',
    roles: ALL_STAFF_ROLES,
    request: { params: desk.caseNumberParamsSchema },
    response: { status: 200, body: desk.foundWorkCaseSchema },
    errors: [404],
  },
  {
    ...at('act-on-work-case'),
    summary: '工作人员办理案件：立案、派遣、签收、退单、处置、核查等（带 version）',
    roles: ALL_STAFF_ROLES,
    request: { params: desk.workCaseParamsSchema, body: desk.workActionRequestSchema },
    response: { status: 200, body: desk.workCaseViewSchema },
    errors: [403, 404, 409, 422, 429],
  },
  {
    ...at('create-invitation'),
    summary: '管理员发放工作人员邀请码（一次性，72 小时有效）',
    roles: ['admin'],
    request: { body: staff.createInvitationRequestSchema },
    response: { status: 201, body: staff.invitationResponseSchema },
    errors: [403, 422],
  },
  {
    ...at('redeem-invitation'),
    summary: '已登录的微信用户使用邀请码成为工作人员，返回新的会话令牌',
    roles: ['resident'],
    request: { params: staff.invitationParamsSchema },
    response: { status: 200, body: auth.loginResponseSchema },
    errors: [403, 404, 409, 410],
  },
  {
    ...at('revoke-staff'),
    summary: '管理员停用工作人员账号（一分钟内生效）',
    roles: ['admin'],
    request: { params: staff.staffParamsSchema },
    response: { status: 200, body: staff.revokeStaffResponseSchema },
    errors: [403, 404],
  },
  {
    ...at('get-openapi'),
    summary: 'OpenAPI 3.1 接口文档',
    roles: null,
    response: { status: 200, body: z.looseObject({ openapi: z.string() }) },
  },
  {
    ...at('dev-accounts'),
    summary: '本地演示账号（仅本地）',
    roles: null,
    localOnly: true,
    response: { status: 200, body: auth.devAccountsResponseSchema },
  },
  // Nearby, follow, resident actions, 我的住址.
  {
    ...at('list-nearby-cases'),
    summary: '附近已有人上报：250 米内同一事项的未办结案件（最近在前，最多 5 件，匿名）',
    roles: ['resident'],
    request: { query: cases.nearbyQuerySchema },
    response: { status: 200, body: cases.nearbyResponseSchema },
    errors: [422, 429],
    // Enough to look around a few spots while reporting; far too few to map a district's open cases.
    rateLimit: { name: 'nearby', by: 'caller', limit: 60, windowSeconds: HOUR, at: 'answer', error: { code: 'CASE.RATE_LIMITED', message: '查询过于频繁，请稍后再试' } },
  },
  {
    ...at('follow-case'),
    summary: '我也遇到：关注一件未办结的案件（重复关注不重复计数）',
    roles: ['resident'],
    request: { params: cases.caseIdParamsSchema },
    response: { status: 200, body: cases.followResponseSchema },
    errors: [404, 409],
  },
  {
    ...at('unfollow-case'),
    summary: '取消关注（重复取消无副作用）',
    roles: ['resident'],
    request: { params: cases.caseIdParamsSchema },
    response: { status: 200, body: cases.followResponseSchema },
    errors: [404],
  },
  {
    ...at('act-on-my-case'),
    summary: '居民对自己的案件撤单、催办或补充信息（带 version；版本过期返回 409 及当前案件）',
    roles: ['resident'],
    request: { params: cases.caseIdParamsSchema, body: cases.residentActionRequestSchema },
    response: { status: 200, body: cases.caseViewSchema },
    errors: [404, 409, 422, 429],
  },
  {
    ...at('list-areas'),
    summary: '街道 → 社区 → 网格（含地标描述），供不用定位的居民选择住址',
    roles: SIGNED_IN_ROLES,
    response: { status: 200, body: city.areasResponseSchema },
  },
  {
    ...at('get-me'),
    summary: '我的信息、住址网格及其网格员、网格长',
    roles: SIGNED_IN_ROLES,
    response: { status: 200, body: accounts.meResponseSchema },
  },
  {
    ...at('set-my-home'),
    summary: '设置我的住址：按位置或从网格列表选择',
    roles: ['resident'],
    request: { body: accounts.homeRequestSchema },
    response: { status: 200, body: accounts.homeResponseSchema },
    errors: [422],
  },
  // Message centre, outbox and 考核 figures
  {
    ...at('list-messages'),
    summary: '消息中心（最新在前，游标分页，含未读数）',
    roles: SIGNED_IN_ROLES,
    request: { query: messages.listMessagesQuerySchema },
    response: { status: 200, body: messages.listMessagesResponseSchema },
  },
  {
    ...at('read-messages'),
    summary: '标记消息已读（指定 ids 或 all）',
    roles: SIGNED_IN_ROLES,
    request: { body: messages.markMessagesReadRequestSchema },
    response: { status: 200, body: messages.markMessagesReadResponseSchema },
  },
  {
    ...at('list-outbox'),
    summary: '待投递与已搁置的事件投递（管理员）',
    roles: ['admin'],
    request: { query: outbox.listOutboxQuerySchema },
    response: { status: 200, body: outbox.listOutboxResponseSchema },
  },
  {
    ...at('retry-outbox'),
    summary: '重新投递已搁置的事件（管理员）',
    roles: ['admin'],
    request: { params: outbox.outboxIdParamsSchema },
    response: { status: 200, body: outbox.retryOutboxResponseSchema },
    errors: [404],
  },
  {
    ...at('get-stats'),
    summary: '考核数据：响应率、解决率、满意率与原始计数',
    roles: STATS_ROLES,
    request: { query: stats.statsQuerySchema },
    response: { status: 200, body: stats.statsResponseSchema },
    errors: [404],
  },
  // 代办 visits — residents book their home grid's worker; workers run their day
  {
    ...at('list-booking-slots'),
    summary: '代办预约：本网格网格员未来 14 天（北京时间）的空闲时段，按天分组；未设置住址返回 409 BOOKING.HOME_REQUIRED',
    roles: ['resident'],
    request: { query: bookings.slotsQuerySchema },
    response: { status: 200, body: bookings.slotsResponseSchema },
    errors: [409, 422],
  },
  {
    ...at('create-booking'),
    summary: '预约上门代办（需 Idempotency-Key 头）；时段被抢 409 BOOKING.SLOT_TAKEN，error.current.nextSlots 为其他空闲时段；最多 2 个进行中的预约',
    roles: ['resident'],
    idempotent: true,
    request: { body: bookings.createBookingRequestSchema },
    response: { status: 201, body: bookings.residentBookingViewSchema },
    errors: [409, 422],
  },
  {
    ...at('list-my-bookings'),
    summary: '我的预约（最新在前，游标分页）',
    roles: ['resident'],
    request: { query: bookings.myBookingsQuerySchema },
    response: { status: 200, body: bookings.myBookingsResponseSchema },
  },
  {
    ...at('get-my-booking'),
    summary: '查看我的一个预约：材料清单、上门时间、进度时间线、可进行的操作',
    roles: ['resident'],
    request: { params: bookings.bookingIdParamsSchema },
    response: { status: 200, body: bookings.residentBookingViewSchema },
    errors: [404],
  },
  {
    ...at('act-on-my-booking'),
    summary: '居民取消（上门前 2 小时）、改约（最多 2 次）或评价（带 version；版本过期 409 及当前预约）',
    roles: ['resident'],
    request: { params: bookings.bookingIdParamsSchema, body: bookings.residentBookingActionSchema },
    response: { status: 200, body: bookings.residentBookingViewSchema },
    errors: [404, 409, 422],
  },
  {
    ...at('list-work-bookings'),
    summary: '网格员某一天（默认今天，北京时间）的上门代办，按时间排序',
    roles: GRID_STAFF_ROLES,
    request: { query: bookings.workDayQuerySchema },
    response: { status: 200, body: bookings.workDayResponseSchema },
  },
  {
    ...at('act-on-work-booking'),
    summary: '网格员确认、婉拒（需原因）、改时间（需原因）、已上门（材料清单、回执照片）、已代交、已办结、未能见面（带 version）',
    roles: GRID_STAFF_ROLES,
    request: { params: bookings.bookingIdParamsSchema, body: bookings.workerBookingActionSchema },
    response: { status: 200, body: bookings.workerBookingViewSchema },
    errors: [404, 409, 422],
  },
  {
    ...at('get-work-booking'),
    summary: '网格员查看一个上门代办（从消息打开时用，以找到它所在的那一天）',
    roles: GRID_STAFF_ROLES,
    request: { params: bookings.bookingIdParamsSchema },
    response: { status: 200, body: bookings.workerBookingViewSchema },
    errors: [404],
  },
  {
    ...at('list-work-booking-slots'),
    summary: '改约用：我未来 14 天里放得下这次上门的空闲时段（按天分组）',
    roles: GRID_STAFF_ROLES,
    request: { params: bookings.bookingIdParamsSchema },
    response: { status: 200, body: bookings.workBookingSlotsResponseSchema },
    errors: [404],
  },
  {
    ...at('get-visit-stats'),
    summary: '上门代办数据：预约、办结、取消、未见面与满意率（scope=me 为本人，或所辖区、街道、社区、网格）',
    roles: ['gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'admin'],
    request: { query: bookings.visitStatsQuerySchema },
    response: { status: 200, body: bookings.visitStatsResponseSchema },
    errors: [404, 422],
  },
  {
    ...at('get-availability'),
    summary: '我的可预约时间（每周时段、停约日期、调休上班日按周几安排）',
    roles: GRID_STAFF_ROLES,
    request: { query: bookings.availabilityQuerySchema },
    response: { status: 200, body: bookings.availabilityResponseSchema },
    errors: [403, 422],
  },
  {
    ...at('put-availability'),
    summary: '发布我的可预约时间（如周二、周四 14:00–17:00，每 30 分钟一个时段）；节假日自动不开放',
    roles: GRID_STAFF_ROLES,
    request: { body: bookings.availabilityRequestSchema },
    response: { status: 200, body: bookings.availabilityResponseSchema },
    errors: [403, 422],
  },
  // Subscriptions, votes, community figures and the content-check callback
  {
    ...at('list-subscriptions'),
    summary: '订阅消息模板（供 requestSubscribeMessage 使用）及我已授权的剩余次数',
    roles: SIGNED_IN_ROLES,
    response: { status: 200, body: subscriptions.subscriptionsResponseSchema },
  },
  {
    ...at('report-subscriptions'),
    summary: '上报 requestSubscribeMessage 的结果（模板 id → accept/reject/ban/filter，每次最多 5 个）',
    roles: SIGNED_IN_ROLES,
    request: { body: subscriptions.reportSubscriptionsRequestSchema },
    response: { status: 200, body: subscriptions.subscriptionsResponseSchema },
    errors: [422],
  },
  {
    ...at('vote-on-case'),
    summary: '关注者对已办结案件投满意度票（与上报人的评价分开统计，重复投票不重复计数）',
    roles: ['resident'],
    request: { params: cases.caseIdParamsSchema, body: cases.voteRequestSchema },
    response: { status: 200, body: cases.voteResponseSchema },
    errors: [404, 409],
  },
  {
    ...at('get-community-stats'),
    summary: '社区本月公开数据：上报数、办结数、按时办结率、满意率、平均处置时长',
    roles: SIGNED_IN_ROLES,
    request: { params: stats.communityParamsSchema },
    response: { status: 200, body: stats.communityStatsSchema },
    errors: [404],
  },
  {
    ...at('content-check-callback'),
    summary: '微信 mediaCheckAsync 结果回调（校验签名，拒绝伪造与重放）',
    roles: null,
    request: { query: contentCheck.callbackQuerySchema, body: contentCheck.callbackBodySchema },
    response: { status: 200, body: contentCheck.callbackResponseSchema },
    errors: [401],
  },
] as const satisfies readonly RouteDef[];

export type RouteId = (typeof routes)[number]['id'];

type Holds<T extends true> = T;
/** Every address has its row (and `at()` gives every row its address). */
export type EveryAddressHasARow = Holds<[Exclude<AddressedRouteId, RouteId>] extends [never] ? true : false>;

export const deployedRoutes = (): RouteDef[] => routes.filter((r: RouteDef) => !r.localOnly);
