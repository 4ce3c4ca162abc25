import type { WorkerCard } from '@gridtong/shared/api/city';
import { WORKER_TITLE_LABELS, type Worker } from '@gridtong/shared/schemas/city';
import { formatDutyHours, onDuty } from '@gridtong/shared/routing/index';
import { isGridStaff } from '@gridtong/shared/schemas/roles';

/**
 * The people a resident may contact about their grid: the 网格员 and the 网格长, whose duty
 * phones are published on the community's notice board. The 督导员 supervises staff and is
 * reached through them, not listed to the public.
 */
export function publicWorkers(workers: readonly Worker[]): Worker[] {
  return workers.filter((w) => isGridStaff(w.title));
}

/** What a resident sees of their grid worker: name, title, the duty phone to call, when. */
export function workerCard(worker: Worker, now: Date): WorkerCard {
  return {
    id: worker.id,
    name: worker.name,
    title: worker.title,
    titleLabel: WORKER_TITLE_LABELS[worker.title],
    phone: worker.phone,
    dutyHours: formatDutyHours(worker.dutyHours),
    onDuty: onDuty(worker, now),
  };
}
