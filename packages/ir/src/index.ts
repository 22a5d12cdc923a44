export * from './types';
export * from './aggregations';
export * from './rows';
export * from './predicates';
export * from './catalogue';
export * from './errorCodes';
export * from './AuditError';
export * from './ports';
