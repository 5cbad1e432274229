#!/usr/bin/env node
// Checks what deploys the federation, offline: the Kubernetes manifests against the Kubernetes
// schemas (and strictly for unknown fields), the agencies' generated copies, the Dockerfile with a
// linter and this project's image rules, and compose.yaml's structure (deploy/checks/*.js).
//   node scripts/check-deploy.js [--root <dir>] [--write]
// --write regenerates deploy/k8s/agencies/* from police's; --root checks another copy of the tree.
// Exit 0 when everything passes; 1 naming every problem.
const path = require('node:path');
const { checkKubernetes } = require('../deploy/checks/kubernetes');
const { syncAgencies } = require('../deploy/checks/agencies');
const { lintDockerfile } = require('../deploy/checks/dockerfile');
const { checkCompose } = require('../deploy/checks/compose');

function main() {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf('--root');
  const root = path.resolve(rootIndex >= 0 ? args[rootIndex + 1] : path.join(__dirname, '..'));
  const write = args.includes('--write');
  const problems = [];

  const stale = syncAgencies(root, { write });
  for (const file of stale) problems.push(`${file}: stale, not what deploy/k8s/agencies/police gives (npm run check:deploy -- --write)`);
  const kubernetes = checkKubernetes(root, problems);
  const docker = lintDockerfile(root, problems);
  const compose = checkCompose(root, problems);

  if (problems.length > 0) {
    for (const problem of problems) console.error(`check-deploy: ${problem}`);
    console.error(`check-deploy: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  const rendered = kubernetes.rendered === null ? 'kubectl not installed, kustomize rendering skipped' : `${kubernetes.rendered} objects rendered by kubectl kustomize and valid`;
  console.log(
    `check-deploy: ok: ${kubernetes.objects} Kubernetes objects in ${kubernetes.files} files valid against the Kubernetes schemas, strict fields; ` +
      `${kubernetes.kustomizations} kustomizations (${rendered}); Dockerfile lint clean (${docker.stages} stages); compose.yaml: ${compose.services} services`,
  );
}

main();
