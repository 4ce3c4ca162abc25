export {
  createCityDirectory,
  type CityDirectory,
  type CoordSystem,
  type Location,
  type Routing,
  type UnmappedArea,
} from './directory';
export { onDuty, formatDutyHours } from './duty';
