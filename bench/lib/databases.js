// The bench's own server databases: created fresh at start, dropped at the end (unless --keep).
const { Client } = require('pg');

const SERVICES = ['hub', 'police', 'social_care', 'health', 'education'];

function databaseUrl(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function benchDatabases(adminUrl) {
  return Object.fromEntries(SERVICES.map((service) => [service, { name: `mash_bench_${service}`, url: databaseUrl(adminUrl, `mash_bench_${service}`) }]));
}

async function withAdmin(adminUrl, work) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreate(adminUrl, databases) {
  await withAdmin(adminUrl, async (client) => {
    for (const { name } of Object.values(databases)) {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
    }
  });
}

async function drop(adminUrl, databases) {
  await withAdmin(adminUrl, async (client) => {
    for (const { name } of Object.values(databases)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function query(url, sql, params = []) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

module.exports = { benchDatabases, recreate, drop, query, withAdmin };
