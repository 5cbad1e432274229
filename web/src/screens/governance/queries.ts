import { graphql } from '../../gql';

/** Every stored version, newest first: the policy page's list and the version choices elsewhere. */
export const VERSIONS = graphql(`
  query GovernancePolicyVersions {
    isaPolicyVersions {
      version status title proposedBy proposedAt activatedAt retiredAt
      approvals { approver }
      approversNeeded approversHave widening
    }
  }
`);

export const VERSIONS_KEY = ['governance', 'versions'] as const;
