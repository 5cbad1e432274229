import 'reflect-metadata';

export * from './config';
export * from './logger';
export * from './database';
export * from './testing';
export * from './federation';
export * from './envelope';
export * from './subject';
export * from './agency-service';
export * from './identifiers';
export * from './matching';
export * from './synthetic';
export * from './grant-claims';
export * from './disclosure.entity';
export * from './disclosure';
export * from './disclosure.resolver';
export * from './matching-batch';
export * from './hashing';
