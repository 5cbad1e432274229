import { AGENCIES, type AgencyName } from '@mash/shared';
import { agencyTransportFromEnv } from '../agency-transport';

const urls = (url: (agency: AgencyName) => string) => Object.fromEntries(AGENCIES.map((agency) => [agency, url(agency)])) as Record<AgencyName, string>;

describe('the gateway reaches agencies over TLS', () => {
  it('refuses a plain-http agency address off this machine in production', () => {
    const plain = urls((agency) => `http://${agency}.mash.example/graphql`);
    expect(() => agencyTransportFromEnv(plain, true, {})).toThrow('the police address http://police.mash.example must be https when NODE_ENV=production');
    expect(agencyTransportFromEnv(plain, false, {})).toEqual({});
    expect(agencyTransportFromEnv(urls(() => 'http://127.0.0.1:4001/graphql'), true, {})).toEqual({});
  });

  it('reads the CA it trusts and the client certificate it presents', () => {
    const env = { MASH_AGENCY_CA_FILE: '/etc/mash/ca.pem', MASH_AGENCY_CLIENT_CERT_FILE: '/etc/mash/gw.pem', MASH_AGENCY_CLIENT_KEY_FILE: '/etc/mash/gw-key.pem' };
    expect(agencyTransportFromEnv(urls((agency) => `https://${agency}.mash.example/graphql`), true, env)).toEqual({
      caFile: '/etc/mash/ca.pem', clientCertFile: '/etc/mash/gw.pem', clientKeyFile: '/etc/mash/gw-key.pem',
    });
  });
});
