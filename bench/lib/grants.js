// Grants for traffic that does not go through our gateway's enforcement point (the plain gateway
// and the floor). Agencies keep verifying every grant (there is no switch to turn that off), so
// these are real grants signed with the gateway's demo key, one per agency, covering the RED
// case's subjects, with the obligations the active policy gives for that case. A grant lives at
// most 60 s, so the holder re-mints in the background: in effect one long-lived grant.
const fs = require('node:fs');
const { AGENCIES, GrantIssuer, loadOrCreateSigningKey } = require('@mash/shared');

const TRIAGE_PURPOSE = 'MASH_TRIAGE';
const REMINT_MS = 30_000;

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

/**
 * Keeps a current grant per agency: `current(agency)` returns a token minted at most REMINT_MS ago.
 * `stop()` ends the background timer.
 */
async function grantKeeper({ keyFile, issuer = 'mash-gateway', hub, user, caseId, subjectIds }) {
  // The gateway generated this key at its start; never make a second one (agencies would refuse it).
  if (!fs.existsSync(keyFile)) throw new Error(`grant signing key ${keyFile} not found: start the gateway first`);
  const key = await loadOrCreateSigningKey({ keyFile, generate: true });
  const grantIssuer = new GrantIssuer({ key, issuer });
  const decided = await decisions({ hub, user, caseId, subjectIds });
  const tokens = {};
  let mints = 0;
  const mintAll = async () => {
    await Promise.all(
      AGENCIES.map(async (agency) => {
        const minted = await grantIssuer.mint({
          agency,
          caseId,
          subjectIds,
          purpose: TRIAGE_PURPOSE,
          policyVersion: decided[agency].policyVersion,
          userId: user.id,
          obligations: decided[agency].obligations,
        });
        tokens[agency] = minted.token;
        mints += 1;
      }),
    );
  };
  await mintAll();
  const timer = setInterval(() => mintAll().catch((error) => console.error(`grant re-mint failed: ${error.message}`)), REMINT_MS);
  timer.unref();
  return {
    current: (agency) => tokens[agency],
    obligations: Object.fromEntries(AGENCIES.map((agency) => [agency, decided[agency].obligations])),
    mints: () => mints,
    stop: () => clearInterval(timer),
  };
}

module.exports = { grantKeeper, TRIAGE_PURPOSE, REMINT_MS };
