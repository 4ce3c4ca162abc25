/**
 * Names for the demo 天河区: plausible, fictional streets and communities. Listed in
 * code order (streets west→east, communities south→north), as the geometry numbers them.
 */
export const DEMO_CITY_NAME = '广州市';
export const DEMO_DISTRICT_NAME = '天河区';
/** Opens every 受理编号 of the demo district. */
export const DEMO_DISTRICT_SHORT_CODE = 'TH';

export interface DemoStreetNames {
  /** Full name, e.g. 榕溪街道; departments use the short form 榕溪街. */
  name: string;
  short: string;
  communities: readonly { name: string; estate: string }[];
}

export const DEMO_STREETS: readonly DemoStreetNames[] = [
  {
    name: '榕溪街道',
    short: '榕溪街',
    communities: [
      { name: '榕溪东社区', estate: '榕溪花园' },
      { name: '汇景社区', estate: '汇景新城' },
      { name: '骏景社区', estate: '骏景花园' },
      { name: '榕溪西社区', estate: '溪岸雅苑' },
    ],
  },
  {
    name: '翠岗街道',
    short: '翠岗街',
    communities: [
      { name: '岗顶社区', estate: '岗顶新村' },
      { name: '华苑社区', estate: '华苑小区' },
      { name: '翠岗社区', estate: '翠岗大院' },
      { name: '荔苑社区', estate: '荔苑新村' },
    ],
  },
  {
    name: '莲塘街道',
    short: '莲塘街',
    communities: [
      { name: '莲塘社区', estate: '莲塘村' },
      { name: '金穗社区', estate: '金穗雅园' },
      { name: '棠德社区', estate: '棠德花苑' },
      { name: '科韵社区', estate: '科韵公寓' },
    ],
  },
];
