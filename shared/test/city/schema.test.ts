import { buildDemoCityInput } from '../../src/city/demo-data';
import { cityDataSchema, type CityDataInput } from '../../src/city/schema';

/** Issues of a parse as "path: message" lines, for readable assertions. */
function issuesOf(data: CityDataInput): { path: string; message: string }[] {
  const result = cityDataSchema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function demo(): CityDataInput {
  return structuredClone(buildDemoCityInput());
}

describe('cityDataSchema', () => {
  it('accepts the demo city', () => {
    expect(issuesOf(demo())).toEqual([]);
  });

  it('rejects a grid whose code does not start with its community code, pointing at the grid', () => {
    // Prepare
    const city = demo();
    const grid = city.grids[5]!;
    const other = city.communities.find((c) => c.code !== grid.communityCode)!;
    grid.communityCode = other.code;

    // Act
    const issues = issuesOf(city);

    // Assess
    expect(issues).toContainEqual({ path: 'grids.5.code', message: expect.stringContaining(`应以所属社区代码 ${other.code} 开头`) });
  });

  it('rejects a worker assigned to a grid that does not exist', () => {
    const city = demo();
    city.workers[4]!.gridCode = '440106009009009';

    expect(issuesOf(city)).toContainEqual({ path: 'workers.4.gridCode', message: expect.stringContaining('440106009009009 不存在') });
  });

  it('rejects a grid with two 网格员 and no 网格长', () => {
    const city = demo();
    const leader = city.workers.find((w) => w.title === 'gridLeader')!;
    leader.title = 'gridWorker';
    const gridIndex = city.grids.findIndex((g) => g.code === leader.gridCode);

    const issues = issuesOf(city);

    expect(issues).toContainEqual({ path: `grids.${gridIndex}.code`, message: expect.stringContaining('一名网格员，实有 2 名') });
    expect(issues).toContainEqual({ path: `grids.${gridIndex}.code`, message: expect.stringContaining('一名网格长，实有 0 名') });
  });

  it('rejects a 权责清单 entry for an unknown item', () => {
    const city = demo();
    city.matrix[3]!.itemCode = '9999';

    expect(issuesOf(city)).toEqual([{ path: 'matrix.3.itemCode', message: expect.stringContaining('不存在的事项 9999') }]);
  });

  it('rejects a 权责清单 entry giving one street office another street\'s ground', () => {
    const city = demo();
    const index = city.matrix.findIndex((m) => m.areaCode === '440106001' && m.departmentId === 'D440106001-ZF');
    city.matrix[index]!.departmentId = 'D440106002-ZF';

    expect(issuesOf(city)).toContainEqual({ path: `matrix.${index}.departmentId`, message: expect.stringContaining('不覆盖 440106001') });
  });

  it('rejects a street with no 分拨中心, so unmapped items could go nowhere', () => {
    const city = demo();
    city.departments = city.departments.filter((d) => d.id !== 'D440106002-FB');
    city.matrix = city.matrix.filter((m) => m.departmentId !== 'D440106002-FB');

    expect(issuesOf(city)).toEqual([{ path: 'streets.1.code', message: expect.stringContaining('没有分拨中心') }]);
  });

  it('rejects duplicate grid codes at the second occurrence', () => {
    const city = demo();
    city.grids.push(structuredClone(city.grids[0]!));

    expect(issuesOf(city)).toContainEqual({ path: `grids.${city.grids.length - 1}.code`, message: expect.stringContaining('网格编码重复') });
  });
});
