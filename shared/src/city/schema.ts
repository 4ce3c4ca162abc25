import * as z from 'zod';
import { agencyServiceSchema, catalogItemSchema } from '../schemas/catalog';
import {
  communitySchema,
  departmentSchema,
  districtSchema,
  gridSchema,
  matrixEntrySchema,
  streetSchema,
  workerSchema,
  WORKER_TITLE_LABELS,
  type WorkerTitle,
} from '../schemas/city';

/**
 * Everything the backend needs to know about its districts: the area hierarchy with its
 * geometry, who works each grid, the departments, the catalog, the 代办 services and the
 * 权责清单. Cross references are checked here so a broken data set fails at load, with a
 * path that points at the offending record, instead of misrouting a case later.
 */
const cityDataShape = z.object({
  /** A city-wide deployment holds several districts (Guangzhou has 11). */
  districts: z.array(districtSchema).min(1),
  streets: z.array(streetSchema).min(1),
  communities: z.array(communitySchema).min(1),
  grids: z.array(gridSchema).min(1),
  workers: z.array(workerSchema),
  departments: z.array(departmentSchema).min(1),
  items: z.array(catalogItemSchema).min(1),
  services: z.array(agencyServiceSchema),
  matrix: z.array(matrixEntrySchema),
});

type Shape = z.infer<typeof cityDataShape>;
type Issue = { message: string; path: (string | number)[] };

const REQUIRED_TITLES: readonly WorkerTitle[] = ['gridWorker', 'gridLeader', 'supervisor'];

/** Reports each value seen twice in `list` at the index of its second occurrence. */
function duplicates<T>(list: readonly T[], key: (t: T) => string, path: string, field: string, what: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  list.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) issues.push({ message: `${what}重复：${k}`, path: [path, i, field] });
    seen.add(k);
  });
  return issues;
}

