import type { ReferenceResolvers } from '@mash/shared';
import type { GatewayContext } from '../../context';
import { Subject } from '../entities/subject.entity';

/** Resolves `Subject` representations for the query planner (e.g. when an agency field needs them). */
export const subjectReference: ReferenceResolvers = {
  Subject: {
    __resolveReference(reference: { id: string }, context: GatewayContext) {
      return context.hub.getRepository(Subject).findOneBy({ id: reference.id });
    },
  },
};
