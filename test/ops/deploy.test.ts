import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

// What deploys the federation (Dockerfile, compose.yaml, deploy/k8s): the CI check passes on the
// committed files and fails, naming each problem, on a broken copy; and the invariants the issue
// asks for hold (probes, resources, non-root, network policies admitting only the gateway, no key
// in any committed file). The image's entry point and probe: deploy-image.test.ts.
const root = path.resolve(__dirname, '../..');
const AGENCIES = [
  { agency: 'police', prefix: 'POLICE', port: 4001 },
  { agency: 'social-care', prefix: 'SOCIAL_CARE', port: 4002 },
  { agency: 'health', prefix: 'HEALTH', port: 4003 },
  { agency: 'education', prefix: 'EDUCATION', port: 4004 },
];
const IMAGE = 'mash-federation';
const SERVICES = ['gateway', ...AGENCIES.map(({ agency }) => agency)];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every object in the YAML files under deploy/k8s, with the file it came from. */
function k8sObjects(): { file: string; object: any }[] {
  const dir = path.join(root, 'deploy/k8s');
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml'));
  return files.flatMap((name) =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(dir, name), 'utf8')).map((document) => ({ file: name, object: document.toJS() })),
  );
}

const objects = k8sObjects();
const ofKind = (kind: string) => objects.filter(({ object }) => object?.kind === kind).map(({ object }) => object);
const labelsMatch = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([key, value]) => labels?.[key] === value);

