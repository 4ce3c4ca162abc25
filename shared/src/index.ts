export * from './schemas/common';
export * from './schemas/roles';
export * from './schemas/catalog';
export * from './schemas/city';
export * from './schemas/case';
export * from './api/auth';
export * from './api/city';
export * from './api/uploads';
export * from './api/cases';
export * from './api/routes';
export * from './deadlines';
export * from './case';
export * from './geo';
export * from './report/validate-report';
// city/ (the demo data set) and routing/ are imported by subpath, so the demo JSON never
// rides along into a bundle that only needs a schema.
