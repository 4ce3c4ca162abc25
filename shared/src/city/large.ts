import type * as z from 'zod';
import type { departmentSchema, matrixEntrySchema } from '../schemas/city';
import { DEMO_ITEMS } from './content/items';
import { DEMO_SERVICES } from './content/services';
import { generateLargeCity, type DistrictShape } from './geometry';
import { cityDataSchema, type CityData, type CityDataInput } from './schema';
import { staffGrids } from './staffing';

type DepartmentInput = z.input<typeof departmentSchema>;
type MatrixEntryInput = z.input<typeof matrixEntrySchema>;

const GUANGZHOU_DISTRICT_NAMES: Readonly<Record<string, string>> = {
  '440103': '荔湾区', '440104': '越秀区', '440105': '海珠区', '440106': '天河区',
  '440111': '白云区', '440112': '黄埔区', '440113': '番禺区', '440114': '花都区',
  '440115': '南沙区', '440117': '从化区', '440118': '增城区',
};

const DISTRICT_BUREAUS = [
  { key: 'CG', name: '城市管理和综合执法局' },
  { key: 'ZJ', name: '住房和建设局' },
  { key: 'YL', name: '林业和园林局' },
  { key: 'SW', name: '水务局' },
] as const;
type BureauKey = (typeof DISTRICT_BUREAUS)[number]['key'];

/** Item owners at district scope, by catalog class: a coarse but plausible 权责清单. */
function bureauFor(item: (typeof DEMO_ITEMS)[number]): BureauKey {
  if (item.category === '园林绿化') return 'YL';
  if (item.category === '道路交通' || item.category === '施工管理' || item.category === '房屋土地') return 'ZJ';
  if (item.category === '突发事件' || item.code === '0106' || item.code === '0104') return 'SW';
  return 'CG';
}
/** Street teams take the everyday street-order and cleaning items. */
const STREET_ITEMS = new Set(['E0101', 'E0102', 'E0201', 'E0303', 'E0401', 'E0402']);
const SIGNED_AT = '2024-03-01T10:00:00+08:00';

export interface LargeCityDataOptions {
  seed: number;
  /** Target number of grids; Guangzhou has about 20,000. */
  grids?: number;
}

function districtContent(d: DistrictShape, departments: DepartmentInput[], matrix: MatrixEntryInput[]) {
  const name = GUANGZHOU_DISTRICT_NAMES[d.code] ?? `${d.code}区`;
  departments.push({ id: `D${d.code}-ZHZX`, name: `${name}城市管理指挥中心`, areaCode: d.code, isDispatcher: true });
  for (const b of DISTRICT_BUREAUS) departments.push({ id: `D${d.code}-${b.key}`, name: `${name}${b.name}`, areaCode: d.code });
  for (const item of DEMO_ITEMS) {
    // Two items stay unlisted at district scope, as in the demo: they reach dispatchers.
    if (item.code === '0601' || item.code === '0602') continue;
    matrix.push({ itemCode: item.code, areaCode: d.code, departmentId: `D${d.code}-${bureauFor(item)}`, confirmedBy: `${name}政务服务数据管理局`, confirmedAt: SIGNED_AT });
  }
  d.streets.forEach((s, i) => {
    const streetName = `${name}第${i + 1}街道`;
    departments.push({ id: `D${s.code}-FB`, name: `${streetName}分拨中心`, areaCode: s.code, isDispatcher: true });
    departments.push({ id: `D${s.code}-ZF`, name: `${streetName}综合行政执法队`, areaCode: s.code });
    for (const itemCode of STREET_ITEMS) {
      matrix.push({ itemCode, areaCode: s.code, departmentId: `D${s.code}-ZF`, confirmedBy: `${streetName}办事处`, confirmedAt: SIGNED_AT });
    }
  });
  return { code: d.code, name, city: '广州市' };
}

/**
 * A Guangzhou-sized data set (11 districts, ~20,000 grids, three workers each) on the
 * benchmark geometry: schema-valid, so the same directory code runs on it as on the demo.
 */
export function generateLargeCityInput(options: LargeCityDataOptions): CityDataInput {
  const shape = generateLargeCity({ seed: options.seed, ...(options.grids === undefined ? {} : { grids: options.grids }) });
  const departments: DepartmentInput[] = [];
  const matrix: MatrixEntryInput[] = [];
  const districts = shape.districts.map((d) => districtContent(d, departments, matrix));
  const streets = shape.districts.flatMap((d) => d.streets.map((s, i) => ({ code: s.code, name: `${GUANGZHOU_DISTRICT_NAMES[d.code] ?? ''}第${i + 1}街道`, districtCode: d.code, geometry: s.geometry })));
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
