export * from './app/types';
export * from './config/Config';
export * from './config/loadConfig';
export * from './app/openDatabase';
export * from './cli/types';
