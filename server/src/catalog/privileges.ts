import { ValidationError } from '../errors.js';
import type { ServerFeatures } from './server.js';

/**
 * Every kind of object PostgreSQL keeps an ACL for. FUNCTION stands for functions, procedures and aggregates alike
 * (one EXECUTE privilege), TYPE for types and domains; PARAMETER is a configuration parameter (PostgreSQL 15+).
 */
export type ObjectKind =
  | 'DATABASE'
  | 'SCHEMA'
  | 'TABLE'
  | 'SEQUENCE'
  | 'COLUMN'
  | 'FUNCTION'
  | 'TYPE'
  | 'LANGUAGE'
  | 'FOREIGN_DATA_WRAPPER'
  | 'FOREIGN_SERVER'
  | 'LARGE_OBJECT'
  | 'TABLESPACE'
  | 'PARAMETER';

/** Every kind, in the order lists show them. */
export const OBJECT_KINDS: readonly ObjectKind[] = [
  'DATABASE',
  'SCHEMA',
  'TABLE',
  'SEQUENCE',
  'COLUMN',
  'FUNCTION',
  'TYPE',
  'LANGUAGE',
  'FOREIGN_DATA_WRAPPER',
  'FOREIGN_SERVER',
  'LARGE_OBJECT',
  'TABLESPACE',
  'PARAMETER',
];

const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;
/** Built once: effective-privilege matrices ask for them hundreds of thousands of times per request. */
const PRIVILEGES = {
  DATABASE: ['CONNECT', 'CREATE', 'TEMPORARY'],
  SCHEMA: ['USAGE', 'CREATE'],
  SEQUENCE: ['USAGE', 'SELECT', 'UPDATE'],
  TABLE: TABLE_PRIVILEGES,
  TABLE_MAINTAIN: [...TABLE_PRIVILEGES, 'MAINTAIN'],
  COLUMN: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  FUNCTION: ['EXECUTE'],
  TYPE: ['USAGE'],
  LANGUAGE: ['USAGE'],
  FOREIGN_DATA_WRAPPER: ['USAGE'],
  FOREIGN_SERVER: ['USAGE'],
  LARGE_OBJECT: ['SELECT', 'UPDATE'],
  TABLESPACE: ['CREATE'],
  PARAMETER: ['SET', 'ALTER SYSTEM'],
} as const satisfies Record<string, readonly string[]>;

/** The privilege keywords each kind of object takes: the only ones that may enter SQL. */
export function privilegesFor(kind: ObjectKind, features: ServerFeatures): readonly string[] {
  return kind === 'TABLE' && features.maintain ? PRIVILEGES.TABLE_MAINTAIN : PRIVILEGES[kind];
}

/** Checks requested privileges against the allow-list and returns them in the allow-list's order. */
export function checkPrivileges(kind: ObjectKind, requested: readonly string[], features: ServerFeatures): string[] {
  const allowed = privilegesFor(kind, features);
  const wanted = new Set(requested.map((privilege) => privilege.toUpperCase()));
  for (const privilege of wanted) {
    if (!allowed.includes(privilege)) {
      throw new ValidationError(
        'privileges',
        `${privilege} is not a ${kind.toLowerCase()} privilege here (allowed: ${allowed.join(', ')}).`,
      );
    }
  }
  return allowed.filter((privilege) => wanted.has(privilege));
}

export type PresetName = 'NONE' | 'CONNECT' | 'CREATE' | 'READ' | 'WRITE' | 'CUSTOM';

/** Mathesar's presets: database Connect / Create, schema Read / Create, table Read / Write. */
const PRESETS: Record<ObjectKind, Partial<Record<PresetName, readonly string[]>>> = {
  DATABASE: { CONNECT: ['CONNECT'], CREATE: ['CONNECT', 'CREATE'] },
  SCHEMA: { READ: ['USAGE'], CREATE: ['USAGE', 'CREATE'] },
  TABLE: { READ: ['SELECT'], WRITE: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] },
  SEQUENCE: { READ: ['SELECT'], WRITE: ['USAGE', 'SELECT', 'UPDATE'] },
  COLUMN: { READ: ['SELECT'], WRITE: ['SELECT', 'INSERT', 'UPDATE'] },
  FUNCTION: {},
  TYPE: {},
  LANGUAGE: {},
  FOREIGN_DATA_WRAPPER: {},
  FOREIGN_SERVER: {},
  LARGE_OBJECT: { READ: ['SELECT'], WRITE: ['SELECT', 'UPDATE'] },
  TABLESPACE: {},
  PARAMETER: {},
};

/** The presets of a kind of object, each with the privileges it stands for. */
export function presetsOf(kind: ObjectKind): { preset: PresetName; privileges: readonly string[] }[] {
  return Object.entries(PRESETS[kind]).map(([preset, privileges]) => ({ preset: preset as PresetName, privileges }));
}

export function presetPrivileges(kind: ObjectKind, preset: PresetName): readonly string[] | undefined {
  if (preset === 'NONE') return [];
  return PRESETS[kind][preset];
}

/** A set of privileges that equals a preset is that preset; anything else is CUSTOM (and none is NONE). */
export function presetOf(kind: ObjectKind, privileges: readonly string[]): PresetName {
  const held = new Set(privileges);
  if (held.size === 0) return 'NONE';
  for (const [name, members] of Object.entries(PRESETS[kind])) {
    if (members.length === held.size && members.every((privilege) => held.has(privilege))) return name as PresetName;
  }
  return 'CUSTOM';
}