describe('npm run check:deploy', () => {
  it('passes on the committed Dockerfile, compose.yaml and manifests', async () => {
    const result = await run(['scripts/check-deploy.js']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/check-deploy: ok: \d+ Kubernetes objects .* valid against the Kubernetes schemas/);
    expect(result.stdout).toContain('Dockerfile lint clean (2 stages)');
    expect(result.stdout).toContain('compose.yaml: 11 services');
  });

  it('fails on a broken copy, naming every problem: a misspelt field, a wrong type, a root user, an undeclared secret, a stale agency', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-deploy-'));
    try {
      for (const entry of ['Dockerfile', '.dockerignore', 'compose.yaml', 'deploy']) {
        fs.cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}secrets${path.sep}`) });
      }
      const edit = (file: string, from: string | RegExp, to: string) => {
        const target = path.join(copy, file);
        const text = fs.readFileSync(target, 'utf8');
        const changed = text.replace(from, to);
        expect(changed).not.toBe(text);
        fs.writeFileSync(target, changed);
      };
      edit('deploy/k8s/gateway/deployment.yaml', '          readinessProbe:', '          readinesProbe:');
      edit('deploy/k8s/gateway/poddisruptionbudget.yaml', 'minAvailable: 1', 'minAvailable: [1]');
      edit('Dockerfile', 'USER 10001:10001', 'USER root');
      edit('compose.yaml', 'secrets: [hub_db_password, grant_private_key, mash_ca]', 'secrets: [hub_db_password, grant_key, mash_ca]');
      edit('deploy/k8s/agencies/police/service.yaml', 'protocol: TCP', 'protocol: UDP');

      const result = await run(['scripts/check-deploy.js', '--root', copy]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain("(Deployment mash-gateway): Object literal may only specify known properties, and 'readinesProbe' does not exist");
      expect(result.stderr).toMatch(/poddisruptionbudget\.yaml#1 \(PodDisruptionBudget mash-gateway\): data\/spec\/minAvailable must be/);
      expect(result.stderr).toContain("Dockerfile: the last stage's USER must be a numeric non-root uid, got root");
      expect(result.stderr).toContain('compose.yaml services.gateway.secrets: grant_key is not declared under secrets');
      expect(result.stderr).toContain('deploy/k8s/agencies/health/service.yaml: stale');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('Kubernetes manifests', () => {
  const deployments = ofKind('Deployment');

  it('one Deployment for the gateway and one per agency, each from the one image with the service as its argument', () => {
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(['mash-education', 'mash-gateway', 'mash-health', 'mash-police', 'mash-social-care']);
    for (const deployment of deployments) {
      const main = deployment.spec.template.spec.containers.find((container: any) => container.image.startsWith(`${IMAGE}:`));
      expect(main?.args).toEqual([deployment.metadata.name.replace(/^mash-/, '')]);
    }
  });

  it('every container has liveness and readiness probes, requests and limits, and runs non-root on a read-only root filesystem', () => {
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        const where = `${deployment.metadata.name}/${container.name}`;
        expect([where, container.livenessProbe]).toEqual([where, expect.any(Object)]);
        expect([where, container.readinessProbe]).toEqual([where, expect.any(Object)]);
        for (const kind of ['requests', 'limits']) expect([where, kind, container.resources?.[kind]]).toEqual([where, kind, { cpu: expect.anything(), memory: expect.anything() }]);
        expect([where, container.securityContext]).toEqual([where, expect.objectContaining({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } })]);
        expect(container.securityContext.runAsUser ?? pod.securityContext.runAsUser).toBeGreaterThan(0);
        if (container.image.startsWith(`${IMAGE}:`)) {
          // The service's own probes: alive on /health, in the Service only when /ready.
          expect([where, container.livenessProbe.httpGet?.path, container.readinessProbe.httpGet?.path]).toEqual([where, '/health', '/ready']);
        }
      }
    }
  });

  it('each agency has a NetworkPolicy admitting only the gateway pods of the hub namespace (monitoring to the metrics port alone), and letting it reach only DNS, the gateway and its database', () => {
    const policies = ofKind('NetworkPolicy');
    for (const { agency, port } of AGENCIES) {
      const policy = policies.find((candidate) => candidate.metadata.name === `mash-${agency}`);
      expect(policy?.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': `mash-${agency}` });
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      const [service, ...others] = policy.spec.ingress;
      // A rule without `from` would admit every source; without `ports`, every port.
      expect(service.from).toEqual([{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mash-hub' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'mash-gateway' } },
      }]);
      expect(service.ports).toEqual([{ protocol: 'TCP', port }]);
      expect(others).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 9464 }] }]);
      const config = ofKind('ConfigMap').find((map) => map.metadata.name === `mash-${agency}-config`).data;
      expect(config[`${AGENCIES.find((entry) => entry.agency === agency)!.prefix}_METRICS_PORT`]).toBe('9464');
      const egressPorts = policy.spec.egress.flatMap((rule: any) => rule.ports.map((entry: any) => entry.port)).sort();
      expect(egressPorts).toEqual([53, 53, 5432, 8443].sort());
      const gatewayRule = policy.spec.egress.find((rule: any) => rule.ports.some((entry: any) => entry.port === 8443));
      expect(gatewayRule.to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mash-hub' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'mash-gateway' } } }]);
      // The gateway pods carry the labels the agency's policy names, in the namespace it names.
      const gateway = deployments.find((deployment) => deployment.metadata.name === 'mash-gateway');
      expect(labelsMatch(policy.spec.ingress[0].from[0].podSelector.matchLabels, gateway.spec.template.metadata.labels)).toBe(true);
    }
    const gatewayNamespace = ofKind('Namespace').find((namespace) => namespace.metadata.name === 'mash-hub');
    expect(gatewayNamespace).toBeDefined();
    expect(fs.readFileSync(path.join(root, 'deploy/k8s/gateway/kustomization.yaml'), 'utf8')).toMatch(/^namespace: mash-hub$/m);
  });

  it('every Service selects a Deployment\'s pods and targets a port its containers name; every PodDisruptionBudget selects one too', () => {
    for (const selecting of [...ofKind('Service'), ...ofKind('PodDisruptionBudget')]) {
      const selector = selecting.kind === 'Service' ? selecting.spec.selector : selecting.spec.selector.matchLabels;
      const target = deployments.find((deployment) => labelsMatch(selector, deployment.spec.template.metadata.labels));
      expect([selecting.kind, selecting.metadata.name, Boolean(target)]).toEqual([selecting.kind, selecting.metadata.name, true]);
      if (selecting.kind === 'Service') {
        const ports = target.spec.template.spec.containers.flatMap((container: any) => container.ports.map((entry: any) => entry.name));
        for (const entry of selecting.spec.ports) expect(ports).toContain(entry.targetPort);
      }
    }
  });

  it('production settings: the gateway out of demo mode and reaching agencies over https, each agency fetching the gateway\'s keys over https', () => {
    const configMaps = ofKind('ConfigMap');
    const gateway = configMaps.find((map) => map.metadata.name === 'mash-gateway-config').data;
    expect(gateway).toMatchObject({ NODE_ENV: 'production', MASH_DEMO_MODE: 'false', MASH_SEED: 'false' });
    for (const { agency, prefix, port } of AGENCIES) {
      expect(gateway[`${prefix}_URL`]).toBe(`https://mash-${agency}.mash-${agency}.svc:${port}/graphql`);
      const config = configMaps.find((map) => map.metadata.name === `mash-${agency}-config`).data;
      expect(config).toMatchObject({ NODE_ENV: 'production', MASH_SEED: 'false', [`${prefix}_PORT`]: String(port), [`${prefix}_TLS_CERT_FILE`]: expect.any(String) });
      expect(config.MASH_GATEWAY_JWKS_URL).toMatch(/^https:\/\/mash-gateway\.mash-hub\.svc\//);
      expect(config.MASH_GATEWAY_CHECKPOINT_URL).toMatch(/^https:\/\//);
    }
  });
});

describe('no secret in any committed deployment file', () => {
  const files = [
    'Dockerfile', 'compose.yaml', 'deploy/compose/gateway-tls.conf',
    ...fs.readdirSync(path.join(root, 'deploy/k8s'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml')).map((name) => `deploy/k8s/${name}`),
  ];

  it('no PEM block, and Secrets only as placeholders that kustomize does not apply', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect([file, fs.readFileSync(path.join(root, file), 'utf8').includes('-----BEGIN')]).toEqual([file, false]);
    const secrets = objects.filter(({ object }) => object?.kind === 'Secret');
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const { file, object } of secrets) {
      expect([file, object.metadata.name, object.data]).toEqual([file, object.metadata.name, undefined]);
      for (const value of Object.values(object.stringData as Record<string, string>)) expect([file, value]).toEqual([file, expect.stringMatching(/^<[^>]+>$/)]);
      expect(file).toMatch(/\.example\.yaml$/);
    }
    for (const { object } of objects.filter(({ object }) => object?.kind === 'Kustomization')) {
      for (const resource of object.resources) expect(resource).not.toMatch(/example/);
    }
  });

  it('Deployments take keys and database addresses from Secrets, never from a literal value', () => {
    for (const deployment of ofKind('Deployment')) {
      for (const container of deployment.spec.template.spec.containers) {
        for (const variable of container.env ?? []) {
          if (/KEY|PASSWORD|SECRET|TOKEN|DATABASE_URL/.test(variable.name)) {
            expect([variable.name, variable.value, variable.valueFrom?.secretKeyRef?.name]).toEqual([variable.name, undefined, expect.any(String)]);
          }
        }
      }
    }
    for (const map of ofKind('ConfigMap')) for (const key of Object.keys(map.data)) expect(key).not.toMatch(/PRIVATE_KEY|PASSWORD|DATABASE_URL/);
  });
});

describe('compose.yaml', () => {
  const spec = YAML.parse(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8'), { merge: true });

  it('publishes one port, the gateway\'s TLS front; the five services run the one image under production settings, checked on /health and /ready', () => {
    const publishing = Object.entries(spec.services).filter(([, service]: [string, any]) => service.ports?.length).map(([name]) => name);
    expect(publishing).toEqual(['gateway-tls']);
    for (const name of SERVICES) {
      const service = spec.services[name];
      expect([name, service.image, service.command]).toEqual([name, spec.services.gateway.image, [name]]);
      expect(service.environment.NODE_ENV).toBe('production');
      expect(service.healthcheck.test).toEqual(['CMD', 'node', 'deploy/probe.js', name, '/health', '/ready']);
      expect(service.read_only).toBe(true);
      for (const condition of Object.values(service.depends_on) as { condition: string }[]) expect(condition).toEqual({ condition: 'service_healthy' });
    }
    expect(spec.services.gateway.environment.MASH_DEMO_MODE).toBe('false');
  });

  it('one Postgres per agency and one for the hub, each on its own internal network with only its service', () => {
    for (const [name, prefix] of [['gateway', 'HUB'], ...AGENCIES.map(({ agency, prefix }) => [agency, prefix])]) {
      const database = name === 'gateway' ? 'hub-db' : `${name}-db`;
      const url = new URL(spec.services[name].environment[`${prefix}_DATABASE_URL`]);
      expect([name, url.hostname, url.password]).toEqual([name, database, '']);
      expect(spec.services[database].image).toMatch(/^postgres:\d+/);
      const network = spec.services[database].networks[0];
      expect(spec.networks[network]).toEqual({ internal: true });
      const members = Object.entries(spec.services).filter(([, service]: [string, any]) => service.networks?.includes(network)).map(([member]) => member).sort();
      expect(members).toEqual([database, name].sort());
    }
  });

  it('each agency shares a network with the gateway and its TLS front only, never with another agency', () => {
    for (const { agency } of AGENCIES) {
      const members = Object.entries(spec.services).filter(([, service]: [string, any]) => service.networks?.includes(`${agency}-link`)).map(([member]) => member).sort();
      expect(members).toEqual(['gateway', 'gateway-tls', agency].sort());
    }
  });
});
