import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteId } from '@gridtong/shared/api/routes';
import { handler as authWechat } from './auth-wechat';
import { handler as createCase } from './create-case';
import { handler as createUpload } from './create-upload';
import { handler as devAccounts } from './dev-accounts';
import { handler as getCatalog } from './get-catalog';
import { handler as getMyCase } from './get-my-case';
import { handler as getOpenapi } from './get-openapi';
import { handler as listMyCases } from './list-my-cases';
import { handler as locateGrid } from './locate-grid';
// The staff desk and staff onboarding
import { handler as actOnWorkCase } from './act-on-work-case';
import { handler as createInvitation } from './create-invitation';
import { handler as getWorkCase } from './get-work-case';
import { handler as findWorkCase } from './find-work-case';
import { handler as listWorkCases } from './list-work-cases';
import { handler as redeemInvitation } from './redeem-invitation';
import { handler as revokeStaff } from './revoke-staff';
// Reporting and tracking
import { handler as listNearbyCases } from './list-nearby-cases';
import { handler as followCase } from './follow-case';
import { handler as unfollowCase } from './unfollow-case';
import { handler as actOnMyCase } from './act-on-my-case';
import { handler as listAreas } from './list-areas';
import { handler as getMe } from './get-me';
import { handler as setMyHome } from './set-my-home';
// Message centre, outbox, 考核 figures
import { handler as listMessages } from './list-messages';
import { handler as readMessages } from './read-messages';
import { handler as listOutbox } from './list-outbox';
import { handler as retryOutbox } from './retry-outbox';
import { handler as getStats } from './get-stats';
// 代办 visits
import { handler as listBookingSlots } from './list-booking-slots';
import { handler as createBooking } from './create-booking';
import { handler as listMyBookings } from './list-my-bookings';
import { handler as getMyBooking } from './get-my-booking';
import { handler as actOnMyBooking } from './act-on-my-booking';
import { handler as listWorkBookings } from './list-work-bookings';
import { handler as listWorkBookingSlots } from './list-work-booking-slots';
import { handler as getWorkBooking } from './get-work-booking';
import { handler as getVisitStats } from './get-visit-stats';
import { handler as actOnWorkBooking } from './act-on-work-booking';
import { handler as getAvailability } from './get-availability';
import { handler as putAvailability } from './put-availability';
// Subscribe grants, follower votes, community figures, content-check callback
import { handler as listSubscriptions } from './list-subscriptions';
import { handler as reportSubscriptions } from './report-subscriptions';
import { handler as voteOnCase } from './vote-on-case';
import { handler as getCommunityStats } from './get-community-stats';
import { handler as contentCheckCallback } from './content-check-callback';

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Every route of the table has its handler here; the type makes a missing one a compile error. */
export const handlers: Record<RouteId, HttpHandler> = {
  'auth-wechat': authWechat,
  'get-catalog': getCatalog,
  'locate-grid': locateGrid,
  'create-upload': createUpload,
  'create-case': createCase,
  'list-my-cases': listMyCases,
  'get-my-case': getMyCase,
  'get-openapi': getOpenapi,
  'dev-accounts': devAccounts,
  // The staff desk and staff onboarding
  'list-work-cases': listWorkCases,
  'get-work-case': getWorkCase,
  'find-work-case': findWorkCase,
  'act-on-work-case': actOnWorkCase,
  'create-invitation': createInvitation,
  'redeem-invitation': redeemInvitation,
  'revoke-staff': revokeStaff,
  // Reporting and tracking
  'list-nearby-cases': listNearbyCases,
  'follow-case': followCase,
  'unfollow-case': unfollowCase,
  'act-on-my-case': actOnMyCase,
  'list-areas': listAreas,
  'get-me': getMe,
  'set-my-home': setMyHome,
  // Message centre, outbox, 考核 figures
  'list-messages': listMessages,
  'read-messages': readMessages,
  'list-outbox': listOutbox,
  'retry-outbox': retryOutbox,
  'get-stats': getStats,
  // 代办 visits
  'list-booking-slots': listBookingSlots,
  'create-booking': createBooking,
  'list-my-bookings': listMyBookings,
  'get-my-booking': getMyBooking,
  'act-on-my-booking': actOnMyBooking,
  'list-work-bookings': listWorkBookings,
  'list-work-booking-slots': listWorkBookingSlots,
  'get-work-booking': getWorkBooking,
  'get-visit-stats': getVisitStats,
  'act-on-work-booking': actOnWorkBooking,
  'get-availability': getAvailability,
  'put-availability': putAvailability,
  // Subscribe grants, follower votes, community figures, content-check callback
  'list-subscriptions': listSubscriptions,
  'report-subscriptions': reportSubscriptions,
  'vote-on-case': voteOnCase,
  'get-community-stats': getCommunityStats,
  'content-check-callback': contentCheckCallback,
};
