export * from './schemas/common';
export * from './schemas/roles';
export * from './schemas/catalog';
export * from './schemas/city';
export * from './schemas/case';
export * from './api/contracts';
export * from './api/routes';
export * from './deadlines';
