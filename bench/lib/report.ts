import { machineLine } from './machine.js';

/** One target of DESIGN.md's quality bars (or of issue 7), checked against a measured ratio. */
export interface Check {
  name: string;
  /** The measured value as shown, usually a ratio (Rolecall ÷ baseline, or the other way round: `target` says). */
  shown: string;
  target: string;
  /** Null when there is no target: the figure is recorded to know a cost. */
  met: boolean | null;
}

export interface Section {
  id: string;
  title: string;
  /** What was measured and how, in a sentence or two. */
  method: string;
  header: string[];
  rows: string[][];
  checks: Check[];
  notes: string[];
}

/** A ratio against its target. */
export function check(name: string, value: number, target: string, met: boolean): Check {
  return { name, shown: `${value.toFixed(2)}×`, target, met };
}

/** Any other measured value (a duration …) against its target. */
export function checkValue(name: string, shown: string, target: string, met: boolean | null): Check {
  return { name, shown, target, met };
}

export function metText(check: Check): string {
  if (check.met === null) return '—';
  return check.met ? 'yes' : '**no**';
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function sectionMarkdown(section: Section, when: Date): string {
  const parts = [
    `## ${section.title}`,
    '',
    `Machine: ${machineLine()}; measured ${when.toISOString()}.`,
    '',
    section.method,
    '',
    table(section.header, section.rows),
  ];
  if (section.checks.length > 0) {
    parts.push(
      '',
      table(
        ['target', 'measured', 'goal', 'met'],
        section.checks.map((c) => [c.name, c.shown, c.target, metText(c)]),
      ),
    );
  }
  if (section.notes.length > 0) parts.push('', ...section.notes.map((note) => `- ${note}`));
  return `${parts.join('\n')}\n`;
}
