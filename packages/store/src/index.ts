export * from './db';
export * from './migrate';
export * from './embeddedPostgres';
export * from './aggregate/runAggregations';
