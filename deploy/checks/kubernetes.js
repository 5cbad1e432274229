'use strict';
// Kubernetes manifests under deploy/k8s: every document checked against the Kubernetes API's
// JSON schemas (kubernetes-models: validators compiled from the official OpenAPI definitions), then
// for fields those schemas let through (they allow unknown properties: a misspelt `readinesProbe`
// would pass) against the same models' TypeScript types, whose excess-property check is strict.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const YAML = require('yaml');

const KUSTOMIZATION = 'kustomize.config.k8s.io/v1beta1';

/** Every YAML file under `dir`, sorted. */
function yamlFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** Parses a YAML stream into its documents; syntax errors and duplicate keys are problems. */
function parseDocuments(text, label, problems) {
  const documents = [];
  YAML.parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false }).forEach((document, index) => {
    for (const error of document.errors) problems.push(`${label}: YAML: ${error.message.split('\n')[0]}`);
    const value = document.toJS({ maxAliasCount: 50 });
    if (value !== null && value !== undefined) documents.push({ label: `${label}#${index + 1}`, object: value });
  });
  return documents;
}

/** The manifests (not kustomizations) of the files, with a label naming each for messages. */
function loadManifests(files, root, problems) {
  const manifests = [];
  const kustomizations = [];
  for (const file of files) {
    const label = path.relative(root, file);
    for (const document of parseDocuments(fs.readFileSync(file, 'utf8'), label, problems)) {
      const { object } = document;
      if (typeof object !== 'object' || Array.isArray(object)) problems.push(`${document.label}: not a Kubernetes object`);
      else if (object.apiVersion === KUSTOMIZATION) kustomizations.push({ ...document, file });
      else manifests.push({ ...document, file });
    }
  }
  return { manifests, kustomizations };
}

function describe({ label, object }) {
  return `${label} (${object.kind ?? '?'} ${object.metadata?.name ?? '?'})`;
}

/** The kubernetes-models class for an object's apiVersion and kind, or undefined. */
function modelFor(object) {
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return undefined;
  try {
    return require(`kubernetes-models/${object.apiVersion}`)[object.kind];
  } catch {
    return undefined;
  }
}

function validateSchemas(manifests, problems) {
  for (const manifest of manifests) {
    const Model = modelFor(manifest.object);
    if (!Model) {
      problems.push(`${describe(manifest)}: unknown apiVersion/kind ${manifest.object.apiVersion}/${manifest.object.kind}`);
      continue;
    }
    try {
      new Model(manifest.object).validate();
    } catch (error) {
      problems.push(`${describe(manifest)}: ${error.message}`);
    }
  }
}

/** Unknown fields, by type-checking each object as a literal of its model's interface. */
function checkFieldsStrictly(manifests, problems) {
  const ts = require('typescript');
  const file = path.join(__dirname, '__manifests__.ts');
  const lines = [];
  const starts = [];
  manifests.forEach((manifest, index) => {
    if (!modelFor(manifest.object)) return;
    const { apiVersion, kind } = manifest.object;
    lines.push(`import type { I${kind} as T${index} } from 'kubernetes-models/${apiVersion}/${kind}';`);
  });
  manifests.forEach((manifest, index) => {
    if (!modelFor(manifest.object)) return;
    starts.push({ line: lines.length, manifest });
    lines.push(...`export const o${index}: T${index} = ${JSON.stringify(manifest.object, null, 1)};`.split('\n'));
  });
  if (starts.length === 0) return;
  const text = lines.join('\n');
  const options = {
    strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es5.d.ts'],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, text, language) : getSourceFile.call(host, name, language, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? text : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/'"([^"]+)"'/g, "'$1'");
    if (!diagnostic.file || diagnostic.file.fileName !== file) {
      problems.push(`strict field check: ${message}`);
      continue;
    }
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const owner = [...starts].reverse().find((start) => start.line <= line);
    problems.push(`${owner ? describe(owner.manifest) : 'manifests'}: ${message}`);
  }
}

/** Each kustomization's resources exist; every manifest file beside it is listed or an example. */
function checkKustomizations(kustomizations, root, problems) {
  for (const { file, label, object } of kustomizations) {
    const dir = path.dirname(file);
    if (object.kind !== 'Kustomization') problems.push(`${label}: kind must be Kustomization`);
    const resources = Array.isArray(object.resources) ? object.resources : [];
    if (resources.length === 0) problems.push(`${label}: no resources`);
    for (const resource of resources) {
      const target = path.join(dir, resource);
      const exists = fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, 'kustomization.yaml')));
      if (!exists) problems.push(`${label}: resource ${resource} not found`);
    }
    for (const entry of fs.readdirSync(dir)) {
      if (/\.ya?ml$/.test(entry) && entry !== path.basename(file) && !entry.endsWith('.example.yaml') && !resources.includes(entry)) {
        problems.push(`${label}: ${entry} is beside it but not in its resources (name it *.example.yaml if it is not to be applied)`);
      }
    }
  }
}

/**
 * `kubectl kustomize` of each kustomization, where kubectl is installed (not in CI: Debian's is
 * too old), and the rendered objects validated too. Returns how many were rendered, or null.
 */
function renderWithKubectl(kustomizations, root, problems) {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  let rendered = 0;
  for (const { file, label } of kustomizations) {
    const result = spawnSync('kubectl', ['kustomize', path.dirname(file)], { encoding: 'utf8' });
    if (result.status !== 0) {
      problems.push(`${label}: kubectl kustomize failed: ${(result.stderr || '').trim().split('\n')[0]}`);
      continue;
    }
    const documents = parseDocuments(result.stdout, `${path.relative(root, path.dirname(file))} (rendered)`, problems);
    validateSchemas(documents, problems);
    rendered += documents.length;
  }
  return rendered;
}

/** Checks deploy/k8s under `root`; returns figures for the summary line. */
function checkKubernetes(root, problems) {
  const dir = path.join(root, 'deploy', 'k8s');
  const files = yamlFiles(dir);
  if (files.length === 0) problems.push('deploy/k8s: no manifests');
  const { manifests, kustomizations } = loadManifests(files, root, problems);
  validateSchemas(manifests, problems);
  checkFieldsStrictly(manifests, problems);
  checkKustomizations(kustomizations, root, problems);
  const rendered = renderWithKubectl(kustomizations, root, problems);
  return { files: files.length, objects: manifests.length, kustomizations: kustomizations.length, rendered };
}

module.exports = { checkKubernetes, loadManifests, yamlFiles, parseDocuments };
