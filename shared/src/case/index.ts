export * from './errors';
export * from './actions';
export * from './machine';
export * from './create';
export * from './timeline-view';
