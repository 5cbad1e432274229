import 'reflect-metadata';
import { cliDataSource } from '@mash/shared';
import { adapter } from './adapter';

/** For the typeorm CLI in server mode; the service itself opens its database through `runAgency`. */
export default cliDataSource(adapter);
