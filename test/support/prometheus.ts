/** One sample of a scrape: `name{labels} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Scrape {
  /** Metric family name -> TYPE (counter, gauge, histogram, summary, untyped). */
  types: Map<string, string>;
  help: Map<string, string>;
  samples: Sample[];
  /** The value of the one sample `name` with (at least) these labels; undefined when none; throws when several. */
  value(name: string, labels?: Record<string, string>): number | undefined;
  /** Sum of every sample `name` with (at least) these labels (0 when none). */
  sum(name: string, labels?: Record<string, string>): number;
  /** Samples `name` with (at least) these labels. */
  find(name: string, labels?: Record<string, string>): Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/;
const SUFFIXES: Record<string, string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'], counter: [''], gauge: [''], untyped: [''] };

/**
 * Parses the Prometheus text exposition format (0.0.4) strictly enough to catch a broken
 * exposition: every sample line well formed, every sample belonging to a family declared by
 * `# TYPE` before it with a suffix its type allows, label values escaped, values numbers.
 */
export function parsePrometheus(text: string): Scrape {
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1}: ${line}`;
    if (line === '') return;
    if (line.startsWith('# HELP ')) {
      const [, name, ...words] = line.split(' ').slice(1);
      help.set(name, words.join(' '));
      return;
    }
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ');
      if (!new RegExp(`^${NAME}$`).test(name) || !(type in SUFFIXES)) throw new Error(`bad TYPE at ${where}`);
      if (types.has(name)) throw new Error(`TYPE declared twice at ${where}`);
      types.set(name, type);
      return;
    }
    if (line.startsWith('#')) return;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample at ${where}`);
    const [, name, rawLabels = '', rawValue] = match;
    const family = [...types].find(([base, type]) => SUFFIXES[type].some((suffix) => name === base + suffix));
    if (!family) throw new Error(`sample of an undeclared family at ${where}`);
    // As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case (prom-client writes `Nan`).
    const special = /^([+-]?)(inf|infinity|nan)$/i.exec(rawValue);
    const value = special ? (special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity) : Number(rawValue);
    if (!special && (Number.isNaN(value) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(rawValue))) throw new Error(`bad value at ${where}`);
    samples.push({ name, labels: parseLabels(rawLabels, where), value });
  });
  const find = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return {
    types,
    help,
    samples,
    find,
    sum: (name, labels) => find(name, labels).reduce((total, sample) => total + sample.value, 0),
    value(name, labels) {
      const found = find(name, labels);
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
      return found[0]?.value;
    },
  };
}

function parseLabels(raw: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = raw;
  while (rest.length > 0) {
    const match = LABEL.exec(rest);
    if (!match) throw new Error(`bad labels at ${where}`);
    labels[match[1]] = match[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    rest = rest.slice(match[0].length);
  }
  return labels;
}
