import 'reflect-metadata';
import { startAgency } from '@mash/shared';
import { adapter } from './adapter';

startAgency(adapter);
