import type { WorkerCard } from '@gridtong/shared/api/contracts';
import { WORKER_TITLE_LABELS, type Worker } from '@gridtong/shared/schemas/city';
import { formatDutyHours, onDuty } from '@gridtong/shared/routing/index';

/** What a resident sees of their grid worker: name, title, the number to call, when. */
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
