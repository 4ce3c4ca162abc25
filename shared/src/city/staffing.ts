import type * as z from 'zod';
import type { WorkerTitle, workerSchema } from '../schemas/city';
import { nameGenerator } from './names';

type WorkerInput = z.input<typeof workerSchema>;
type DutyHours = WorkerInput['dutyHours'][number];

const WEEKDAYS = [1, 2, 3, 4, 5];
/** Listed in the order residents see them: the 网格员 they call first. */
export const GRID_TITLES: readonly WorkerTitle[] = ['gridWorker', 'gridLeader', 'supervisor'];

function dutyHoursFor(title: WorkerTitle, gridIndex: number): DutyHours[] {
  switch (title) {
    case 'gridWorker':
      // 网格员 take turns at weekend patrols: alternate grids cover Saturday or Sunday.
      return [
        { weekdays: WEEKDAYS, from: '08:30', to: '17:30' },
        { weekdays: [gridIndex % 2 === 0 ? 6 : 7], from: '09:00', to: '17:00' },
      ];
    case 'gridLeader':
      return [{ weekdays: WEEKDAYS, from: '08:30', to: '17:30' }];
    case 'supervisor':
      return [{ weekdays: WEEKDAYS, from: '09:00', to: '18:00' }];
  }
}

export const workerIdOf = (gridCode: string, title: WorkerTitle) => `W${gridCode}-${GRID_TITLES.indexOf(title) + 1}`;

export interface StaffingOptions {
  seed: number;
  /** Unique names for a demo district; repeats allowed at city scale. */
  uniqueNames: boolean;
  /** First phone number handed out; obviously fictional (199 0000 ...). */
  firstPhone: number;
  /** Demo login codes by worker id. */
  devLogins?: ReadonlyMap<string, string>;
}

/** Three people per grid: a 网格员, a 网格长 and a 督导员, each with duty hours and a phone. */
export function staffGrids(gridCodes: readonly string[], options: StaffingOptions): WorkerInput[] {
  const nextName = nameGenerator(options.seed, { unique: options.uniqueNames });
  const workers: WorkerInput[] = [];
  let phone = options.firstPhone;
  gridCodes.forEach((gridCode, gridIndex) => {
    for (const title of GRID_TITLES) {
      const id = workerIdOf(gridCode, title);
      const devLogin = options.devLogins?.get(id);
      workers.push({
        id,
        name: nextName(),
        title,
        phone: String(phone++),
        gridCode,
        dutyHours: dutyHoursFor(title, gridIndex),
        ...(devLogin ? { devLogin } : {}),
      });
    }
  });
  return workers;
}
