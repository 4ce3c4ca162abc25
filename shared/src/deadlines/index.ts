export {
  type InstantInput,
  SHANGHAI_OFFSET_MS,
  shanghaiIsoDate,
  toShanghaiIsoString,
} from './shanghai-time';
export * from './calendar-data';
export * from './working-calendar';
export * from './time-limits';
export * from './warnings';
export * from './labels';
