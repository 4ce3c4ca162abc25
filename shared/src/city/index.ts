export { cityDataSchema, checkCityReferences, type CityData, type CityDataInput } from './schema';
export { loadDemoCity } from './demo';
export { buildDemoCityData, buildDemoCityInput, serializeDemoCity } from './demo-data';
export { generateLargeCityData, generateLargeCityInput, type LargeCityDataOptions } from './large';
export { demoAccounts, DEMO_WORKER_LOGINS, type DemoAccount } from './accounts';
export { staffGrids, workerIdOf, GRID_TITLES, type StaffingOptions } from './staffing';
export { nameGenerator } from './names';
export { DEMO_ITEMS } from './content/items';
export { DEMO_SERVICES } from './content/services';
