import { batch, createEffect, createSignal, For, type JSX, Show, untrack } from 'solid-js';
import { ChangeOutcome, Dialog } from '../../components/Chrome';
import { graphql } from '../../gql';
import type { DesiredGrantInput, ObjectRefKind, SecurableFragment } from '../../gql/graphql';
import { mutate } from '../../graphql/client';
import type { ChangeNoteView } from '../../lib/note-text';
import {
  changedDrafts,
  type Draft,
  draftsOf,
  granteeOffers,
  type Note,
  type ObjectKind,
  type Offer,
  objectFingerprint,
  PRESETS,
  type Preset,
  presetOf,
  privilegesFor,
  toggle,
} from '../../lib/permission-model';
import type { RunMode } from '../../lib/previewed-change';

const SetPrivileges = graphql(`
  mutation SetPrivileges(
    $databaseId: ID!, $object: ObjectRef!, $grants: [DesiredGrantInput!]!, $dryRun: Boolean, $previewToken: String
  ) {
    setPrivileges(
      databaseId: $databaseId, object: $object, grants: $grants, dryRun: $dryRun, previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

const TransferOwnership = graphql(`
  mutation TransferOwnership(
    $databaseId: ID!, $object: ObjectRef!, $newOwner: String!, $tables: [String!], $dryRun: Boolean, $previewToken: String
  ) {
    transferOwnership(
      databaseId: $databaseId, object: $object, newOwner: $newOwner, tables: $tables, dryRun: $dryRun,
      previewToken: $previewToken
    ) {
      __typename
      ... on Error { message }
      ... on PermissionChange { ...PreviewedChangeFields }
    }
  }
`);

/** What the dialog shows of an object: a list that opens it reads these fields (`...Securable`). */
export const Securable = graphql(`
  fragment Securable on SecurableObject {
    kind
    owner { name }
    aclIsDefault
    grants { isPublic grantee { name } privileges grantable preset }
    viewerCan { changePrivileges grantablePrivileges transferOwnership reason }
  }
`);

export type SecurableView = SecurableFragment & {
  label: string;
  ref: { kind: ObjectRefKind; schema?: string; name?: string };
};

export type SchemaTableView = Pick<SecurableFragment, 'owner' | 'viewerCan'> & { name: string };

export interface PermissionDialogProps {
  databaseId: string;
  /** The object as the server shows it now: it changes under an open dialog when a live event arrives. */
  object: SecurableView;
  /** The object was dropped while the dialog was open. */
  missing?: boolean;
  roles: string[];
  privilegesByKind: { kind: string; privileges: string[] }[];
  schemaTables: SchemaTableView[];
  viewerRole?: string;
  onClose: () => void;
  /** Re-reads the catalog after a change (or a failed one) so the dialog can start again from what is true now. */
  onApplied?: () => unknown;
}

interface Preview {
  /** The input it was made for: Apply runs it only while the input is still exactly this. */
  key: string;
  sql: string[];
  warnings: string[];
  notes?: ChangeNoteView[];
  /** Apply sends it: the server refuses (nothing runs) if the catalog changed since the preview. */
  previewToken?: string | null;
}

/** The grants previewed, with the offers accepted: Apply sends exactly these, in one setPrivileges. */
interface GrantsPreview extends Preview {
  grants: DesiredGrantInput[];
}

interface OfferState {
  grantee: string | null;
  offer: Offer;
  reason: string;
  accepted: boolean;
}

const PRESET_LABELS: Record<Preset, string> = {
  NONE: 'No access',
  CONNECT: 'Connect',
  CREATE: 'Create',
  READ: 'Read',
  WRITE: 'Write',
  CUSTOM: 'Custom',
};

const OFFER_LABELS: Record<Offer, string> = {
  SCHEMA_USAGE: 'Also grant USAGE on the schema',
  SEQUENCE_USAGE: 'Also grant USAGE on the sequences',
};

const NEEDS_PREVIEW = 'Preview the SQL first: Apply runs exactly what the preview shows.';

const granteeName = (grantee: string | null) => grantee ?? 'PUBLIC';

function denyReason(props: PermissionDialogProps): string {
  if (props.missing) return 'This object no longer exists.';
  return `Your role (${props.viewerRole ?? 'none'}) cannot change privileges here: it neither owns this object nor holds a grant option.`;
}

/** Owner, grants per role with presets, PUBLIC, grant option, transfer of ownership: previewed as SQL before it runs. */
export function PermissionDialog(props: PermissionDialogProps): JSX.Element {
  const [base, setBase] = createSignal(untrack(() => props.object));
  const [drafts, setDrafts] = createSignal<Draft[]>(draftsOf(untrack(() => props.object.grants)));
  const [offers, setOffers] = createSignal<OfferState[]>([]);
  const [preview, setPreview] = createSignal<GrantsPreview | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [applied, setApplied] = createSignal<string | null>(null);

  const original = () => draftsOf(base().grants);
  const order = () => props.privilegesByKind.find((entry) => entry.kind === props.object.kind)?.privileges ?? [];
  const canChange = () => props.object.viewerCan.changePrivileges && !props.missing;
  const grants = () => changedDrafts(original(), drafts());
  const accepted = () => offers().filter((offer) => offer.accepted);
  const inputKey = () =>
    JSON.stringify([
      objectFingerprint(props.object),
      grants(),
      accepted().map((offer) => [offer.grantee, offer.offer]),
    ]);
  const current = () => (preview()?.key === inputKey() ? preview() : null);
  const stale = () => props.missing || objectFingerprint(props.object) !== objectFingerprint(base());

  const reload = () =>
    batch(() => {
      setBase(props.object);
      setDrafts(draftsOf(props.object.grants));
      setOffers([]);
      setPreview(null);
    });
  // Nothing of the user's to lose: follow the server silently. With unsaved edits the notice below asks first.
  createEffect(() => {
    if (stale() && !props.missing && grants().length === 0 && !busy()) untrack(reload);
  });

  const update = (index: number, next: Draft) =>
    batch(() => {
      setDrafts((all) => all.map((draft, position) => (position === index ? next : draft)));
      setOffers([]);
      setPreview(null);
      setApplied(null);
    });
  const addGrantee = (grantee: string | null) =>
    batch(() => {
      setDrafts((all) => [...all, { grantee, privileges: [], grantable: [] }]);
      setPreview(null);
      setApplied(null);
    });
  const setAccepted = (target: OfferState, on: boolean) =>
    batch(() => {
      setOffers((all) => all.map((offer) => (offer === target ? { ...offer, accepted: on } : offer)));
      setPreview(null);
    });

  const acceptedFor = (grantee: string | null, offer: Offer) =>
    accepted().some((item) => item.grantee === grantee && item.offer === offer);
  /** The changed grants, each with the extra USAGE its grantee's accepted offers ask for. */
  const grantsInput = (): DesiredGrantInput[] =>
    grants().map((draft) => ({
      ...draft,
      withSchemaUsage: acceptedFor(draft.grantee, 'SCHEMA_USAGE'),
      withSequenceUsage: acceptedFor(draft.grantee, 'SEQUENCE_USAGE'),
    }));
  const runSet = (input: DesiredGrantInput[], mode: RunMode) =>
    mutate(SetPrivileges, { databaseId: props.databaseId, object: props.object.ref, grants: input, ...mode });

  /** Accepted offers no longer warn (their USAGE is in the SQL): they stay listed, ticked, beside the new ones. */
  const offersAfter = (notes: readonly Note[]): OfferState[] => {
    const found = granteeOffers(notes).map((offer) => ({ ...offer, accepted: false }));
    return [...accepted(), ...found.filter((offer) => !acceptedFor(offer.grantee, offer.offer))];
  };

  const previewChanges = async () => {
    const asked = inputKey();
    const input = grantsInput();
    setError(null);
    setBusy(true);
    try {
      const change = (await runSet(input, { dryRun: true, previewToken: null })).setPrivileges;
      if (inputKey() !== asked || change.__typename !== 'PermissionChange') return;
      batch(() => {
        setOffers(offersAfter(change.notes));
        setPreview({ key: inputKey(), ...change, grants: input });
      });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    const shown = current();
    if (!shown) return;
    setError(null);
    setBusy(true);
    try {
      await runSet(shown.grants, { dryRun: false, previewToken: shown.previewToken ?? null });
      await props.onApplied?.();
      reload();
      setApplied(`Applied ${shown.sql.length} statement${shown.sql.length === 1 ? '' : 's'}.`);
    } catch (failure) {
      setError((failure as Error).message);
      await props.onApplied?.();
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const addable = () => props.roles.filter((role) => !drafts().some((draft) => draft.grantee === role));

  return (
    <Dialog title={`Permissions of ${props.object.label}`} onClose={props.onClose} wide>
      <p>
        Owner: <strong data-testid="owner">{props.object.owner?.name ?? '—'}</strong>
      </p>
      <Show when={stale() && (props.missing || grants().length > 0)}>
        <p class="notice stale" role="alert" data-testid="stale-notice">
          {props.missing
            ? `${props.object.label} was dropped while you were editing.`
            : `${props.object.label} changed while you were editing — reload to start from what is true now (your unsaved changes are discarded).`}{' '}
          <Show when={!props.missing}>
            <button type="button" class="small" onClick={() => reload()}>
              Reload
            </button>
          </Show>
        </p>
      </Show>
      <Show when={!canChange()}>
        <p class="notice">
          {denyReason(props)} {props.object.viewerCan.reason}
        </p>
      </Show>
      <Show when={canChange() && props.object.viewerCan.grantablePrivileges.length < order().length}>
        <p class="muted">
          Greyed-out privileges: your role holds no grant option for them, so it cannot grant or revoke them here.
        </p>
      </Show>
      <table class="grants">
        <thead>
          <tr>
            <th>Grantee</th>
            <th>Access</th>
            <th>Privileges (★ = with grant option)</th>
          </tr>
        </thead>
        <tbody>
          <For each={drafts()}>
            {(draft, index) => (
              <GranteeRow
                kind={props.object.kind}
                draft={draft}
                order={order()}
                canChange={canChange()}
                grantable={props.object.viewerCan.grantablePrivileges}
                reason={denyReason(props)}
                onChange={(next) => update(index(), next)}
              />
            )}
          </For>
        </tbody>
      </table>
      <div class="row">
        <label title={canChange() ? undefined : denyReason(props)}>
          Add a grantee{' '}
          <select
            aria-label="Add a grantee"
            disabled={!canChange()}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (!value) return;
              addGrantee(value === '__PUBLIC__' ? null : value);
              event.currentTarget.value = '';
            }}
          >
            <option value="">Choose a role…</option>
            <Show when={!drafts().some((draft) => draft.grantee === null)}>
              <option value="__PUBLIC__">PUBLIC</option>
            </Show>
            <For each={addable()}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
        </label>
        <button
          type="button"
          onClick={previewChanges}
          disabled={!canChange() || busy() || grants().length === 0}
          title={canChange() ? (grants().length === 0 ? 'Change something first.' : undefined) : denyReason(props)}
        >
          Preview SQL
        </button>
        <button
          type="button"
          class="primary"
          onClick={apply}
          disabled={!current() || busy()}
          title={current() ? undefined : NEEDS_PREVIEW}
        >
          Apply
        </button>
      </div>
      <Show when={offers().length > 0}>
        <div class="offers" data-testid="offers">
          <For each={offers()}>
            {(offer) => (
              <label class="offer">
                <input
                  type="checkbox"
                  aria-label={`${OFFER_LABELS[offer.offer]} to ${granteeName(offer.grantee)}`}
                  checked={offer.accepted}
                  onChange={(event) => setAccepted(offer, event.currentTarget.checked)}
                />{' '}
                {OFFER_LABELS[offer.offer]} to {granteeName(offer.grantee)}
                <span class="warning">⚠ {offer.reason}</span>
              </label>
            )}
          </For>
        </div>
      </Show>
      <ChangeOutcome preview={current()} done={applied()} error={error()} />
      <OwnershipTransfer {...props} />
    </Dialog>
  );
}

/** One grantee's access: a preset, or the privileges ticked one by one (a set equal to a preset shows as it). */
export function GranteeRow(props: {
  kind: ObjectKind;
  draft: Draft;
  order: string[];
  canChange: boolean;
  grantable: string[];
  reason: string;
  onChange: (next: Draft) => void;
}): JSX.Element {
  const name = () => granteeName(props.draft.grantee);
  const presets = (): Preset[] => ['NONE', ...PRESETS[props.kind].map((entry) => entry.preset), 'CUSTOM'];
  const lockedBecause = (privilege: string) => {
    if (!props.canChange) return props.reason;
    if (!props.grantable.includes(privilege))
      return `Your role cannot grant or revoke ${privilege} here: it holds no grant option for it.`;
    return undefined;
  };
  const choosePreset = (select: HTMLSelectElement) => {
    const privileges = privilegesFor(props.kind, select.value as Preset, props.draft.privileges);
    props.onChange({
      ...props.draft,
      privileges,
      grantable: props.draft.grantable.filter((privilege) => privileges.includes(privilege)),
    });
    // "Custom" keeps the set, which may still equal a preset: show what the set really is.
    select.value = presetOf(props.kind, privileges);
  };
  return (
    <tr data-grantee={name()}>
      <td>{props.draft.grantee ?? <em title="Every role, now and future">PUBLIC</em>}</td>
      <td>
        <select
          aria-label={`Access of ${name()}`}
          disabled={!props.canChange}
          title={props.canChange ? undefined : props.reason}
          value={presetOf(props.kind, props.draft.privileges)}
          onChange={(event) => choosePreset(event.currentTarget)}
        >
          <For each={presets()}>{(preset) => <option value={preset}>{PRESET_LABELS[preset]}</option>}</For>
        </select>
      </td>
      <td class="privileges">
        <For each={props.order}>
          {(privilege) => (
            <label class="chip" title={lockedBecause(privilege)}>
              <input
                type="checkbox"
                aria-label={`${privilege} for ${name()}`}
                disabled={lockedBecause(privilege) !== undefined}
                checked={props.draft.privileges.includes(privilege)}
                onChange={(event) =>
                  props.onChange(toggle(props.draft, privilege, event.currentTarget.checked, props.order))
                }
              />
              {privilege}
              <Show when={props.draft.privileges.includes(privilege)}>
                <input
                  type="checkbox"
                  title={
                    props.draft.grantee === null
                      ? 'PUBLIC cannot hold a grant option'
                      : (lockedBecause(privilege) ?? 'WITH GRANT OPTION')
                  }
                  aria-label={`${privilege} with grant option for ${name()}`}
                  disabled={lockedBecause(privilege) !== undefined || props.draft.grantee === null}
                  checked={props.draft.grantable.includes(privilege)}
                  onChange={(event) =>
                    props.onChange({
                      ...props.draft,
                      grantable: event.currentTarget.checked
                        ? [...props.draft.grantable, privilege]
                        : props.draft.grantable.filter((item) => item !== privilege),
                    })
                  }
                />
                ★
              </Show>
            </label>
          )}
        </For>
      </td>
    </tr>
  );
}

function OwnershipTransfer(props: PermissionDialogProps): JSX.Element {
  const [newOwner, setNewOwner] = createSignal('');
  const [tables, setTables] = createSignal<string[]>([]);
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const allowed = () => props.object.viewerCan.transferOwnership && !props.missing;
  const reason = () =>
    props.missing
      ? 'This object no longer exists.'
      : (props.object.viewerCan.reason ??
        'Only the owner, a member of the owning role or a superuser transfers ownership.');
  // The tables' owners are part of what was previewed: a change to them makes the preview stale too.
  const inputKey = () =>
    JSON.stringify([
      newOwner(),
      [...tables()].sort(),
      objectFingerprint(props.object),
      props.schemaTables.map((table) => [table.name, table.owner?.name]),
    ]);
  const current = () => (preview()?.key === inputKey() ? preview() : null);
  const edit = (change: () => void) =>
    batch(() => {
      change();
      setPreview(null);
      setDone(null);
    });
  const run = (mode: RunMode) =>
    mutate(TransferOwnership, {
      databaseId: props.databaseId,
      object: props.object.ref,
      newOwner: newOwner(),
      tables: tables(),
      ...mode,
    });
  const previewTransfer = async () => {
    const asked = inputKey();
    setError(null);
    setBusy(true);
    try {
      const change = (await run({ dryRun: true, previewToken: null })).transferOwnership;
      if (change.__typename === 'PermissionChange' && inputKey() === asked) setPreview({ key: asked, ...change });
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const transfer = async () => {
    const shown = current();
    if (!shown) return;
    setError(null);
    setBusy(true);
    try {
      await run({ dryRun: false, previewToken: shown.previewToken ?? null });
      await props.onApplied?.();
      batch(() => {
        setNewOwner('');
        setTables([]);
        setPreview(null);
        setDone(`Ownership transferred (${shown.sql.length} statement${shown.sql.length === 1 ? '' : 's'}).`);
      });
    } catch (failure) {
      setError((failure as Error).message);
      setPreview(null);
      await props.onApplied?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="transfer">
      <summary>Transfer ownership</summary>
      <Show when={!allowed()}>
        <p class="notice">{reason()}</p>
      </Show>
      <fieldset disabled={!allowed()} title={allowed() ? undefined : reason()}>
        <label>
          New owner{' '}
          <select
            aria-label="New owner"
            value={newOwner()}
            onChange={(event) => {
              const value = event.currentTarget.value;
              edit(() => setNewOwner(value));
            }}
          >
            <option value="">Choose a role…</option>
            <For each={props.roles}>{(role) => <option value={role}>{role}</option>}</For>
          </select>
        </label>
        <Show when={props.object.kind === 'SCHEMA' && props.schemaTables.length > 0}>
          <fieldset>
            <legend>Also transfer these tables (owned by your role or its groups)</legend>
            <For each={props.schemaTables}>
              {(table) => (
                <label
                  class="chip"
                  title={table.viewerCan.transferOwnership ? undefined : (table.viewerCan.reason ?? undefined)}
                >
                  <input
                    type="checkbox"
                    aria-label={`Also transfer ${table.name}`}
                    disabled={!table.viewerCan.transferOwnership}
                    checked={tables().includes(table.name)}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      edit(() =>
                        setTables((all) => (on ? [...all, table.name] : all.filter((name) => name !== table.name))),
                      );
                    }}
                  />
                  {table.name}
                  <Show when={!table.viewerCan.transferOwnership}>
                    <span class="muted"> (owned by {table.owner?.name ?? 'another role'}: not yours to give)</span>
                  </Show>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <div class="row">
          <button
            type="button"
            disabled={!newOwner() || busy()}
            title={newOwner() ? undefined : 'Choose the new owner first.'}
            onClick={previewTransfer}
          >
            Preview SQL
          </button>
          <button
            type="button"
            class="primary"
            disabled={!current() || busy()}
            title={current() ? undefined : NEEDS_PREVIEW}
            onClick={transfer}
          >
            Transfer
          </button>
        </div>
      </fieldset>
      <ChangeOutcome preview={current()} done={done()} error={error()} />
    </details>
  );
}
