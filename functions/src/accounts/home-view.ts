import type { Home } from '@gridtong/shared/api/accounts';
import type { WorkerCard } from '@gridtong/shared/api/city';
import { gridLandmark } from '../city/area-views';
import type { CityReference } from '../city/city-snapshot';
import { publicWorkers, workerCard } from '../city/worker-cards';
import type { HomeRecord } from './user-store';

/** 我的住址 with names, and the grid's 网格员 and 网格长 cards (their public duty phone). */
export function homeView(home: HomeRecord | null, city: CityReference, now: Date): { home: Home | null; workers: WorkerCard[] } {
  const place = home ? city.directory.placeOf(home.gridCode) : undefined;
  if (!home || !place) return { home: null, workers: [] };
  return {
    home: {
      source: home.source,
      grid: { code: place.grid.code, name: place.grid.name, landmark: gridLandmark(city, place.grid.code) },
      community: { code: place.community.code, name: place.community.name },
      street: { code: place.street.code, name: place.street.name },
      updatedAt: home.updatedAt,
    },
    workers: publicWorkers(city.directory.workersOf(place.grid.code)).map((w) => workerCard(w, now)),
  };
}
