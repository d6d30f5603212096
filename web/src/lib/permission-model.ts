import type { ObjectKind } from '../gql/graphql.js';
import { type ChangeNoteView, noteText } from './note-text.js';

/**
 * The permission dialog's model, free of UI: presets of DESIGN.md and the custom sets they stand for.
 * A custom set equal to a preset is shown as that preset, and choosing a preset fills in its privileges.
 */
export type { ObjectKind };
export type Preset = 'NONE' | 'CONNECT' | 'CREATE' | 'READ' | 'WRITE' | 'CUSTOM';

/** A preset as the API lists it for a kind of object (PrivilegeList.presets): the server's table, not a copy. */
export interface PresetEntry {
  preset: Preset;
  privileges: readonly string[];
}

export function presetOf(presets: readonly PresetEntry[], privileges: readonly string[]): Preset {
  const held = new Set(privileges);
  if (held.size === 0) return 'NONE';
  const match = presets.find(
    (entry) => entry.privileges.length === held.size && entry.privileges.every((privilege) => held.has(privilege)),
  );
  return match?.preset ?? 'CUSTOM';
}

/** Choosing a preset: its privileges; NONE empties; CUSTOM keeps what was there. */
export function privilegesFor(presets: readonly PresetEntry[], preset: Preset, current: readonly string[]): string[] {
  if (preset === 'NONE') return [];
  if (preset === 'CUSTOM') return [...current];
  return [...(presets.find((entry) => entry.preset === preset)?.privileges ?? current)];
}

/** Toggling one privilege in the custom editor; grant options follow (none without the privilege). */
export function toggle(draft: Draft, privilege: string, on: boolean, order: readonly string[]): Draft {
  const set = new Set(draft.privileges);
  if (on) set.add(privilege);
  else set.delete(privilege);
  const privileges = order.filter((candidate) => set.has(candidate));
  return { ...draft, privileges, grantable: draft.grantable.filter((candidate) => set.has(candidate)) };
}

export interface Draft {
  /** A role name, or null for PUBLIC. */
  grantee: string | null;
  privileges: string[];
  grantable: string[];
}

/** What changed between the object's grants and the draft, to show and to send. */
export function changedDrafts(original: readonly Draft[], drafts: readonly Draft[]): Draft[] {
  const key = (draft: Draft) => draft.grantee ?? '';
  const before = new Map(original.map((draft) => [key(draft), draft]));
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((value) => b.includes(value));
  return drafts.filter((draft) => {
    const was = before.get(key(draft));
    return !was || !same(was.privileges, draft.privileges) || !same(was.grantable, draft.grantable);
  });
}

/** The drafts a dialog starts from: one per grantee of the object, as the server showed it. */
export function draftsOf(
  grants: readonly { grantee?: { name: string } | null; privileges: string[]; grantable: string[] }[],
) {
  return grants.map(
    (grant): Draft => ({
      grantee: grant.grantee?.name ?? null,
      privileges: [...grant.privileges],
      grantable: [...grant.grantable],
    }),
  );
}

/** The privileges a draft adds to what its grantee held before (what a GRANT would give it). */
export function addedPrivileges(original: readonly Draft[], draft: Draft): string[] {
  const before = original.find((candidate) => candidate.grantee === draft.grantee)?.privileges ?? [];
  return draft.privileges.filter((privilege) => !before.includes(privilege));
}

/**
 * Owner, grants and what the viewer may do, in a stable order: two views of an object with the same fingerprint
 * show the same thing, so a dialog can tell when the object changed under it.
 */
export function objectFingerprint(view: {
  owner?: { name: string } | null;
  grants: readonly {
    grantee?: { name: string } | null;
    privileges: readonly string[];
    grantable: readonly string[];
  }[];
  viewerCan: { changePrivileges: boolean; transferOwnership: boolean; grantablePrivileges: readonly string[] };
}): string {
  const grants = view.grants
    .map((grant) => `${grant.grantee?.name ?? ''}=${[...grant.privileges].sort()}/${[...grant.grantable].sort()}`)
    .sort();
  const can = view.viewerCan;
  return JSON.stringify([
    view.owner?.name ?? null,
    grants,
    can.changePrivileges,
    can.transferOwnership,
    [...can.grantablePrivileges].sort(),
  ]);
}

/**
 * What the server offers alongside a table grant (the notes whose fix is an option of it): the USAGE a new grant
 * needs, or revoking the schema USAGE a grantee keeps after losing all access to the table.
 */
export type Offer = 'SCHEMA_USAGE' | 'SEQUENCE_USAGE' | 'REVOKE_SCHEMA_USAGE';

/** A change's note, as the server gives it: a code, the grantee it is about (null: PUBLIC), what the fix is on. */
export type Note = Omit<ChangeNoteView, 'message'> & { message?: string };

const OFFER_OF: Record<string, Offer> = {
  SCHEMA_USAGE_MISSING: 'SCHEMA_USAGE',
  SEQUENCE_USAGE_MISSING: 'SEQUENCE_USAGE',
  SCHEMA_USAGE_REMAINS: 'REVOKE_SCHEMA_USAGE',
};

/** The offers among a change's notes, each with the grantee it concerns (null: PUBLIC) and why, in words. */
export function granteeOffers(notes: readonly Note[]): { grantee: string | null; offer: Offer; reason: string }[] {
  return notes.flatMap((note) => {
    const offer = OFFER_OF[note.code];
    if (!offer) return [];
    const grantee = note.grantee ?? null;
    return [{ grantee, offer, reason: noteText({ message: '', ...note }) }];
  });
}

/** A kind's privileges and presets, as `DatabaseCatalog.privilegesByKind` lists them. */
export interface KindPrivileges {
  kind: string;
  privileges: string[];
  presets: PresetEntry[];
}

/** The privileges a dialog offers for an object: the server's list for its kind (none for a kind it does not know). */
export function kindPrivilegesOf(lists: readonly KindPrivileges[], object: { kind: string }): KindPrivileges {
  return lists.find((entry) => entry.kind === object.kind) ?? { kind: object.kind, privileges: [], presets: [] };
}
