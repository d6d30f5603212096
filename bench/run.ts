/**
 * Rolecall's benchmarks (issue 7): `npm run bench` runs them all and writes bench/RESULTS.md;
 * `npm run bench -- fanout http` runs some (printed, and written only with `--out FILE`).
 * Options: `--runs N` (default 5, the minimum for a median worth reading), BENCH_SCALE=0.1 for a smaller catalog.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accessReviewBenchmark } from './access-review.js';
import { catalogBenchmark } from './catalog.js';
import { fanoutBenchmark } from './fanout.js';
import { httpBenchmark } from './http.js';
import { impactBenchmark } from './impact.js';
import { machineLine, stealMeter } from './lib/machine.js';
import { metText, type Section, sectionMarkdown } from './lib/report.js';
import { mutationBenchmark } from './mutations.js';
import { type ScaleEnv, scaleSize, startScaleEnv } from './scale.js';
import { startupBenchmark } from './startup.js';
import { uiBenchmark } from './ui.js';

// `ui` right after the catalog benchmarks: it measures on their 10,000-role catalog before starting its smaller one.
// The read-only sections on the 10,000-role catalog run before `mutations`, whose raw baseline's 45,000 grants the
// drift watcher (at its default interval, as users run it) then records as changes made outside Rolecall.
const NAMES = ['catalog', 'access-review', 'impact', 'mutations', 'ui', 'fanout', 'http', 'startup'] as const;
type Name = (typeof NAMES)[number];

function parseArgs(argv: string[]) {
  const names: Name[] = [];
  let runs = Number(process.env.BENCH_RUNS ?? 5);
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg === '--out') out = argv[++i] ?? null;
    else if ((NAMES as readonly string[]).includes(arg)) names.push(arg as Name);
    else
      throw new Error(
        `unknown benchmark or option ${arg}; benchmarks: ${NAMES.join(', ')}; options: --runs N, --out FILE`,
      );
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  const all = names.length === 0;
  return {
    names: all ? [...NAMES] : names,
    runs,
    out: out ?? (all ? fileURLToPath(new URL('RESULTS.md', import.meta.url)) : null),
  };
}

const started = performance.now();
function log(line: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
}

/** Cleanups of what is running (child servers, clusters), so an interrupted run leaves nothing behind. */
const cleanups = new Set<() => Promise<void>>();
async function cleanUp(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => undefined);
  cleanups.clear();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function summary(sections: Section[]): string {
  const rows = sections.flatMap((section) =>
    section.checks.map(
      (c) => `| ${section.title.replace(/^\d+\.\s*/, '')} | ${c.name} | ${c.shown} | ${c.target} | ${metText(c)} |`,
    ),
  );
  return ['| benchmark | measure | measured | target | met |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

async function main(): Promise<void> {
  const { names, runs, out } = parseArgs(process.argv.slice(2));
  log(`${names.join(', ')} — ${runs} runs each; ${machineLine()}`);
  const sections: Section[] = [];
  let scale: ScaleEnv | null = null;
  const scaleEnv = async () => {
    if (!scale) {
      const size = scaleSize();
      log(`generating the catalog (${size.groups + size.users} roles, ${size.schemas * size.tablesPerSchema} tables)…`);
      const env = await startScaleEnv(log);
      scale = env;
      cleanups.add(env.stop);
    }
    return scale;
  };
  const stopScale = async () => {
    if (!scale) return;
    cleanups.delete(scale.stop);
    await scale.stop();
    scale = null;
  };

  const wholeRunSteal = stealMeter();
  for (const name of names) {
    log(`— ${name}`);
    const sectionSteal = stealMeter();
    const before = sections.length;
    switch (name) {
      case 'catalog':
        sections.push(await catalogBenchmark(await scaleEnv(), runs, log));
        break;
      case 'mutations':
        sections.push(await mutationBenchmark(await scaleEnv(), runs, log));
        break;
      case 'access-review':
        sections.push(await accessReviewBenchmark(await scaleEnv(), runs, log));
        break;
      case 'impact':
        sections.push(await impactBenchmark(await scaleEnv(), runs, log));
        break;
      case 'ui':
        sections.push(await uiBenchmark(runs, log, cleanups, { full: scaleEnv, stopFull: stopScale }));
        break;
      case 'fanout':
        await stopScale();
        sections.push(await fanoutBenchmark(runs, log, cleanups));
        break;
      case 'http':
        await stopScale();
        sections.push(await httpBenchmark(runs, log, cleanups));
        break;
      case 'startup':
        await stopScale();
        sections.push(await startupBenchmark(runs, log, cleanups));
        break;
    }
    const stolen = sectionSteal();
    if (stolen !== null) {
      log(`${name}: the host took ${stolen} of the CPU time meanwhile (steal)`);
      sections[before]?.notes.push(
        `CPU time the host took from this machine while this section ran (steal): ${stolen}.`,
      );
    }
  }
  const stolen = wholeRunSteal();
  await cleanUp();
  // Sections in the order of their numbers, whatever order they ran in (`ui` runs early to share the catalog).
  sections.sort((a, b) => Number.parseInt(a.title, 10) - Number.parseInt(b.title, 10));

  const when = new Date();
  const markdown = [
    '# Benchmark results',
    '',
    `\`npm run bench${names.length === NAMES.length ? '' : ` -- ${names.join(' ')}`}\` on ${when.toISOString()}; ${machineLine()}${stolen === null ? '' : `; CPU time the host took from this machine during the run (steal): ${stolen}`}.`,
    `Every figure is a median of at least ${runs} runs (each section says of what); Rolecall and its baseline are measured side by side in the same run. See bench/README.md for what each benchmark does.`,
    '',
    summary(sections),
    '',
    ...sections.map((section) => sectionMarkdown(section, when)),
  ].join('\n');
  process.stdout.write(`\n${markdown}`);
  if (out) {
    writeFileSync(out, markdown);
    log(`written to ${out}`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
