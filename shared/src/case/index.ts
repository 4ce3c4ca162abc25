export * from './errors';
export * from './actions';
export * from './machine';
export * from './create';
export * from './timeline-view';
// work-api (issue 7): audited staff reads of personal data
export * from './audit';
