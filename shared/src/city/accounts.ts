import { ROLE_LABELS, type Role } from '../schemas/roles';
import { WORKER_TITLE_LABELS, type Department } from '../schemas/city';
import type { CityData } from './schema';

/** A login for the local stack: `dev-<name>` as the wx.login code stand-in. */
export interface DemoAccount {
  name: string;
  code: string;
  role: Role;
  areas: string[];
  departmentId?: string;
  description: string;
}

/**
 * Demo logins that sit on worker records (the `devLogin` field), by worker id:
 * the whole team of 榕溪东社区第1网格, and the 网格员 of the gated estate grid next door.
 */
export const DEMO_WORKER_LOGINS: Readonly<Record<string, string>> = {
  'W440106001001001-1': 'dev-worker1',
  'W440106001001001-2': 'dev-leader1',
  'W440106001001001-3': 'dev-supervisor1',
  'W440106001002001-1': 'dev-worker2',
};

const RESIDENTS = [
  { name: 'zhangsan', description: '居民张三：报事、查看进度、评价、预约代办' },
  { name: 'lisi', description: '居民李四：用来试“我也遇到”和重复报事' },
  { name: 'wangwu', description: '居民王五：长辈用户，用来试关怀模式' },
];

/** Department handlers worth logging in as: the bureaus most cases go to, and a 物业. */
const HANDLER_LOGINS: readonly { name: string; departmentSuffix: string }[] = [
  { name: 'chengguan', departmentSuffix: '-CG' },
  { name: 'yuanlin', departmentSuffix: '-YL' },
  { name: 'wuye', departmentSuffix: '-WY' },
];

const roleLabel = (role: Role) => ROLE_LABELS[role];

/**
 * Every demo login for a city: residents, the grid team(s) marked with `devLogin`, a
 * street and a district dispatcher, handlers of a few departments, and an admin. Any
 * other `dev-<name>` code logs in as a resident (the functions package decides that).
 */
export function demoAccounts(city: CityData): DemoAccount[] {
  const accounts: DemoAccount[] = RESIDENTS.map((r) => ({ name: r.name, code: `dev-${r.name}`, role: 'resident', areas: [], description: r.description }));

  const gridName = new Map(city.grids.map((g) => [g.code, g.name]));
  for (const w of city.workers) {
    if (!w.devLogin) continue;
    accounts.push({
      name: w.devLogin.replace(/^dev-/, ''),
      code: w.devLogin,
      role: w.title,
      areas: [w.gridCode],
      description: `${WORKER_TITLE_LABELS[w.title]}${w.name}：${gridName.get(w.gridCode) ?? w.gridCode}`,
    });
  }

  const district = city.districts[0];
  const street = city.streets.find((s) => s.districtCode === district?.code);
  const dispatcherOf = (areaCode: string | undefined) => city.departments.find((d) => d.isDispatcher && d.areaCode === areaCode);
  const staff = (name: string, role: Role, department: Department | undefined, description: string) => {
    if (!department) return;
    accounts.push({ name, code: `dev-${name}`, role, areas: [department.areaCode], departmentId: department.id, description: `${description}：${department.name}` });
  };
  staff('dispatcher', 'dispatcher', dispatcherOf(street?.code), `街道${roleLabel('dispatcher')}`);
  staff('district', 'dispatcher', dispatcherOf(district?.code), `区级${roleLabel('dispatcher')}，负责仲裁和升级`);
  for (const h of HANDLER_LOGINS) {
    staff(h.name, 'departmentHandler', city.departments.find((d) => d.id.endsWith(h.departmentSuffix)), roleLabel('departmentHandler'));
  }

  if (district) {
    accounts.push({ name: 'admin', code: 'dev-admin', role: 'admin', areas: [district.code], description: `${roleLabel('admin')}：维护事项目录和权责清单（${district.name}）` });
  }
  return accounts;
}
