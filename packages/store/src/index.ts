export * from './db';
export * from './migrate';
export * from './embeddedPostgres';
export * from './aggregate/runAggregations';
export * from './ingest/index';
export * from './storeMeta/loadCursorKeys';
export * from './storeMeta/currentGeneration';
