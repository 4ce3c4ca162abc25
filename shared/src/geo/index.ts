export * from './polygon';
export * from './coords';
export * from './distance';
export * from './geohash';
export * from './grid-index';
export * from './random';
