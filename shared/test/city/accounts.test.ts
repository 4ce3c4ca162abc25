import { demoAccounts } from '../../src/city/accounts';
import { loadDemoCity } from '../../src/city/demo';
import { roleSchema } from '../../src/schemas/roles';

const city = loadDemoCity();
const accounts = demoAccounts(city);

describe('demoAccounts', () => {
  it('gives every account a unique dev-<name> code and a Chinese description', () => {
    const codes = accounts.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const a of accounts) {
      expect(a.code).toBe(`dev-${a.name}`);
      expect(roleSchema.safeParse(a.role).success).toBe(true);
      expect(a.description).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('covers every role a demo needs', () => {
    const count = (role: string) => accounts.filter((a) => a.role === role).length;
    expect(accounts.map((a) => a.code)).toEqual(expect.arrayContaining(['dev-zhangsan', 'dev-lisi', 'dev-admin']));
    expect(count('resident')).toBeGreaterThanOrEqual(2);
    expect(count('gridWorker')).toBeGreaterThanOrEqual(2);
    expect(count('gridLeader')).toBeGreaterThanOrEqual(1);
    expect(count('supervisor')).toBeGreaterThanOrEqual(1);
    expect(count('departmentHandler')).toBeGreaterThanOrEqual(2);
    expect(count('admin')).toBe(1);
  });

  it('lets grid staff log in as the worker record residents see for their grid', () => {
    for (const a of accounts.filter((x) => ['gridWorker', 'gridLeader', 'supervisor'].includes(x.role))) {
      const worker = city.workers.find((w) => w.devLogin === a.code);
      expect(worker).toBeDefined();
      expect(a.role).toBe(worker!.title);
      expect(a.areas).toEqual([worker!.gridCode]);
      expect(a.description).toContain(worker!.name);
    }
  });

  it('scopes dispatchers to a street and to the district, and handlers to their department', () => {
    const street = accounts.find((a) => a.code === 'dev-dispatcher')!;
    const district = accounts.find((a) => a.code === 'dev-district')!;
    expect(street.areas).toEqual(['440106001']);
    expect(district.areas).toEqual(['440106']);
    for (const a of accounts.filter((x) => x.role === 'dispatcher' || x.role === 'departmentHandler')) {
      const department = city.departments.find((d) => d.id === a.departmentId);
      expect(department).toBeDefined();
      expect(department!.isDispatcher).toBe(a.role === 'dispatcher');
      expect(a.areas).toEqual([department!.areaCode]);
    }
  });
});
