import { GraphQLError } from 'graphql';
import type { AuthenticatedUser, HubRole } from './user';

/** The user of the request, who must hold one of `roles`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(user: AuthenticatedUser | null, roles: readonly HubRole[], action: string): AuthenticatedUser {
  if (!user) {
    throw new GraphQLError('Sign in first: this request carried no valid token.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  if (!user.roles.some((role) => roles.includes(role))) {
    throw new GraphQLError(`Only ${roles.join(' or ')} may ${action}; your role is ${user.roles.join(', ') || 'none'}.`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  return user;
}
