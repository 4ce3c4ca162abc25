import type * as z from 'zod';
import type { departmentSchema, matrixEntrySchema } from '../schemas/city';
import { DEMO_ITEMS } from './content/items';
import { DEMO_SERVICES } from './content/services';
import { demoDepartments, demoMatrix } from './content/responsibility';
import { generateLargeCity } from './geometry';
import { cityDataSchema, type CityData, type CityDataInput } from './schema';
import { staffGrids } from './staffing';

type DepartmentInput = z.input<typeof departmentSchema>;
type MatrixEntryInput = z.input<typeof matrixEntrySchema>;

const GUANGZHOU_DISTRICT_NAMES: Readonly<Record<string, string>> = {
  '440103': '荔湾区', '440104': '越秀区', '440105': '海珠区', '440106': '天河区',
  '440111': '白云区', '440112': '黄埔区', '440113': '番禺区', '440114': '花都区',
  '440115': '南沙区', '440117': '从化区', '440118': '增城区',
};

export interface LargeCityDataOptions {
  seed: number;
  /** Target number of grids; Guangzhou has about 20,000. */
  grids?: number;
}

/**
 * A Guangzhou-sized data set (11 districts, ~20,000 grids, three workers each) on the
 * benchmark geometry, with the demo's catalog and the demo's 权责清单 pattern repeated in
 * every district: schema-valid, so the same directory code runs on it as on the demo.
 */
export function generateLargeCityInput(options: LargeCityDataOptions): CityDataInput {
  const shape = generateLargeCity({ seed: options.seed, ...(options.grids === undefined ? {} : { grids: options.grids }) });
  const departments: DepartmentInput[] = [];
  const matrix: MatrixEntryInput[] = [];
  const streetName = (districtName: string, index: number) => `${districtName}第${index + 1}街道`;

  const districts = shape.districts.map((d) => {
    const district = { code: d.code, name: GUANGZHOU_DISTRICT_NAMES[d.code] ?? `${d.code}区`, city: '广州市' };
    const areas = {
      district,
      streets: d.streets.map((s, index) => ({ code: s.code, short: `第${index + 1}街`, index })),
      managedCommunities: [],
    };
    const own = demoDepartments(areas);
    departments.push(...own);
    matrix.push(...demoMatrix(areas, own));
    return district;
  });
  const streets = shape.districts.flatMap((d, di) => d.streets.map((s, i) => ({
    code: s.code,
    name: streetName(districts[di]?.name ?? '', i),
    districtCode: d.code,
    geometry: s.geometry,
  })));
  const communities = shape.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.map((c, i) => ({
    code: c.code,
    name: `第${i + 1}社区`,
    streetCode: s.code,
    geometry: c.geometry,
  }))));
  const grids = shape.districts.flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.map((g, i) => ({
    code: g.code,
    name: `第${i + 1}网格`,
    communityCode: c.code,
    geometry: g.geometry,
  })))));
  return {
    districts,
    streets,
    communities,
    grids,
    workers: staffGrids(grids.map((g) => g.code), { seed: options.seed, uniqueNames: false, firstPhone: 19900000001 }),
    departments,
    items: [...DEMO_ITEMS],
    services: [...DEMO_SERVICES],
    matrix,
  };
}

export function generateLargeCityData(options: LargeCityDataOptions): CityData {
  return cityDataSchema.parse(generateLargeCityInput(options));
}
