export * from './handlers/createAtlanHandlers';
export * from './handlers/AtlanDeps';
export * from './renderAtlanError';
export * from './parseAtlanBody';
export * from './dsl/parseEsDsl';
export * from './format/formatAtlanResponse';
