export * from './sql';
export * from './runner';
export * from './cli';
