export * from './chain-link';
export * from './checkpoint';
export * from './disclosure-chain';
