/** Hub roles (ARCHITECTURE.md "The external contract"). */
export type HubRole = 'mash-triage' | 'mash-manager' | 'governance' | 'agency-admin';
export const HUB_ROLES: readonly HubRole[] = ['mash-triage', 'mash-manager', 'governance', 'agency-admin'];

/** The user a verified JWT describes. `id` is the token's subject; `name` is never logged. */
export interface AuthenticatedUser {
  id: string;
  name: string | null;
  roles: HubRole[];
  organisation: string | null;
  /** For `agency-admin`: the agency whose disclosure log the user may read. */
  agency: string | null;
}
