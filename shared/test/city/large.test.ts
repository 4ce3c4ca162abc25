import { generateLargeCityData } from '../../src/city/large';
import { createCityDirectory } from '../../src/routing';

describe('generateLargeCityData', () => {
  // A small city keeps the test quick; the generator is the same at 20,000 grids.
  const city = generateLargeCityData({ seed: 7, grids: 600 });

  it('builds a schema-valid, multi-district city near the requested size', () => {
    expect(city.districts.length).toBe(11);
    expect(city.grids.length).toBeGreaterThan(500);
    expect(city.grids.length).toBeLessThan(700);
    expect(city.workers).toHaveLength(city.grids.length * 3);
  });

  it('routes every item in every grid to a department that covers the grid', () => {
    const directory = createCityDirectory(city);
    for (const grid of city.grids) {
      for (const item of city.items) {
        const { departmentId } = directory.route(grid.code, item.code);
        expect(grid.code.startsWith(directory.department(departmentId)!.areaCode)).toBe(true);
      }
    }
  });

  it('is the same city for the same seed', () => {
    expect(generateLargeCityData({ seed: 7, grids: 600 }).workers.slice(0, 30)).toEqual(city.workers.slice(0, 30));
  });
});
