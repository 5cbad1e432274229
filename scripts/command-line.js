// The command line of the repository's scripts, read one way: `--help` prints the usage and exits 0;
// an unknown option or a missing value names what was wrong above the usage and exits 2, never a
// stack trace.
const { parseArgs } = require('node:util');

/** Prints `message` (if any) and the usage to stderr and exits 2. */
function usageError(usage, message) {
  process.stderr.write(`${message ? `${message}\n` : ''}${usage}\n`);
  process.exit(2);
}

/** `parseArgs` with `--help` added: returns `{ values, positionals }`, or exits as above. */
function readCommandLine(usage, config) {
  let parsed;
  try {
    parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', default: false } } });
  } catch (error) {
    usageError(usage, error.message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

module.exports = { readCommandLine, usageError };
