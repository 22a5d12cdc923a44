export * from './app/types';
export * from './config/Config';
export * from './config/loadConfig';
