// Runs one of the gateway's command-line tools (compiled under gateway/dist): its exit code is
// the process's; an unexpected failure is reported by name and message, never with a stack.
module.exports = function runCli(name, run) {
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`${name} failed: ${error.name}: ${error.message}`);
      process.exitCode = 1;
    },
  );
};
