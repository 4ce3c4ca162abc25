import { cityDataSchema, type CityData, type CityDataInput } from './schema';
import { demoDistrict, type CommunityShape, type DistrictShape } from './geometry';
import { DEMO_CITY_NAME, DEMO_DISTRICT_NAME, DEMO_DISTRICT_SHORT_CODE, DEMO_STREETS } from './content/areas';
import { DEMO_ITEMS } from './content/items';
import { DEMO_SERVICES } from './content/services';
import { demoDepartments, demoMatrix, type ResponsibilityAreas } from './content/responsibility';
import { staffGrids } from './staffing';
import { DEMO_WORKER_LOGINS } from './accounts';

const DEMO_SEED = 440106;
/** 199 0000 xxxx: a range no real subscriber has. */
const DEMO_FIRST_PHONE = 19900000001;

/** Communities with a property company that signed for its own items, by [street, community] position. */
const MANAGED_COMMUNITIES: readonly (readonly [number, number])[] = [[0, 0], [1, 1], [2, 1]];
/** The gated estate grid: first grid of 汇景社区. */
const ESTATE_GRID: readonly [number, number, number] = [0, 1, 0];

function namesFor(streetIndex: number, communityIndex: number) {
  const street = DEMO_STREETS[streetIndex];
  const community = street?.communities[communityIndex];
  if (!street || !community) throw new Error(`no demo names for community ${streetIndex}/${communityIndex}`);
  return { street, community };
}

function communityAt(shape: DistrictShape, s: number, c: number): CommunityShape {
  const community = shape.streets[s]?.communities[c];
  if (!community) throw new Error(`demo geometry has no community ${s}/${c}`);
  return community;
}

/**
 * The demo 天河区: tiled geometry + hand-written content. Pure and deterministic: the
 * build script writes its result to shared/data/demo-city.json, and a test checks the
 * committed file still equals it.
 */
export function buildDemoCityInput(shape: DistrictShape = demoDistrict()): CityDataInput {
  if (shape.streets.length !== DEMO_STREETS.length) throw new Error('demo geometry and demo names disagree on streets');
  const district = { code: shape.code, name: DEMO_DISTRICT_NAME, city: DEMO_CITY_NAME, shortCode: DEMO_DISTRICT_SHORT_CODE };

  const streets = shape.streets.map((s, i) => ({ code: s.code, name: namesFor(i, 0).street.name, districtCode: shape.code, geometry: s.geometry }));
  const communities = shape.streets.flatMap((s, si) => s.communities.map((c, ci) => {
    const names = namesFor(si, ci).community;
    // One building per grid, at a point known to be inside it (WGS-84); the 居委会 shares the first.
    const buildings = c.grids.map((g, gi) => ({ name: `${names.estate}${gi + 1}栋`, lng: g.samplePoint[0], lat: g.samplePoint[1] }));
    const office = buildings[0] ? [{ ...buildings[0], name: `${names.name}居委会` }] : [];
    return { code: c.code, name: names.name, streetCode: s.code, geometry: c.geometry, places: [...office, ...buildings] };
  }));
  const gridShapes = shape.streets.flatMap((s) => s.communities.flatMap((c) => c.grids.map((g) => ({ g, c }))));
  const communityName = new Map(communities.map((c) => [c.code, c.name]));
  const grids = gridShapes.map(({ g, c }, i) => ({
    code: g.code,
    name: `${communityName.get(c.code) ?? ''}第${Number(g.code.slice(12))}网格`,
    communityCode: c.code,
    geometry: g.geometry,
    // Guangzhou staffs one 网格员 per ~200 households.
    households: 180 + ((i * 37) % 140),
  }));

  const [es, ec, eg] = ESTATE_GRID;
  const estateGrid = communityAt(shape, es, ec).grids[eg];
  if (!estateGrid) throw new Error('demo geometry has no estate grid');
  const areas: ResponsibilityAreas = {
    district,
    streets: DEMO_STREETS.map((names, index) => ({ code: shape.streets[index]?.code ?? '', short: names.short, index })),
    managedCommunities: MANAGED_COMMUNITIES.map(([s, c]) => ({ code: communityAt(shape, s, c).code, estate: namesFor(s, c).community.estate })),
    estateGrid: { code: estateGrid.code, estate: namesFor(es, ec).community.estate },
  };
  const departments = demoDepartments(areas);

  return {
    districts: [district],
    streets,
    communities,
    grids,
    workers: staffGrids(grids.map((g) => g.code), {
      seed: DEMO_SEED,
      uniqueNames: true,
      firstPhone: DEMO_FIRST_PHONE,
      devLogins: new Map(Object.entries(DEMO_WORKER_LOGINS)),
    }),
    departments,
    items: [...DEMO_ITEMS],
    services: [...DEMO_SERVICES],
    matrix: demoMatrix(areas, departments),
  };
}

/** The demo city, parsed (defaults filled in) and cross-checked. */
export function buildDemoCityData(): CityData {
  return cityDataSchema.parse(buildDemoCityInput());
}

/**
 * Exactly the bytes of shared/data/demo-city.json: one value per line for readable
 * diffs, except coordinate pairs, which stay on one line.
 */
export function serializeDemoCity(): string {
  const text = JSON.stringify(buildDemoCityData(), null, 1);
  return `${text.replace(/\[\s*(-?[\d.e+-]+),\s*(-?[\d.e+-]+)\s*\]/g, '[$1,$2]')}\n`;
}
