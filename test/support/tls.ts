import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

/** PEM files of a throw-away PKI, made at run time: no key material is committed. */
export interface TestPki {
  folder: string;
  /** The CA that signs the agencies' server certificates and the gateway's client certificate. */
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** A client certificate from another CA, which an agency requiring mutual TLS must refuse. */
  strangerCertFile: string;
  strangerKeyFile: string;
  remove(): void;
}

interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.PrivateKey;
  keyPem: string;
}

/** An RSA key from Node's crypto (fast), handed to forge, which builds and signs the certificates. */
function keyPair(): { publicKey: forge.pki.PublicKey; privateKey: forge.pki.PrivateKey; keyPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), keyPem };
}

function certificate(commonName: string, extensions: object[], issuer?: Issued): Issued {
  const { publicKey, privateKey, keyPem } = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions(extensions);
  cert.sign((issuer?.key ?? privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { cert, key: privateKey, keyPem };
}

const ca = (name: string) => certificate(name, [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]);

/** A CA, a server certificate for 127.0.0.1 and localhost, a client certificate, and a stranger's client certificate. */
export function createTestPki(): TestPki {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-tls-'));
  const authority = ca('MASH test CA');
  const server = certificate('mash-agency.test', [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
  ], authority);
  const clientExtensions = [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true }, { name: 'extKeyUsage', clientAuth: true }];
  const client = certificate('mash-gateway.test', clientExtensions, authority);
  const stranger = certificate('someone-else.test', clientExtensions, ca('Another CA'));
  const write = (name: string, text: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text, { mode: 0o600 });
    return file;
  };
  const pem = (issued: Issued) => forge.pki.certificateToPem(issued.cert);
  return {
    folder,
    caFile: write('ca.pem', pem(authority)),
    serverCertFile: write('agency.pem', pem(server)),
    serverKeyFile: write('agency-key.pem', server.keyPem),
    clientCertFile: write('gateway-client.pem', pem(client)),
    clientKeyFile: write('gateway-client-key.pem', client.keyPem),
    strangerCertFile: write('stranger.pem', pem(stranger)),
    strangerKeyFile: write('stranger-key.pem', stranger.keyPem),
    remove: () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}