export function checkCityReferences(city: Shape): Issue[] {
  const issues: Issue[] = [];

  issues.push(
    ...duplicates(city.districts, (d) => d.code, 'districts', 'code', '区县代码'),
    ...duplicates(city.streets, (s) => s.code, 'streets', 'code', '街道代码'),
    ...duplicates(city.communities, (c) => c.code, 'communities', 'code', '社区代码'),
    ...duplicates(city.grids, (g) => g.code, 'grids', 'code', '网格编码'),
    ...duplicates(city.workers, (w) => w.id, 'workers', 'id', '人员编号'),
    ...duplicates(city.workers.filter((w) => w.devLogin !== undefined), (w) => w.devLogin ?? '', 'workers', 'devLogin', '演示登录码'),
    ...duplicates(city.departments, (d) => d.id, 'departments', 'id', '部门编号'),
    ...duplicates(city.items, (i) => i.code, 'items', 'code', '事项编码'),
    ...duplicates(city.services, (s) => s.code, 'services', 'code', '代办事项编码'),
    ...duplicates(city.matrix, (m) => `${m.itemCode}@${m.areaCode}`, 'matrix', 'areaCode', '同一区域同一事项的权责条目'),
  );

  /** Each level's parent must exist and its code must be the prefix of the child's code. */
  const checkParents = <T extends { code: string }>(
    records: readonly T[],
    collection: string,
    parentField: keyof T & string,
    parentCodes: ReadonlySet<string>,
    labels: { child: string; childCode: string; parent: string },
  ): Set<string> => {
    records.forEach((record, i) => {
      const parentCode = String(record[parentField]);
      if (!parentCodes.has(parentCode)) {
        issues.push({ message: `${labels.child}所属${labels.parent} ${parentCode} 不存在`, path: [collection, i, parentField] });
      }
      if (!record.code.startsWith(parentCode)) {
        issues.push({ message: `${labels.childCode} ${record.code} 应以所属${labels.parent}代码 ${parentCode} 开头`, path: [collection, i, 'code'] });
      }
    });
    return new Set(records.map((r) => r.code));
  };
  const districtCodes = new Set(city.districts.map((d) => d.code));
  const streetCodes = checkParents(city.streets, 'streets', 'districtCode', districtCodes, { child: '街道', childCode: '街道代码', parent: '区县' });
  const communityCodes = checkParents(city.communities, 'communities', 'streetCode', streetCodes, { child: '社区', childCode: '社区代码', parent: '街道' });
  const gridCodes = checkParents(city.grids, 'grids', 'communityCode', communityCodes, { child: '网格', childCode: '网格编码', parent: '社区' });

  // Each grid is served by exactly one 网格员, one 网格长 and one 督导员.
  const titlesByGrid = new Map<string, WorkerTitle[]>();
  city.workers.forEach((w, i) => {
    if (!gridCodes.has(w.gridCode)) {
      issues.push({ message: `人员所在网格 ${w.gridCode} 不存在`, path: ['workers', i, 'gridCode'] });
      return;
    }
    const titles = titlesByGrid.get(w.gridCode) ?? [];
    titles.push(w.title);
    titlesByGrid.set(w.gridCode, titles);
  });
  city.grids.forEach((g, i) => {
    const titles = titlesByGrid.get(g.code) ?? [];
    for (const title of REQUIRED_TITLES) {
      const n = titles.filter((t) => t === title).length;
      if (n !== 1) {
        issues.push({ message: `网格 ${g.code} 应有且仅有一名${WORKER_TITLE_LABELS[title]}，实有 ${n} 名`, path: ['grids', i, 'code'] });
      }
    }
  });

  const areaCodes = new Set<string>([...districtCodes, ...streetCodes, ...communityCodes, ...gridCodes]);
  const departments = new Map<string, Shape['departments'][number]>();
  city.departments.forEach((d, i) => {
    departments.set(d.id, d);
    if (!areaCodes.has(d.areaCode)) {
      issues.push({ message: `部门负责区域 ${d.areaCode} 不存在`, path: ['departments', i, 'areaCode'] });
    }
  });

  // Unmapped items must land somewhere: a 分拨中心 per street and a 指挥中心 per district.
  const dispatcherAreas = new Set(city.departments.filter((d) => d.isDispatcher).map((d) => d.areaCode));
  city.districts.forEach((d, i) => {
    if (!dispatcherAreas.has(d.code)) {
      issues.push({ message: `区县 ${d.name}（${d.code}）没有指挥中心`, path: ['districts', i, 'code'] });
    }
  });
  city.streets.forEach((s, i) => {
    if (!dispatcherAreas.has(s.code)) {
      issues.push({ message: `街道 ${s.name}（${s.code}）没有分拨中心`, path: ['streets', i, 'code'] });
    }
  });

  const itemCodes = new Set(city.items.map((it) => it.code));
  city.matrix.forEach((m, i) => {
    if (!itemCodes.has(m.itemCode)) {
      issues.push({ message: `权责清单引用了不存在的事项 ${m.itemCode}`, path: ['matrix', i, 'itemCode'] });
    }
    if (!areaCodes.has(m.areaCode)) {
      issues.push({ message: `权责清单引用了不存在的区域 ${m.areaCode}`, path: ['matrix', i, 'areaCode'] });
    }
    const department = departments.get(m.departmentId);
    if (!department) {
      issues.push({ message: `权责清单引用了不存在的部门 ${m.departmentId}`, path: ['matrix', i, 'departmentId'] });
    } else if (!m.areaCode.startsWith(department.areaCode)) {
      // A street office cannot be made responsible for another street's ground.
      issues.push({
        message: `部门 ${department.name} 的负责区域 ${department.areaCode} 不覆盖 ${m.areaCode}`,
        path: ['matrix', i, 'departmentId'],
      });
    }
  });

  return issues;
}

export const cityDataSchema = cityDataShape.superRefine((city, ctx) => {
  for (const issue of checkCityReferences(city)) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});

export type CityData = z.infer<typeof cityDataSchema>;
/** What a data author writes: defaults (places, isDispatcher, photo limits...) may be left out. */
export type CityDataInput = z.input<typeof cityDataSchema>;
