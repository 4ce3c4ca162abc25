export * from './errors';
export * from './actions';
export * from './machine';
export * from './statuses';
export * from './access';
export * from './queues';
export * from './create';
export * from './timeline-view';
export * from './result';
// Audited staff reads of personal data
export * from './audit';
export * from './case-number';
