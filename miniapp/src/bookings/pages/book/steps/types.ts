import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import type { SlotView } from '../../../services/booking-api';

/** The booking flow's steps: service → materials → time → address and contact → confirm. */
export type Step = 0 | 1 | 2 | 3 | 4;

export interface BookingDraft {
  /** One idempotency key per draft: every retry of this booking carries it. */
  key: string;
  service?: AgencyService;
  ready: string[];
  slot?: SlotView;
  address: string;
  phone: string;
  note: string;
}

/** 上一步 and 下一步 under a step. */
export interface StepNav {
  onBack: () => void;
  onNext: () => void;
}
