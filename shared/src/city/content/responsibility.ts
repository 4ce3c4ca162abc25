import type * as z from 'zod';
import type { departmentSchema, matrixEntrySchema } from '../../schemas/city';

type DepartmentInput = z.input<typeof departmentSchema>;
type MatrixEntryInput = z.input<typeof matrixEntrySchema>;

/** What the demo departments and 权责清单 need to know about the areas. */
export interface ResponsibilityAreas {
  district: { code: string; name: string };
  streets: readonly { code: string; short: string; index: number }[];
  /** Communities run by a property company (物业), with the estate name. */
  managedCommunities: readonly { code: string; estate: string }[];
  /** A gated estate grid whose 物业 answers for its own manholes, lights and rubbish. */
  estateGrid?: { code: string; estate: string };
}

const fakePhone = (n: number) => `020-0000${String(n).padStart(4, '0')}`;

/**
 * District departments: the bureaus and utilities of the 权责清单, and the 指挥中心.
 * "区" stands for the district's full name (天河区), "{}" for its short one (天河).
 */
const DISTRICT_DEPARTMENTS = [
  { key: 'ZHZX', name: '区城市管理指挥中心', isDispatcher: true },
  { key: 'CG', name: '区城市管理和综合执法局' },
  { key: 'ZJ', name: '区住房和建设局（市政设施）' },
  { key: 'YL', name: '区林业和园林局' },
  { key: 'SW', name: '区水务局' },
  { key: 'GD', name: '{}供电局' },
  { key: 'RQ', name: '{}燃气抢修中心' },
  { key: 'JJ', name: '{}交警大队' },
  { key: 'XF', name: '区消防救援大队' },
] as const;

function districtDepartmentName(template: string, districtName: string): string {
  if (template.startsWith('区')) return districtName + template.slice(1);
  return template.replace('{}', districtName.replace(/区$/, ''));
}
type DistrictKey = (typeof DISTRICT_DEPARTMENTS)[number]['key'];

const STREET_DEPARTMENTS = [
  { key: 'FB', name: '分拨中心', isDispatcher: true },
  { key: 'ZF', name: '综合行政执法队' },
  { key: 'HW', name: '环卫站' },
  { key: 'GJ', name: '规划建设办' },
] as const;
type StreetKey = (typeof STREET_DEPARTMENTS)[number]['key'];

export const districtDepartmentId = (districtCode: string, key: DistrictKey) => `D${districtCode}-${key}`;
export const streetDepartmentId = (streetCode: string, key: StreetKey) => `D${streetCode}-${key}`;
export const propertyDepartmentId = (areaCode: string) => `D${areaCode}-WY`;

/**
 * Which street departments exist where. The last street has no 规划建设办 yet, so its
 * 房屋安全隐患 reports go to its 分拨中心: a deliberate gap for the matrix-upkeep list.
 */
const streetHas = (street: { index: number }, key: StreetKey) => key !== 'GJ' || street.index < 2;

export function demoDepartments(areas: ResponsibilityAreas): DepartmentInput[] {
  let phone = 1;
  const departments: DepartmentInput[] = DISTRICT_DEPARTMENTS.map((d) => ({
    id: districtDepartmentId(areas.district.code, d.key),
    name: districtDepartmentName(d.name, areas.district.name),
    areaCode: areas.district.code,
    phone: fakePhone(phone++),
    isDispatcher: 'isDispatcher' in d,
  }));
  for (const street of areas.streets) {
    for (const d of STREET_DEPARTMENTS) {
      if (!streetHas(street, d.key)) continue;
      departments.push({
        id: streetDepartmentId(street.code, d.key),
        name: street.short + d.name,
        areaCode: street.code,
        phone: fakePhone(phone++),
        isDispatcher: 'isDispatcher' in d,
      });
    }
  }
  for (const c of [...areas.managedCommunities, ...(areas.estateGrid ? [areas.estateGrid] : [])]) {
    departments.push({ id: propertyDepartmentId(c.code), name: `${c.estate}物业服务中心`, areaCode: c.code, phone: fakePhone(phone++), isDispatcher: false });
  }
  return departments;
}

