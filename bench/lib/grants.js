// Grants for traffic that does not go through our gateway's enforcement point (the plain gateway
// and the floor). Agencies keep verifying every grant (there is no switch to turn that off): a
// grant is single use and bound to the representations it covers, so every request gets a fresh
// one, signed with the gateway's key, covering the RED case's subjects with the obligations the
// active policy gives for that case.
const { AGENCIES, GrantIssuer, loadOrCreateSigningKey, subjectDigests } = require('@mash/shared');

const TRIAGE_PURPOSE = 'MASH_TRIAGE';

/** Decides like the enforcement point would for `user` and the case, once, without auditing. */
async function decisions({ hub, user, caseId, subjectIds }) {
  const { hubServices } = require('../../gateway/dist/hub/governance');
  const { decideFetch } = require('../../gateway/dist/policy');
  const { casesOfSubjects } = require('../../gateway/dist/enforcement/subject-cases');
  const { policies } = hubServices(hub);
  const [cases, policy] = await Promise.all([casesOfSubjects(hub, subjectIds), policies.active()]);
  const facts = cases.get(subjectIds[0]);
  if (!facts || facts.id !== caseId) throw new Error(`subjects are not all in case ${caseId}`);
  if (!policy) throw new Error('no active ISA policy in the hub');
  const result = {};
  for (const agency of AGENCIES) {
    const decision = decideFetch(policy, { user, agency, purpose: TRIAGE_PURPOSE, case: facts, now: new Date() });
    if (!decision.allowed) throw new Error(`the policy denies ${agency} for this case (${decision.rule}); the bench needs an allowed case`);
    result[agency] = decision;
  }
  return result;
}

/** Mints a fresh grant per agency request (`mint(agency, representations)`), as the enforcement point would. */
async function grantKeeper({ privateKeyPem, issuer = 'mash-gateway', hub, user, caseId, subjectIds }) {
  const key = await loadOrCreateSigningKey({ privateKeyPem, generate: false });
  const grantIssuer = new GrantIssuer({ key, issuer });
  const decided = await decisions({ hub, user, caseId, subjectIds });
  let mints = 0;
  return {
    async mint(agency, representations) {
      mints += 1;
      const minted = await grantIssuer.mint({
        agency,
        caseId,
        subjectIds,
        purpose: TRIAGE_PURPOSE,
        policyVersion: decided[agency].policyVersion,
        userId: user.id,
        obligations: decided[agency].obligations,
        subjectDigests: subjectDigests(representations),
      });
      return minted.token;
    },
    obligations: Object.fromEntries(AGENCIES.map((agency) => [agency, decided[agency].obligations])),
    policyVersions: Object.fromEntries(AGENCIES.map((agency) => [agency, decided[agency].policyVersion])),
    mints: () => mints,
    stop: () => undefined,
  };
}

module.exports = { grantKeeper, TRIAGE_PURPOSE };
