import { GRID_STAFF_ROLES } from '../schemas/roles';

/** The booking rules in one place: the domain, the API texts and the tests read these. */
export const BOOKING_RULES = {
  /** Residents see and book slots this many Beijing days ahead, today included. */
  horizonDays: 14,
  /** A slot must start at least this long after the booking is made (the worker needs notice). */
  minLeadMinutes: 120,
  /** The resident may cancel or reschedule online until this long before the visit. */
  residentCutoffMinutes: 120,
  /** Reschedules a resident may make on one booking. */
  maxResidentReschedules: 2,
  /** Bookings a resident may have open (requested, confirmed, visited, submitted) at once. */
  maxOpenBookings: 2,
  /** The reminder goes out the day before the visit, at this Beijing hour. */
  reminderHour: 10,
  /** Free slots offered to a resident whose slot was just taken. */
  alternativesOffered: 5,
} as const;

/** Staff roles whose visits residents can book: the grid's own 网格员 and 网格长. */
export const BOOKABLE_ROLES = GRID_STAFF_ROLES;