/** District-wide owners, item by item (the 区级 权责清单). */
const DISTRICT_OWNERS: readonly (readonly [string, DistrictKey])[] = [
  ['0101', 'ZJ'], ['0102', 'ZJ'], ['0103', 'CG'], ['0104', 'SW'], ['0105', 'GD'], ['0106', 'SW'],
  ['0201', 'ZJ'], ['0202', 'ZJ'], ['0203', 'JJ'],
  ['0301', 'CG'], ['0302', 'CG'],
  ['0401', 'YL'], ['0402', 'YL'], ['0403', 'YL'],
  ['E0101', 'CG'], ['E0102', 'CG'], ['E0103', 'CG'], ['E0104', 'CG'],
  ['E0202', 'CG'],
  ['E0301', 'ZJ'], ['E0302', 'ZJ'],
  ['E0402', 'CG'], ['E0403', 'JJ'], ['E0404', 'XF'],
  ['E0501', 'SW'], ['E0502', 'RQ'], ['E0503', 'ZJ'], ['E0504', 'GD'], ['E0505', 'XF'],
  // Not listed anywhere yet: 0601 健身器材 (only where a 物业 signed for it), 0602 充电设施.
  // 其他问题 never is: the 指挥中心 decides who handles it.
];

/** Street-level owners: the street's own teams take these before the district bureau. */
const STREET_OWNERS: readonly (readonly [string, StreetKey])[] = [
  ['0301', 'HW'], ['E0101', 'HW'], ['E0102', 'HW'],
  ['E0201', 'ZF'], ['E0303', 'ZF'], ['E0401', 'ZF'], ['E0402', 'ZF'],
  ['0501', 'GJ'],
];

/** What a 物业 signs for inside its community, and what the gated estate takes on inside its grid. */
const COMMUNITY_PROPERTY_ITEMS = ['0301', '0601', 'E0404'];
const ESTATE_GRID_ITEMS = ['0101', '0102', '0103', 'E0101'];

// The dates the 确认签字 rounds took place: district first, then streets, then communities.
const SIGNED = {
  district: '2024-03-01T10:00:00+08:00',
  street: '2024-03-18T15:00:00+08:00',
  community: '2024-04-08T09:30:00+08:00',
  grid: '2024-04-22T16:00:00+08:00',
};

export function demoMatrix(areas: ResponsibilityAreas, departments: readonly DepartmentInput[]): MatrixEntryInput[] {
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const entry = (itemCode: string, areaCode: string, departmentId: string, confirmedAt: string, note?: string): MatrixEntryInput => ({
    itemCode,
    areaCode,
    departmentId,
    confirmedBy: `${nameOf.get(departmentId) ?? departmentId}负责人`,
    confirmedAt,
    ...(note ? { note } : {}),
  });

  const matrix: MatrixEntryInput[] = DISTRICT_OWNERS.map(([item, key]) =>
    entry(item, areas.district.code, districtDepartmentId(areas.district.code, key), SIGNED.district));
  for (const street of areas.streets) {
    for (const [item, key] of STREET_OWNERS) {
      if (!streetHas(street, key)) continue;
      matrix.push(entry(item, street.code, streetDepartmentId(street.code, key), SIGNED.street));
    }
  }
  for (const c of areas.managedCommunities) {
    for (const item of COMMUNITY_PROPERTY_ITEMS) {
      matrix.push(entry(item, c.code, propertyDepartmentId(c.code), SIGNED.community, '小区红线内由物业先行处置'));
    }
  }
  const estate = areas.estateGrid;
  if (estate) {
    for (const item of ESTATE_GRID_ITEMS) {
      matrix.push(entry(item, estate.code, propertyDepartmentId(estate.code), SIGNED.grid, `${estate.estate}为封闭小区，井盖、路灯、保洁由物业负责`));
    }
  }
  return matrix;
}
